// What the ZIP and WACZ exports say about an article's stored images and original page, one record per article
// (a line of the ZIP's `media.ndjson`, a WARC metadata record in the WACZ), declared once: the exports write it and
// the imports check every field of it before anything is written.
import * as v from 'valibot';

export const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/;
const hash = v.pipe(v.string(), v.regex(SHA256_HEX, 'is not a SHA-256 (64 lowercase hex digits)'));
const url = v.pipe(v.string(), v.minLength(1), v.maxLength(8192));
const date = v.pipe(v.string(), v.regex(ISO_DATE_TIME, 'is not an ISO 8601 date and time'));
const size = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A stored image, without its bytes (they are a file of their own, named by the hash). */
export const MediaMetaSchema = v.strictObject({
  sha256: hash,
  type: v.pipe(v.string(), v.maxLength(200), v.regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i, 'is not a MIME type')),
  size,
  url,
  storedAt: date,
});

/** An original page, without its bytes. `sha256` and `size` are those of the uncompressed HTML. */
export const OriginalMetaSchema = v.strictObject({
  url,
  capturedAt: date,
  size,
  sha256: hash,
  contentType: v.pipe(v.string(), v.maxLength(200)),
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599))),
  headers: v.optional(v.record(v.pipe(v.string(), v.maxLength(200)), v.pipe(v.string(), v.maxLength(8192)))),
});

const SKIP_REASONS = ['too-large', 'article-limit', 'not-image', 'http-error', 'timeout', 'network', 'quota', 'disabled'] as const;

const ArticleMediaItemSchema = v.strictObject({
  src: url,
  role: v.picklist(['body', 'og']),
  sha256: v.nullable(hash),
  skipped: v.optional(v.strictObject({ reason: v.picklist(SKIP_REASONS), detail: v.optional(v.pipe(v.string(), v.maxLength(500))) })),
});

/** One article's images and original page, by the article's id in the file. */
export const ArticleMediaLineSchema = v.strictObject({
  articleId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  items: v.pipe(v.array(ArticleMediaItemSchema), v.maxLength(4000)),
  hashes: v.pipe(v.array(hash), v.maxLength(4000)),
  /** The stored images it shows (repeated for each article that shows one: every line stands alone). */
  media: v.pipe(v.array(MediaMetaSchema), v.maxLength(4000)),
  original: v.nullable(OriginalMetaSchema),
});

export type MediaMeta = v.InferOutput<typeof MediaMetaSchema>;
export type OriginalMeta = v.InferOutput<typeof OriginalMetaSchema>;
export type ArticleMediaLine = v.InferOutput<typeof ArticleMediaLineSchema>;
