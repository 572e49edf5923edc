// What one article contributes to the index: folded syllables, exact (diacritic) forms, folded
// syllable pairs for phrases, and filter terms for province, site and category.
import type { Article } from '../types';
import { foldVietnamese } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import { BIGRAM_PREFIX, EXACT_PREFIX, FILTER_PREFIX } from './schema';

/** Field weights: a word in the title counts three times, in the lead twice. */
export const FIELD_WEIGHTS = { title: 3, lead: 2, bodyText: 1, author: 1 } as const;
export type IndexedField = keyof typeof FIELD_WEIGHTS;
export const INDEXED_FIELDS = Object.keys(FIELD_WEIGHTS) as IndexedField[];

export interface DocTerms {
  terms: string[];
  tf: Uint8Array;
  length: number;
}

export function bigramTerm(a: string, b: string): string {
  return `${BIGRAM_PREFIX}${a} ${b}`;
}

export function provinceTerm(province: string): string {
  return `${FILTER_PREFIX}p:${foldVietnamese(province)}`;
}

export function siteTerm(host: string): string {
  return `${FILTER_PREFIX}s:${host.trim().toLowerCase().replace(/^www\./, '')}`;
}

export function categoryTerm(category: string): string {
  return `${FILTER_PREFIX}c:${foldVietnamese(category)}`;
}

export function fieldText(article: Pick<Article, IndexedField>, field: IndexedField): string {
  return (article[field] as string | null | undefined) ?? '';
}

export function articleTerms(article: Article): DocTerms {
  const counts = new Map<string, number>();
  const add = (term: string, w: number) => counts.set(term, (counts.get(term) ?? 0) + w);
  let length = 0;
  for (const field of INDEXED_FIELDS) {
    const w = FIELD_WEIGHTS[field];
    const tokens = tokenize(fieldText(article, field));
    length += tokens.length * w;
    let prev: string | null = null;
    for (const t of tokens) {
      add(t.folded, w);
      if (t.exact) add(EXACT_PREFIX + t.exact, w);
      if (prev !== null) add(bigramTerm(prev, t.folded), w);
      prev = t.folded;
    }
  }
  if (article.site?.province) add(provinceTerm(article.site.province), 1);
  if (article.site?.host) add(siteTerm(article.site.host), 1);
  if (article.category) add(categoryTerm(article.category), 1);
  const terms = [...counts.keys()].sort();
  const tf = new Uint8Array(terms.length);
  terms.forEach((t, i) => (tf[i] = Math.min(255, counts.get(t)!)));
  return { terms, tf, length };
}

/** Epoch ms of an ISO date, NaN when absent or unparseable. */
export function dateMs(iso: string | null | undefined): number {
  if (!iso) return NaN;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : NaN;
}
