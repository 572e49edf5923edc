// Which stored image stands for an article in the archive list: the page's own choice (its og:image) when it was
// kept, else the first kept image of its body; none when nothing was kept.
import type { ArticleMediaItem } from '../archive/media-rows';

export function thumbnailHash(items: readonly ArticleMediaItem[]): string | null {
  const kept = items.filter((i) => !!i.sha256);
  return (kept.find((i) => i.role === 'og') ?? kept[0])?.sha256 ?? null;
}
