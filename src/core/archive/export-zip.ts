// "JSON + tệp ảnh": one ZIP holding the usual JSON export (articles.json), each stored image once under
// media/<sha256>.<ext>, each original page under originals/<sha256 of its HTML>.html.gz (as stored, gzip), and
// media.ndjson saying which of them each article shows. Written entry by entry into a stream, the images of a few
// articles read at a time: memory stays flat whatever the archive's size.
import type { ArchiveDb } from './db';
import type { ExportFilter } from './export-json';
import { countForExport, exportParts } from './export-stream';
import { mediaLineOf, mediaPages, WrittenMedia } from './export-media-pages';
import { makeZip } from 'client-zip';
import { extensionOf } from './zip-io';
import { Sha256 } from './sha256-stream';

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
  const written = new WrittenMedia();
  const lines: Blob[] = [];
  let done = 0;
  for await (const { rows, media, meta } of mediaPages(db, filter, options.pageSize ?? 50, written)) {
    const stop = cancelled();
    if (stop) throw stop;
    for (const m of media) yield { name: mediaPath(m), input: m.blob, lastModified };
    const text: string[] = [];
    for (const row of rows) {
      const line = mediaLineOf(row, meta);
      if (!line) continue;
      text.push(`${JSON.stringify(line)}\n`);
      if (row.original && row.writeOriginal) yield { name: originalPath(row.original.sha256), input: row.original.html, lastModified };
    }
    if (text.length) lines.push(new Blob(text));
    done += rows.length;
    options.onProgress?.({ done: Math.min(done, total), total });
  }
  const indexHash = new Sha256();
  yield { name: ZIP_MEDIA_INDEX, input: hashed(new Blob(lines).stream(), indexHash), lastModified };
  const manifest = {
    format: ZIP_FORMAT, version: ZIP_VERSION, articles: ZIP_ARTICLES, mediaIndex: ZIP_MEDIA_INDEX, images: written.images, originals: written.originals,
    sha256: { [ZIP_ARTICLES]: articlesHash.hex(), [ZIP_MEDIA_INDEX]: indexHash.hex() },
  };
  yield { name: ZIP_MANIFEST, input: JSON.stringify(manifest, null, 1), lastModified };
}
