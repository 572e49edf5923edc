// Named collections: kept with the archive's settings, edited atomically, never deleting articles; a search
// restricted to a collection finds exactly the collection's members among the hits, in the same order.
import { addToCollection, addToNamedCollections, CollectionError, createCollection, deleteCollection, getCollection, listCollections, removeFromCollection, renameCollection, restoreCollection } from '../../src/core/archive/collections';
import { deleteMany, restoreArticles } from '../../src/core/archive/organize';
import { exportParts } from '../../src/core/archive/export-stream';
import { applyImport } from '../../src/core/archive/import-apply';
import { importRowsOf, readImportSource } from '../../src/core/archive/import-read';
import { validateRows } from '../../src/core/archive/import-parse';
import { searchArchive, searchArchiveIds } from '../../src/core/search';
import { generateArticle } from '../../bench/search-corpus';
import { freshDb } from '../helpers/sample-article';
import { addIndexed } from '../helpers/indexed-archive';

describe('collections', () => {
  it('are created, renamed and deleted by name, without two of the same name (any case, any spacing)', async () => {
    const db = freshDb();
    const a = await createCollection(db, '  Cải cách   hành chính 2024 ');
    const b = await createCollection(db, 'Biên giới');
    expect(a.name).toBe('Cải cách hành chính 2024');
    expect((await listCollections(db)).map((c) => c.name)).toEqual(['Biên giới', 'Cải cách hành chính 2024']);
    await expect(createCollection(db, 'CẢI CÁCH HÀNH CHÍNH 2024')).rejects.toMatchObject({ problem: 'name-taken' });
    await expect(createCollection(db, '   ')).rejects.toBeInstanceOf(CollectionError);
    await expect(renameCollection(db, b.id, 'cải cách hành chính 2024')).rejects.toMatchObject({ problem: 'name-taken' });
    expect((await renameCollection(db, b.id, 'Biên giới Việt – Trung')).name).toBe('Biên giới Việt – Trung');
    // Renaming to its own name in another case is not a clash.
    expect((await renameCollection(db, a.id, 'cải cách hành chính 2024')).name).toBe('cải cách hành chính 2024');

    const removed = await deleteCollection(db, b.id);
    expect((await listCollections(db)).map((c) => c.id)).toEqual([a.id]);
    await restoreCollection(db, removed);
    expect(await getCollection(db, b.id)).toEqual({ ...b, name: 'Biên giới Việt – Trung' });
    await expect(deleteCollection(db, 'no-such-id')).rejects.toMatchObject({ problem: 'missing' });
  });

  it('come out of a damaged settings row (a hand-edited backup) as the well-formed ones only', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'collections', value: [
      null, 5, { id: 'a', name: '  Tin   biên giới ', createdAt: '2026-11-01T00:00:00Z', ids: ['x', 7, 'y'] },
      { id: 'b', name: 7, ids: [] }, { id: 'c', name: 'Không có danh sách' }, { id: 'd', name: '   ', ids: [] },
    ] });
    expect(await listCollections(db)).toEqual([{ id: 'a', name: 'Tin biên giới', createdAt: '2026-11-01T00:00:00Z', ids: ['x', 'y'] }]);
    expect(await addToCollection(db, 'a', ['z'])).toMatchObject({ collection: { id: 'a', name: 'Tin biên giới', ids: ['x', 'y', 'z'] }, added: 1 });
    expect((await getCollection(db, 'a'))!.ids).toEqual(['x', 'y', 'z']);
    await db.settings.put({ key: 'collections', value: 'not a list' });
    expect(await listCollections(db)).toEqual([]);
  });

  it('count only articles new to them, take articles out without deleting them, and outlive a deletion and its undo', async () => {
    const db = freshDb();
    const articles = Array.from({ length: 6 }, (_, i) => generateArticle(i, { bodyWords: 20, seed: 21 }));
    await addIndexed(db, articles);
    const c = await createCollection(db, 'Dân tộc');
    const ids = articles.map((a) => a.id);
    expect((await addToCollection(db, c.id, ids.slice(0, 4))).added).toBe(4);
    expect((await addToCollection(db, c.id, ids.slice(2, 5))).added).toBe(1);
    expect(await removeFromCollection(db, c.id, [ids[0], ids[5]])).toBe(1);
    expect((await getCollection(db, c.id))!.ids).toEqual([ids[1], ids[2], ids[3], ids[4]]);
    expect(await db.articles.count()).toBe(6);

    const only = { filters: { ids: (await getCollection(db, c.id))!.ids } };
    expect((await searchArchive(db, '', only)).total).toBe(4);
    const deleted = await deleteMany(db, [ids[1]]);
    expect((await searchArchive(db, '', only)).hits.map((h) => h.id).sort()).toEqual([ids[2], ids[3], ids[4]].sort());
    await restoreArticles(db, deleted);
    expect((await searchArchive(db, '', only)).total).toBe(4);
  });
});

describe('search within a collection', () => {
  it('gives the hits of the same search that are members, in the same order, with the right total', async () => {
    const db = freshDb();
    const articles = Array.from({ length: 1_200 }, (_, i) => generateArticle(i, { bodyWords: 40, seed: 22 }));
    await addIndexed(db, articles);
    // Every third article, and an id no article has.
    const members = articles.filter((_, i) => i % 3 === 0).map((a) => a.id).concat('not-an-article');
    const inside = new Set(members);
    for (const [q, filters] of [['', {}], ['tỉnh', {}], ['huyen', {}], ['ủy ban -xã', {}], ['"nhân dân"', {}], ['', { province: articles[0].site.province }]] as const) {
      const all = (await searchArchiveIds(db, q, { filters })).ids;
      const expected = all.filter((id) => inside.has(id));
      const got = await searchArchiveIds(db, q, { filters: { ...filters, ids: members } });
      expect(got.ids, `${q} ${JSON.stringify(filters)}`).toEqual(expected);
      expect(got.total).toBe(expected.length);
      const page = await searchArchive(db, q, { filters: { ...filters, ids: members }, limit: 15 });
      expect(page.hits.map((h) => h.id)).toEqual(expected.slice(0, 15));
      expect(page.total).toBe(expected.length);
    }
    expect(members.length).toBeGreaterThan(100);
    expect((await searchArchive(db, '', { filters: { ids: [] } })).total).toBe(0);
  }, 60_000);
});

describe('a collection moved to another archive', () => {
  it('comes back as that collection when its export is imported, with the articles already there counted in', async () => {
    const here = freshDb();
    const articles = Array.from({ length: 8 }, (_, i) => generateArticle(i, { bodyWords: 20, seed: 23 }));
    await addIndexed(here, articles);
    const c = await createCollection(here, 'Biên giới');
    await addToCollection(here, c.id, articles.slice(0, 5).map((a) => a.id));
    const members = (await getCollection(here, c.id))!.ids;
    const parts: string[] = [];
    for await (const page of exportParts(here, { format: 'json', filter: { ids: members, collection: c.name }, generator: 'test' })) parts.push(...page);
    const file = new Blob(parts);

    // The other archive already holds one of them, and a collection of the same name in another case.
    const there = freshDb();
    await addIndexed(there, [articles[0]]);
    const existing = await createCollection(there, 'BIÊN GIỚI');
    for (const source of [await readImportSource(file), await readImportSource(new Blob([JSON.stringify(JSON.parse(parts.join('')), null, 2)]))]) {
      expect(source.collection).toBe('Biên giới');
      const report = await applyImport(there, importRowsOf(file, source), { keepIds: true });
      expect(report.ids!.sort()).toEqual([...members].sort());
      await addToNamedCollections(there, new Map([[source.collection!, report.ids!]]));
      // Gathered into the collection already there (same name, any case), none made beside it.
      expect((await listCollections(there)).map((c) => c.id)).toEqual([existing.id]);
    }
    expect((await getCollection(there, existing.id))!.ids.sort()).toEqual([...members].sort());
    expect((await searchArchive(there, '', { filters: { ids: members } })).total).toBe(5);
    // An export of the whole archive or of a search names no collection.
    const whole: string[] = [];
    for await (const page of exportParts(here, { format: 'json', generator: 'test' })) whole.push(...page);
    expect((await readImportSource(new Blob(whole))).collection).toBeUndefined();
  });

  it('travels inside exports of the whole archive: each article names its collections, and an import gathers them again', async () => {
    const here = freshDb();
    const articles = Array.from({ length: 10 }, (_, i) => generateArticle(i, { bodyWords: 20, seed: 29 }));
    await addIndexed(here, articles);
    const border = await createCollection(here, 'Biên giới');
    const ethnic = await createCollection(here, 'Dân tộc');
    await addToCollection(here, border.id, articles.slice(0, 6).map((a) => a.id));
    await addToCollection(here, ethnic.id, articles.slice(4, 8).map((a) => a.id));
    for (const format of ['json', 'ndjson'] as const) {
      const exportOf = async (db: typeof here) => {
        const parts: string[] = [];
        for await (const page of exportParts(db, { format, generator: 'test', now: new Date(0) })) parts.push(...page);
        return parts.join('');
      };
      const text = await exportOf(here);
      const rows: Array<{ id: string; collections?: string[] }> = format === 'json' ? JSON.parse(text).articles : text.trim().split('\n').map((l) => JSON.parse(l));
      const named = Object.fromEntries(rows.map((r) => [r.id, r.collections]));
      expect(named[articles[5].id]).toEqual(['Biên giới', 'Dân tộc']);
      expect(named[articles[0].id]).toEqual(['Biên giới']);
      expect(named[articles[9].id]).toBeUndefined();

      const source = await readImportSource(new Blob([text]));
      expect(source.collection).toBeUndefined();
      expect(source.collections).toEqual(['Biên giới', 'Dân tộc']);
      const there = freshDb();
      const report = await applyImport(there, importRowsOf(new Blob([text]), source), { keepIds: true });
      expect(report.added).toBe(10);
      expect(await addToNamedCollections(there, report.collections!)).toEqual({ collections: 2, added: 10 });
      const byName = Object.fromEntries((await listCollections(there)).map((c) => [c.name, c.ids.sort()]));
      expect(byName).toEqual({ 'Biên giới': articles.slice(0, 6).map((a) => a.id).sort(), 'Dân tộc': articles.slice(4, 8).map((a) => a.id).sort() });
      // Lossless: the same file again, collections included.
      expect(await exportOf(there)).toBe(text);
    }
  });

  it('rejects a row whose collections are not a list of names, naming the field', () => {
    const good = generateArticle(1, { bodyWords: 10, seed: 31 });
    for (const collections of [[5], 'Biên giới', [''], [' '], ['x'.repeat(121)], null]) {
      expect(validateRows([{ ...good, collections }], 1)[0]).toEqual({ row: 1, ok: false, reason: 'field "collections" must be a list of collection names' });
    }
    expect(validateRows([{ ...good, collections: [' Biên  giới ', 'Biên giới', 'Dân tộc'] }], 1)[0]).toMatchObject({ ok: true, collections: ['Biên giới', 'Dân tộc'] });
  });
});

