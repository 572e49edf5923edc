// What a save keeps besides the text (Settings → "Ảnh và trang gốc"), with its limits. Stored in storage.local by
// src/shared/media-settings.ts; cleaned here so a damaged or old value never turns capture into something odd.

export interface MediaSettings {
  /** Fetch and keep the article's images (its body's and its og:image). */
  images: boolean;
  /** Keep the page as captured (its DOM serialised, gzip). */
  originals: boolean;
  /** Bulk runs keep the text only (no images, no original page): faster, smaller. */
  textOnlyBulk: boolean;
  /** Largest image kept, and all the images of one article together, in bytes. */
  maxImageBytes: number;
  maxArticleBytes: number;
  /** How long one image may take. */
  timeoutMs: number;
}

const MB = 1024 * 1024;
export const DEFAULT_MEDIA_SETTINGS: MediaSettings = {
  images: true, originals: true, textOnlyBulk: false, maxImageBytes: 10 * MB, maxArticleBytes: 50 * MB, timeoutMs: 20_000,
};

const bounded = (v: unknown, min: number, max: number, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
const flag = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);

export function cleanMediaSettings(value: unknown): MediaSettings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const d = DEFAULT_MEDIA_SETTINGS;
  return {
    images: flag(v.images, d.images),
    originals: flag(v.originals, d.originals),
    textOnlyBulk: flag(v.textOnlyBulk, d.textOnlyBulk),
    maxImageBytes: bounded(v.maxImageBytes, 1024, 1024 * MB, d.maxImageBytes),
    maxArticleBytes: bounded(v.maxArticleBytes, 1024, 10 * 1024 * MB, d.maxArticleBytes),
    timeoutMs: bounded(v.timeoutMs, 1000, 300_000, d.timeoutMs),
  };
}
