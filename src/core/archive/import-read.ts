// The validation pass of an import, shared by the archive page and the tests: every row of the file is checked
// before anything is written. Streamable layouts (NDJSON, our own JSON export) are read line by line and never
// held whole; other JSON is parsed whole only below MAX_JSON_BYTES, so a huge file is refused from its size alone.
import { collectionOfExport, ImportFileError, MAX_JSON_BYTES, parseImportText, type ImportRow } from './import-parse';
import { importRowsFromLines, linesOf, NotStreamableError, textChunksOf } from './import-stream';

/**
 * A file read line by line (rows counted; re-read to apply), or its rows parsed whole; `collection` names the
 * collection an export of one came from, `collections` every collection its rows say they are in.
 */
export type ImportSource = ({ streamed: true; rows: number } | { streamed: false; rows: ImportRow[] }) & { valid: number; collection?: string; collections: string[] };

/** The collections rows name, each once, in Vietnamese order. */
function collectionsOf(rows: ImportRow[], into = new Set<string>()): Set<string> {
  for (const r of rows) if (r.ok) for (const name of r.collections ?? []) into.add(name);
  return into;
}
const sortedNames = (names: Set<string>) => [...names].sort((a, b) => a.localeCompare(b, 'vi'));

interface ReadOptions {
  /** Bytes of the file checked so far (the number of rows is not known before the end). */
  onProgress?: (bytesRead: number, bytes: number) => void;
  /** Stops the check between batches of rows (an AbortError). */
  signal?: AbortSignal;
}

export async function readImportSource(file: Blob, options: ReadOptions = {}): Promise<ImportSource> {
  const onBytes = options.onProgress && ((read: number) => options.onProgress!(read, file.size));
  try {
    let rows = 0, valid = 0;
    let collection: string | undefined;
    const names = new Set<string>();
    for await (const batch of importRowsFromLines(linesOf(textChunksOf(file, onBytes)), undefined, (head) => { collection = collectionOfExport(head); })) {
      options.signal?.throwIfAborted();
      rows += batch.length;
      valid += batch.filter((r) => r.ok).length;
      collectionsOf(batch, names);
    }
    return { streamed: true, rows, valid, collection, collections: sortedNames(names) };
  } catch (error) {
    if (!(error instanceof NotStreamableError)) throw error;
  }
  if (file.size > MAX_JSON_BYTES) throw new ImportFileError('too-large', `The JSON file is too large to read at once (${(file.size / 1_073_741_824).toFixed(1)} GB); export it as NDJSON instead`);
  const text = await file.text();
  options.signal?.throwIfAborted();
  const { rows, collection } = parseImportText(text);
  return { streamed: false, rows, valid: rows.filter((r) => r.ok).length, collection, collections: sortedNames(collectionsOf(rows)) };
}

/** The rows to apply: re-streamed from the file, or the list parsed in the validation pass. */
export function importRowsOf(file: Blob, source: ImportSource): ImportRow[] | AsyncIterable<ImportRow[]> {
  return source.streamed ? importRowsFromLines(linesOf(textChunksOf(file))) : source.rows;
}
