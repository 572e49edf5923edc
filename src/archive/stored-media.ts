// The archive page's side of stored images and original pages: blob URLs of an article's stored images for the
// reader (only ever used as <img> sources: an SVG shown that way runs no script), the space they take, and
// dropping them for a selection.
import type { ArticleMediaItem } from '../core/archive/media-rows';
import { writeArchive } from '../core/archive/store';
import { formatCount, t } from '../shared/i18n';
import { $, db, notify, notifyError } from './page-kit';
import { selection } from './search-view';

export interface ShownImages {
  /** Address in the article → blob URL of its stored copy. */
  urls: Map<string, string>;
  /** The images of the article that are not stored, with why. */
  notKept: ArticleMediaItem[];
  revoke(): void;
}

export async function storedImagesOf(articleId: string): Promise<ShownImages> {
  const row = await db.articleMedia.get(articleId);
  const urls = new Map<string, string>();
  if (!row) return { urls, notKept: [], revoke: () => {} };
  const media = await db.media.bulkGet(row.hashes);
  const byHash = new Map(media.filter((m) => !!m).map((m) => [m.sha256, m]));
  const made: string[] = [];
  const notKept: ArticleMediaItem[] = [];
  for (const item of row.items) {
    const stored = item.sha256 ? byHash.get(item.sha256) : undefined;
    if (!stored) {
      notKept.push(item);
      continue;
    }
    const url = URL.createObjectURL(new Blob([stored.blob], { type: stored.type }));
    made.push(url);
    urls.set(item.src, url);
  }
  return { urls, notKept, revoke: () => made.forEach((u) => URL.revokeObjectURL(u)) };
}

const size = (bytes: number) => (bytes < 1_048_576 ? `${formatCount(Math.ceil(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`);

/**
 * The space images and original pages take (their sizes are on their rows: no bytes are read), and the rest of
 * what the browser reports for this archive (text, versions, the search index). '' when nothing is stored.
 */
export async function storageUsageSentence(total: number): Promise<string> {
  let images = 0;
  let originals = 0;
  await db.media.each((m) => { images += m.size; });
  await db.originals.each((o) => { originals += o.html.size; });
  if (!images && !originals) return '';
  return t('archiveStorageUsage', size(images), size(originals), size(Math.max(0, total - images - originals)), size(total));
}

/** "Xoá ảnh đã lưu" / "Xoá trang gốc đã lưu" for the selected articles; the text stays, and an undo puts them back. */
export function initMediaDropActions(onChange: () => Promise<void>): void {
  const drop = async (what: { images?: boolean; originals?: boolean }) => {
    if (!selection.size) return;
    const ids = [...selection];
    try {
      const kept = await writeArchive(db, (w) => w.dropMedia(ids, what));
      const articles = new Set([...kept.articleMedia.map((r) => r.articleId), ...kept.originals.map((r) => r.articleId)]).size;
      notify(t('archiveDroppedMedia', formatCount(articles)), {
        action: {
          label: t('archiveUndo'),
          run: () => void writeArchive(db, async (w) => {
            await w.putMedia(kept.media);
            await w.putArticleMedia(kept.articleMedia);
            await w.putOriginals(kept.originals);
          }).then(onChange, notifyError),
        },
      });
      await onChange();
    } catch (error) {
      notifyError(error);
    }
  };
  $('bulk-drop-images').addEventListener('click', () => void drop({ images: true }));
  $('bulk-drop-originals').addEventListener('click', () => void drop({ originals: true }));
}
