// The JSON Schemas the project publishes (schemas/*.json), computed from the declarations in src/core/shapes.
// Used by scripts/write-schemas.ts and by the test that compares them with the committed files.
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { ExportedArticleSchema, HTTP_URL_PATTERN, isHttpProtocol } from '../src/core/shapes/article';
import { ExportFileSchema } from '../src/core/shapes/export-file';

const BASE_ID = 'https://provincial-news-archiver.invalid/schemas/';

export function publishedSchemas(): Record<string, JsonSchema> {
  const exportFile = toJsonSchema(ExportFileSchema, {
    target: 'draft-2020-12',
    definitions: { article: ExportedArticleSchema },
    // The one custom check, the URLs' protocol, is stated as a pattern; any other check fails the conversion.
    overrideAction: ({ valibotAction, jsonSchema }) => (valibotAction.type === 'check' && (valibotAction as { requirement?: unknown }).requirement === isHttpProtocol
      ? { ...jsonSchema, format: 'uri', pattern: HTTP_URL_PATTERN } : undefined),
    // An export never writes a key the declaration lacks (the importer reads past unknown ones: pickArticle).
    overrideSchema: ({ valibotSchema, jsonSchema }) => (valibotSchema.type === 'object' ? { ...jsonSchema, additionalProperties: false } : undefined),
  });
  return { 'export.schema.json': { $schema: exportFile.$schema, $id: `${BASE_ID}export.schema.json`, ...exportFile } };
}
