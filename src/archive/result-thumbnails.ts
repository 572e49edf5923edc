// Small pictures in the archive list, from each article's stored images. Searching never reads media; a page of
// rows reads its articles' small articleMedia rows (thumbnailsOf) so that only a row with a picture gets a box, and
// the box's image is read only once it scrolls into view. The blob URLs are given back when the rows are replaced.
// Decorative (alt=""): the title beside it names the article.
import { thumbnailsOf } from '../core/media/thumbnail';
import { db } from './page-kit';

const made = new Set<string>();
const hashOf = new WeakMap<Element, string>();

const observer = typeof IntersectionObserver === 'function'
  ? new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer?.unobserve(entry.target);
      const hash = hashOf.get(entry.target);
      if (hash) void fill(entry.target as HTMLElement, hash).catch(() => undefined);
    }
  }, { rootMargin: '200px' })
  : null;

async function fill(box: HTMLElement, hash: string): Promise<void> {
  const media = await db.media.get(hash);
  if (!box.isConnected) return;
  // Gone since the rows were built (its images dropped meanwhile): no empty frame left behind.
  if (!media) return box.remove();
  const url = URL.createObjectURL(new Blob([media.blob], { type: media.type }));
  made.add(url);
  const img = document.createElement('img');
  img.alt = '';
  img.decoding = 'async';
  img.dataset.testid = 'result-thumb';
  img.src = url;
  box.append(img);
}

/** The pictures of a page of results' articles (by id); a failed read costs the pictures, never the list. */
export const resultThumbnails = (ids: readonly string[]): Promise<Map<string, string>> => thumbnailsOf(db, ids).catch(() => new Map<string, string>());

/** The fixed box of a row whose article has a stored picture (`hash`), filled when it scrolls into view. */
export function thumbnailBox(hash: string): HTMLElement {
  const box = document.createElement('span');
  box.className = 'thumb';
  box.dataset.testid = 'result-thumb-box';
  hashOf.set(box, hash);
  observer?.observe(box);
  return box;
}

/** The rows are about to be replaced: their pictures' blob URLs are given back and their boxes no longer watched. */
export function releaseThumbnails(): void {
  observer?.disconnect();
  for (const url of made) URL.revokeObjectURL(url);
  made.clear();
}
