// WACZ 1.1.1 (https://specs.webrecorder.net/wacz/1.1.1/): archive/data.warc.gz (WARC 1.1, gzip per record),
// pages/pages.jsonl (each page's title and extracted text, for ReplayWeb.page's full-text search), indexes/index.cdx
// (CDXJ, sorted, offsets into the WARC), datapackage.json (every file's SHA-256 and size) and
// datapackage-digest.json. Entries are stored uncompressed, as the spec asks (replay reads the WARC at offsets).
// The WARC is written a record at a time while its hash is kept; the page lines and the CDXJ lines (sorted in runs)
// go to Blobs as they come, so memory stays flat.
import { getSurt } from 'warcio';
import type { ArchiveDb } from './db';
import { countForExport } from './export-stream';
import type { PackageExportOptions } from './export-zip';
import { mediaLineOf, mediaPages, WrittenMedia, type MediaPage } from './export-media-pages';
import { SortedLines } from './sorted-lines';
import { makeZip } from 'client-zip';
import { gunzipBounded, MAX_ORIGINAL_BYTES } from './zip-io';
import { Sha256 } from './sha256-stream';
import { articleMetadataRecord, articlePageRecord, imageRecord, originalRecord, warcInfoRecord, type WrittenRecord } from './warc-records';
import { collectionNamesByArticle } from './collections';
import { pickArticle } from './validate-article';
import type { ExportedArticle } from '../shapes/article';
import type { MediaMeta } from '../shapes/media-bundle';
import type { MediaRow } from './media-rows';

export const WACZ_WARC = 'archive/data.warc.gz';
export const WACZ_PAGES = 'pages/pages.jsonl';
export const WACZ_INDEX = 'indexes/index.cdx';

/** Bytes and SHA-256 of a file as it is written. */
class Tally {
  bytes = 0;
  private readonly hash = new Sha256();
  add(chunk: Uint8Array): Uint8Array {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    return chunk;
  }
  resource(path: string) {
    return { name: path.split('/').pop()!, path, hash: `sha256:${this.hash.hex()}`, bytes: this.bytes };
  }
}

const cdxTimestamp = (iso: string) => iso.replace(/[^0-9]/g, '').slice(0, 14);

function cdxLine(r: WrittenRecord, offset: number): string {
  const i = r.index!;
  const fields = { url: i.url, mime: i.mime, status: String(i.status), digest: i.digest, length: String(r.bytes.length), offset: String(offset), filename: WACZ_WARC.split('/').pop() };
  return `${getSurt(i.url)} ${cdxTimestamp(i.date)} ${JSON.stringify(fields)}`;
}

/** One article's records: its page (original or extracted), the images no earlier page wrote, its metadata. */
async function articleRecords(row: MediaPage, article: ExportedArticle, images: MediaRow[], meta: Map<string, MediaMeta>): Promise<{ records: WrittenRecord[]; page: { url: string; ts: string } }> {
  const o = row.original;
  const html = o ? new Uint8Array(await (await gunzipBounded(o.html, MAX_ORIGINAL_BYTES, 'original')).arrayBuffer()) : null;
  const page = o && html ? await originalRecord(o, html) : await articlePageRecord(article);
  const records = [page];
  for (const m of images) records.push(await imageRecord(m));
  const line = mediaLineOf(row, meta) ?? { articleId: article.id, items: [], hashes: [], media: [], original: null };
  const at = page.index!;
  records.push(await articleMetadataRecord(at.url, at.date, page.id, article, line));
  return { records, page: { url: at.url, ts: at.date } };
}

interface WaczState { warc: Tally; pages: Blob[]; pagesTally: Tally; cdx: SortedLines; count: number }

/** The WARC's bytes, a record at a time, tallied; page lines and CDXJ lines gathered on the way. */
async function* warcChunks(db: ArchiveDb, options: PackageExportOptions & { title: string }, state: WaczState, total: number): AsyncGenerator<Uint8Array> {
  const filter = options.filter ?? null;
  const memberOf = await collectionNamesByArticle(db);
  const written = new WrittenMedia();
  yield state.warc.add((await warcInfoRecord('data.warc.gz', options.generator, options.title)).bytes);
  for await (const { rows, media, meta } of mediaPages(db, filter, options.pageSize ?? 50, written)) {
    if (options.signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
    const firstShown = new Map(media.map((m) => [m.sha256, m]));
    const lines: string[] = [];
    for (const row of rows) {
      const article: ExportedArticle = pickArticle(row.article);
      const names = memberOf.get(article.id);
      if (names) article.collections = names;
      const images = (row.articleMedia?.hashes ?? []).flatMap((h) => {
        const m = firstShown.get(h);
        firstShown.delete(h);
        return m ? [m] : [];
      });
      const { records, page } = await articleRecords(row, article, images, meta);
      for (const r of records) {
        if (r.index) state.cdx.add(cdxLine(r, state.warc.bytes));
        yield state.warc.add(r.bytes);
      }
      lines.push(`${JSON.stringify({ id: article.id, url: page.url, ts: page.ts, title: article.title, text: article.bodyText })}\n`);
      state.count++;
    }
    const text = new TextEncoder().encode(lines.join(''));
    state.pages.push(new Blob([state.pagesTally.add(text) as BlobPart]));
    options.onProgress?.({ done: Math.min(state.count, total), total });
  }
}

/**
 * Writes the WACZ into `sink`; returns the number of pages (articles) in it. The package is written by client-zip,
 * as the ZIP export is, every entry stored (WACZ readers read the WARC in place).
 */
export async function exportWacz(db: ArchiveDb, sink: WritableStream<Uint8Array>, options: PackageExportOptions & { title: string }): Promise<number> {
  const state: WaczState = { warc: new Tally(), pages: [], pagesTally: new Tally(), cdx: new SortedLines(), count: 0 };
  await makeZip(waczEntries(db, options, state), { buffersAreUTF8: true }).pipeTo(sink, options.signal ? { signal: options.signal } : {});
  return state.count;
}

/** The package's files in order, each produced when the writer asks for it (the WARC first: the rest sum it up). */
async function* waczEntries(db: ArchiveDb, options: PackageExportOptions & { title: string }, state: WaczState): AsyncGenerator<{ name: string; input: ReadableStream<Uint8Array> | Blob | string; lastModified: Date }> {
  const total = await countForExport(db, options.filter ?? null);
  const lastModified = options.now ?? new Date();
  const head = new TextEncoder().encode(`${JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: options.title, hasText: true })}\n`);
  state.pagesTally.add(head);
  yield { name: WACZ_WARC, input: textStreamOfBytes(warcChunks(db, options, state, total)), lastModified };
  yield { name: WACZ_PAGES, input: new Blob([head, ...state.pages]), lastModified };
  const cdxTally = new Tally();
  const cdx: Blob[] = [];
  for await (const chunk of state.cdx.chunks()) cdx.push(new Blob([cdxTally.add(new TextEncoder().encode(chunk)) as BlobPart]));
  yield { name: WACZ_INDEX, input: new Blob(cdx), lastModified };
  const now = lastModified.toISOString();
  const datapackage = JSON.stringify({
    profile: 'data-package', wacz_version: '1.1.1', title: options.title, created: now, modified: now, software: options.generator,
    resources: [state.warc.resource(WACZ_WARC), state.pagesTally.resource(WACZ_PAGES), cdxTally.resource(WACZ_INDEX)],
  }, null, 2);
  const packageTally = new Tally();
  packageTally.add(new TextEncoder().encode(datapackage));
  yield { name: 'datapackage.json', input: datapackage, lastModified };
  const digest = { path: 'datapackage.json', hash: packageTally.resource('datapackage.json').hash };
  yield { name: 'datapackage-digest.json', input: JSON.stringify(digest, null, 2), lastModified };
}

function textStreamOfBytes(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}
