// parseQuery forms, and bad input through the whole search: never an error, always a sensible answer.
import { parseQuery, searchArchive } from '../../src/core/search';
import { saveArticle } from '../../src/core/archive/save-article';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

const kinds = (q: string) => parseQuery(q).required.map((u) => `${u.kind}:${u.syllables.map((s) => s.folded).join(' ')}`);

describe('parseQuery', () => {
  it('reads words, a prefix on the word being typed, phrases, exclusions and filters', () => {
    expect(kinds('cải cách')).toEqual(['word:cai', 'prefix:cach']);
    expect(kinds('cải cách ')).toEqual(['word:cai', 'word:cach']);
    expect(kinds('"cải cách hành chính" huyện')).toEqual(['phrase:cai cach hanh chinh', 'prefix:huyen']);
    expect(kinds('“cải cách” ')).toEqual(['phrase:cai cach']);
    const q = parseQuery('lũ -"sạt lở" -mưa province:"Lào Cai" site:laocai.gov.vn tag:du-lịch category:Kinh_tế');
    expect(q.required.map((u) => u.kind)).toEqual(['word']);
    expect(q.excluded.map((u) => u.syllables.map((s) => s.folded).join(' '))).toEqual(['sat lo', 'mua']);
    expect(q.filters).toEqual({ province: 'Lào Cai', site: 'laocai.gov.vn', tag: 'du lịch', category: 'Kinh tế' });
  });

  it('keeps the typed diacritics as exact keys, and none for plain words', () => {
    const q = parseQuery('đường duong ');
    expect(q.required.map((u) => u.syllables[0].exact)).toEqual(['đương2', null]);
  });

  it('reads NFD like NFC', () => {
    expect(parseQuery('Hoà Bình '.normalize('NFD'))).toEqual(parseQuery('Hoà Bình '));
  });

  it('treats a hyphenated or punctuated word as consecutive syllables', () => {
    expect(kinds('COVID-19 ')).toEqual(['phrase:covid 19']);
  });

  it.each([
    ['', true],
    ['   \n\t', true],
    ['!!! ... ???', true],
    ['😀🎉', true],
    ['"', true],
    ['"""', true],
    ['-', true],
    ['province:', true],
    ['(.*)+[a-z]{2,}\\', false],
    ['"cải cách', false],
    ['a'.repeat(5000), false],
  ])('never throws on %j', (text, empty) => {
    const q = parseQuery(text);
    expect(q.isEmpty).toBe(empty);
    expect(q.required.length).toBeLessThanOrEqual(32);
  });

  it('accepts anything, even non-strings', () => {
    expect(parseQuery(undefined).isEmpty).toBe(true);
    expect(parseQuery(42).isEmpty).toBe(true);
  });

  it('caps very long queries', () => {
    const q = parseQuery(Array.from({ length: 600 }, (_, i) => `từ${i}`).join(' '));
    expect(q.required.length).toBe(32);
  });
});

describe('bad input through searchArchive', () => {
  const db = freshDb();
  beforeAll(async () => {
    await saveArticle(db, sampleExtracted({ title: 'Cải cách hành chính ở Hàm Yên', bodyText: 'Đường giao thông nông thôn. C++ và .NET (regex) [a-z]*' }), TUYEN_QUANG_SITE);
    await saveArticle(db, sampleExtracted({ title: 'Hội nghị sơ kết' }), { ...TUYEN_QUANG_SITE, province: 'Lào Cai', host: 'laocai.gov.vn' });
  });

  it.each([
    '',
    '   ',
    '!!! ... ???',
    '😀',
    '"',
    '"cải cách',
    '(.*)+[a-z]{2,}\\',
    '^$|.*',
    '\u0000\u0001\uffff',
    'x'.repeat(1000),
    'cải cách '.repeat(200),
    'province:',
    '-',
    '--cải',
    'site:"',
    '%',
    "'; DROP TABLE articles; --",
    '<script>alert(1)</script>',
  ])('answers %j without an error', async (q) => {
    const r = await searchArchive(db, q);
    expect(r.total).toBeGreaterThanOrEqual(0);
    expect(r.hits.length).toBeLessThanOrEqual(r.total);
    for (const h of r.hits) {
      expect(typeof h.snippet).toBe('string');
      for (const [s, e] of [...h.highlights.snippet]) expect(0 <= s && s < e && e <= h.snippet.length).toBe(true);
    }
  });

  it('lists everything, newest first, when the query has no words', async () => {
    for (const q of ['', '   ', '!!!', '😀', '"']) expect((await searchArchive(db, q)).total).toBe(2);
  });

  it('finds the same with NFD and NFC queries', async () => {
    const nfc = await searchArchive(db, 'Hàm Yên');
    const nfd = await searchArchive(db, 'Hàm Yên'.normalize('NFD'));
    expect(nfd.hits.map((h) => h.id)).toEqual(nfc.hits.map((h) => h.id));
    expect(nfc.total).toBe(1);
  });

  it('gives nothing, not an error, for a province, site, tag or category without articles', async () => {
    expect((await searchArchive(db, '', { filters: { province: 'Cà Mau' } })).total).toBe(0);
    expect((await searchArchive(db, 'cải cách', { filters: { site: 'nowhere.example' } })).total).toBe(0);
    expect((await searchArchive(db, '', { filters: { tag: 'không có' } })).total).toBe(0);
    expect((await searchArchive(db, 'province:"Cà Mau"')).total).toBe(0);
    expect((await searchArchive(db, '', { filters: { province: 'lao cai' } })).total).toBe(1);
  });

  it('ignores bad paging values and bad dates', async () => {
    expect((await searchArchive(db, '', { offset: -5, limit: Number.NaN })).hits.length).toBe(2);
    expect((await searchArchive(db, '', { offset: Number.NaN, limit: 10 })).hits.length).toBe(2);
    expect((await searchArchive(db, '', { filters: { savedFrom: 'không phải ngày', publishedTo: '' } })).total).toBe(2);
    expect((await searchArchive(db, '', { filters: { savedFrom: '2999-01-01' } })).total).toBe(0);
  });
});

describe('very long phrases', () => {
  it('match exactly, beyond 255 syllables', async () => {
    const db = freshDb();
    const words = Array.from({ length: 300 }, (_, i) => `a${i % 7}`).join(' '); // 900 chars: under the query cap
    await saveArticle(db, sampleExtracted({ bodyText: words }), TUYEN_QUANG_SITE);
    await saveArticle(db, sampleExtracted({ bodyText: 'a0 a1 khác' }), TUYEN_QUANG_SITE);
    expect((await searchArchive(db, `"${words}"`)).total).toBe(1);
    expect((await searchArchive(db, `"${words} khác"`)).total).toBe(0);
  });
});
