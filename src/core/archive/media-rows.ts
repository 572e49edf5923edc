// The rows that keep an article readable once its site is gone (schema version 5): the images it shows, stored once
// per content across the archive, and the page as it was captured. They live in their own tables so that listing,
// searching and exporting text never read them.

/** One stored image (or other media), keyed by the SHA-256 of its bytes: two articles showing it share the row. */
export interface MediaRow {
  /** Lowercase hex SHA-256 of `blob`'s bytes. */
  sha256: string;
  /** MIME type as stored (sniffed from the bytes, not trusted from the server). */
  type: string;
  /** Bytes. */
  size: number;
  blob: Blob;
  /** The first address it was fetched from (others are in the articles' items). */
  url: string;
  /** When it was first stored (ISO 8601). */
  storedAt: string;
}

/** Why an image of an article is not stored: shown on the article so a reader knows what is missing. */
export type MediaSkipReason = 'too-large' | 'article-limit' | 'not-image' | 'http-error' | 'timeout' | 'network' | 'quota' | 'disabled';

/** One image an article shows (its body's images and its og:image), stored or not. */
export interface ArticleMediaItem {
  /** The address in the article (its `images[].src`, or the og:image). */
  src: string;
  role: 'body' | 'og';
  /** The stored copy, or null when it was not kept. */
  sha256: string | null;
  /** Why it was not kept (only when sha256 is null), with a detail for the note (an HTTP status, a size). */
  skipped?: { reason: MediaSkipReason; detail?: string };
}

/** The images one article shows: `hashes` (multi-entry index) tells which stored images are still needed. */
export interface ArticleMediaRow {
  articleId: string;
  hashes: string[];
  items: ArticleMediaItem[];
}

/** The page as captured at save time (the live DOM serialised), gzip-compressed with CompressionStream. */
export interface OriginalRow {
  articleId: string;
  /** The address the page was captured from (after redirects). */
  url: string;
  /** When it was captured (ISO 8601). */
  capturedAt: string;
  /** The compressed HTML (gzip). */
  html: Blob;
  /** Uncompressed size in bytes, and the SHA-256 of the uncompressed bytes. */
  size: number;
  sha256: string;
  /** Response metadata where known (a bulk fetch knows them; a live tab knows only its content type). */
  contentType: string;
  status?: number;
  headers?: Record<string, string>;
}

export const MEDIA_STORES = {
  media: 'sha256',
  articleMedia: 'articleId, *hashes',
  originals: 'articleId',
} as const;

export const MEDIA_TABLES = Object.keys(MEDIA_STORES) as Array<keyof typeof MEDIA_STORES>;
