// An archive with stored images and original pages, written through the store as the save path would, and a snapshot
// of every table (blobs by their bytes' SHA-256) to compare two archives or one archive before and after.
import { saveArticle } from '../../src/core/archive/save-article';
import { writeArchive } from '../../src/core/archive/store';
import type { ArchiveDb } from '../../src/core/archive/db';
import type { MediaRow, OriginalRow } from '../../src/core/archive/media-rows';
import { sha256Hex } from '../../src/core/archive/zip-io';
import { sampleExtracted, TUYEN_QUANG_SITE } from './sample-article';
import { ImportFileError } from '../../src/core/archive/import-parse';
import { expect } from 'vitest';

export async function gzip(text: string): Promise<Blob> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
}

/** A distinct "image" per name: a few hundred bytes with a JPEG's first bytes. */
export async function imageRow(name: string): Promise<MediaRow> {
  const bytes = new Uint8Array(300 + name.length);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  for (let i = 4; i < bytes.length; i++) bytes[i] = (name.charCodeAt(i % name.length) * i) & 0xff;
  const blob = new Blob([bytes], { type: 'image/jpeg' });
  return { sha256: await sha256Hex(bytes), type: 'image/jpeg', size: bytes.length, blob, url: `https://bdt.tuyenquang.gov.vn/images/${name}.jpg`, storedAt: '2026-11-01T08:00:00.000Z' };
}

export async function originalRow(articleId: string, url: string, title: string): Promise<OriginalRow> {
  const html = `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>Bản gốc.</p></body></html>`;
  return {
    articleId, url, capturedAt: '2026-11-01T08:00:00.000Z', html: await gzip(html), size: new TextEncoder().encode(html).length,
    sha256: await sha256Hex(new TextEncoder().encode(html)), contentType: 'text/html; charset=utf-8', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' },
  };
}

/**
 * `n` articles; article i shows images "shared" (all of them) and "own-i", and all but the last have an original page.
 * The last article's second image was not kept (too large).
 */
export async function seedMediaArchive(db: ArchiveDb, n: number): Promise<string[]> {
  const shared = await imageRow('shared');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const url = `https://bdt.tuyenquang.gov.vn/tin-tuc/bai-${i}.html`;
    const title = `Bài số ${i} về Tuyên Quang`;
    const saved = await saveArticle(db, sampleExtracted({ url, canonicalUrl: url, title, bodyText: `Nội dung bài ${i}, xã Minh Quang.` }), TUYEN_QUANG_SITE);
    const id = saved.article.id;
    ids.push(id);
    const own = await imageRow(`own-${i}`);
    const last = i === n - 1;
    const original = await originalRow(id, url, title);
    await writeArchive(db, async (w) => {
      await w.putMedia(last ? [shared] : [shared, own]);
      await w.putArticleMedia([{
        articleId: id,
        hashes: last ? [shared.sha256] : [shared.sha256, own.sha256],
        items: [
          { src: shared.url, role: 'body', sha256: shared.sha256 },
          last ? { src: own.url, role: 'og', sha256: null, skipped: { reason: 'too-large', detail: '60 MB' } } : { src: own.url, role: 'og', sha256: own.sha256 },
        ],
      }]);
      if (!last) await w.putOriginals([original]);
    });
  }
  return ids;
}

async function blobsHashed<T extends object>(rows: T[]): Promise<unknown[]> {
  return Promise.all(rows.map(async (row) => Object.fromEntries(await Promise.all(Object.entries(row).map(async ([k, v]) => [k, v instanceof Blob ? `blob:${v.size}:${await sha256Hex(v)}` : v])))));
}

/** Every table of the archive (search tables aside, which follow the articles), blobs by size and hash. */
export async function snapshot(db: ArchiveDb): Promise<Record<string, unknown>> {
  return {
    articles: await db.articles.orderBy('id').toArray(),
    versions: await db.versions.toArray(),
    settings: await db.settings.toArray(),
    media: await blobsHashed(await db.media.orderBy('sha256').toArray()),
    articleMedia: await db.articleMedia.orderBy('articleId').toArray(),
    originals: await blobsHashed(await db.originals.orderBy('articleId').toArray()),
  };
}

/** What an export wrote into its stream, as one Blob. */
export async function collect(write: (sink: WritableStream<Uint8Array>) => Promise<unknown>): Promise<Blob> {
  const chunks: Uint8Array[] = [];
  await write(new WritableStream({ write(chunk) { chunks.push(chunk); } }));
  return new Blob(chunks as BlobPart[]);
}

/** An import that must be refused with `code` and leave every table of `db` as `before` was. */
export async function expectRefusedUnchanged(db: ArchiveDb, before: Record<string, unknown>, attempt: Promise<unknown>, code: string): Promise<void> {
  const error = await attempt.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportFileError);
  expect((error as ImportFileError).code).toBe(code);
  expect(await snapshot(db)).toEqual(before);
}
