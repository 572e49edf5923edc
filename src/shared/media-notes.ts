// The sentence that tells which images of an article were not kept and why: the popup after a save, the reader on
// the article. Each image is named by its file name (the whole address is in the reader's note's title).
import type { ArticleMediaItem, MediaSkipReason } from '../core/archive/media-rows';
import { formatCount, t } from './i18n';

const REASON_KEYS: Record<MediaSkipReason, string> = {
  'too-large': 'mediaReasonTooLarge',
  'article-limit': 'mediaReasonArticleLimit',
  'not-image': 'mediaReasonNotImage',
  'http-error': 'mediaReasonHttpError',
  timeout: 'mediaReasonTimeout',
  network: 'mediaReasonNetwork',
  quota: 'mediaReasonQuota',
  disabled: 'mediaReasonDisabled',
};

function fileName(src: string): string {
  try {
    const path = new URL(src).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || new URL(src).hostname;
  } catch {
    return src.slice(0, 80);
  }
}

/** "2 ảnh không lưu được: a.jpg (máy chủ trả lỗi 404), b.svg (không phải ảnh)." — '' when every image was kept. */
export function imagesNotKeptSentence(items: readonly NotKeptImage[]): string {
  if (!items.length) return '';
  const list = items.map((i) => `${fileName(i.src)} (${t(REASON_KEYS[i.reason] ?? 'mediaReasonNetwork', i.detail ?? '')})`).join(', ');
  return t('mediaNotKept', formatCount(items.length), list);
}

export interface NotKeptImage { src: string; reason: MediaSkipReason; detail?: string }

/** Images an article shows but the archive does not hold, as the popup's reply and the reader's note name them. */
export function notKeptImages(items: readonly ArticleMediaItem[]): NotKeptImage[] {
  return items.map((i) => ({ src: i.src, reason: i.skipped?.reason ?? 'network', ...(i.skipped?.detail ? { detail: i.skipped.detail } : {}) }));
}
