// The validation pass of an import, shared by the archive page and the tests: every row of the file is checked
// before anything is written. Streamable layouts (NDJSON, our own JSON export) are read line by line and never
// held whole; other JSON is parsed whole only below MAX_JSON_BYTES, so a huge file is refused from its size alone.
import { collectionOfExport, ImportFileError, MAX_JSON_BYTES, parseImportText, type ImportRow } from './import-parse';
import { importRowsFromLines, linesOf, NotStreamableError, textChunksOf } from './import-stream';

/**
 * A file read line by line (rows counted; re-read to apply), or its rows parsed whole; `collection` names the
 * collection an export of one came from.
 */
export type ImportSource = ({ streamed: true; rows: number } | { streamed: false; rows: ImportRow[] }) & { valid: number; collection?: string };

export async function readImportSource(file: Blob): Promise<ImportSource> {
  try {
    let rows = 0, valid = 0;
    let collection: string | undefined;
    for await (const batch of importRowsFromLines(linesOf(textChunksOf(file)), undefined, (head) => { collection = collectionOfExport(head); })) {
      rows += batch.length;
      valid += batch.filter((r) => r.ok).length;
    }
    return { streamed: true, rows, valid, collection };
  } catch (error) {
    if (!(error instanceof NotStreamableError)) throw error;
  }
  if (file.size > MAX_JSON_BYTES) throw new ImportFileError('too-large', `The JSON file is too large to read at once (${(file.size / 1_073_741_824).toFixed(1)} GB); export it as NDJSON instead`);
  const { rows, collection } = parseImportText(await file.text());
  return { streamed: false, rows, valid: rows.filter((r) => r.ok).length, collection };
}

/** The rows to apply: re-streamed from the file, or the list parsed in the validation pass. */
export function importRowsOf(file: Blob, source: ImportSource): ImportRow[] | AsyncIterable<ImportRow[]> {
  return source.streamed ? importRowsFromLines(linesOf(textChunksOf(file))) : source.rows;
}
