// Reads an import file (our JSON export, or NDJSON with one article a line) into validated rows. Nothing here
// touches the archive: the caller applies the rows in transactions only when the file as a whole is readable.
import type { Article } from '../types';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-json';
import { articleProblems, pickArticle } from './validate-article';
import { cleanName } from './collections';

/** JSON must be parsed whole; past this size only NDJSON (read line by line) is accepted. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;

type ImportFileErrorCode = 'empty' | 'not-json' | 'truncated' | 'wrong-shape' | 'future-version' | 'too-large'
  // A ZIP or WACZ: an entry whose path leaves its folder, bytes that do not match their hash, a WARC record whose
  // length is not what it says, a package that is not one of this extension's.
  | 'unsafe-path' | 'bad-hash' | 'bad-record' | 'not-ours';

export class ImportFileError extends Error {
  constructor(public readonly code: ImportFileErrorCode, message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export type ImportRow =
  /** `collections`: the named collections the file says the article is in (cleaned names, each once). */
  | { row: number; ok: true; article: Article; collections?: string[] }
  | { row: number; ok: false; reason: string };

interface ParsedImport {
  format: 'json' | 'ndjson';
  version: number;
  rows: ImportRow[];
  /** The named collection the file was exported from, if it was. */
  collection?: string;
}

/** The named collection an export file holds (its filter says so), cleaned; undefined for anything else. */
export function collectionOfExport(head: Record<string, unknown>): string | undefined {
  const filter = head.filter as { collection?: unknown } | null | undefined;
  return (typeof filter?.collection === 'string' && cleanName(filter.collection)) || undefined;
}

/** Upgrades an article written by an older format version to the current shape (version 1 is the first). */
function upgradeArticle(raw: unknown, _fromVersion: number): unknown {
  return raw;
}

export function validateRows(raws: unknown[], version: number, firstRow = 1): ImportRow[] {
  const seen = new Map<string, number>();
  return raws.map((raw, i) => {
    const row = firstRow + i;
    const upgraded = upgradeArticle(raw, version);
    const problems = articleProblems(upgraded);
    if (problems.length) return { row, ok: false, reason: problems.join('; ') };
    const article = pickArticle(upgraded as Record<string, unknown>);
    const earlier = seen.get(article.id);
    if (earlier !== undefined) return { row, ok: false, reason: `duplicate id "${article.id}" (also row ${earlier})` };
    seen.set(article.id, row);
    const names = (upgraded as { collections?: string[] }).collections;
    const collections = names?.length ? [...new Set(names.map(cleanName))] : undefined;
    return { row, ok: true, article, ...(collections ? { collections } : {}) };
  });
}

function describeJsonError(error: unknown, text: string): ImportFileError {
  const message = error instanceof Error ? error.message : String(error);
  // Engines word this differently; an error at (or near) the very end means the file was cut short.
  const at = /position (\d+)/.exec(message);
  const nearEnd = at ? Number(at[1]) >= text.trimEnd().length - 2 : /end of (JSON )?input|unterminated|unexpected end/i.test(message);
  return nearEnd
    ? new ImportFileError('truncated', `The file ends in the middle of the data (truncated): ${message}`)
    : new ImportFileError('not-json', `The file is not valid JSON: ${message}`);
}

function checkVersion(version: unknown): number {
  if (!Number.isInteger(version) || (version as number) < 1) throw new ImportFileError('wrong-shape', '"version" is missing or not a positive whole number');
  if ((version as number) > EXPORT_VERSION) {
    throw new ImportFileError('future-version', `The file was written by a newer version of the format (${String(version)}); this extension reads up to version ${EXPORT_VERSION}. Update the extension to import it.`);
  }
  return version as number;
}

function looksLikeArticleLine(line: string): boolean {
  if (!line.trimStart().startsWith('{')) return false;
  try {
    const first: unknown = JSON.parse(line);
    return typeof first === 'object' && first !== null && !Array.isArray(first) && !('format' in first) && !('articles' in first);
  } catch {
    return false;
  }
}

export function parseImportText(text: string): ParsedImport {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new ImportFileError('empty', 'The file is empty');
  if (body.length > MAX_JSON_BYTES && body.trimStart().startsWith('{"format"')) {
    throw new ImportFileError('too-large', 'The JSON file is too large to read at once; export as NDJSON instead');
  }
  // NDJSON: several lines, the first a complete article object; its other lines may be broken (row errors).
  const lines = body.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length > 1 && looksLikeArticleLine(lines[0])) return parseNdjsonLines(lines);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw describeJsonError(error, body);
  }
  if (Array.isArray(data)) throw new ImportFileError('wrong-shape', 'The file holds a list, not an export of this extension (expected an object with "format" and "articles")');
  if (typeof data !== 'object' || data === null) throw new ImportFileError('wrong-shape', 'The file does not hold an export of this extension (expected an object with "format" and "articles")');
  const file = data as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) {
    throw new ImportFileError('wrong-shape', `The file is not an export of this extension ("format" is ${JSON.stringify(file.format ?? null)}, expected "${EXPORT_FORMAT}")`);
  }
  const version = checkVersion(file.version);
  if (!Array.isArray(file.articles)) throw new ImportFileError('wrong-shape', '"articles" is missing or not a list');
  return { format: 'json', version, rows: validateRows(file.articles, version), collection: collectionOfExport(file) };
}

function parseNdjsonLines(lines: string[], firstRow = 1, version = EXPORT_VERSION): ParsedImport {
  const raws: unknown[] = [];
  const rows: ImportRow[] = [];
  lines.forEach((line, i) => {
    try {
      raws[i] = JSON.parse(line);
    } catch (error) {
      raws[i] = undefined;
      rows[i] = { row: firstRow + i, ok: false, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  });
  const validated = validateRows(raws.map((r, i) => (rows[i] ? {} : r)), version, firstRow);
  return { format: 'ndjson', version, rows: validated.map((r, i) => rows[i] ?? r) };
}
