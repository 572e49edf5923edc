import { applyImport, JOURNAL_PREFIX, undoInterruptedImports } from '../../src/core/archive/import-apply';
import { parseImportText } from '../../src/core/archive/import-parse';
import { exportChunks } from '../../src/core/archive/export-stream';
import { deleteArticle, saveArticle } from '../../src/core/archive/save-article';
import { buildArticle } from '../../src/core/archive/build-article';
import { ArchiveError } from '../../src/core/archive/errors';
import { sanitizeArticleHtml } from '../../src/core/extract/sanitize-html';
import { searchArchive } from '../../src/core/search';
import { Window } from 'happy-dom';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

type Db = ReturnType<typeof freshDb>;

async function exportText(db: Db, format: 'json' | 'ndjson' = 'json'): Promise<string> {
  let text = '';
  for await (const c of exportChunks(db, { format, generator: 'test' })) text += c;
  return text;
}

async function snapshot(db: Db) {
  const articles = await db.articles.orderBy('id').toArray();
  return JSON.stringify(articles);
}

async function seeded(n: number, words = (i: number) => `Hội nghị số ${i} về cải cách hành chính`) {
  const db = freshDb();
  for (let i = 0; i < n; i++) {
    await saveArticle(db, sampleExtracted({ title: words(i), bodyText: `${words(i)}. Đoạn văn bản ${i}.` }), TUYEN_QUANG_SITE, { now: new Date(Date.UTC(2026, 0, 1, 0, i)) });
  }
  return db;
}

const withoutExportedAt = (text: string) => text.replace(/"exportedAt":"[^"]+"/, '');

describe('importing into the archive', () => {
  it('round-trips losslessly: export, import into an empty archive, export again gives the same file', async () => {
    const source = await seeded(30);
    const first = await exportText(source);
    const target = freshDb();
    const report = await applyImport(target, parseImportText(first).rows);
    expect(report).toMatchObject({ added: 30, updated: 0, skipped: 0, rejected: 0 });
    expect(withoutExportedAt(await exportText(target))).toBe(withoutExportedAt(first));
    const ndjson = await exportText(source, 'ndjson');
    const viaNdjson = freshDb();
    await applyImport(viaNdjson, parseImportText(ndjson).rows);
    expect(await exportText(viaNdjson, 'ndjson')).toBe(ndjson);
  });

  it('makes imported articles searchable at once', async () => {
    const source = await seeded(3, (i) => ['Lễ hội Thành Tuyên', 'Mùa hoa tam giác mạch', 'Chè Thái Nguyên'][i]);
    const target = freshDb();
    await applyImport(target, parseImportText(await exportText(source)).rows);
    const result = await searchArchive(target, 'tam giac mach');
    expect(result.hits.map((h) => h.title)).toEqual(['Mùa hoa tam giác mạch']);
  });

  it('resolves duplicates as the user chooses: skip, overwrite or keep both', async () => {
    const db = await seeded(1);
    const [original] = await db.articles.toArray();
    const edited = { ...original, title: 'Tiêu đề đã sửa', contentHash: 'f'.repeat(64) };
    const file = (a: object) => JSON.stringify({ format: 'provincial-news-archive', version: 1, exportedAt: '2026-11-28T08:00:00+07:00', generator: 't', filter: null, count: 1, articles: [a] });

    const same = await applyImport(db, parseImportText(file(original)).rows, { onDuplicate: 'overwrite' });
    expect(same).toMatchObject({ added: 0, updated: 0, skipped: 1 });

    const skipped = await applyImport(db, parseImportText(file(edited)).rows, { onDuplicate: 'skip' });
    expect(skipped).toMatchObject({ skipped: 1, added: 0 });
    expect(skipped.problems[0]).toMatchObject({ row: 1, kind: 'skipped' });
    expect((await db.articles.get(original.id))?.title).toBe(original.title);

    const overwritten = await applyImport(db, parseImportText(file(edited)).rows, { onDuplicate: 'overwrite' });
    expect(overwritten).toMatchObject({ updated: 1 });
    expect((await db.articles.get(original.id))?.title).toBe('Tiêu đề đã sửa');
    expect(await db.articles.count()).toBe(1);

    const both = await applyImport(db, parseImportText(file({ ...original, contentHash: 'e'.repeat(64) })).rows, { onDuplicate: 'keep-both' });
    expect(both).toMatchObject({ added: 1 });
    expect(await db.articles.count()).toBe(2);
  });

  it('finds duplicates across batches and those saved or deleted while the import runs', async () => {
    const source = await seeded(6);
    const rows = parseImportText(await exportText(source)).rows;
    const db = await seeded(1, () => 'Bài có sẵn');
    const [kept] = await db.articles.toArray();
    const again = { ...rows[1], row: 7 };
    async function* batches() {
      yield rows.slice(0, 2);
      // Saved elsewhere between two batches: the later row with the same canonical URL is a duplicate.
      const late = rows[4] as Extract<(typeof rows)[number], { ok: true }>;
      const { id: _i, site, contentHash: _h, capturedAt: _c, tags: _t, note: _n, ...extracted } = late.article;
      await saveArticle(db, extracted, site);
      // Deleted elsewhere: a row with its URL is new again.
      await deleteArticle(db, kept.id);
      yield [...rows.slice(2, 6), again, { ...rows[0], row: 8, ok: true as const, article: { ...(rows[0] as Extract<(typeof rows)[number], { ok: true }>).article, id: kept.id, canonicalUrl: kept.canonicalUrl } }];
    }
    const report = await applyImport(db, batches(), { batchSize: 2 });
    expect(report).toMatchObject({ added: 6, skipped: 2 });
    expect(report.problems.map((p) => p.row).sort()).toEqual([5, 7]);
    const urls = (await db.articles.toArray()).map((a) => a.canonicalUrl);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(7);
  });

  it('a cancel, even while the last batch is written, leaves the archive as it was', async () => {
    const rows = parseImportText(await exportText(await seeded(5))).rows;
    for (const at of [2, 5]) {
      const db = await seeded(2, () => 'Bài có sẵn');
      const before = await snapshot(db);
      const controller = new AbortController();
      await expect(applyImport(db, rows, { batchSize: 2, signal: controller.signal, onProgress: (done) => done >= at && controller.abort() }))
        .rejects.toMatchObject({ name: 'AbortError' });
      expect(await snapshot(db)).toBe(before);
      expect((await searchArchive(db, '')).total).toBe(2);
    }
  });

  it('reports rejected rows with their row numbers and imports the rest', async () => {
    const good = await buildArticle(sampleExtracted(), TUYEN_QUANG_SITE);
    const text = [JSON.stringify(good), JSON.stringify({ ...good, id: 'x', url: 'ftp://nope' }), 'not json'].join('\n');
    const report = await applyImport(freshDb(), parseImportText(text).rows);
    expect(report.added).toBe(1);
    expect(report.rejected).toBe(2);
    expect(report.problems.map((p) => p.row)).toEqual([2, 3]);
  });

  it('leaves the archive exactly as it was when the disk fills up halfway', async () => {
    const db = await seeded(5);
    const before = await snapshot(db);
    const incoming = await Promise.all(Array.from({ length: 50 }, (_, i) => buildArticle(sampleExtracted({ title: `Nhập ${i}` }), TUYEN_QUANG_SITE)));
    const rows = incoming.map((article, i) => ({ row: i + 1, ok: true as const, article }));
    const realBulkPut = db.articles.bulkPut.bind(db.articles);
    let calls = 0;
    db.articles.bulkPut = ((items: never) => {
      calls++;
      if (calls === 3) return Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
      return realBulkPut(items);
    }) as typeof db.articles.bulkPut;
    const error = await applyImport(db, rows, { batchSize: 10 }).catch((e) => e);
    db.articles.bulkPut = realBulkPut;
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error.code).toBe('quota');
    expect(await snapshot(db)).toBe(before);
    expect((await searchArchive(db, 'Nhập')).total).toBe(0);
  });

  it('sanitizes imported HTML again: scripts and handlers never reach the archive', async () => {
    const hostile = await buildArticle(sampleExtracted({ bodyHtml: '<p onclick="alert(1)">Tin<script>alert(2)</script></p><img src="x" onerror="alert(3)">' }), TUYEN_QUANG_SITE);
    const window = new Window();
    const sanitizeHtml = (html: string, url: string) => {
      const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
      return sanitizeArticleHtml(doc.body, url);
    };
    const db = freshDb();
    await applyImport(db, [{ row: 1, ok: true, article: hostile }], { sanitizeHtml });
    const stored = await db.articles.get(hostile.id);
    expect(stored?.bodyHtml).toContain('Tin');
    expect(stored?.bodyHtml).not.toMatch(/script|onclick|onerror|alert/i);
    await window.happyDOM.close();
  });
});

describe('an import cut off with its page', () => {
  async function cutOffImport(db: Db) {
    const archived = (await db.articles.toArray())[0];
    const fresh = await Promise.all([1, 2].map((i) => buildArticle(sampleExtracted({ title: `Khai trương chợ phiên Bản Mới ${i}`, bodyText: `Chợ phiên Bản Mới ${i} mở cửa.` }), TUYEN_QUANG_SITE)));
    const changed = { ...archived, title: 'Tiêu đề bị ghi đè', bodyText: 'Nội dung ghi đè hồ Thác Bà.', contentHash: 'changed' };
    let applied!: () => void;
    const firstBatchDone = new Promise<void>((resolve) => (applied = resolve));
    async function* rows() {
      yield [...fresh, changed].map((article, i) => ({ row: i + 1, ok: true as const, article }));
      await new Promise(() => undefined); // the page is gone: the next batch never comes, nothing is undone
    }
    void applyImport(db, rows(), { onDuplicate: 'overwrite', journalId: 'j1', onProgress: () => applied() });
    await firstBatchDone;
    return { archived, fresh };
  }

  it('is undone when the archive opens again: added articles go, overwritten ones come back, the index follows', async () => {
    const db = await seeded(4);
    const before = await snapshot(db);
    const { archived } = await cutOffImport(db);
    expect((await searchArchive(db, 'ban moi')).total).toBe(2);
    expect(await db.versions.count()).toBe(1);

    expect(await undoInterruptedImports(db, () => false)).toBe(3);
    expect(await snapshot(db)).toBe(before);
    expect(await db.versions.count()).toBe(0);
    expect((await searchArchive(db, 'ban moi')).total).toBe(0);
    expect((await searchArchive(db, 'thac ba')).total).toBe(0);
    expect((await searchArchive(db, archived.title)).hits.map((h) => h.id)).toContain(archived.id);
    expect(await db.settings.where('key').startsWith(JOURNAL_PREFIX).count()).toBe(0);
    // Nothing left to undo the next time.
    expect(await undoInterruptedImports(db, () => false)).toBe(0);
  });

  it('is left alone while it still runs in another page, and a finished import leaves no journal', async () => {
    const db = await seeded(2);
    await cutOffImport(db);
    const during = await snapshot(db);
    expect(await undoInterruptedImports(db, (id) => id === 'j1')).toBe(0);
    expect(await snapshot(db)).toBe(during);

    const other = await seeded(1);
    const article = await buildArticle(sampleExtracted({ title: 'Bài nhập trọn vẹn' }), TUYEN_QUANG_SITE);
    await applyImport(other, [{ row: 1, ok: true, article }], { journalId: 'done' });
    expect(await other.settings.where('key').startsWith(JOURNAL_PREFIX).count()).toBe(0);
    expect(await undoInterruptedImports(other, () => false)).toBe(0);
    expect(await other.articles.count()).toBe(2);
  });
});
