// Which stored image stands for an article in the archive list: the page's own choice (its og:image) when it was
// kept, else the first kept image of its body; none when nothing was kept.
import type { ArchiveDb } from '../archive/db';
import type { ArticleMediaItem } from '../archive/media-rows';

export function thumbnailHash(items: readonly ArticleMediaItem[]): string | null {
  const kept = items.filter((i) => !!i.sha256);
  return (kept.find((i) => i.role === 'og') ?? kept[0])?.sha256 ?? null;
}

/**
 * The picture of each article of a page of results (articles without one are absent), so that a row is built with
 * its box or without: one read of their small articleMedia rows, never of an image.
 */
export async function thumbnailsOf(db: ArchiveDb, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await db.articleMedia.bulkGet([...ids]) : [];
  const out = new Map<string, string>();
  rows.forEach((row, i) => {
    const hash = row ? thumbnailHash(row.items) : null;
    if (hash) out.set(ids[i], hash);
  });
  return out;
}
