// Vietnamese syllable tokenizer and the two comparison forms used by search:
// - folded: lower-case, no tone marks, no vowel diacritics, đ→d ("Đường" → "duong")
// - exact: lower-case with vowel diacritics kept and the tone as a trailing digit, so that old and new
//   tone placement compare equal ("hoà" and "hòa" → "hoa2", "thuý" and "thúy" → "thuy1").
import { foldVietnamese, toNFC } from './normalize';

/** Combining tone marks in NFD: grave (huyền), acute (sắc), tilde (ngã), hook above (hỏi), dot below (nặng). */
const TONE_MARKS: Record<string, number> = { '\u0300': 2, '\u0301': 1, '\u0303': 4, '\u0309': 3, '\u0323': 5 };
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;

interface Token {
  /** Offsets into the NFC form of the input ([start, end)). */
  start: number;
  end: number;
  /** The token as written, NFC. */
  text: string;
  folded: string;
  /** Lower-case, vowel diacritics kept, tone as a digit 0–5 at the end; null when the token has no diacritics at all. */
  exact: string | null;
}

const foldCache = new Map<string, string>();
const exactCache = new Map<string, string | null>();
const CACHE_LIMIT = 50_000;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Folded form of one word (see foldVietnamese), cached: the vocabulary of a corpus is small. */
export function foldWord(word: string): string {
  const hit = foldCache.get(word);
  if (hit !== undefined) return hit;
  return remember(foldCache, word, foldVietnamese(word));
}

/**
 * Exact comparison key of one word: NFC, lower-case, tone mark removed and appended as a digit
 * (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng, 0 none). Independent of where the tone mark was placed.
 */
export function exactWordKey(word: string): string {
  const d = word.toLowerCase().normalize('NFD');
  let tone = 0;
  for (const ch of d) {
    const t = TONE_MARKS[ch];
    if (t) tone = t;
  }
  return `${d.replace(TONE_RE, '').normalize('NFC')}${tone}`;
}

/** True when the word carries any Vietnamese tone mark, vowel diacritic or đ. */
export function hasDiacritics(word: string): boolean {
  return foldWord(word) !== word.toLowerCase().normalize('NFC');
}

/** Exact key when the word has diacritics, else null (then the folded form says everything). */
export function exactKeyIfMarked(word: string): string | null {
  const hit = exactCache.get(word);
  if (hit !== undefined) return hit;
  return remember(exactCache, word, hasDiacritics(word) ? exactWordKey(word) : null);
}

/** A run of letters (with their combining marks) and digits; toned letters are letters, so "Đường" stays one token. */
const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Splits text into syllables/words. Input is normalised to NFC first; offsets refer to that NFC string. */
export function tokenize(text: string): Token[] {
  const s = toNFC(text);
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(s); m; m = TOKEN_RE.exec(s)) {
    const word = m[0];
    out.push({ start: m.index, end: m.index + word.length, text: word, folded: foldWord(word), exact: exactKeyIfMarked(word) });
  }
  return out;
}

/** Folded syllables only; the cheap path for indexing. */
export function foldedSyllables(text: string): string[] {
  const s = toNFC(text);
  const out: string[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(s); m; m = TOKEN_RE.exec(s)) out.push(foldWord(m[0]));
  return out;
}
