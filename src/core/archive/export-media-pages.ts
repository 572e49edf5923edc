// The articles of a package export (ZIP or WACZ) with their stored images and original pages, a page at a time, each
// image and original handed out once. What an export remembers of what it wrote is bounded by what articles share:
// an image or original only one article shows cannot come again, so only those that several articles show are kept
// (found through the multi-entry index on articleMedia.hashes and the index on originals.sha256). Memory stays flat
// however many articles the export holds.
import type { ArchiveDb } from './db';
import type { ExportFilter } from './export-json';
import { articlesForExport } from './export-stream';
import type { ArticleMediaLine, MediaMeta, OriginalMeta } from '../shapes/media-bundle';
import type { ArticleMediaRow, MediaRow, OriginalRow } from './media-rows';
import type { Article } from '../types';

export const mediaMetaOf = (m: MediaRow): MediaMeta => ({ sha256: m.sha256, type: m.type, size: m.size, url: m.url, storedAt: m.storedAt });

export function originalMetaOf(o: OriginalRow): OriginalMeta {
  return {
    url: o.url, capturedAt: o.capturedAt, size: o.size, sha256: o.sha256, contentType: o.contentType,
    ...(o.status !== undefined ? { status: o.status } : {}), ...(o.headers ? { headers: o.headers } : {}),
  };
}

/** One article of an export page with its media rows. `writeOriginal` is false when an earlier article wrote the same original. */
export interface MediaPage {
  article: Article;
  articleMedia?: ArticleMediaRow;
  original?: OriginalRow;
  writeOriginal: boolean;
}

/** A page of articles: `media` the stored images to write (shown by no earlier page), `meta` every image the page shows that the export holds. */
export interface MediaPageBatch {
  rows: MediaPage[];
  media: MediaRow[];
  meta: Map<string, MediaMeta>;
}

/** What an export wrote that a later article may show again, and how much it wrote. */
export class WrittenMedia {
  images = 0;
  originals = 0;
  readonly sharedImages = new Map<string, MediaMeta>();
  readonly sharedOriginals = new Set<string>();
}

/** How many index entries each key has (an image shown by two articles has two in articleMedia.hashes). */
function tally(keys: unknown[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const k of keys) n.set(String(k), (n.get(String(k)) ?? 0) + 1);
  return n;
}

async function imagesOfPage(db: ArchiveDb, articleMedia: Array<ArticleMediaRow | undefined>, written: WrittenMedia) {
  const shown = [...new Set(articleMedia.flatMap((r) => r?.hashes ?? []))];
  const media = (await db.media.bulkGet(shown.filter((h) => !written.sharedImages.has(h)))).filter((m): m is MediaRow => !!m);
  const meta = new Map<string, MediaMeta>(media.map((m) => [m.sha256, mediaMetaOf(m)]));
  const users = tally(media.length ? await db.articleMedia.where('hashes').anyOf(media.map((m) => m.sha256)).keys() : []);
  for (const m of media) if ((users.get(m.sha256) ?? 0) > 1) written.sharedImages.set(m.sha256, meta.get(m.sha256)!);
  for (const h of shown) {
    const earlier = written.sharedImages.get(h);
    if (earlier) meta.set(h, earlier);
  }
  written.images += media.length;
  return { media, meta };
}

async function originalsToWrite(db: ArchiveDb, originals: Array<OriginalRow | undefined>, written: WrittenMedia): Promise<boolean[]> {
  const hashes = [...new Set(originals.flatMap((o) => (o ? [o.sha256] : [])))];
  const users = tally(hashes.length ? await db.originals.where('sha256').anyOf(hashes).keys() : []);
  return originals.map((o) => {
    if (!o || written.sharedOriginals.has(o.sha256)) return false;
    if ((users.get(o.sha256) ?? 0) > 1) written.sharedOriginals.add(o.sha256);
    written.originals++;
    return true;
  });
}

/** The export's articles with their media, `pageSize` articles at a time (their images read with them). */
export async function* mediaPages(db: ArchiveDb, filter: ExportFilter | null, pageSize: number, written: WrittenMedia): AsyncGenerator<MediaPageBatch> {
  for await (const page of articlesForExport(db, filter, { pageSize, readAhead: false })) {
    const ids = page.map((a) => a.id);
    const [articleMedia, originals] = await Promise.all([db.articleMedia.bulkGet(ids), db.originals.bulkGet(ids)]);
    const { media, meta } = await imagesOfPage(db, articleMedia, written);
    const writeOriginal = await originalsToWrite(db, originals, written);
    yield { rows: page.map((article, i) => ({ article, articleMedia: articleMedia[i], original: originals[i], writeOriginal: writeOriginal[i] })), media, meta };
  }
}

/** An article's line of media.ndjson (null when it has neither images nor an original stored). */
export function mediaLineOf(row: MediaPage, meta: Map<string, MediaMeta>): ArticleMediaLine | null {
  if (!row.articleMedia && !row.original) return null;
  const hashes = (row.articleMedia?.hashes ?? []).filter((h) => meta.has(h));
  return {
    articleId: row.article.id,
    items: row.articleMedia?.items ?? [],
    hashes,
    media: hashes.map((h) => meta.get(h)!),
    original: row.original ? originalMetaOf(row.original) : null,
  };
}
