import { collapseWhitespace, foldVietnamese, toNFC } from '../../src/core/text/normalize';
import { exactWordKey, foldWord, foldedSyllables, hasDiacritics, tokenize } from '../../src/core/text/tokenize';

describe('Vietnamese folding and exact keys', () => {
  it('folds tone marks, vowel diacritics and đ, in either case and from NFD input', () => {
    expect(foldWord('Đường')).toBe('duong');
    expect(foldWord('ĐƯỜNG')).toBe('duong');
    expect(foldWord('Nguyễn'.normalize('NFD'))).toBe('nguyen');
    expect(foldVietnamese('Ủy ban  nhân\u00a0dân')).toBe('uy ban nhan dan');
    expect(foldWord('ộ')).toBe('o');
  });

  it('gives old and new tone placement the same exact key', () => {
    expect(exactWordKey('hoà')).toBe(exactWordKey('hòa'));
    expect(exactWordKey('thuý')).toBe(exactWordKey('thúy'));
    expect(exactWordKey('Khoẻ')).toBe(exactWordKey('khỏe'));
    expect(exactWordKey('quý')).toBe(exactWordKey('qúy'));
    expect(exactWordKey('hoà'.normalize('NFD'))).toBe(exactWordKey('hòa'));
  });

  it('keeps vowel diacritics and tone apart in the exact key', () => {
    expect(exactWordKey('đường')).not.toBe(exactWordKey('dương'));
    expect(exactWordKey('dương')).not.toBe(exactWordKey('dưỡng'));
    expect(exactWordKey('ba')).not.toBe(exactWordKey('bà'));
    expect(exactWordKey('hồ')).not.toBe(exactWordKey('hổ'));
    expect(exactWordKey('Đường')).toBe(exactWordKey('đường'));
  });

  it('tells whether a word was typed with diacritics', () => {
    expect(hasDiacritics('duong')).toBe(false);
    expect(hasDiacritics('Duong')).toBe(false);
    expect(hasDiacritics('dương')).toBe(true);
    expect(hasDiacritics('đi')).toBe(true);
    expect(hasDiacritics('2023')).toBe(false);
  });
});

describe('tokenizer', () => {
  it('does not split at toned letters and reports NFC offsets', () => {
    const text = 'Hội nghị sơ kết công tác cải cách hành chính';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Hội', 'nghị', 'sơ', 'kết', 'công', 'tác', 'cải', 'cách', 'hành', 'chính']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[0]).toMatchObject({ folded: 'hoi', exact: exactWordKey('hội') });
    expect(tokens[4].exact).toBe(exactWordKey('công'));
  });

  it('normalises NFD input before splitting, so decomposed marks stay inside their syllable', () => {
    const nfd = 'Tuyên Quang: đường Hoà Bình'.normalize('NFD');
    expect(tokenize(nfd).map((t) => t.text)).toEqual(['Tuyên', 'Quang', 'đường', 'Hoà', 'Bình']);
    expect(foldedSyllables(nfd)).toEqual(['tuyen', 'quang', 'duong', 'hoa', 'binh']);
  });

  it('splits at punctuation, hyphens and symbols; keeps numbers; ignores emoji', () => {
    expect(tokenize('COVID-19, 1.000 người (ảnh: TTXVN) 😀 — “Tây Nguyên”').map((t) => t.folded)).toEqual([
      'covid', '19', '1', '000', 'nguoi', 'anh', 'ttxvn', 'tay', 'nguyen',
    ]);
  });

  it('gives exact only for words with diacritics', () => {
    expect(tokenize('ban dân').map((t) => t.exact)).toEqual([null, exactWordKey('dân')]);
  });

  it('returns nothing for empty, whitespace or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t\u00a0')).toEqual([]);
    expect(tokenize('!!! ... ???')).toEqual([]);
  });

  it('handles long input', () => {
    const long = 'cải cách '.repeat(20_000);
    expect(tokenize(long)).toHaveLength(40_000);
  });

  it('normalize helpers keep their behaviour', () => {
    expect(toNFC('hoà'.normalize('NFD'))).toBe('hoà');
    expect(collapseWhitespace('  a \u200b b  ')).toBe('a b');
  });
});
