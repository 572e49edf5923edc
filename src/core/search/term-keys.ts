// Index terms are 44-bit hash keys, not strings: a document's ~1,000 terms (syllables, exact forms, syllable pairs,
// filters) are counted and sorted as numbers, and stored as typed arrays, which IndexedDB clones as raw bytes.
// The low 12 bits choose the bucket, the other 32 are what a bucket row stores (a Uint32Array). With ~10^7
// distinct terms, a query term shares its key with another term with odds of about 10^-6 (that term's documents
// would match too); long phrases are checked on the text anyway.
import { foldVietnamese, tagIdentity } from '../text/normalize';

const enum Kind {
  Folded = 1,
  Exact = 2,
  Filter = 3,
  Pair = 4,
}

/** cyrb53 (a fast string hash, public domain) cut to 44 bits, seeded per kind of term. */
function hashString(s: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish(h1, h2);
}

/** The last step of cyrb53 (cut to 44 bits), for callers that feed the two 32-bit states themselves. */
export function finish(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (4095 & h2) + (h1 >>> 0);
}

/** Key of a folded syllable ("duong"). */
export function foldedKey(folded: string): number {
  return hashString(folded, Kind.Folded);
}

/** Key of an exact form (see exactWordKey: "đương2"). */
export function exactKey(exact: string): number {
  return hashString(exact, Kind.Exact);
}

/** Key of two consecutive folded syllables, from their keys (no string is built per pair). */
export function pairKey(first: number, second: number): number {
  let h1 = 0xdeadbeef ^ Kind.Pair;
  let h2 = 0x41c6ce57 ^ Kind.Pair;
  h1 = Math.imul(h1 ^ (first >>> 0), 2654435761);
  h2 = Math.imul(h2 ^ (first >>> 0), 1597334677);
  h1 = Math.imul(h1 ^ Math.floor(first / 4294967296), 2654435761);
  h2 = Math.imul(h2 ^ Math.floor(first / 4294967296), 1597334677);
  h1 = Math.imul(h1 ^ (second >>> 0), 2654435761);
  h2 = Math.imul(h2 ^ (second >>> 0), 1597334677);
  h1 = Math.imul(h1 ^ Math.floor(second / 4294967296), 2654435761);
  h2 = Math.imul(h2 ^ Math.floor(second / 4294967296), 1597334677);
  return finish(h1, h2);
}

export function provinceKey(province: string): number {
  return hashString(`p:${foldVietnamese(province)}`, Kind.Filter);
}

export function siteKey(host: string): number {
  return hashString(`s:${host.trim().toLowerCase().replace(/^www\./, '')}`, Kind.Filter);
}

/** Tags compare as the archive de-duplicates them (tagIdentity). */
export function tagKey(tag: string): number {
  return hashString(`t:${tagIdentity(tag)}`, Kind.Filter);
}

export function categoryKey(category: string): number {
  return hashString(`c:${foldVietnamese(category)}`, Kind.Filter);
}

/** Postings are stored in this many hash buckets: one row per bucket and segment, whatever the vocabulary. */
export const BUCKETS = 4096;

export function bucketOf(key: number): number {
  return (key >>> 0) & (BUCKETS - 1);
}

/** The 32 bits of a key that its bucket does not say: what bucket rows store. */
export function rowKeyOf(key: number): number {
  return Math.floor(key / BUCKETS);
}

export function keyOf(bucket: number, rowKey: number): number {
  return rowKey * BUCKETS + bucket;
}

/**
 * A small segment stores GROUP consecutive buckets per row (a flush of 256 documents would otherwise write 4,096 tiny
 * rows, and writing a row costs IndexedDB far more than its bytes). Grouped rows are keyed past the bucket numbers.
 */
export const GROUP = 16;

export function groupRowOf(bucket: number): number {
  return BUCKETS + Math.floor(bucket / GROUP);
}

/** Vocabulary rows (for prefix completion) are grouped by the first two letters of the folded syllable. */
export function vocabHead(folded: string): string {
  return folded.slice(0, 2);
}
