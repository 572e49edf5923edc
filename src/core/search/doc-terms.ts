// What one article contributes to the index: folded syllables, exact (diacritic) forms, folded syllable pairs
// for phrases, and filter terms for province, site, category and tags, as hash keys (see term-keys.ts).
import type { Article } from '../types';
import { exactKeyIfMarked, foldWord } from '../text/tokenize';
import { toNFC } from '../text/normalize';
import { scanWords, type WordKeys } from './word-scanner';
import { KeyCounter } from './key-counter';
import { categoryKey, exactKey, foldedKey, pairKey, provinceKey, siteKey, tagKey } from './term-keys';

/** Field weights: a word in the title counts three times, in the lead twice. */
const FIELD_WEIGHTS = { title: 3, lead: 2, bodyText: 1, author: 1 } as const;
type IndexedField = keyof typeof FIELD_WEIGHTS;
export const INDEXED_FIELDS = Object.keys(FIELD_WEIGHTS) as IndexedField[];

export interface DocTerms {
  /** Unique term keys; sorted when asked for (binary search in queued documents). */
  keys: Float64Array;
  /** Weighted term frequency per key, capped at 255. */
  tf: Uint8Array;
  /** Weighted length (BM25). */
  length: number;
  /** The document's distinct folded syllables (prefix completion). */
  words: string[];
}

export function fieldText(article: Pick<Article, IndexedField>, field: IndexedField): string {
  return (article[field] as string | null | undefined) ?? '';
}

/** Keys of a word as written (the word scanner remembers them per word). */
export function keysOfWord(word: string): WordKeys {
  const folded = foldWord(word);
  const exact = exactKeyIfMarked(word);
  return { folded, key: foldedKey(folded), exact: exact ? exactKey(exact) : 0 };
}

const counter = new KeyCounter();

export function articleTerms(article: Article, options: { sorted?: boolean } = {}): DocTerms {
  const words: string[] = [];
  let length = 0;
  for (const field of INDEXED_FIELDS) {
    const w = FIELD_WEIGHTS[field];
    let prev = -1;
    scanWords(toNFC(fieldText(article, field)), keysOfWord, (k) => {
      length += w;
      if (counter.add(k.key, w)) words.push(k.folded);
      if (k.exact) counter.add(k.exact, w);
      if (prev >= 0) counter.add(pairKey(prev, k.key), w);
      prev = k.key;
    });
  }
  if (article.site?.province) counter.add(provinceKey(article.site.province), 1);
  if (article.site?.host) counter.add(siteKey(article.site.host), 1);
  if (article.category) counter.add(categoryKey(article.category), 1);
  for (const tag of article.tags ?? []) counter.add(tagKey(tag), 1);
  return { ...counter.take(options.sorted ?? true), length, words };
}

/** Epoch ms of an ISO date, NaN when absent or unparseable. */
export function dateMs(iso: string | null | undefined): number {
  if (!iso) return NaN;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : NaN;
}
