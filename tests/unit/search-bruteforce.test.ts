// Hit sets of searchArchive against a brute-force scan of every article, for every query form,
// on a few thousand generated articles indexed through all write paths (bulk, save, update, delete, merge).
import { foldVietnamese } from '../../src/core/text/normalize';
import { saveArticle, deleteArticle } from '../../src/core/archive/save-article';
import { setTags, tagMany } from '../../src/core/archive/organize';
import { searchArchive, searchArchiveIds, SEARCH_TABLES, boundMs, type SearchFilters } from '../../src/core/search';
import { indexArticlesInTx, flushSearchIndex, rebuildSearchIndex, GROUPED_BELOW } from '../../src/core/search/index-writer';
import type { Article } from '../../src/core/types';
import { generateArticle, rng, VOCABULARY, SITES, CATEGORIES, TAGS } from '../../bench/search-corpus';
import { freshDb } from '../helpers/sample-article';

interface Q {
  words: string[];
  prefix?: string;
  phrases: string[][];
  excluded: string[];
  excludedPhrases: string[][];
  filters?: SearchFilters;
}

const syl = (s: string) => s.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);

function queryText(q: Q): string {
  const parts = [
    ...q.phrases.map((p) => `"${p.join(' ')}"`),
    ...q.excluded.map((w) => `-${w}`),
    ...q.excludedPhrases.map((p) => `-"${p.join(' ')}"`),
    ...q.words,
  ];
  let text = parts.join(' ');
  if (q.prefix) text = text ? `${text} ${q.prefix}` : q.prefix;
  else text += ' ';
  return text;
}

function fieldsOf(a: Article): string[][] {
  return [a.title, a.lead ?? '', a.bodyText, a.author ?? ''].map((s) => syl(s).map((w) => foldVietnamese(w)));
}
const hasWord = (f: string[][], w: string) => f.some((x) => x.includes(w));
const hasPhrase = (f: string[][], p: string[]) => f.some((x) => ` ${x.join(' ')} `.includes(` ${p.join(' ')} `));

function bruteForce(all: Article[], q: Q): Set<string> {
  const out = new Set<string>();
  const fl = q.filters ?? {};
  for (const a of all) {
    const f = fieldsOf(a);
    if (!q.words.every((w) => syl(w).every((s) => hasWord(f, foldVietnamese(s))))) continue;
    if (q.prefix && !f.some((x) => x.some((w) => w.startsWith(foldVietnamese(q.prefix!))))) continue;
    if (!q.phrases.every((p) => hasPhrase(f, p.map((w) => foldVietnamese(w))))) continue;
    if (q.excluded.some((w) => hasWord(f, foldVietnamese(w)))) continue;
    if (q.excludedPhrases.some((p) => hasPhrase(f, p.map((w) => foldVietnamese(w))))) continue;
    if (fl.province && foldVietnamese(a.site.province ?? '') !== foldVietnamese(String(fl.province))) continue;
    if (fl.site && a.site.host !== fl.site) continue;
    if (fl.category && foldVietnamese(a.category ?? '\u0000') !== foldVietnamese(String(fl.category))) continue;
    if (fl.tag && !a.tags.some((t) => t.toLowerCase() === String(fl.tag).toLowerCase())) continue;
    const cap = Date.parse(a.capturedAt);
    const pub = a.publishedAt ? Date.parse(a.publishedAt) : NaN;
    if (fl.savedFrom && !(cap >= boundMs(fl.savedFrom, false))) continue;
    if (fl.savedTo && !(cap <= boundMs(fl.savedTo, true))) continue;
    if (fl.publishedFrom && !(pub >= boundMs(fl.publishedFrom, false))) continue;
    if (fl.publishedTo && !(pub <= boundMs(fl.publishedTo, true))) continue;
    out.add(a.id);
  }
  return out;
}

function makeQueries(all: Article[], count: number, seed: number): Q[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const word = () => (r() < 0.5 ? pick(VOCABULARY).toLowerCase() : foldVietnamese(pick(VOCABULARY)));
  const phraseFrom = (n: number) => {
    const a = pick(all);
    const s = syl(pick([a.title, a.bodyText, a.bodyText]));
    const at = Math.floor(r() * Math.max(1, s.length - n));
    const p = s.slice(at, at + n).map((w) => w.toLowerCase());
    return r() < 0.4 ? p.map((w) => foldVietnamese(w)) : p;
  };
  const filters = (): SearchFilters => {
    const f: SearchFilters = {};
    const k = Math.floor(r() * 7);
    if (k === 0) f.province = pick(SITES).province ?? 'Hà Nội';
    if (k === 1) f.site = pick(SITES).host;
    if (k === 2) f.category = pick(CATEGORIES) ?? 'Không có';
    if (k === 3) f.tag = pick(TAGS);
    if (k === 4) Object.assign(f, { savedFrom: '2024-06-01', savedTo: '2025-03-31' });
    if (k === 5) Object.assign(f, { publishedFrom: '2025-01-01T00:00:00+07:00' });
    if (k === 6) Object.assign(f, { province: 'thai nguyen', publishedTo: '2024-12-31' });
    return f;
  };
  const qs: Q[] = [];
  for (let i = 0; i < count; i++) {
    const q: Q = { words: [], phrases: [], excluded: [], excludedPhrases: [] };
    switch (i % 10) {
      case 0: q.words = [word()]; break;
      case 1: q.words = [word(), word()]; break;
      case 2: q.words = [word(), word(), word()]; break;
      case 3: q.prefix = word().slice(0, 2 + Math.floor(r() * 2)); break;
      case 4: q.words = [word()]; q.prefix = foldVietnamese(pick(VOCABULARY)).slice(0, 3); break;
      case 5: q.phrases = [phraseFrom(2 + Math.floor(r() * 3))]; break;
      case 6: q.words = [word()]; q.excluded = [word()]; break;
      case 7: q.words = [word()]; q.filters = filters(); break;
      case 8: q.filters = filters(); break;
      case 9: q.phrases = [phraseFrom(2)]; q.excludedPhrases = [phraseFrom(3)]; q.words = r() < 0.5 ? [word()] : []; break;
    }
    qs.push(q);
  }
  return qs;
}

let samplePages = 0;

async function compare(db: ReturnType<typeof freshDb>, all: Article[], qs: Q[]): Promise<number> {
  let nonEmpty = 0;
  for (const q of qs) {
    const text = queryText(q);
    const res = await searchArchiveIds(db, text, { filters: q.filters });
    const expected = bruteForce(all, q);
    const got = new Set(res.ids);
    expect(got.size).toBe(res.ids.length);
    expect({ text, filters: q.filters, total: res.total, ids: [...got].sort() }).toEqual({ text, filters: q.filters, total: expected.size, ids: [...expected].sort() });
    if (samplePages++ % 10 === 0) {
      // The hit page agrees with the id list (same order) and carries snippets.
      const page = await searchArchive(db, text, { filters: q.filters, limit: 15 });
      expect(page.hits.map((h) => h.id)).toEqual(res.ids.slice(0, 15));
      expect(page.total).toBe(expected.size);
    }
    if (expected.size) nonEmpty++;
  }
  return nonEmpty;
}

// Small segments store 16 buckets per row, large ones a row per bucket: both layouts, and both mixed in one index
// (segments of 100 grouped, their merge of 800 not).
describe.each([
  { layout: 'small segments grouped (the default at this size)', groupedBelow: GROUPED_BELOW },
  { layout: 'grouped and per-bucket segments mixed', groupedBelow: 500 },
])('search results equal a brute-force scan: $layout', ({ groupedBelow }) => {
  const db = freshDb({ segmentLayout: { groupedBelow } });
  let all: Article[] = [];

  beforeAll(async () => {
    const generated = Array.from({ length: 1500 }, (_, i) => generateArticle(i, { bodyWords: 70 }));
    // Bulk import path, in batches small enough that terms exceed the segment limit and get merged.
    for (let i = 0; i < 1100; i += 100) {
      const batch = generated.slice(i, i + 100);
      await db.transaction('rw', ['articles', ...SEARCH_TABLES], async () => {
        await db.articles.bulkAdd(batch);
        await indexArticlesInTx(db, batch);
      });
    }
    // Save path (pending rows, background flush at 256 pending).
    const saveGenerated = async (a: Article) => {
      const { id: _id, site, contentHash: _h, capturedAt, tags: _t, note: _n, ...extracted } = a;
      await saveArticle(db, extracted, site, { now: new Date(Date.parse(capturedAt)) });
    };
    for (const a of generated.slice(1100, 1460)) await saveGenerated(a);
    await flushSearchIndex(db);
    // These stay pending (fewer than the flush threshold), so queries read segments and pending rows together.
    for (const a of generated.slice(1460)) await saveGenerated(a);
    // Updates of content (a new doc number, the old one dead) and deletions.
    const stored = await db.articles.orderBy('id').toArray();
    for (const a of stored.filter((_, i) => i % 60 === 1)) {
      const { id: _id, site, contentHash: _h, capturedAt: _c, tags: _t, note: _n, ...extracted } = a;
      await saveArticle(db, { ...extracted, bodyText: `${a.bodyText}\n\nĐoạn cập nhật về đường giao thông nông thôn mới.` }, site, { mode: 'update' });
    }
    for (const a of stored.filter((_, i) => i % 60 === 7)) await deleteArticle(db, a.id);
    // Tags edited afterwards filter too (each edit indexes the article again).
    await tagMany(db, stored.filter((_, i) => i % 97 === 3).map((a) => a.id), 'Đề tài B');
    const one = stored.find((_, i) => i % 97 === 5)!;
    await setTags(db, one.id, [...one.tags, 'đề tài B']);
    all = await db.articles.toArray();
  }, 120_000);

  it('for words, prefixes, phrases, exclusions and filters, with and without diacritics (segments + pending)', async () => {
    const qs = makeQueries(all, 100, 7);
    qs.push({ words: [], phrases: [], excluded: [], excludedPhrases: [], filters: { tag: 'đề tài b' } });
    qs.push({ words: ['đường'], phrases: [['giao', 'thông', 'nông', 'thôn']], excluded: [], excludedPhrases: [] });
    const nonEmpty = await compare(db, all, qs);
    expect(nonEmpty).toBeGreaterThan(50);
    expect(await db.table('searchQueue').count()).toBeGreaterThan(0);
  }, 120_000);

  it('after every pending document is flushed and merged', async () => {
    await flushSearchIndex(db);
    expect(await db.table('searchQueue').count()).toBe(0);
    // Per-bucket segments hold common words in lists of their own, grouped ones inline: both storage forms are compared.
    expect(await db.table('searchLists').count() > 0).toBe(800 >= groupedBelow);
    // Eight segments of 100 imported articles became one.
    const segments = (await db.table('searchMeta').get('meta')).segments;
    expect(segments).toContainEqual(800 < groupedBelow ? [expect.any(Number), 800, 1] : [expect.any(Number), 800]);
    if (800 >= groupedBelow) expect(segments.some((s: number[]) => s[2] === 1)).toBe(true);
    await compare(db, all, makeQueries(all, 40, 11));
  }, 120_000);

  it('after a rebuild from the articles table', async () => {
    await rebuildSearchIndex(db);
    await compare(db, all, makeQueries(all, 30, 13));
  }, 120_000);
});
