// "JSON + tệp ảnh": one ZIP holding the usual JSON export (articles.json), each stored image once under
// media/<sha256>.<ext>, each original page under originals/<sha256 of its HTML>.html.gz (as stored, gzip), and
// media.ndjson saying which of them each article shows. Written entry by entry into a stream, the images of a few
// articles read at a time: memory stays flat whatever the archive's size.
import type { ArchiveDb } from './db';
import type { ExportFilter } from './export-json';
import { articlesForExport, countForExport, exportParts } from './export-stream';
import { makeZip } from 'client-zip';
import { extensionOf } from './zip-io';
import { Sha256 } from './sha256-stream';
import type { ArticleMediaLine, MediaMeta, OriginalMeta } from '../shapes/media-bundle';
import type { ArticleMediaRow, MediaRow, OriginalRow } from './media-rows';
import type { Article } from '../types';

export const ZIP_FORMAT = 'provincial-news-archive-zip';
export const ZIP_VERSION = 1;
export const ZIP_ARTICLES = 'articles.json';
export const ZIP_MEDIA_INDEX = 'media.ndjson';
export const ZIP_MANIFEST = 'manifest.json';

export const mediaPath = (m: { sha256: string; type: string }) => `media/${m.sha256}.${extensionOf(m.type)}`;
export const originalPath = (sha256: string) => `originals/${sha256}.html.gz`;

export interface PackageExportOptions {
  filter?: ExportFilter | null;
  generator: string;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (p: { done: number; total: number }) => void;
  /** Articles whose images are read at a time. */
  pageSize?: number;
}

export const mediaMetaOf = (m: MediaRow): MediaMeta => ({ sha256: m.sha256, type: m.type, size: m.size, url: m.url, storedAt: m.storedAt });

export function originalMetaOf(o: OriginalRow): OriginalMeta {
  return {
    url: o.url, capturedAt: o.capturedAt, size: o.size, sha256: o.sha256, contentType: o.contentType,
    ...(o.status !== undefined ? { status: o.status } : {}), ...(o.headers ? { headers: o.headers } : {}),
  };
}

/** Text parts as a byte stream (a ZIP entry's content), pulled as the ZIP writer wants them. */
export function textStream(parts: AsyncIterable<string[] | string>): ReadableStream<Uint8Array> {
  const it = parts[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(typeof next.value === 'string' ? next.value : next.value.join('')));
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}

/** The stream as it passes, hashed (the text entries are stored without a CRC check on import: the hash is theirs). */
function hashed(stream: ReadableStream<Uint8Array>, hasher: Sha256): ReadableStream<Uint8Array> {
  return stream.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ transform(chunk, out) { hasher.update(chunk); out.enqueue(chunk); } }));
}

/** One page of articles with their stored media, the images not yet seen read with it. */
export interface MediaPage {
  article: Article;
  articleMedia?: ArticleMediaRow;
  original?: OriginalRow;
}

/**
 * The articles of an export with their media rows, a page at a time; `media` has the stored images this page shows
 * that no earlier page did (so each image is read once), `meta` every image shown so far (metadata only).
 */
export async function* mediaPages(db: ArchiveDb, filter: ExportFilter | null, pageSize: number, seen: Map<string, MediaMeta>): AsyncGenerator<{ rows: MediaPage[]; media: MediaRow[] }> {
  for await (const page of articlesForExport(db, filter, { pageSize, readAhead: false })) {
    const ids = page.map((a) => a.id);
    const [articleMedia, originals] = await Promise.all([db.articleMedia.bulkGet(ids), db.originals.bulkGet(ids)]);
    const wanted = [...new Set(articleMedia.flatMap((r) => r?.hashes ?? []))].filter((h) => !seen.has(h));
    const media = (await db.media.bulkGet(wanted)).filter((m): m is MediaRow => !!m);
    for (const m of media) seen.set(m.sha256, mediaMetaOf(m));
    yield { rows: page.map((article, i) => ({ article, articleMedia: articleMedia[i], original: originals[i] })), media };
  }
}

/** An article's line of media.ndjson (null when it has neither images nor an original stored). */
export function mediaLineOf(row: MediaPage, seen: Map<string, MediaMeta>): ArticleMediaLine | null {
  if (!row.articleMedia && !row.original) return null;
  const hashes = (row.articleMedia?.hashes ?? []).filter((h) => seen.has(h));
  return {
    articleId: row.article.id,
    items: row.articleMedia?.items ?? [],
    hashes,
    media: hashes.map((h) => seen.get(h)!),
    original: row.original ? originalMetaOf(row.original) : null,
  };
}

/**
 * Writes the ZIP into `sink`; returns the number of articles in it. `signal` cancels between pages (the sink is
 * aborted, so nothing half-written is kept). Written by client-zip, which keeps about a hundred bytes per file for the
 * closing directory (zip.js kept ~5 KB, half a gigabyte at 10,000 articles with three images each); every entry is
 * stored: images and originals are compressed already, and the text is read in place by the import.
 */
export async function exportZip(db: ArchiveDb, sink: WritableStream<Uint8Array>, options: PackageExportOptions): Promise<number> {
  const run = { count: 0 };
  await makeZip(zipEntriesOf(db, options, run), { buffersAreUTF8: true }).pipeTo(sink, options.signal ? { signal: options.signal } : {});
  return run.count;
}

/** The ZIP's entries in order, each produced when the writer asks for it: text first, then images and originals. */
async function* zipEntriesOf(db: ArchiveDb, options: PackageExportOptions, run: { count: number }): AsyncGenerator<{ name: string; input: ReadableStream<Uint8Array> | Blob | string; lastModified: Date }> {
  const filter = options.filter ?? null;
  const total = await countForExport(db, filter);
  const lastModified = options.now ?? new Date();
  const cancelled = () => options.signal?.aborted && new DOMException('Export cancelled', 'AbortError');
  const articlesHash = new Sha256();
  yield {
    name: ZIP_ARTICLES, lastModified,
    input: hashed(textStream(exportParts(db, {
      format: 'json', filter, generator: options.generator, now: options.now, signal: options.signal, onProgress: ({ done }) => { run.count = done; },
    })), articlesHash),
  };
  const seen = new Map<string, MediaMeta>();
  const originalsWritten = new Set<string>();
  const lines: Blob[] = [];
  let done = 0;
  for await (const { rows, media } of mediaPages(db, filter, options.pageSize ?? 50, seen)) {
    const stop = cancelled();
    if (stop) throw stop;
    for (const m of media) yield { name: mediaPath(m), input: m.blob, lastModified };
    const text: string[] = [];
    for (const row of rows) {
      const line = mediaLineOf(row, seen);
      if (!line) continue;
      text.push(`${JSON.stringify(line)}\n`);
      const o = row.original;
      if (o && !originalsWritten.has(o.sha256)) {
        originalsWritten.add(o.sha256);
        yield { name: originalPath(o.sha256), input: o.html, lastModified };
      }
    }
    if (text.length) lines.push(new Blob(text));
    done += rows.length;
    options.onProgress?.({ done: Math.min(done, total), total });
  }
  const indexHash = new Sha256();
  yield { name: ZIP_MEDIA_INDEX, input: hashed(new Blob(lines).stream(), indexHash), lastModified };
  const manifest = {
    format: ZIP_FORMAT, version: ZIP_VERSION, articles: ZIP_ARTICLES, mediaIndex: ZIP_MEDIA_INDEX, images: seen.size, originals: originalsWritten.size,
    sha256: { [ZIP_ARTICLES]: articlesHash.hex(), [ZIP_MEDIA_INDEX]: indexHash.hex() },
  };
  yield { name: ZIP_MANIFEST, input: JSON.stringify(manifest, null, 1), lastModified };
}
