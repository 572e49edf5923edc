// Reads import files a line at a time, so that archives of any size import without holding the file in memory:
// NDJSON (one article a line) and our own JSON export, which writes one article a line between its head and tail.
// Other JSON layouts (pretty-printed by another tool) are not streamable; the caller parses those whole.
import { EXPORT_FORMAT } from './export-json';
import { ImportFileError, validateRows, type ImportRow } from './import-parse';
import { EXPORT_VERSION } from './export-json';

export class NotStreamableError extends Error {}

/**
 * The text of a file (or any Blob) as a stream of decoded chunks, never whole in memory; `onBytes` hears how many
 * bytes have been read so far.
 */
export async function* textChunksOf(blob: Blob, onBytes?: (read: number) => void): AsyncGenerator<string> {
  const reader = blob.stream().getReader();
  const decoder = new TextDecoder();
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    onBytes?.(read);
    const text = decoder.decode(value, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Splits a stream of text chunks into lines (without their line ends). */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of chunks) {
    rest += chunk;
    let at: number;
    while ((at = rest.indexOf('\n')) >= 0) {
      yield rest.slice(0, at).replace(/\r$/, '');
      rest = rest.slice(at + 1);
    }
  }
  if (rest) yield rest.replace(/\r$/, '');
}

const HEAD = /^\uFEFF?\s*\{"format":.*"articles":\[\s*$/;
const TAIL = /^\s*\](,"count":\d+)?\}\s*$/;

function parseHead(line: string): Record<string, unknown> {
  try {
    return JSON.parse(`${line.replace(/^\uFEFF/, '').trim()}]}`) as Record<string, unknown>;
  } catch {
    throw new NotStreamableError();
  }
}

function headVersion(head: Record<string, unknown>): number {
  if (head.format !== EXPORT_FORMAT) throw new ImportFileError('wrong-shape', `The file is not an export of this extension ("format" is ${JSON.stringify(head.format ?? null)})`);
  const version = head.version;
  if (!Number.isInteger(version) || (version as number) < 1) throw new ImportFileError('wrong-shape', '"version" is missing or not a positive whole number');
  if ((version as number) > EXPORT_VERSION) {
    throw new ImportFileError('future-version', `The file was written by a newer version of the format (${String(version)}); this extension reads up to version ${EXPORT_VERSION}.`);
  }
  return version as number;
}

/**
 * Yields validated rows in batches. Throws ImportFileError for whole-file problems (wrong format, future version,
 * a JSON export cut off before its end) and NotStreamableError when the layout needs a whole-file parse.
 */
export async function* importRowsFromLines(lines: AsyncIterable<string>, batchSize = 1000, onHead?: (head: Record<string, unknown>) => void): AsyncGenerator<ImportRow[]> {
  const seen = new Map<string, number>();
  let mode: 'json' | 'ndjson' | null = null;
  let version = EXPORT_VERSION;
  let closed = false;
  let row = 0;
  let pending: Array<{ row: number; raw: unknown; error?: string }> = [];

  const flush = (): ImportRow[] => {
    const raws = pending.map((p) => (p.error ? {} : p.raw));
    // Rows are numbered consecutively, so the batch's first row number places every row.
    const validated = validateRows(raws, version, pending[0].row);
    const out = validated.map((v, i): ImportRow => {
      const p = pending[i];
      if (p.error) return { row: p.row, ok: false, reason: p.error };
      if (!v.ok) return v;
      const earlier = seen.get(v.article.id);
      if (earlier !== undefined) return { row: p.row, ok: false, reason: `duplicate id "${v.article.id}" (also row ${earlier})` };
      seen.set(v.article.id, p.row);
      return v;
    });
    pending = [];
    return out;
  };

  for await (const rawLine of lines) {
    const line = rawLine.trim();
    if (!line) continue;
    if (mode === null) {
      if (HEAD.test(line)) {
        mode = 'json';
        const head = parseHead(line);
        version = headVersion(head);
        onHead?.(head);
        continue;
      }
      // NDJSON only if the first line is a whole object of its own (a pretty-printed file starts with "{").
      let first: unknown;
      try { first = JSON.parse(line); } catch { throw new NotStreamableError(); }
      // An object with "format" or "articles" is an export (maybe a broken one), not an article: parsed whole, so
      // that its problem is named for the file rather than reported as one rejected row.
      if (typeof first !== 'object' || first === null || Array.isArray(first) || 'format' in first || 'articles' in first) throw new NotStreamableError();
      mode = 'ndjson';
    }
    if (closed) throw new ImportFileError('not-json', 'Data continues after the end of the export');
    if (mode === 'json' && TAIL.test(line)) {
      closed = true;
      continue;
    }
    row++;
    const text = mode === 'json' ? line.replace(/^,/, '').replace(/,$/, '') : line;
    try {
      pending.push({ row, raw: JSON.parse(text) });
    } catch (error) {
      // In our JSON layout a broken line means a damaged file, not one bad row.
      if (mode === 'json') throw new NotStreamableError();
      pending.push({ row, raw: null, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (pending.length >= batchSize) yield flush();
  }
  if (mode === null) throw new ImportFileError('empty', 'The file is empty');
  if (mode === 'json' && !closed) throw new ImportFileError('truncated', 'The file ends before the end of the export (truncated)');
  if (pending.length) yield flush();
}
