// Long-phrase verification: the early-stopping matcher gives the same answers as matching on every folded syllable.
import fc from 'fast-check';
import { articleFieldSyllables, containsPhrase, matchesPhrases } from '../../src/core/search/match';

/** Few distinct syllables (so phrases often occur), written with and without marks, in NFC or NFD, with punctuation. */
const WORDS = ['Đường', 'đường', 'duong', 'dương', 'tỉnh', 'TINH', 'xã', 'xa', 'Hòa', 'hoà', 'Bình', '2024', 'lúa'];
const fieldText = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ', ', '. ', ' - ', '\n', '“', '')), { maxLength: 30 })
  .chain((parts) => fc.boolean().map((nfd) => {
    const s = parts.map(([w, sep]) => w + sep).join('');
    return nfd ? s.normalize('NFD') : s;
  }));
const article = fc.record({ title: fieldText, lead: fc.option(fieldText, { nil: null }), bodyText: fieldText, author: fc.option(fieldText, { nil: null }) });
const phrase = fc.array(fc.constantFrom('duong', 'tinh', 'xa', 'hoa', 'binh', '2024', 'lua'), { minLength: 1, maxLength: 4 });

describe('long-phrase verification', () => {
  it('agrees with matching on all folded syllables of each field', () => {
    fc.assert(
      fc.property(article, fc.array(phrase, { maxLength: 3 }), fc.array(phrase, { maxLength: 2 }), (a, required, excluded) => {
        const fields = articleFieldSyllables(a);
        const expected = required.every((p) => containsPhrase(fields, p)) && !excluded.some((p) => containsPhrase(fields, p));
        expect(matchesPhrases(a, required, excluded)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('does not join the end of one field to the start of the next', () => {
    const a = { title: 'Ủy ban nhân', lead: 'dân tỉnh', bodyText: 'họp bàn', author: null };
    expect(matchesPhrases(a, [['uy', 'ban', 'nhan', 'dan']], [])).toBe(false);
    expect(matchesPhrases(a, [['uy', 'ban', 'nhan']], [])).toBe(true);
    expect(matchesPhrases(a, [['uy', 'ban', 'nhan']], [['dan', 'tinh']])).toBe(false);
  });
});
