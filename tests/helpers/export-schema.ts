import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../schemas/export.schema.json'), 'utf8'));

/** Validates an export file against schemas/export.schema.json; returns readable errors (empty when valid). */
export function exportSchemaErrors(file: unknown): string[] {
  const validate = compiled();
  if (validate(file)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

let validator: ReturnType<Ajv2020['compile']> | undefined;
function compiled() {
  if (validator) return validator;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return (validator = ajv.compile(schema));
}
