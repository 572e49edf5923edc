// The images and the page an article keeps besides its text. The text is saved first in its own transaction; these
// come after, in their own: a full disk or a dead image server can cost an image, never the article.
import type { ArchiveDb } from '../archive/db';
import type { ArticleMediaItem, MediaRow, OriginalRow } from '../archive/media-rows';
import { writeArchive } from '../archive/store';
import { isQuotaError } from '../archive/errors';
import { fetchImage, type FetchLike } from './fetch-image';
import { gzipText } from './bytes';
import type { MediaSettings } from './settings';

/** The page as the content script (or a bulk fetch) saw it. */
export interface PageCapture {
  html: string;
  url: string;
  contentType: string;
  ogImage?: string | null;
  status?: number;
  headers?: Record<string, string>;
}

/** Which images an article shows: its body's, then its og:image; each address once. */
export function imageSources(images: ReadonlyArray<{ src: string }>, ogImage?: string | null): Array<{ src: string; role: 'body' | 'og' }> {
  const seen = new Set<string>();
  const out: Array<{ src: string; role: 'body' | 'og' }> = [];
  for (const [src, role] of [...images.map((i): [string, 'body'] => [i.src, 'body']), ...(ogImage ? [[ogImage, 'og'] as [string, 'og']] : [])]) {
    if (!src || seen.has(src)) continue;
    seen.add(src);
    out.push({ src, role });
  }
  return out;
}

/** Fetches the images one after another (a portal is not hammered), within the per-image and per-article limits. */
export async function fetchArticleImages(
  fetcher: FetchLike, sources: Array<{ src: string; role: 'body' | 'og' }>, limits: Pick<MediaSettings, 'maxImageBytes' | 'maxArticleBytes' | 'timeoutMs'>, now = new Date(),
): Promise<{ media: MediaRow[]; items: ArticleMediaItem[] }> {
  const media = new Map<string, MediaRow>();
  const items: ArticleMediaItem[] = [];
  let total = 0;
  for (const { src, role } of sources) {
    const got = await fetchImage(fetcher, src, { maxBytes: limits.maxImageBytes, timeoutMs: limits.timeoutMs });
    if (!got.ok) {
      items.push({ src, role, sha256: null, skipped: { reason: got.reason, ...(got.detail ? { detail: got.detail } : {}) } });
      continue;
    }
    if (!media.has(got.sha256)) {
      // A copy already kept for this article costs nothing more; a new one must fit in what the article has left.
      if (total + got.bytes.byteLength > limits.maxArticleBytes) {
        items.push({ src, role, sha256: null, skipped: { reason: 'article-limit', detail: String(got.bytes.byteLength) } });
        continue;
      }
      total += got.bytes.byteLength;
      media.set(got.sha256, { sha256: got.sha256, type: got.type, size: got.bytes.byteLength, blob: new Blob([got.bytes as BlobPart], { type: got.type }), url: src, storedAt: now.toISOString() });
    }
    items.push({ src, role, sha256: got.sha256 });
  }
  return { media: [...media.values()], items };
}

export interface KeptExtras {
  items: ArticleMediaItem[];
  /** Whether the original page was stored (false when off, or when storing it failed). */
  original: boolean;
}

/**
 * Stores what was fetched for an article already saved. When the disk is full, the images are recorded as not
 * kept ("quota") so the reader can say which; the original page is tried on its own after them.
 */
export async function keepArticleExtras(
  db: ArchiveDb, articleId: string, fetched: { media: MediaRow[]; items: ArticleMediaItem[] } | null, page: PageCapture | null, now = new Date(),
): Promise<KeptExtras> {
  let items = fetched?.items ?? [];
  if (fetched && items.length) {
    const hashes = [...new Set(items.map((i) => i.sha256).filter((h): h is string => !!h))];
    try {
      await writeArchive(db, async (w) => {
        await w.putMedia(fetched.media);
        await w.putArticleMedia([{ articleId, hashes, items }]);
      });
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      items = items.map((i) => (i.sha256 ? { src: i.src, role: i.role, sha256: null, skipped: { reason: 'quota' } } : i));
      // The list of what is missing is small: it may still fit where the images did not.
      await writeArchive(db, (w) => w.putArticleMedia([{ articleId, hashes: [], items }])).catch(() => undefined);
    }
  }
  return { items, original: page ? await keepOriginal(db, articleId, page, now) : false };
}

async function keepOriginal(db: ArchiveDb, articleId: string, page: PageCapture, now: Date): Promise<boolean> {
  const { gzip, size, sha256 } = await gzipText(page.html);
  const row: OriginalRow = {
    articleId, url: page.url, capturedAt: now.toISOString(), html: gzip, size, sha256, contentType: page.contentType,
    ...(page.status !== undefined ? { status: page.status } : {}), ...(page.headers ? { headers: page.headers } : {}),
  };
  try {
    await writeArchive(db, (w) => w.putOriginals([row]));
    return true;
  } catch (error) {
    if (isQuotaError(error)) return false;
    throw error;
  }
}

/**
 * Everything a save keeps besides the text, by the settings: images fetched and stored, the page kept. Called once
 * the text is committed (created or updated); `bulk` applies "text only for bulk runs".
 */
export async function captureArticleExtras(
  db: ArchiveDb,
  article: { id: string; images: ReadonlyArray<{ src: string }> },
  page: PageCapture | null,
  settings: MediaSettings,
  options: { fetcher: FetchLike; bulk?: boolean; now?: Date },
): Promise<KeptExtras> {
  const what = options.bulk && settings.textOnlyBulk ? { images: false, originals: false } : { images: settings.images, originals: settings.originals };
  const sources = what.images ? imageSources(article.images, page?.ogImage) : [];
  const fetched = sources.length ? await fetchArticleImages(options.fetcher, sources, settings, options.now) : null;
  return keepArticleExtras(db, article.id, fetched, what.originals ? page : null, options.now);
}
