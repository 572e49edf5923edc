// The one declaration of an archived article. Everything else derives from it: the TypeScript types (re-exported by
// core/types.ts), the import/restore validator and pickArticle's field order (core/archive/validate-article.ts), the
// check on articles arriving from the content script (shared/messages.ts) and schemas/export.schema.json
// (scripts/write-schemas.ts; a unit test fails when the committed file differs).
//
// Limits, one per field. Where the importer and the message guard used to disagree the more permissive value won:
// category/lead/author 50 000 characters (the guard had 1 000 / 20 000 / 1 000), source 5 000 (guard 1 000), body
// 10 000 000 (importer 5 000 000). Two deliberate exceptions, both values the extension never produced beyond:
// images at most 2 000 per article (the guard's cap; the importer had none) and publishedAt an ISO 8601 date as the
// importer required (the guard took any 40 characters; the extractor only writes ISO dates).
import * as v from 'valibot';
import { EXTRACTOR_METHODS, SITE_KINDS } from './site-kinds';
import { notA, record, said } from './wording';

export const ARTICLE_LIMITS = {
  id: 200, url: 8192, title: 5000, metaText: 50_000, source: 5000, language: 20, body: 10_000_000, images: 2000,
  tag: 200, note: 100_000, collections: 1000, collectionName: 120,
} as const;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/;
const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z))?$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const NOT_BLANK = /\S/;
/** The code's protocol check and the pattern the published schema states it as. */
export function isHttpProtocol(s: string): boolean {
  try { return /^https?:$/.test(new URL(s).protocol); } catch { return false; }
}
export const HTTP_URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?:';

const text = (key: string, max: number) => v.pipe(v.string(said(key, notA('a string'))), v.maxLength(max, said(key, 'is too long')));
const filledText = (key: string, max: number) =>
  v.pipe(v.string(said(key, notA('a string'))), v.regex(NOT_BLANK, said(key, 'is empty')), v.maxLength(max, said(key, 'is too long')));
const nullableText = (key: string, max: number) =>
  v.nullable(v.pipe(v.string(said(key, notA('a string or null'))), v.maxLength(max, said(key, 'is too long'))));
/** An http(s) URL: the published schema states the check as format "uri" and HTTP_URL_PATTERN (one URL parse, not two). */
const httpUrl = (message: v.ErrorMessage<v.BaseIssue<unknown>>) => v.pipe(
  v.string(message), v.maxLength(ARTICLE_LIMITS.url, message), v.check(isHttpProtocol, message), v.description('an http(s) URL'),
);
const dateTime = (key: string) => v.pipe(v.string(said(key, 'is not an ISO 8601 date-time')), v.regex(ISO_DATE_TIME, said(key, 'is not an ISO 8601 date-time')));

export const SiteInfoSchema = record({
  host: v.string('field "site.host" must be a string'),
  /** Human name of the site, e.g. "Cổng TTĐT tỉnh Tuyên Quang", or the host when unknown. */
  name: v.string('field "site.name" must be a string'),
  /** Current province name (after the July 2025 merger), or null for non-provincial sites. */
  province: v.nullable(v.string('field "site.province" must be a string or null')),
  kind: v.picklist(SITE_KINDS, 'field "site.kind" is not a known kind'),
}, said('site', 'must be an object'));

const IMAGE_SRC = 'images[#].src is not an http(s) URL';
export const ArticleImageSchema = record({
  src: httpUrl(IMAGE_SRC),
  caption: v.nullable(v.string('images[#].caption must be a string or null')),
  alt: v.nullable(v.string('images[#].alt must be a string or null')),
}, IMAGE_SRC);

const EXTRACTOR = said('extractor', 'must be {version, method}');
export const ExtractorSchema = record({
  version: v.string(EXTRACTOR),
  method: v.picklist(EXTRACTOR_METHODS, EXTRACTOR),
}, EXTRACTOR);

const TAGS = said('tags', 'must be a list of strings');
const COLLECTIONS = 'field "collections" must be a list of collection names';

/** The fields in export order: exports of the same archive are byte-identical however the rows were stored. */
export const ARTICLE_ENTRIES = {
  id: filledText('id', ARTICLE_LIMITS.id),
  url: httpUrl(said('url', 'is not an http(s) URL')),
  canonicalUrl: httpUrl(said('canonicalUrl', 'is not an http(s) URL')),
  site: SiteInfoSchema,
  title: filledText('title', ARTICLE_LIMITS.title),
  category: nullableText('category', ARTICLE_LIMITS.metaText),
  lead: nullableText('lead', ARTICLE_LIMITS.metaText),
  author: nullableText('author', ARTICLE_LIMITS.metaText),
  /** "Nguồn: …" / "Theo …" line, kept apart from the author; absent in articles saved before it was recorded. */
  source: v.optional(nullableText('source', ARTICLE_LIMITS.source)),
  publishedAt: v.nullable(v.pipe(v.string(said('publishedAt', 'is not an ISO 8601 date')), v.regex(ISO_DATE_OR_TIME, said('publishedAt', 'is not an ISO 8601 date')))),
  language: text('language', ARTICLE_LIMITS.language),
  bodyHtml: text('bodyHtml', ARTICLE_LIMITS.body),
  bodyText: text('bodyText', ARTICLE_LIMITS.body),
  images: v.pipe(v.array(ArticleImageSchema, said('images', 'must be a list')), v.maxLength(ARTICLE_LIMITS.images, said('images', 'has too many images'))),
  wordCount: v.pipe(v.number(said('wordCount', 'must be a whole number')), v.integer(said('wordCount', 'must be a whole number')), v.minValue(0, said('wordCount', 'must be a whole number'))),
  contentHash: v.pipe(v.string(said('contentHash', 'is not a SHA-256 hex digest')), v.regex(SHA256_HEX, said('contentHash', 'is not a SHA-256 hex digest'))),
  capturedAt: dateTime('capturedAt'),
  /** Set when a later save replaced the content of this article. */
  updatedAt: v.optional(dateTime('updatedAt')),
  extractor: ExtractorSchema,
  tags: v.array(v.pipe(v.string(TAGS), v.maxLength(ARTICLE_LIMITS.tag, TAGS)), TAGS),
  note: text('note', ARTICLE_LIMITS.note),
  /**
   * How the article entered the archive when not by a click on its page: 'bulk' = fetched from a listing's queue,
   * 'tabs' = taken from an open tab by "save every open tab".
   */
  capturedVia: v.optional(v.picklist(['bulk', 'tabs'] as const, 'field "capturedVia" must be "bulk" or "tabs" when present')),
  /** The listing page a bulk capture found the article on. */
  listingUrl: v.optional(httpUrl(said('listingUrl', 'is not an http(s) URL'))),
  // Re-check (Kiểm tra cập nhật): both absent in articles never re-checked, so older exports import as they are.
  /** When the original page was last fetched again and compared with the archived content. */
  checkedAt: v.optional(dateTime('checkedAt')),
  /** When a re-check first found the original page gone (404/410, or sent to the site's home page); cleared when it is back. */
  goneAt: v.optional(dateTime('goneAt')),
};

const ArticleSchema = record(ARTICLE_ENTRIES, 'not an object');

/** An article as an export file holds it: the archive's fields, and the named collections it belongs to. */
export const ExportedArticleSchema = record({
  ...ARTICLE_ENTRIES,
  collections: v.optional(v.pipe(
    v.array(v.pipe(v.string(COLLECTIONS), v.regex(NOT_BLANK, COLLECTIONS), v.maxLength(ARTICLE_LIMITS.collectionName, COLLECTIONS)), COLLECTIONS),
    v.maxLength(ARTICLE_LIMITS.collections, COLLECTIONS),
    v.description('Names of the named collections the article belongs to (omitted when none)'),
  )),
}, 'not an object');

/** What the extractor produces from one DOM, before it becomes an archived Article (and what the content script sends). */
export const ExtractedArticleSchema = v.omit(ArticleSchema, ['id', 'site', 'contentHash', 'capturedAt', 'updatedAt', 'tags', 'note', 'capturedVia', 'listingUrl', 'checkedAt', 'goneAt']);

export type SiteInfo = v.InferOutput<typeof SiteInfoSchema>;
export type ArticleImage = v.InferOutput<typeof ArticleImageSchema>;
export type ExtractedArticle = v.InferOutput<typeof ExtractedArticleSchema>;
export type Article = v.InferOutput<typeof ArticleSchema>;
export type ExportedArticle = v.InferOutput<typeof ExportedArticleSchema>;
