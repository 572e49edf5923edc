// Text-level matching of one article, used to verify long phrases on candidate documents.
import type { Article } from '../types';
import { toNFC } from '../text/normalize';
import { foldedSyllables } from '../text/tokenize';
import { fieldText, INDEXED_FIELDS, keysOfWord } from './doc-terms';
import { scanWords, type WordKeys } from './word-scanner';

type PhraseFields = Pick<Article, 'title' | 'lead' | 'bodyText' | 'author'>;

/** Folded syllables of each indexed field. */
export function articleFieldSyllables(article: PhraseFields): string[][] {
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

/**
 * Same answer as `required.every(containsPhrase) && !excluded.some(containsPhrase)` on articleFieldSyllables,
 * but reads the fields word by word with the index's word scanner (no string per word, folded forms remembered
 * per written form) and stops once the answer is known: a phrase is usually found well before the end of the body.
 */
export function matchesPhrases(article: PhraseFields, required: string[][], excluded: string[][]): boolean {
  if (excluded.some((p) => !p.length)) return false;
  const phrases = [...required.filter((p) => p.length), ...excluded];
  const nRequired = phrases.length - excluded.length;
  if (!phrases.length) return true;
  const found = new Uint8Array(nRequired);
  let left = nRequired;
  let answer: boolean | null = null;
  const span = Math.max(...phrases.map((p) => p.length));
  const recent = new Array<string>(span);
  let n = 0;
  const onWord = ({ folded: word }: WordKeys): boolean => {
    recent[n % span] = word;
    n++;
    for (let k = 0; k < phrases.length; k++) {
      const p = phrases[k];
      const len = p.length;
      if ((k < nRequired && found[k]) || n < len || p[len - 1] !== word) continue;
      let q = 0;
      while (q < len - 1 && recent[(n - len + q) % span] === p[q]) q++;
      if (q < len - 1) continue;
      if (k >= nRequired) answer = false;
      else {
        found[k] = 1;
        if (--left === 0 && !excluded.length) answer = true;
      }
      if (answer !== null) return true;
    }
    return false;
  };
  for (const field of INDEXED_FIELDS) {
    n = 0;
    scanWords(toNFC(fieldText(article, field)), keysOfWord, onWord);
    if (answer !== null) return answer;
  }
  return left === 0;
}
