// Shape checks for articles that come from outside (import files): every problem named by its field.
import type { Article } from '../types';

const SITE_KINDS = new Set(['government-portal', 'department-site', 'newspaper', 'broadcaster', 'other']);
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/;
const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z))?$/;
const MAX_TEXT = 5_000_000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function httpUrl(v: unknown): boolean {
  if (typeof v !== 'string' || v.length > 8192) return false;
  try { return /^https?:$/.test(new URL(v).protocol); } catch { return false; }
}

/** Returns the problems with `v` as an Article (empty when it is one). */
export function articleProblems(v: unknown): string[] {
  if (!isObj(v)) return ['not an object'];
  const p: string[] = [];
  const str = (k: string, opts: { nullable?: boolean; nonEmpty?: boolean; max?: number } = {}) => {
    const x = v[k];
    if (x === undefined) return p.push(`missing field "${k}"`);
    if (x === null && opts.nullable) return;
    if (typeof x !== 'string') return p.push(`field "${k}" must be ${opts.nullable ? 'a string or null' : 'a string'}, not ${x === null ? 'null' : typeof x}`);
    if (opts.nonEmpty && !x.trim()) return p.push(`field "${k}" is empty`);
    if (x.length > (opts.max ?? MAX_TEXT)) p.push(`field "${k}" is too long`);
  };
  str('id', { nonEmpty: true, max: 200 });
  for (const k of ['url', 'canonicalUrl']) if (v[k] === undefined) p.push(`missing field "${k}"`); else if (!httpUrl(v[k])) p.push(`field "${k}" is not an http(s) URL`);
  str('title', { nonEmpty: true, max: 5000 });
  for (const k of ['category', 'lead', 'author']) str(k, { nullable: true, max: 50_000 });
  if (v.source !== undefined) str('source', { nullable: true, max: 5000 });
  if (v.publishedAt === undefined) p.push('missing field "publishedAt"');
  else if (v.publishedAt !== null && !(typeof v.publishedAt === 'string' && ISO_DATE_OR_TIME.test(v.publishedAt))) p.push('field "publishedAt" is not an ISO 8601 date');
  str('language', { max: 20 });
  str('bodyHtml');
  str('bodyText');
  if (!Number.isInteger(v.wordCount) || (v.wordCount as number) < 0) p.push(v.wordCount === undefined ? 'missing field "wordCount"' : 'field "wordCount" must be a whole number');
  if (typeof v.contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(v.contentHash)) p.push(v.contentHash === undefined ? 'missing field "contentHash"' : 'field "contentHash" is not a SHA-256 hex digest');
  for (const k of ['capturedAt', ...(v.updatedAt !== undefined ? ['updatedAt'] : [])]) {
    if (typeof v[k] !== 'string' || !ISO_DATE_TIME.test(v[k] as string)) p.push(v[k] === undefined ? `missing field "${k}"` : `field "${k}" is not an ISO 8601 date-time`);
  }
  const site = v.site;
  if (!isObj(site)) p.push(site === undefined ? 'missing field "site"' : 'field "site" must be an object');
  else {
    if (typeof site.host !== 'string') p.push('field "site.host" must be a string');
    if (typeof site.name !== 'string') p.push('field "site.name" must be a string');
    if (site.province !== null && typeof site.province !== 'string') p.push('field "site.province" must be a string or null');
    if (!SITE_KINDS.has(site.kind as string)) p.push('field "site.kind" is not a known kind');
  }
  if (!Array.isArray(v.images)) p.push(v.images === undefined ? 'missing field "images"' : 'field "images" must be a list');
  else v.images.forEach((img, i) => {
    if (!isObj(img) || !httpUrl(img.src)) p.push(`images[${i}].src is not an http(s) URL`);
    else for (const k of ['caption', 'alt']) if (img[k] !== null && typeof img[k] !== 'string') p.push(`images[${i}].${k} must be a string or null`);
  });
  const ex = v.extractor;
  if (!isObj(ex) || typeof ex.version !== 'string' || (ex.method !== 'site-rule' && ex.method !== 'user-rule' && ex.method !== 'generic')) p.push(ex === undefined ? 'missing field "extractor"' : 'field "extractor" must be {version, method}');
  if (!Array.isArray(v.tags) || !v.tags.every((t) => typeof t === 'string' && t.length <= 200)) p.push(v.tags === undefined ? 'missing field "tags"' : 'field "tags" must be a list of strings');
  str('note', { max: 100_000 });
  if (v.capturedVia !== undefined && v.capturedVia !== 'bulk') p.push('field "capturedVia" must be "bulk" when present');
  if (v.listingUrl !== undefined && !httpUrl(v.listingUrl)) p.push('field "listingUrl" is not an http(s) URL');
  const names = v.collections;
  if (names !== undefined && !(Array.isArray(names) && names.length <= MAX_COLLECTIONS && names.every((n) => typeof n === 'string' && n.trim() && n.length <= 120))) {
    p.push('field "collections" must be a list of collection names');
  }
  return p;
}

const MAX_COLLECTIONS = 1000;

const KNOWN_KEYS = ['id', 'url', 'canonicalUrl', 'site', 'title', 'category', 'lead', 'author', 'source', 'publishedAt', 'language', 'bodyHtml', 'bodyText', 'images', 'wordCount', 'contentHash', 'capturedAt', 'updatedAt', 'extractor', 'tags', 'note', 'capturedVia', 'listingUrl'] as const;

/**
 * A validated article with only the documented fields, in the documented order: nothing unknown rides into the
 * archive, and exports of the same archive are byte-identical however the rows were stored.
 */
export function pickArticle(v: Record<string, unknown> | Article): Article {
  const src = v as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of KNOWN_KEYS) if (src[k] !== undefined) out[k] = src[k];
  const site = src.site as Record<string, unknown>;
  out.site = { host: site.host, name: site.name, province: site.province, kind: site.kind };
  out.images = (src.images as Array<Record<string, unknown>>).map((i) => ({ src: i.src, caption: i.caption ?? null, alt: i.alt ?? null }));
  const ex = src.extractor as Record<string, unknown>;
  out.extractor = { version: ex.version, method: ex.method };
  return out as unknown as Article;
}
