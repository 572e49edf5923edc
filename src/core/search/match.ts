// Text-level matching of one article, used to verify long phrases on candidate documents.
import type { Article } from '../types';
import { foldedSyllables } from '../text/tokenize';
import { fieldText, INDEXED_FIELDS } from './doc-terms';

/** Folded syllables of each indexed field. */
export function articleFieldSyllables(article: Pick<Article, 'title' | 'lead' | 'bodyText' | 'author'>): string[][] {
  return INDEXED_FIELDS.map((f) => foldedSyllables(fieldText(article, f)));
}

/** True when the folded syllables occur consecutively inside one field. */
export function containsPhrase(fields: string[][], phrase: string[]): boolean {
  if (!phrase.length) return true;
  for (const syl of fields) {
    for (let i = 0; i + phrase.length <= syl.length; i++) {
      let j = 0;
      while (j < phrase.length && syl[i + j] === phrase[j]) j++;
      if (j === phrase.length) return true;
    }
  }
  return false;
}
