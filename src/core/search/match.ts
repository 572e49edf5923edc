// Text-level matching of one article, used to verify long phrases on candidate documents.
import type { Article } from '../types';
import { toNFC } from '../text/normalize';
import { foldedSyllables, foldWord, tokenPattern } from '../text/tokenize';
import { fieldText, INDEXED_FIELDS } from './doc-terms';

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

/** The tokens of text/tokenize (foldedSyllables). */
const TOKEN_RE = tokenPattern();

/**
 * Same answer as `required.every(containsPhrase) && !excluded.some(containsPhrase)` on articleFieldSyllables,
 * but reads the fields syllable by syllable and stops once the answer is known: a phrase is usually found well
 * before the end of the body, and no array of every syllable is built.
 */
export function matchesPhrases(article: PhraseFields, required: string[][], excluded: string[][]): boolean {
  if (excluded.some((p) => !p.length)) return false;
  const phrases = [...required.filter((p) => p.length), ...excluded];
  const nRequired = phrases.length - excluded.length;
  if (!phrases.length) return true;
  const found = new Uint8Array(nRequired);
  let left = nRequired;
  const span = Math.max(...phrases.map((p) => p.length));
  const recent: string[] = new Array(span);
  for (const field of INDEXED_FIELDS) {
    const text = toNFC(fieldText(article, field));
    let n = 0;
    TOKEN_RE.lastIndex = 0;
    for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
      const word = foldWord(m[0]);
      recent[n % span] = word;
      n++;
      for (let k = 0; k < phrases.length; k++) {
        const p = phrases[k];
        const len = p.length;
        if ((k < nRequired && found[k]) || n < len || p[len - 1] !== word) continue;
        let q = 0;
        while (q < len - 1 && recent[(n - len + q) % span] === p[q]) q++;
        if (q < len - 1) continue;
        if (k >= nRequired) return false;
        found[k] = 1;
        if (--left === 0 && !excluded.length) return true;
      }
    }
  }
  return left === 0;
}
