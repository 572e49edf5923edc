// Small pictures in the archive list, from each article's stored images. Searching and listing never read media:
// a row's box is filled only once it scrolls into view (one articleMedia row and one image blob read), and the blob
// URLs are given back when the rows are replaced. Decorative (alt=""): the title beside it names the article.
import { thumbnailHash } from '../core/media/thumbnail';
import { db } from './page-kit';

const made = new Set<string>();
const articleOf = new WeakMap<Element, string>();

const observer = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer?.unobserve(entry.target);
      const id = articleOf.get(entry.target);
      if (id) void fill(entry.target as HTMLElement, id).catch(() => undefined);
    }
  }, { rootMargin: '200px' })
  : null;

async function fill(box: HTMLElement, articleId: string): Promise<void> {
  const row = await db.articleMedia.get(articleId);
  const hash = row ? thumbnailHash(row.items) : null;
  const media = hash ? await db.media.get(hash) : undefined;
  if (!media || !box.isConnected) return;
  const url = URL.createObjectURL(new Blob([media.blob], { type: media.type }));
  made.add(url);
  const img = document.createElement('img');
  img.alt = '';
  img.decoding = 'async';
  img.dataset.testid = 'result-thumb';
  img.src = url;
  box.append(img);
}

/** The fixed box a result row keeps for its picture (empty unless the article has a stored image). */
export function thumbnailBox(articleId: string): HTMLElement {
  const box = document.createElement('span');
  box.className = 'thumb';
  articleOf.set(box, articleId);
  observer?.observe(box);
  return box;
}

/** The rows are about to be replaced: their pictures' blob URLs are given back and their boxes no longer watched. */
export function releaseThumbnails(): void {
  observer?.disconnect();
  for (const url of made) URL.revokeObjectURL(url);
  made.clear();
}
