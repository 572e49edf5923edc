// Images a save missed because the extension could not read their server (a CDN it had no access to), fetched again
// once the person granted the access: the same fetch, settings and limits as a save, written through the store into
// the article's row, so that its "images not kept" note then names only what is still missing.
import type { ArchiveDb } from '../archive/db';
import type { ArticleMediaItem } from '../archive/media-rows';
import { writeArchive } from '../archive/store';
import { isQuotaError } from '../archive/errors';
import { fetchArticleImages } from './capture';
import type { FetchLike } from './fetch-image';
import type { MediaSettings } from './settings';

export interface RefetchResult {
  /** How many of the article's images are kept now that were not before. */
  kept: number;
  /** The article's images still not kept, with why. */
  notKept: ArticleMediaItem[];
}

/** What another try may keep: an image lost to the network, which is what a refused cross-origin read looks like. */
const lostToNetwork = (i: ArticleMediaItem): boolean => !i.sha256 && i.skipped?.reason === 'network';
const notKept = (items: readonly ArticleMediaItem[]): ArticleMediaItem[] => items.filter((i) => !i.sha256);

/** Bytes the article's stored images already take, counted against its own limit. */
async function bytesKept(db: ArchiveDb, hashes: readonly string[]): Promise<number> {
  const rows = hashes.length ? await db.media.bulkGet([...hashes]) : [];
  return rows.reduce((sum, row) => sum + (row?.size ?? 0), 0);
}

/** Fetches again an archived article's images lost to the network and keeps those that come; nothing when capture is off. */
export async function fetchMissedImages(
  db: ArchiveDb, articleId: string, settings: MediaSettings, options: { fetcher: FetchLike; now?: Date },
): Promise<RefetchResult> {
  const row = await db.articleMedia.get(articleId);
  const missed = row && settings.images ? row.items.filter(lostToNetwork) : [];
  if (!row || !missed.length) return { kept: 0, notKept: notKept(row?.items ?? []) };
  const room = Math.max(0, settings.maxArticleBytes - await bytesKept(db, row.hashes));
  const fetched = await fetchArticleImages(options.fetcher, missed.map(({ src, role }) => ({ src, role })), { ...settings, maxArticleBytes: room }, options.now);
  const again = new Map(fetched.items.map((i) => [i.src, i]));
  let items = row.items;
  let kept = 0;
  try {
    await writeArchive(db, async (w) => {
      // The row as it is now: a save, a drop or a delete may have come while the images were fetched.
      const current = await w.read.articleMedia.get(articleId);
      items = current?.items.map((i) => (lostToNetwork(i) ? again.get(i.src) ?? i : i)) ?? [];
      kept = current ? items.filter((i, n) => i.sha256 && !current.items[n].sha256).length : 0;
      // Written even when none came: the note then gives the newer reason (a 404, the article's limit).
      if (!current) return;
      const hashes = [...new Set(items.map((i) => i.sha256).filter((h): h is string => !!h))];
      await w.putMedia(fetched.media.filter((m) => hashes.includes(m.sha256)));
      await w.putArticleMedia([{ articleId, hashes, items }]);
    });
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    // Nothing written: the row stays as it was, and the reply says the disk is full.
    const full = row.items.map((i): ArticleMediaItem => {
      const now = lostToNetwork(i) ? again.get(i.src) : undefined;
      return now?.sha256 ? { src: i.src, role: i.role, sha256: null, skipped: { reason: 'quota' } } : now ?? i;
    });
    return { kept: 0, notKept: notKept(full) };
  }
  return { kept, notKept: notKept(items) };
}
