// Opening an archive written by any earlier schema version keeps everything and leaves it searchable.
// Data-driven: each earlier schema is declared here as it shipped (its store definitions, frozen — never
// imported from src/, which only knows the newest) with the data that version could hold. A new schema
// version adds its entry to SCHEMAS; every older fixture must then migrate to it.
// (tests/unit/search-index.test.ts also migrates a large v1 archive and checks ranking on it.)
import Dexie from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/core/archive/build-article';
import { openArchiveDb, type VersionRow } from '../../src/core/archive/db';
import { versionsOf } from '../../src/core/archive/organize';
import { pendingUpgrade } from '../../src/core/archive/schema-upgrade';
import { searchArchive } from '../../src/core/search';
import { searchIndexWriter } from '../../src/core/search/writer';
import type { Article } from '../../src/core/types';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

const V1 = {
  articles: 'id, url, canonicalUrl, capturedAt, publishedAt, contentHash, site.host, site.province',
  settings: 'key',
};
const V2 = {
  ...V1,
  articles: 'id, url, canonicalUrl, capturedAt, publishedAt, contentHash, site.host, site.province, *tags',
  searchMeta: 'key',
  searchDocs: 'docNo, &id',
  searchStats: 'block, gen',
  searchPending: 'docNo',
  searchPostings: '[term+seg]',
  searchTerms: 'term',
};
const V3 = { ...V2, versions: '++seq, articleId' };
const V4 = {
  ...V3,
  searchPending: null, searchPostings: null, searchTerms: null,
  searchMeta: 'key', searchDocs: 'docNo, &id', searchStats: 'block, gen', searchQueue: 'docNo',
  searchBuckets: '[bucket+seg]', searchLists: '[key+seg]', searchVocab: 'head',
};
const V5 = { ...V4, media: 'sha256', articleMedia: 'articleId, *hashes', originals: 'articleId' };

interface Fixture {
  version: number;
  /** Store definitions per version up to this one, as Dexie needs them to create the database. */
  stores: Array<Record<string, string>>;
  /** Has the search index (v2+): the fixture fills it in that version's layout. */
  searchIndex: boolean;
  /** The index is in today's layout (v4+): built by the index's own writer, and not rebuilt by the upgrade. */
  currentIndex?: boolean;
  /** Has the versions table (v3+). */
  versions: boolean;
  /** Has stored images and original pages (v5+). */
  media?: boolean;
}

const SCHEMAS: Fixture[] = [
  { version: 1, stores: [V1], searchIndex: false, versions: false },
  { version: 2, stores: [V1, V2], searchIndex: true, versions: false },
  { version: 3, stores: [V1, V2, V3], searchIndex: true, versions: true },
  { version: 4, stores: [V1, V2, V3, V4], searchIndex: true, versions: true, currentIndex: true },
  { version: 5, stores: [V1, V2, V3, V4, V5], searchIndex: true, versions: true, currentIndex: true, media: true },
];

// A distinct place name per article, so each one can be found by a search of its own.
const PLACES = ['Khuổi Nhi', 'Nà Hang', 'Lâm Bình', 'Chiêm Hóa', 'Hàm Yên', 'Yên Sơn', 'Sơn Dương'];

async function articlesFor(version: number): Promise<Article[]> {
  return Promise.all(PLACES.map((place, i) => buildArticle(
    sampleExtracted({ url: `https://bdt.tuyenquang.gov.vn/tin-tuc/v${version}-${i}.html`, title: `Khánh thành trường học ở ${place}`, bodyText: `Trường mới ở ${place} đón học sinh.` }),
    TUYEN_QUANG_SITE,
    // Tags came with version 2's index on them, but v1 rows already held the field.
    { now: new Date(Date.UTC(2025, 0, 1 + i)), tags: i % 2 ? ['giáo dục', `v${version}`] : [], note: i === 0 ? 'ghi chú cũ' : '' },
  )));
}

/** Version 5's stored images and originals: one image shown by two articles, and two articles with the same original. */
async function writeMedia(old: Dexie, articles: Article[]) {
  const hex = (c: string) => c.repeat(64);
  const image = { sha256: hex('a'), type: 'image/jpeg', size: 3, blob: new Blob([Uint8Array.of(0xff, 0xd8, 0xff)], { type: 'image/jpeg' }), url: 'https://bdt.tuyenquang.gov.vn/a.jpg', storedAt: '2025-03-01T00:00:00.000Z' };
  const item = { src: image.url, role: 'body' as const, sha256: image.sha256 };
  const articleMedia = [0, 1].map((i) => ({ articleId: articles[i].id, hashes: [image.sha256], items: [item] }));
  const original = (i: number, sha256: string) => ({ articleId: articles[i].id, url: articles[i].url, capturedAt: articles[i].capturedAt, html: new Blob(['<html></html>']), size: 13, sha256, contentType: 'text/html' });
  const originals = [original(0, hex('b')), original(1, hex('b')), original(2, hex('c'))];
  await old.table('media').add(image);
  await old.table('articleMedia').bulkAdd(articleMedia);
  await old.table('originals').bulkAdd(originals);
  return { image, articleMedia, originals };
}

async function writeFixture(name: string, f: Fixture) {
  const old = new Dexie(name, { indexedDB, IDBKeyRange });
  f.stores.forEach((stores, i) => old.version(i + 1).stores(stores));
  await old.open();
  const articles = await articlesFor(f.version);
  await old.table('articles').bulkAdd(articles);
  const settings = [{ key: 'ui', value: { lang: 'vi' } }, { key: 'userSites', value: [{ host: 'baotuyenquang.com.vn', province: 'Tuyên Quang', kind: 'newspaper' }] }];
  await old.table('settings').bulkAdd(settings);
  const versions: VersionRow[] = [];
  if (f.versions) {
    versions.push({ articleId: articles[1].id, replacedAt: '2025-02-01T09:00:00+07:00', article: { ...articles[1], title: 'Bản cũ: khởi công trường học' } });
    await old.table('versions').bulkAdd(versions);
  }
  // The index as versions 2 and 3 laid it out (string terms, one postings row per term and segment, pending rows);
  // version 4 drops those tables and indexes the articles again.
  if (f.currentIndex) {
    // An async scope keeps Dexie's transaction zone across the writer's native awaits.
    await old.transaction('rw', old.tables, async () => await searchIndexWriter.rebuild(old));
  } else if (f.searchIndex) {
    const all = articles.map((_, i) => i);
    await old.table('searchMeta').put({ key: 'meta', epoch: `v${f.version}`, nextDocNo: articles.length, gen: 3, aliveCount: articles.length, sumLength: 100, pendingCount: 1, flushSeq: 1 });
    await old.table('searchDocs').bulkAdd(articles.map((a, i) => ({ docNo: i, id: a.id })));
    await old.table('searchPostings').put({ term: 'truong', seg: 1, docs: Uint32Array.from(all), tf: new Uint8Array(all.length).fill(1) });
    await old.table('searchTerms').put({ term: 'truong', df: all.length, segs: 1, segList: [[1, all.length]] });
    await old.table('searchPending').put({ docNo: articles.length - 1, terms: ['hoc'], tf: Uint8Array.of(1) });
  }
  const media = f.media ? await writeMedia(old, articles) : null;
  old.close();
  return { articles, settings, versions, media };
}

/** The schema version a brand-new archive gets. */
async function newestVersion(): Promise<number> {
  const db = openArchiveDb({ indexedDB, IDBKeyRange, name: `newest-${process.pid}-${Math.random()}` });
  await db.open();
  const v = db.verno;
  db.close();
  return v;
}

it('finds no upgrade to announce for an archive that does not exist yet', async () => {
  expect(await pendingUpgrade(indexedDB, `absent-${process.pid}-${Math.random()}`, await newestVersion())).toBeNull();
});

it('has a fixture for every earlier schema version', async () => {
  const newest = await newestVersion();
  for (let v = 1; v < newest; v++) expect(SCHEMAS.map((f) => f.version), `a fixture of schema version ${v}`).toContain(v);
});

describe.each(SCHEMAS)('an archive of schema version $version', (f) => {
  it('opens with every article, setting, tag, note and earlier version kept, and all of it searchable', async () => {
    const name = `migrate-v${f.version}-${process.pid}-${Math.random()}`;
    const { articles, settings, versions, media } = await writeFixture(name, f);

    // The archive page asks before opening, so that it can say an upgrade is running and how far it got.
    const progress: Array<[number, number]> = [];
    const db = openArchiveDb({ indexedDB, IDBKeyRange, name, onUpgradeProgress: (done, total) => progress.push([done, total]) });
    expect(await pendingUpgrade(indexedDB, name, db.verno)).toEqual({ from: f.version, to: await newestVersion() });
    await db.open();
    expect(db.verno).toBe(await newestVersion());
    // Versions before 4 have their index rebuilt by the upgrade, which reports its progress.
    if (!f.currentIndex) expect(progress.at(-1)).toEqual([articles.length, articles.length]);
    expect(await pendingUpgrade(indexedDB, name, db.verno)).toBeNull();
    // The replaced index layout (version 2 and 3) is gone; only the articles' data remains of it.
    expect(db.tables.map((t) => t.name)).not.toContain('searchPostings');

    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect((await db.articles.toArray()).sort(byId)).toEqual([...articles].sort(byId));
    expect(await db.settings.orderBy('key').toArray()).toEqual(settings);
    expect(await db.versions.toArray()).toEqual(versions.map((v, i) => ({ ...v, seq: i + 1 })));
    if (versions.length) expect((await versionsOf(db, versions[0].articleId)).map((v) => v.article.title)).toEqual(['Bản cũ: khởi công trường học']);
    if (media) {
      // Stored images and originals kept, and the originals now found by their hash (two articles share one).
      expect((await db.media.toArray()).map((m) => ({ ...m, blob: null }))).toEqual([{ ...media.image, blob: null }]);
      expect(await db.articleMedia.orderBy('articleId').toArray()).toEqual([...media.articleMedia].sort((a, b) => a.articleId.localeCompare(b.articleId)));
      expect((await db.originals.where('sha256').equals('b'.repeat(64)).primaryKeys()).sort()).toEqual([articles[0].id, articles[1].id].sort());
      expect(await db.originals.count()).toBe(3);
    }

    // Each article found by its own words, with or without diacritics; tags filter through the migrated rows.
    for (const [i, place] of PLACES.entries()) {
      expect((await searchArchive(db, place)).hits.map((h) => h.id), place).toEqual([articles[i].id]);
      expect((await searchArchive(db, place.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd'))).hits.map((h) => h.id)).toEqual([articles[i].id]);
    }
    expect((await searchArchive(db, '')).total).toBe(articles.length);
    expect((await searchArchive(db, 'trường học')).total).toBe(articles.length);
    const tagged = articles.filter((a) => a.tags.includes('giáo dục')).map((a) => a.id).sort();
    expect((await searchArchive(db, '', { filters: { tag: 'giáo dục' } })).hits.map((h) => h.id).sort()).toEqual(tagged);
    db.close();

    // Opening again (the next browser start) changes nothing.
    const again = openArchiveDb({ indexedDB, IDBKeyRange, name });
    expect(await again.articles.count()).toBe(articles.length);
    expect((await searchArchive(again, 'khuoi nhi')).hits.map((h) => h.id)).toEqual([articles[0].id]);
    again.close();
  }, 60_000);
});
