// Property tests for the Vietnamese normaliser, the tokenizer, the index's word scanner and the search query parser.
import fc from 'fast-check';
import { foldVietnamese } from '../../src/core/text/normalize';
import { exactWordKey, tokenize } from '../../src/core/text/tokenize';
import { MAX_UNITS, parseQuery } from '../../src/core/search/query';
import { scanWords } from '../../src/core/search/word-scanner';
import { keysOfWord } from '../../src/core/search/doc-terms';
import { exactKey, foldedKey } from '../../src/core/search/term-keys';

/** Base letter → its Vietnamese forms (vowel diacritics and tones), so the expected fold is known. */
const FORMS: Record<string, string> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ', e: 'eèéẻẽẹêềếểễệ', i: 'iìíỉĩị', o: 'oòóỏõọôồốổỗộơờớởỡợ', u: 'uùúủũụưừứửữự', y: 'yỳýỷỹỵ', d: 'dđ',
};
const CONSONANTS = 'bcghklmnpqrstvx';
const vnLetter = fc.oneof(
  fc.constantFrom(...Object.entries(FORMS).flatMap(([base, forms]) => [...forms].map((f) => [base, f] as const))),
  fc.constantFrom(...[...CONSONANTS].map((c) => [c, c] as const)),
).chain(([base, form]) => fc.boolean().map((upper) => [base, upper ? form.toUpperCase() : form] as const));
/** Vietnamese-looking text with the fold we expect, in NFC or NFD. */
const vnText = fc.array(fc.oneof({ weight: 5, arbitrary: vnLetter }, { weight: 1, arbitrary: fc.constantFrom([' ', ' '] as const, [' ', '\u00a0'] as const, [' ', '\t'] as const) }), { maxLength: 40 })
  .chain((pairs) => fc.boolean().map((nfd) => {
    const text = pairs.map((p) => p[1]).join('');
    return { text: nfd ? text.normalize('NFD') : text, folded: pairs.map((p) => p[0]).join('').replace(/\s+/g, ' ').trim() };
  }));
const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), vnText.map((v) => v.text));

describe('foldVietnamese (property)', () => {
  it('folds Vietnamese letters to their base letters, NFC or NFD, any case', () => {
    fc.assert(fc.property(vnText, ({ text, folded }) => {
      expect(foldVietnamese(text)).toBe(folded);
    }), { numRuns: 1000 });
  });

  it('is idempotent and indifferent to NFC/NFD on arbitrary text', () => {
    fc.assert(fc.property(anyText, (s) => {
      const f = foldVietnamese(s);
      expect(foldVietnamese(f)).toBe(f);
      expect(foldVietnamese(s.normalize('NFD'))).toBe(foldVietnamese(s.normalize('NFC')));
      expect(/[\u0300-\u036fđĐ]/.test(f)).toBe(false);
    }), { numRuns: 1000 });
  });
});

describe('tokenize (property)', () => {
  it('gives ordered, non-overlapping tokens whose offsets point at their text in the NFC input', () => {
    fc.assert(fc.property(anyText, (s) => {
      const nfc = s.normalize('NFC');
      let last = 0;
      for (const t of tokenize(s)) {
        expect(t.start).toBeGreaterThanOrEqual(last);
        expect(nfc.slice(t.start, t.end)).toBe(t.text);
        expect(t.folded).toBe(foldVietnamese(t.text));
        last = t.end;
      }
    }), { numRuns: 1000 });
  });

  it('gives the same exact key whichever vowel carries the tone mark ("hoà" = "hòa", "thuý" = "thúy")', () => {
    const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
    fc.assert(fc.property(fc.constantFrom('hoa', 'thuy', 'khoe', 'quy', 'loa', 'tuy', 'hoe'), fc.constantFrom(...TONES), (base, tone) => {
      const vowels = [...base].map((c, i) => ('aeiouy'.includes(c) ? i : -1)).filter((i) => i >= 0);
      const keys = new Set(vowels.map((v) => exactWordKey((base.slice(0, v + 1) + tone + base.slice(v + 1)).normalize('NFC'))));
      expect(keys.size).toBe(1);
    }), { numRuns: 200 });
  });
});

describe('parseQuery (property)', () => {
  it('never throws on any value and keeps its limits', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), anyText, fc.array(fc.constantFrom('"', '“', '-', '−', 'tag:', 'tinh:', 'site:"', ' ', 'đường', 'cai', ':', '\u200b'), { maxLength: 30 }).map((a) => a.join(''))), fc.boolean(), (q, prefix) => {
      const p = parseQuery(q, { prefix });
      expect(p.required.length).toBeLessThanOrEqual(MAX_UNITS);
      expect(p.excluded.length).toBeLessThanOrEqual(MAX_UNITS);
      expect([...p.required, ...p.excluded].filter((u) => u.kind === 'prefix').length).toBeLessThanOrEqual(prefix ? 1 : 0);
      for (const u of [...p.required, ...p.excluded]) {
        expect(u.syllables.length).toBeGreaterThan(0);
        for (const s of u.syllables) expect(s.folded.length).toBeGreaterThan(0);
      }
      expect(p.isEmpty).toBe(p.required.length === 0 && p.excluded.length === 0);
    }), { numRuns: 1500 });
  });

  it('requires every plain word typed, with or without diacritics, and excludes every -word', () => {
    const word = fc.array(vnLetter, { minLength: 1, maxLength: 6 }).map((ls) => ({ text: ls.map((l) => l[1]).join(''), folded: ls.map((l) => l[0]).join('') }));
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.array(word, { maxLength: 3 }), (plus, minus) => {
      const q = `${plus.map((w) => w.text).join(' ')} ${minus.map((w) => `-${w.text}`).join(' ')} `;
      const p = parseQuery(q);
      const req = new Set(p.required.map((u) => u.syllables[0].folded));
      const exc = new Set(p.excluded.map((u) => u.syllables[0].folded));
      for (const w of plus) expect(req.has(w.folded), q).toBe(true);
      for (const w of minus) expect(exc.has(w.folded), q).toBe(true);
    }), { numRuns: 800 });
  });
});

describe('index word scanner (property)', () => {
  // The index and the query must cut text into the same words, or a typed word could never match.
  it('finds exactly the words tokenize() finds, with their folded and exact keys', () => {
    const text = fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('a\u0301b 😀x \ud800 y\udc00z ١٢٣ 𝒜bc', '\u0301đường Hoà'));
    fc.assert(fc.property(text, (s) => {
      const nfc = s.normalize('NFC');
      const scanned: Array<{ folded: string; key: number; exact: number }> = [];
      scanWords(nfc, keysOfWord, (w) => void scanned.push(w));
      const expected = tokenize(nfc);
      expect(scanned.map((w) => w.folded)).toEqual(expected.map((t) => t.folded));
      expect(scanned.map((w) => w.key)).toEqual(expected.map((t) => foldedKey(t.folded)));
      expect(scanned.map((w) => w.exact)).toEqual(expected.map((t) => (t.exact ? exactKey(t.exact) : 0)));
    }), { numRuns: 2000 });
  });
});
