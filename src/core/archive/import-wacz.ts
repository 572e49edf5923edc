// Imports a WACZ made here. The articles come back from the WARC's metadata records (the archived article and its
// media line, written by the export), not from a second extraction of the stored page: the extractor needs the
// page's live context and might read it differently, and the metadata record gives back exactly what was archived.
// Images and original pages come from their response records, found by their payload's SHA-256 (the hash the
// archive files them under). Before anything is written: datapackage.json's hashes and sizes are checked against
// the files, and every WARC record is parsed, its length checked against its block digest and its payload
// against its payload digest. A WACZ from another tool (no metadata records) is refused: it holds no articles.
import * as v from 'valibot';
import { WARCParser } from 'warcio';
import { ImportFileError } from './import-parse';
import { readImportSource } from './import-read';
import { entryBlob, entrySlice, isSafeEntryPath, MAX_MEDIA_BYTES, sha256Hex, type FileEntry } from './zip-io';
import { Sha256 } from './sha256-stream';
import { ArticleMediaLineSchema, type ArticleMediaLine } from '../shapes/media-bundle';
import { sentences } from '../shapes/wording';
import { loadFromLines } from './import-media';
import { MEDIA_BATCH, rowBatches, type ImportPlan, type ReadOptions } from './import-package';

const MAX_WARC = 64 * 1024 * 1024 * 1024;
const MAX_JSON = 16 * 1024 * 1024;

interface Located { offset: number; length: number }

async function hashOfEntry(file: Blob, entry: FileEntry, max: number): Promise<{ hash: string; bytes: number; blob: Blob }> {
  const blob = await entrySlice(file, entry, max);
  const hasher = new Sha256();
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hasher.update(value);
  }
  return { hash: `sha256:${hasher.hex()}`, bytes: blob.size, blob };
}

/** datapackage.json and its digest: each resource's file present, of the size and SHA-256 it states. */
async function checkDatapackage(file: Blob, entries: Map<string, FileEntry>): Promise<Map<string, Blob>> {
  const raw = await entryBlob(entries.get('datapackage.json')!, MAX_JSON);
  const digestEntry = entries.get('datapackage-digest.json');
  if (digestEntry) {
    const digest = JSON.parse(await (await entryBlob(digestEntry, MAX_JSON)).text()) as { hash?: unknown };
    if (digest.hash !== `sha256:${await sha256Hex(raw)}`) throw new ImportFileError('bad-hash', 'datapackage.json does not match the hash in datapackage-digest.json');
  }
  let pkg: { profile?: unknown; resources?: Array<{ path?: unknown; hash?: unknown; bytes?: unknown }> };
  try { pkg = JSON.parse(await raw.text()) as typeof pkg; } catch { throw new ImportFileError('wrong-shape', 'datapackage.json is not valid JSON'); }
  if (!Array.isArray(pkg.resources)) throw new ImportFileError('wrong-shape', 'datapackage.json lists no resources');
  const files = new Map<string, Blob>();
  for (const r of pkg.resources) {
    const path = String(r.path);
    if (!isSafeEntryPath(path)) throw new ImportFileError('unsafe-path', `datapackage.json names a file whose path leaves the package: ${JSON.stringify(path)}`);
    const entry = entries.get(path);
    if (!entry) throw new ImportFileError('truncated', `The WACZ file lacks ${path}, which datapackage.json lists`);
    const { hash, bytes, blob } = await hashOfEntry(file, entry, MAX_WARC);
    if (bytes !== r.bytes) throw new ImportFileError('bad-record', `${path} has ${bytes} bytes; datapackage.json says ${String(r.bytes)}`);
    if (hash !== r.hash) throw new ImportFileError('bad-hash', `${path} does not match its hash in datapackage.json`);
    files.set(path, blob);
  }
  return files;
}

const CRLF2 = [13, 10, 13, 10];
function afterHttpHead(block: Uint8Array): Uint8Array {
  for (let i = 0; i + 3 < block.length; i++) if (CRLF2.every((b, j) => block[i + j] === b)) return block.subarray(i + 4);
  throw new ImportFileError('bad-record', 'A WARC response record has no end to its HTTP headers');
}

interface WarcScan { located: Map<string, Located>; lines: Map<string, ArticleMediaLine>; articles: Blob }

/** One record checked: its length against its block digest, its payload against its payload digest. */
async function checkRecord(record: { warcType?: string; warcContentLength: number; warcBlockDigest?: string | null; warcPayloadDigest?: string | null }, block: Uint8Array, n: number): Promise<Uint8Array> {
  if (block.length !== record.warcContentLength) throw new ImportFileError('bad-record', `WARC record ${n} is shorter than its Content-Length says`);
  if (record.warcBlockDigest && record.warcBlockDigest !== `sha256:${await sha256Hex(block)}`) {
    throw new ImportFileError('bad-record', `WARC record ${n} does not hold the bytes its length and digest say (its Content-Length or content is wrong)`);
  }
  const payload = record.warcType === 'response' ? afterHttpHead(block) : block;
  if (record.warcPayloadDigest && record.warcPayloadDigest !== `sha256:${await sha256Hex(payload)}`) throw new ImportFileError('bad-hash', `WARC record ${n}'s content does not match its digest`);
  return payload;
}

/** Every record of the WARC, in order; the articles' metadata gathered, the stored bodies located by SHA-256. */
async function scanWarc(warc: Blob, gzip: boolean, options: ReadOptions): Promise<WarcScan> {
  const scan: WarcScan = { located: new Map(), lines: new Map(), articles: new Blob([]) };
  const articleLines: Blob[] = [];
  const parser = new WARCParser(warc.stream(), { parseHttp: false });
  let n = 0;
  try {
    for await (const record of parser) {
      n++;
      options.signal?.throwIfAborted();
      const block = await record.readFully(false);
      const payload = await checkRecord(record, block, n);
      if (record.warcType === 'response' || record.warcType === 'resource') {
        scan.located.set(await sha256Hex(payload), { offset: parser.offset, length: parser.recordLength });
      } else if (record.warcType === 'metadata' && /^application\/json/.test(record.warcContentType ?? '')) {
        articleLines.push(new Blob([`${metadataArticle(payload, n, scan.lines)}\n`]));
      }
      options.onProgress?.(gzip ? parser.offset : parser.offset + parser.recordLength, warc.size);
    }
  } catch (error) {
    if (error instanceof ImportFileError || (error instanceof DOMException && error.name === 'AbortError')) throw error;
    throw new ImportFileError('bad-record', `WARC record ${n + 1} cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  scan.articles = new Blob(articleLines);
  return scan;
}

/** A metadata record's article (as a line for the JSON import's validators); its media line checked and kept. */
function metadataArticle(payload: Uint8Array, n: number, lines: Map<string, ArticleMediaLine>): string {
  let data: { article?: unknown; media?: unknown };
  try { data = JSON.parse(new TextDecoder().decode(payload)) as typeof data; } catch { throw new ImportFileError('wrong-shape', `WARC metadata record ${n} is not valid JSON`); }
  const media = v.safeParse(ArticleMediaLineSchema, data.media);
  if (!media.success) throw new ImportFileError('wrong-shape', `WARC metadata record ${n}: ${sentences(media.issues).join('; ')}`);
  lines.set(media.output.articleId, media.output);
  return JSON.stringify(data.article ?? null);
}

/** A located record's payload, read again from the WARC and checked against the hash it is filed under. */
async function payloadAt(warc: Blob, at: Located | undefined, sha256: string): Promise<Uint8Array | null> {
  if (!at) return null;
  const record = await WARCParser.parse(warc.slice(at.offset, at.offset + at.length).stream(), { parseHttp: false });
  const block = record ? await record.readFully(false) : new Uint8Array();
  const payload = record?.warcType === 'response' ? afterHttpHead(block) : block;
  if ((await sha256Hex(payload)) !== sha256) throw new ImportFileError('bad-hash', `A WARC record's content changed while it was imported (SHA-256 ${sha256})`);
  return payload;
}

export async function openWaczImport(file: Blob, reader: { close(): Promise<unknown> }, entries: Map<string, FileEntry>, options: ReadOptions): Promise<ImportPlan> {
  const files = await checkDatapackage(file, entries);
  const warcPath = [...files.keys()].find((p) => /^archive\/[^/]+\.warc(\.gz)?$/.test(p));
  if (!warcPath) throw new ImportFileError('wrong-shape', 'The WACZ file holds no WARC under archive/');
  const warc = files.get(warcPath)!;
  const scan = await scanWarc(warc, warcPath.endsWith('.gz'), options);
  if (!scan.lines.size) throw new ImportFileError('not-ours', 'The WACZ file was not made by this extension: it holds no archived articles to import');
  const source = await readImportSource(scan.articles, { signal: options.signal });
  const media = {
    load: (ids: string[]) => loadFromLines(ids, scan.lines,
      async (sha256, type) => {
        const bytes = await payloadAt(warc, scan.located.get(sha256), sha256);
        return bytes && bytes.length <= MAX_MEDIA_BYTES ? new Blob([bytes as BlobPart], { type }) : null;
      },
      async (line) => {
        const bytes = await payloadAt(warc, scan.located.get(line.original!.sha256), line.original!.sha256);
        return bytes ? new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'))).blob() : null;
      }),
  };
  return { source, rows: () => rowBatches(scan.articles, source, MEDIA_BATCH), media, batchSize: MEDIA_BATCH, close: async () => { await reader.close(); } };
}
