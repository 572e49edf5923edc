import { exportChunks, type ExportFormat } from '../../src/core/archive/export-stream';
import { saveArticle } from '../../src/core/archive/save-article';
import { buildArticle } from '../../src/core/archive/build-article';
import { CSV_BOM } from '../../src/core/archive/formats/csv';
import { addToCollection, createCollection } from '../../src/core/archive/collections';
import { exportSchemaErrors } from '../helpers/export-schema';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

async function collect(db: ReturnType<typeof freshDb>, format: ExportFormat, extra: Parameters<typeof exportChunks>[1] extends infer O ? Partial<O> : never = {}) {
  let text = '';
  for await (const chunk of exportChunks(db, { format, generator: 'test', now: new Date('2026-11-28T00:00:00Z'), ...extra })) text += chunk;
  return text;
}

describe('export formats', () => {
  it('streams JSON in the documented format, valid against the schema, oldest capture first', async () => {
    const db = freshDb();
    await saveArticle(db, sampleExtracted({ title: 'Mới' }), TUYEN_QUANG_SITE, { now: new Date('2026-02-01T00:00:00Z') });
    await saveArticle(db, sampleExtracted({ title: 'Cũ' }), TUYEN_QUANG_SITE, { now: new Date('2026-01-01T00:00:00Z') });
    const file = JSON.parse(await collect(db, 'json'));
    expect(exportSchemaErrors(file)).toEqual([]);
    expect(file.count).toBe(2);
    expect(file.articles.map((a: { title: string }) => a.title)).toEqual(['Cũ', 'Mới']);
  });

  it('pages through thousands of articles with identical capture times without losing or repeating one', async () => {
    const db = freshDb();
    const now = new Date('2026-03-01T00:00:00Z');
    const articles = await Promise.all(Array.from({ length: 1234 }, (_, i) =>
      buildArticle(sampleExtracted({ title: `Bài ${i}` }), TUYEN_QUANG_SITE, { now: new Date(now.getTime() + (i % 3) * 1000) })));
    await db.articles.bulkAdd(articles);
    const lines = (await collect(db, 'ndjson')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1234);
    expect(new Set(lines.map((a) => a.id)).size).toBe(1234);
    const progress: number[] = [];
    const json = JSON.parse(await collect(db, 'json', { onProgress: (p) => progress.push(p.done) }));
    expect(json.count).toBe(1234);
    expect(progress.at(-1)).toBe(1234);
    expect(progress.length).toBeGreaterThan(1);
  });

  it('exports a run of more equal capture times than a page holds, each article once', async () => {
    const db = freshDb();
    const same = new Date('2026-04-01T00:00:00Z');
    await db.articles.bulkAdd(await Promise.all(Array.from({ length: 1203 }, (_, i) => buildArticle(sampleExtracted({ title: `Bài ${i}` }), TUYEN_QUANG_SITE, { now: i < 600 ? new Date(same.getTime() - 1000) : same }))));
    const ids = (await collect(db, 'ndjson')).trim().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toHaveLength(1203);
    expect(new Set(ids).size).toBe(1203);
  });

  it('writes CSV with a BOM for Excel, quoted fields and defused formulas', async () => {
    const db = freshDb();
    await saveArticle(db, sampleExtracted({ title: 'Họp "bàn", xử lý\nkiến nghị', author: '=HYPERLINK("http://evil")' }), TUYEN_QUANG_SITE);
    const csv = await collect(db, 'csv');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header.split(',').slice(0, 3)).toEqual(['id', 'url', 'title']);
    expect(row).toContain('"Họp ""bàn"", xử lý\nkiến nghị"');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain('Tuyên Quang');
  });

  it('names the collections each article is in, in CSV as in JSON', async () => {
    const db = freshDb();
    const { article } = await saveArticle(db, sampleExtracted({ title: 'Trong bộ sưu tập' }), TUYEN_QUANG_SITE);
    await saveArticle(db, sampleExtracted({ title: 'Ngoài', url: 'https://tuyenquang.gov.vn/tin/ngoai.html', canonicalUrl: 'https://tuyenquang.gov.vn/tin/ngoai.html' }), TUYEN_QUANG_SITE);
    for (const name of ['Dân tộc', 'Biên giới']) await addToCollection(db, (await createCollection(db, name)).id, [article.id]);
    const csv = await collect(db, 'csv');
    const [header, ...rows] = csv.slice(1).split('\r\n').filter(Boolean);
    const column = header.split(',').indexOf('collections');
    expect(column).toBeGreaterThan(0);
    const byTitle = Object.fromEntries(rows.map((r) => r.split(',')).map((cells) => [cells[2], cells[column]]));
    expect(byTitle).toEqual({ 'Trong bộ sưu tập': 'Biên giới; Dân tộc', Ngoài: '' });
  });

  it('writes CSL-JSON items that reference managers read as articles with dates and authors', async () => {
    const db = freshDb();
    await saveArticle(db, sampleExtracted(), { ...TUYEN_QUANG_SITE, kind: 'newspaper', name: 'Báo Tuyên Quang' });
    const [item] = JSON.parse(await collect(db, 'csl-json'));
    expect(item).toMatchObject({
      type: 'article-newspaper', 'container-title': 'Báo Tuyên Quang', issued: { 'date-parts': [[2023, 7, 5]] },
      author: [{ literal: 'Lê Đăng Hạnh' }], 'publisher-place': 'Tuyên Quang', language: 'vi',
    });
  });

  it('exports only the selection or the province asked for', async () => {
    const db = freshDb();
    const a = await saveArticle(db, sampleExtracted({ title: 'A' }), TUYEN_QUANG_SITE);
    await saveArticle(db, sampleExtracted({ title: 'B' }), { ...TUYEN_QUANG_SITE, province: 'Thái Nguyên' });
    const selection = JSON.parse(await collect(db, 'json', { filter: { ids: [a.article.id, 'gone'] } }));
    expect(selection.articles.map((x: { title: string }) => x.title)).toEqual(['A']);
    expect(selection.count).toBe(1);
    const province = JSON.parse(await collect(db, 'json', { filter: { province: 'Thái Nguyên' } }));
    expect(province.articles.map((x: { title: string }) => x.title)).toEqual(['B']);
  });

  it('stops when cancelled', async () => {
    const db = freshDb();
    await db.articles.bulkAdd(await Promise.all(Array.from({ length: 1100 }, () => buildArticle(sampleExtracted(), TUYEN_QUANG_SITE))));
    const controller = new AbortController();
    const run = collect(db, 'ndjson', { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toThrow(/cancelled/);
  });
});
