// Opens an import file of any kind the archive page accepts: our JSON or NDJSON (import-read.ts), a "JSON + tệp ảnh"
// ZIP or a WACZ made here. The whole file is checked before the caller writes anything: for a ZIP every entry's path,
// the articles through the JSON import's validators, the media index's shape, and every image and original page
// against the SHA-256 in its name. What it gives back re-reads the file, a batch at a time, when applied.
import * as v from 'valibot';
import { importRowsOf, readImportSource, type ImportSource } from './import-read';
import { ImportFileError, type ImportRow } from './import-parse';
import { importRowsFromLines, linesOf, textChunksOf } from './import-stream';
import { entryBlob, entrySlice, gunzipBounded, MAX_MEDIA_BYTES, MAX_ORIGINAL_BYTES, sha256Hex, zipEntries, type FileEntry } from './zip-io';
import { mediaPath, originalPath, ZIP_ARTICLES, ZIP_FORMAT, ZIP_MANIFEST, ZIP_MEDIA_INDEX, ZIP_VERSION } from './export-zip';
import { ArticleMediaLineSchema, type ArticleMediaLine } from '../shapes/media-bundle';
import { sentences } from '../shapes/wording';
import { loadFromLines, type ImportMedia } from './import-media';
import { openWaczImport } from './import-wacz';
import { Sha256 } from './sha256-stream';

export interface ReadOptions {
  onProgress?: (bytesRead: number, bytes: number) => void;
  signal?: AbortSignal;
}

/** A checked import file, ready to apply. */
export interface ImportPlan {
  source: ImportSource;
  rows(): ImportRow[] | AsyncIterable<ImportRow[]>;
  /** Images and originals the file carries (a ZIP or WACZ). */
  media?: ImportMedia;
  /** Smaller batches when each article brings its images. */
  batchSize?: number;
  close(): Promise<void>;
}

/** Batches of 100 articles with their images: a batch's images are held until it is written. */
export const MEDIA_BATCH = 100;
const MAX_TEXT_ENTRY = 8 * 1024 * 1024 * 1024;
const MAX_INDEX_ENTRY = 1024 * 1024 * 1024;

async function isZip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6);
}

export async function openImport(file: Blob, options: ReadOptions = {}): Promise<ImportPlan> {
  if (!(await isZip(file))) {
    const source = await readImportSource(file, options);
    return { source, rows: () => importRowsOf(file, source), close: () => Promise.resolve() };
  }
  const { reader, entries } = await zipEntries(file, 'ZIP');
  try {
    if (entries.has('datapackage.json')) return await openWaczImport(file, reader, entries, options);
    return await openZipImport(file, reader, entries, options);
  } catch (error) {
    await reader.close();
    throw error;
  }
}

/** Validated rows of an articles file in batches: re-read line by line, or the list parsed whole. */
export function rowBatches(blob: Blob, source: ImportSource, size: number): ImportRow[] | AsyncIterable<ImportRow[]> {
  if (source.streamed) return importRowsFromLines(linesOf(textChunksOf(blob)), size);
  return source.rows;
}

/** The media index: one checked line per article; a broken line refuses the file (it would lose images silently). */
export async function mediaLinesOf(blob: Blob, what: string): Promise<Map<string, ArticleMediaLine>> {
  const lines = new Map<string, ArticleMediaLine>();
  let n = 0;
  for await (const text of linesOf(textChunksOf(blob))) {
    n++;
    if (!text.trim()) continue;
    let raw: unknown;
    try { raw = JSON.parse(text); } catch { throw new ImportFileError('wrong-shape', `${what}, line ${n}, is not valid JSON`); }
    const parsed = v.safeParse(ArticleMediaLineSchema, raw);
    if (!parsed.success) throw new ImportFileError('wrong-shape', `${what}, line ${n}: ${sentences(parsed.issues).join('; ')}`);
    lines.set(parsed.output.articleId, parsed.output);
  }
  return lines;
}

function need(entries: Map<string, FileEntry>, path: string): FileEntry {
  const entry = entries.get(path);
  if (!entry) throw new ImportFileError('wrong-shape', `The ZIP file has no ${path}`);
  return entry;
}

/** The manifest's claims checked; returns the SHA-256 it gives each text file. */
async function checkManifest(entries: Map<string, FileEntry>): Promise<Record<string, unknown>> {
  let manifest: { format?: unknown; version?: unknown; sha256?: Record<string, unknown> };
  try {
    manifest = JSON.parse(await (await entryBlob(need(entries, ZIP_MANIFEST), 1024 * 1024)).text()) as typeof manifest;
  } catch (error) {
    if (error instanceof ImportFileError && error.code !== 'wrong-shape') throw error;
    throw new ImportFileError('not-ours', 'The ZIP file is not an export of this extension (no readable manifest.json)');
  }
  if (manifest.format !== ZIP_FORMAT) throw new ImportFileError('not-ours', `The ZIP file is not an export of this extension ("format" is ${JSON.stringify(manifest.format ?? null)})`);
  if (typeof manifest.version !== 'number' || manifest.version > ZIP_VERSION) {
    throw new ImportFileError('future-version', `The ZIP file was written by a newer version of the format (${String(manifest.version)}); this extension reads up to version ${ZIP_VERSION}.`);
  }
  return manifest.sha256 ?? {};
}

/** A text file of the ZIP, read in place, of the SHA-256 the manifest gives it. */
async function checkedText(file: Blob, entries: Map<string, FileEntry>, path: string, hashes: Record<string, unknown>, max: number): Promise<Blob> {
  const blob = await entrySlice(file, need(entries, path), max);
  const hasher = new Sha256();
  const reader = blob.stream().getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) hasher.update(chunk.value);
  if (hasher.hex() !== hashes[path]) throw new ImportFileError('bad-hash', `${path} does not match its SHA-256 in manifest.json`);
  return blob;
}

/** Every image and original in the ZIP has the bytes its name says (SHA-256) and every reference has its file. */
async function checkZipMedia(entries: Map<string, FileEntry>, lines: Map<string, ArticleMediaLine>, options: ReadOptions, bytes: number): Promise<void> {
  let read = 0;
  for (const [path, entry] of entries) {
    options.signal?.throwIfAborted();
    const image = /^media\/([0-9a-f]{64})\.[a-z0-9]{1,8}$/.exec(path);
    const original = /^originals\/([0-9a-f]{64})\.html\.gz$/.exec(path);
    if (!image && !original) continue;
    const blob = await entryBlob(entry, image ? MAX_MEDIA_BYTES : MAX_ORIGINAL_BYTES);
    const content = original ? await gunzipBounded(blob, MAX_ORIGINAL_BYTES, path) : blob;
    if ((await sha256Hex(content)) !== (image ?? original)![1]) throw new ImportFileError('bad-hash', `${path} does not hold the bytes its name says (SHA-256 differs)`);
    read += entry.compressedSize;
    options.onProgress?.(read, bytes);
  }
  for (const line of lines.values()) {
    for (const m of line.media) need(entries, mediaPath(m));
    if (line.original) need(entries, originalPath(line.original.sha256));
  }
}

async function openZipImport(file: Blob, reader: { close(): Promise<unknown> }, entries: Map<string, FileEntry>, options: ReadOptions): Promise<ImportPlan> {
  const hashes = await checkManifest(entries);
  const bytes = [...entries.values()].reduce((sum, e) => sum + e.compressedSize, 0);
  // Read in place (our exports store the text uncompressed), then line by line by the JSON import's validators.
  const articles = await checkedText(file, entries, ZIP_ARTICLES, hashes, MAX_TEXT_ENTRY);
  const source = await readImportSource(articles, { signal: options.signal });
  const lines = await mediaLinesOf(await checkedText(file, entries, ZIP_MEDIA_INDEX, hashes, MAX_INDEX_ENTRY), ZIP_MEDIA_INDEX);
  await checkZipMedia(entries, lines, options, bytes);
  const media: ImportMedia = {
    load: (ids) => loadFromLines(ids, lines,
      async (sha256, type) => entryBlob(need(entries, mediaPath({ sha256, type })), MAX_MEDIA_BYTES, type),
      async (line) => entryBlob(need(entries, originalPath(line.original!.sha256)), MAX_ORIGINAL_BYTES, 'application/gzip')),
  };
  return { source, rows: () => rowBatches(articles, source, MEDIA_BATCH), media, batchSize: MEDIA_BATCH, close: async () => { await reader.close(); } };
}
