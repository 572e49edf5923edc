// Schema v1 → current migration of a large archive (every schema: archive-migrations.test.ts), index consistency on save / update / delete, ranking rules, snippets.
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { openArchiveDb } from '../../src/core/archive/db';
import { deleteArticle, listArticles, saveArticle } from '../../src/core/archive/save-article';
import { setTags } from '../../src/core/archive/organize';
import { searchArchive, searchArchiveIds, searchCacheBytesFor, setSearchCacheBytes, SEARCH_TABLES } from '../../src/core/search';
import { compactSearchIndex, flushSearchIndex, indexArticlesInTx, rebuildSearchIndex, FLUSH_AT } from '../../src/core/search/index-writer';
import { idTableSettled } from '../../src/core/search/index-reader';
import { generateArticle } from '../../bench/search-corpus';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';
import { addIndexed } from '../helpers/indexed-archive';

const V1_STORES = {
  articles: 'id, url, canonicalUrl, capturedAt, publishedAt, contentHash, site.host, site.province',
  settings: 'key',
};


async function indexRowCounts(db: ReturnType<typeof freshDb>) {
  return {
    docs: await db.searchDocs.count(),
    pending: await db.searchQueue.count(),
    meta: await db.searchMeta.get('meta'),
    articles: await db.articles.count(),
  };
}

describe('migration from a version-1 archive', () => {
  it('indexes every existing article in the upgrade and keeps the other data', async () => {
    const name = `v1-archive-${process.pid}-${Math.random()}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores(V1_STORES);
    const old = Array.from({ length: 1_150 }, (_, i) => generateArticle(i, { bodyWords: 40, seed: 99 }));
    old[3] = { ...old[3], title: 'Khánh thành đường giao thông liên xã Khuổi Nhi' };
    await v1.table('articles').bulkAdd(old);
    await v1.table('settings').put({ key: 'ui', value: { lang: 'vi' } });
    v1.close();

    const db = openArchiveDb({ indexedDB, IDBKeyRange, name });
    await db.open();
    expect(db.verno).toBe(6); // the current schema: v2 added tags and an index, v3 versions, v4 the bucketed index, v5 stored media, v6 originals by hash
    expect(await db.articles.count()).toBe(1_150);
    expect(await db.settings.get('ui')).toEqual({ key: 'ui', value: { lang: 'vi' } });
    const { docs, pending, meta } = await indexRowCounts(db);
    expect(docs).toBe(1_150);
    expect(pending).toBe(0);
    expect(meta?.aliveCount).toBe(1_150);

    const hit = await searchArchive(db, 'khanh thanh khuoi');
    expect(hit.hits.map((h) => h.id)).toContain(old[3].id);
    expect((await searchArchive(db, '')).total).toBe(1_150);
    // The v2 tag index works on migrated rows.
    const tagged = old.filter((a) => a.tags.includes('du lịch')).length;
    expect((await searchArchive(db, '', { filters: { tag: 'du lịch' } })).total).toBe(tagged);
    // New saves go on top of the migrated index.
    await saveArticle(db, sampleExtracted({ title: 'Khuổi Nhi đón nhận danh hiệu' }), TUYEN_QUANG_SITE);
    expect((await searchArchive(db, 'khuổi')).total).toBe(2);
    db.close();
  }, 60_000);

  it('opens an empty version-1 archive', async () => {
    const name = `v1-empty-${process.pid}-${Math.random()}`;
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores(V1_STORES);
    await v1.open();
    v1.close();
    const db = openArchiveDb({ indexedDB, IDBKeyRange, name });
    expect(await searchArchive(db, 'bất kỳ')).toMatchObject({ total: 0, hits: [] });
    expect((await searchArchive(db, '')).total).toBe(0);
  });
});

describe('index upkeep in the article transaction', () => {
  it('indexes a new article, re-indexes an update and forgets a deleted one', async () => {
    const db = freshDb();
    const first = await saveArticle(db, sampleExtracted({ bodyText: 'Xây dựng cầu treo bản Mường Lay.' }), TUYEN_QUANG_SITE);
    expect((await searchArchive(db, 'cau treo')).hits.map((h) => h.id)).toEqual([first.article.id]);

    const updated = await saveArticle(db, sampleExtracted({ url: first.article.url, bodyText: 'Sửa chữa đập thủy lợi Nà Hang.' }), TUYEN_QUANG_SITE, { mode: 'update' });
    expect(updated.status).toBe('updated');
    expect((await searchArchive(db, 'cau treo')).total).toBe(0);
    expect((await searchArchive(db, 'thuy loi')).hits.map((h) => h.id)).toEqual([first.article.id]);
    expect((await searchArchive(db, '')).total).toBe(1);

    expect(await deleteArticle(db, first.article.id)).toBe(true);
    expect(await db.articles.get(first.article.id)).toBeUndefined();
    expect((await searchArchive(db, 'thuy loi')).total).toBe(0);
    expect((await searchArchive(db, '')).total).toBe(0);
    const counts = await indexRowCounts(db);
    expect(counts).toMatchObject({ docs: 0, pending: 0, articles: 0 });
    expect(counts.meta?.aliveCount).toBe(0);
    expect(await deleteArticle(db, first.article.id)).toBe(false);
  });

  it('filters by tag whatever its case, including tags edited after the save', async () => {
    const db = freshDb();
    const ids: string[] = [];
    for (const tag of ['Du lịch', 'du lịch', 'DU LỊCH', 'du lịch xanh']) {
      ids.push((await saveArticle(db, sampleExtracted({ bodyText: `Bài về ${tag}.` }), TUYEN_QUANG_SITE, { tags: [tag] })).article.id);
    }
    const other = (await saveArticle(db, sampleExtracted({ bodyText: 'Không có nhãn.' }), TUYEN_QUANG_SITE)).article.id;
    const tagged = async (tag: string) => (await searchArchive(db, '', { filters: { tag }, limit: 50 })).hits.map((h) => h.id).sort();
    expect(await tagged('du LỊCH')).toEqual(ids.slice(0, 3).sort());
    expect(await tagged('Du lịch xanh')).toEqual([ids[3]]);
    await setTags(db, other, ['du Lịch']);
    expect(await tagged('du lịch')).toEqual([...ids.slice(0, 3), other].sort());
    expect(await tagged('không có')).toEqual([]);
  });

  it('a duplicate or unchanged save does not touch the index', async () => {
    const db = freshDb();
    const a = sampleExtracted();
    await saveArticle(db, a, TUYEN_QUANG_SITE);
    const before = await db.searchMeta.get('meta');
    await saveArticle(db, a, TUYEN_QUANG_SITE);
    await saveArticle(db, a, TUYEN_QUANG_SITE, { mode: 'update' });
    expect(await db.searchMeta.get('meta')).toEqual(before);
  });

  it('a failed save leaves neither the article nor its index entries', async () => {
    const db = freshDb();
    await saveArticle(db, sampleExtracted({ title: 'Bài đầu tiên' }), TUYEN_QUANG_SITE);
    const before = await indexRowCounts(db);
    // A title that is not a string makes indexing throw inside the transaction, after the article was added.
    await expect(saveArticle(db, sampleExtracted({ title: 42 as unknown as string }), TUYEN_QUANG_SITE)).rejects.toThrow();
    expect(await indexRowCounts(db)).toEqual(before);
  });

  it('flushes pending documents into segments without changing results, and keeps working across flushes', async () => {
    const db = freshDb();
    const n = FLUSH_AT + 20;
    for (let i = 0; i < n; i++) {
      const g = generateArticle(i, { bodyWords: 20, seed: 5 });
      await saveArticle(db, { ...sampleExtracted({ url: g.url, title: g.title, bodyText: g.bodyText }) }, g.site, { now: new Date(Date.parse(g.capturedAt)) });
    }
    const before = await searchArchive(db, 'nông thôn', { limit: 1000 });
    await flushSearchIndex(db);
    expect(await db.searchQueue.count()).toBe(0);
    const after = await searchArchive(db, 'nông thôn', { limit: 1000 });
    expect(after.hits.map((h) => h.id)).toEqual(before.hits.map((h) => h.id));
    expect(after.total).toBeGreaterThan(0);
    expect((await searchArchive(db, '')).total).toBe(n);
  }, 60_000);

  it('an import leaves a segment per batch, and compacting merges them without changing any result', async () => {
    const db = freshDb();
    const articles = Array.from({ length: 1000 }, (_, i) => generateArticle(i, { bodyWords: 30, seed: 8 }));
    for (let i = 0; i < articles.length; i += 50) {
      const batch = articles.slice(i, i + 50);
      await db.transaction('rw', ['articles', ...SEARCH_TABLES], async () => {
        await db.articles.bulkAdd(batch);
        await indexArticlesInTx(db, batch, { fresh: true, merge: false });
      });
    }
    expect((await db.searchMeta.get('meta'))!.segments).toHaveLength(20);
    const queries = ['nông thôn', 'đường', 'huyen', 'xã', '"ủy ban"', ''];
    const before = await Promise.all(queries.map((q) => searchArchiveIds(db, q)));
    expect(before[0].total).toBeGreaterThan(0);
    // 16 segments of the same tier become 2: merges in transactions of their own, until none is due.
    expect(await compactSearchIndex(db)).toBe(2);
    expect((await db.searchMeta.get('meta'))!.segments.map(([, docs]) => docs).sort((a, b) => a - b)).toEqual([50, 50, 50, 50, 400, 400]);
    expect(await compactSearchIndex(db)).toBe(0);
    const after = await Promise.all(queries.map((q) => searchArchiveIds(db, q)));
    expect(after).toEqual(before);
    expect(after[5].total).toBe(1000);
  }, 60_000);

  it('gives consistent results while an import is running (before or after it, never half of it)', async () => {
    const db = freshDb();
    const first = Array.from({ length: 50 }, (_, i) => generateArticle(i, { bodyWords: 30, seed: 3 }));
    await addIndexed(db, first);
    const more = Array.from({ length: 300 }, (_, i) => generateArticle(1000 + i, { bodyWords: 30, seed: 3 }));
    const importing = (async () => {
      for (let i = 0; i < more.length; i += 100) {
        const batch = more.slice(i, i + 100);
        await addIndexed(db, batch);
      }
    })();
    const seen = new Set<number>();
    for (let k = 0; k < 12; k++) {
      const [all, words] = await Promise.all([searchArchive(db, ''), searchArchive(db, 'nông thôn', { limit: 1000 })]);
      expect([50, 150, 250, 350]).toContain(all.total);
      expect(words.hits.length).toBe(words.total);
      seen.add(all.total);
    }
    await importing;
    expect((await searchArchive(db, '')).total).toBe(350);
  });

  it('sees a write made through another connection to the same database', async () => {
    const name = `shared-${process.pid}-${Math.random()}`;
    const page = openArchiveDb({ indexedDB, IDBKeyRange, name });
    const background = openArchiveDb({ indexedDB, IDBKeyRange, name });
    expect((await searchArchive(page, 'na hang')).total).toBe(0);
    await saveArticle(background, sampleExtracted({ title: 'Nà Hang mùa lúa chín' }), TUYEN_QUANG_SITE);
    expect((await searchArchive(page, 'na hang')).total).toBe(1);
  });

  it('shows each hit with its own article once doc numbers are known in memory, across updates, deletes and a rebuild', async () => {
    const db = freshDb();
    // Stored in reverse id order: a rebuild (which numbers documents in id order) gives doc numbers to other articles.
    const many = Array.from({ length: 1_500 }, (_, i) => generateArticle(1_499 - i, { bodyWords: 25, seed: 8 }));
    await addIndexed(db, many);
    const queries = ['tỉnh', 'xa', 'nông thôn', 'huyện -xã', ''];
    const check = async () => {
      for (const q of queries) {
        // searchArchiveIds reads doc numbers' ids from the index rows, not through the reader's caches.
        const expected = await searchArchiveIds(db, q, { limit: 40 });
        const page = await searchArchive(db, q, { limit: 40 });
        expect(page.hits.map((h) => h.id)).toEqual(expected.ids);
        const stored = await db.articles.bulkGet(page.hits.map((h) => h.id));
        expect(page.hits.map((h) => h.title)).toEqual(stored.map((a) => a!.title.normalize('NFC')));
      }
    };
    await searchArchive(db, 'tỉnh');
    await idTableSettled(db);
    await check();

    const top = (await searchArchive(db, 'tỉnh', { limit: 6 })).hits.map((h) => h.id);
    await setTags(db, top[0], ['Đã đọc']);
    const old = (await db.articles.get(top[1]))!;
    const { id: _id, site, contentHash: _h, capturedAt: _c, tags: _t, note: _n, ...extracted } = old;
    await saveArticle(db, { ...extracted, title: `Tỉnh đoàn ${old.title}` }, site, { mode: 'update' });
    await deleteArticle(db, top[2]);
    await check();
    expect((await searchArchive(db, 'tinh doan')).hits.map((h) => h.id)).toContain(top[1]);

    await rebuildSearchIndex(db);
    await check();
    await idTableSettled(db);
    await check();
  }, 60_000);
});

describe('article ids of results', () => {
  it('shows each hit with its own article in an archive indexed before stats blocks held article ids', async () => {
    const name = `old-stats-${process.pid}-${Math.random()}`;
    const writer = openArchiveDb({ indexedDB, IDBKeyRange, name });
    const many = Array.from({ length: 2_500 }, (_, i) => generateArticle(2_499 - i, { bodyWords: 25, seed: 9 }));
    await addIndexed(writer, many);
    // As an earlier version wrote them: no ids in the stats blocks, only searchDocs rows.
    await writer.searchStats.toCollection().modify((row) => void delete row.ids);
    // Saved after the upgrade: its block gets ids for new documents, holes for the old ones.
    await saveArticle(writer, sampleExtracted({ title: 'Tỉnh Tuyên Quang khánh thành cầu mới' }), TUYEN_QUANG_SITE);
    const reader = openArchiveDb({ indexedDB, IDBKeyRange, name });
    // A collection's worth of them: its members are found although their blocks do not name them.
    const members = many.filter((_, i) => i % 5 === 0).map((a) => a.id);
    const inside = new Set(members);
    const check = async () => {
      for (const q of ['tỉnh', 'xa', 'cau moi', 'huyện -xã', '']) {
        const page = await searchArchive(reader, q, { limit: 40 });
        const expected = await searchArchiveIds(writer, q, { limit: 40 });
        expect(page.hits.map((h) => h.id)).toEqual(expected.ids);
        const all = (await searchArchiveIds(writer, q)).ids;
        expect((await searchArchiveIds(reader, q, { filters: { ids: members } })).ids, q).toEqual(all.filter((id) => inside.has(id)));
        const stored = await reader.articles.bulkGet(page.hits.map((h) => h.id));
        expect(page.hits.map((h) => h.title)).toEqual(stored.map((a) => a!.title.normalize('NFC')));
      }
    };
    await check();
    await idTableSettled(reader);
    await check();
    expect((await searchArchive(reader, 'cau moi')).hits[0]?.title).toBe('Tỉnh Tuyên Quang khánh thành cầu mới');
  }, 60_000);

  it('keeps the article id of every new document in its stats block', async () => {
    const db = freshDb();
    const few = Array.from({ length: 30 }, (_, i) => generateArticle(i, { bodyWords: 20, seed: 10 }));
    await addIndexed(db, few);
    const docs = await db.searchDocs.toArray();
    const [block] = await db.searchStats.toArray();
    expect(docs.map((d) => block.ids![d.docNo]).sort()).toEqual(few.map((a) => a.id).sort());
  });
});

describe('memory of the search cache', () => {
  it('takes a thirty-second of a small device\'s memory, and at most about 120 MB', () => {
    expect(searchCacheBytesFor(2)).toBe(64 * 1024 ** 2);
    expect(searchCacheBytesFor(0.5)).toBe(16 * 1024 ** 2);
    expect(searchCacheBytesFor(8)).toBe(searchCacheBytesFor(undefined));
    expect(searchCacheBytesFor(8)).toBeLessThanOrEqual(128 * 1024 ** 2);
  });

  it('gives the same results with a cache capped small, or none, as with the full cache', async () => {
    const name = `cache-cap-${process.pid}-${Math.random()}`;
    const writer = openArchiveDb({ indexedDB, IDBKeyRange, name });
    await addIndexed(writer, Array.from({ length: 1_500 }, (_, i) => generateArticle(i, { bodyWords: 40, seed: 11 })));
    const queries = ['tỉnh', 'huyen', 'ủy ban nhân', '"nhân dân"', 'xã -huyện', 'tuyen quang'];
    const answers = async () => {
      // A reader of its own per cap: each database object has its own cache.
      const reader = openArchiveDb({ indexedDB, IDBKeyRange, name });
      const out: string[][] = [];
      // Twice: the second round is served from whatever the cap let the cache keep.
      for (let round = 0; round < 2; round++) for (const q of queries) out.push((await searchArchive(reader, q, { limit: 30 })).hits.map((h) => h.id));
      reader.close();
      return out;
    };
    const full = await answers();
    expect(full.filter((ids) => ids.length).length).toBeGreaterThan(queries.length);
    try {
      for (const bytes of [64 * 1024, 0]) {
        setSearchCacheBytes(bytes);
        expect(await answers(), `cache of ${bytes} bytes`).toEqual(full);
      }
    } finally {
      setSearchCacheBytes(searchCacheBytesFor(undefined));
    }
  }, 60_000);
});

describe('ranking and snippets', () => {
  it('finds every article holding a long phrase when most candidates hold its syllable pairs apart and rank above them', async () => {
    const db = freshDb();
    // 150 articles have "lễ hội" and "hội xuân" in their titles (ranked first) but not "lễ hội xuân"; 10 have the
    // phrase in their body only: checking candidates in rank order must go past the first ranked stage.
    const arts = Array.from({ length: 160 }, (_, i) => {
      const a = generateArticle(i, { bodyWords: 30, seed: 12 });
      return i % 16 === 5
        ? { ...a, bodyText: `Lễ hội xuân ở thôn ${i}. ${a.bodyText}` }
        : { ...a, title: `Lễ hội lớn, hội xuân về ${i}`, lead: 'Lễ hội lớn, hội xuân về.' };
    });
    await addIndexed(db, arts);
    const result = await searchArchive(db, '"lễ hội xuân"');
    expect(result.totalIsExact).toBe(true);
    expect(result.hits.map((h) => h.id).sort()).toEqual(arts.filter((_, i) => i % 16 === 5).map((a) => a.id).sort());
    expect(result.total).toBe(10);
  });

  it('ranks exact-diacritic matches first when the query has diacritics, both forms without', async () => {
    const db = freshDb();
    const t0 = new Date('2026-01-01T00:00:00Z');
    const duong = await saveArticle(db, sampleExtracted({ title: 'Ông Dương Văn Minh thăm hỏi' }), TUYEN_QUANG_SITE, { now: new Date(t0.getTime() + 1000) });
    const road = await saveArticle(db, sampleExtracted({ title: 'Nâng cấp đường tỉnh 185' }), TUYEN_QUANG_SITE, { now: t0 });
    const withMarks = await searchArchive(db, 'đường');
    expect(withMarks.hits.map((h) => h.id)).toEqual([road.article.id, duong.article.id]);
    expect(withMarks.hits[0].exactMatches).toBe(1);
    const other = await searchArchive(db, 'dương');
    expect(other.hits[0].id).toBe(duong.article.id);
    const bare = await searchArchive(db, 'duong');
    expect(bare.total).toBe(2);
  });

  it('pages of a query with thousands of hits come in the same order as the full ranking', async () => {
    const db = freshDb();
    const many = Array.from({ length: 3_200 }, (_, i) => generateArticle(i, { bodyWords: 25, seed: 5 }));
    await addIndexed(db, many);
    for (const query of ['tỉnh', 'xa', '']) {
      const all = await searchArchiveIds(db, query);
      expect(all.total).toBeGreaterThan(2_000); // past the size where only the best are sorted
      for (const offset of [0, 20, 40]) {
        const page = await searchArchive(db, query, { offset, limit: 20 });
        expect(page.hits.map((h) => h.id)).toEqual(all.ids.slice(offset, offset + 20));
      }
    }
  }, 60_000);

  it('treats old and new tone placement alike, in queries and in text', async () => {
    const db = freshDb();
    const a = await saveArticle(db, sampleExtracted({ title: 'Xã Hoà Bình đạt chuẩn' }), TUYEN_QUANG_SITE);
    const b = await saveArticle(db, sampleExtracted({ title: 'Xã Hòa Bình về đích' }), TUYEN_QUANG_SITE);
    for (const q of ['hoà bình', 'hòa bình', 'hoa binh', 'HOÀ BÌNH']) {
      const r = await searchArchive(db, q);
      expect(new Set(r.hits.map((h) => h.id))).toEqual(new Set([a.article.id, b.article.id]));
    }
    const r = await searchArchive(db, 'hoà bình');
    expect(r.hits.every((h) => h.exactMatches === 2)).toBe(true);
  });

  it('weights the title above the body, and breaks ties by date', async () => {
    const db = freshDb();
    const body = await saveArticle(db, sampleExtracted({ title: 'Tin tổng hợp', bodyText: 'Hội thảo về cà phê đặc sản vùng cao.' }), TUYEN_QUANG_SITE);
    const title = await saveArticle(db, sampleExtracted({ title: 'Cà phê đặc sản vùng cao', bodyText: 'Hội thảo chuyên đề.' }), TUYEN_QUANG_SITE);
    expect((await searchArchive(db, 'ca phe')).hits.map((h) => h.id)).toEqual([title.article.id, body.article.id]);

    const db2 = freshDb();
    const older = await saveArticle(db2, sampleExtracted({ title: 'Lễ hội Lồng Tồng', publishedAt: '2024-02-01T08:00:00+07:00' }), TUYEN_QUANG_SITE);
    const newer = await saveArticle(db2, sampleExtracted({ title: 'Lễ hội Lồng Tồng', publishedAt: '2025-02-01T08:00:00+07:00' }), TUYEN_QUANG_SITE);
    const r = await searchArchive(db2, 'long tong');
    expect(r.hits.map((h) => h.id)).toEqual([newer.article.id, older.article.id]);
    expect(r.hits[0].score).toBe(r.hits[1].score);
  });

  it('lists newest captures first for an empty query, like listArticles, and pages consistently', async () => {
    const db = freshDb();
    for (let i = 0; i < 30; i++) {
      await saveArticle(db, sampleExtracted({ title: `Bài số ${i}` }), TUYEN_QUANG_SITE, { now: new Date(Date.UTC(2026, 0, 1 + ((i * 7) % 30))) });
    }
    const all = await searchArchive(db, '', { limit: 100 });
    expect(all.total).toBe(30);
    expect(all.hits.map((h) => h.id)).toEqual((await listArticles(db)).map((a) => a.id));
    const p2 = await searchArchive(db, '', { offset: 10, limit: 10 });
    expect(p2.hits.map((h) => h.id)).toEqual(all.hits.slice(10, 20).map((h) => h.id));
    const words = await searchArchive(db, 'bai so', { limit: 100 });
    const w2 = await searchArchive(db, 'bai so', { offset: 5, limit: 7 });
    expect(w2.hits.map((h) => h.id)).toEqual(words.hits.slice(5, 12).map((h) => h.id));
  });

  it('returns a plain-text snippet with highlight ranges on the matched words', async () => {
    const db = freshDb();
    const long = `${'Mở đầu bài viết dài. '.repeat(30)}Tỉnh đẩy mạnh cải cách hành chính, giảm thủ tục cho người dân. ${'Kết thúc. '.repeat(30)}`;
    await saveArticle(db, sampleExtracted({ title: 'Đẩy mạnh Cải cách hành chính', bodyText: long, lead: null }), TUYEN_QUANG_SITE);
    const r = await searchArchive(db, '"cai cach hanh chinh" <>');
    const h = r.hits[0];
    expect(h.snippet).not.toContain('<');
    expect(h.snippet.length).toBeLessThan(260);
    const marked = h.highlights.snippet.map(([s, e]) => h.snippet.slice(s, e));
    expect(marked).toContain('cải cách hành chính');
    expect(h.highlights.title.map(([s, e]) => h.title.slice(s, e))).toEqual(['Cải cách hành chính']);
    const prefix = await searchArchive(db, 'thủ tụ');
    expect(prefix.hits[0].highlights.snippet.map(([s, e]) => prefix.hits[0].snippet.slice(s, e))).toContain('thủ tục');
  });
});
