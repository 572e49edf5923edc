// The indexing hot path: walks text once, finds the words that tokenize() finds (a letter or digit, then
// letters, marks and digits), and hands over each word's keys without building a string per word: the
// word is hashed while scanned and its keys come from a table of words already seen.

export interface WordKeys {
  folded: string;
  key: number;
  /** 0 when the word has no diacritics (its folded form says everything). */
  exact: number;
}

const enum Cls {
  Unknown = 0,
  Word = 1,
  Mark = 2,
  Other = 3,
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const bmpClass = new Uint8Array(65536);
const astralClass = new Map<number, Cls>();

function classify(ch: string): Cls {
  return LETTER_OR_DIGIT.test(ch) ? Cls.Word : MARK.test(ch) ? Cls.Mark : Cls.Other;
}

function classOf(cp: number): Cls {
  if (cp < 65536) {
    let c = bmpClass[cp] as Cls;
    if (c === Cls.Unknown) bmpClass[cp] = c = classify(String.fromCharCode(cp));
    return c;
  }
  let c = astralClass.get(cp);
  if (c === undefined) astralClass.set(cp, (c = classify(String.fromCodePoint(cp))));
  return c;
}

/** Seen words by the two 32-bit states of their hash (as written), cleared when it grows past LIMIT. */
class WordTable {
  private static readonly LIMIT = 1 << 17;
  private h1s = new Int32Array(WordTable.LIMIT * 2);
  private h2s = new Int32Array(WordTable.LIMIT * 2);
  private slots = new Int32Array(WordTable.LIMIT * 2).fill(-1);
  private words: WordKeys[] = [];

  get(h1: number, h2: number): WordKeys | undefined {
    const mask = this.slots.length - 1;
    for (let h = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask; this.slots[h] >= 0; h = (h + 1) & mask) {
      if (this.h1s[h] === h1 && this.h2s[h] === h2) return this.words[this.slots[h]];
    }
    return undefined;
  }

  set(h1: number, h2: number, word: WordKeys): void {
    if (this.words.length >= WordTable.LIMIT) {
      this.slots.fill(-1);
      this.words = [];
    }
    const mask = this.slots.length - 1;
    let h = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    while (this.slots[h] >= 0) h = (h + 1) & mask;
    this.h1s[h] = h1;
    this.h2s[h] = h2;
    this.slots[h] = this.words.length;
    this.words.push(word);
  }
}

const seen = new WordTable();

/**
 * Calls `onWord` with the keys of each word of `text` (NFC), in order, until it returns true; `keysOf` computes keys
 * of a new word.
 */
export function scanWords(text: string, keysOf: (word: string) => WordKeys, onWord: (w: WordKeys) => boolean | void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // codePointAt pairs surrogates and leaves a lone one as it is, as the tokenizer's /u regex does.
    let cp = text.codePointAt(i)!;
    if (classOf(cp) !== Cls.Word) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    do {
      const end = i + (cp > 0xffff ? 2 : 1);
      for (; i < end; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
      }
      if (i >= n) break;
      cp = text.codePointAt(i)!;
    } while (classOf(cp) !== Cls.Other);
    let w = seen.get(h1, h2);
    if (!w) seen.set(h1, h2, (w = keysOf(text.slice(start, i))));
    if (onWord(w)) return;
  }
}
