import { collectExport, exportFileName } from '../../src/core/archive/export-json';
import { saveArticle } from '../../src/core/archive/save-article';
import { exportSchemaErrors } from '../helpers/export-schema';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

describe('JSON export', () => {
  it('exports every article in the documented format, valid against schemas/export.schema.json', async () => {
    const db = freshDb();
    await saveArticle(db, sampleExtracted({ title: 'Bài một' }), TUYEN_QUANG_SITE);
    await saveArticle(db, sampleExtracted({ title: 'Bài hai', author: null, publishedAt: '2019-11-19' }), null);
    const file = await collectExport(db, { generator: 'test', now: new Date('2026-11-28T01:00:00Z') });
    expect(exportSchemaErrors(file)).toEqual([]);
    expect(file).toMatchObject({ format: 'provincial-news-archive', version: 1, exportedAt: '2026-11-28T08:00:00+07:00', count: 2 });
    expect(file.articles.map((a) => a.title).sort()).toEqual(['Bài hai', 'Bài một']);
  });

  it('exports a selection or one province only', async () => {
    const db = freshDb();
    const kept = await saveArticle(db, sampleExtracted({ title: 'Giữ' }), TUYEN_QUANG_SITE);
    await saveArticle(db, sampleExtracted({ title: 'Khác' }), { ...TUYEN_QUANG_SITE, province: 'Thái Nguyên', host: 'thainguyen.gov.vn' });
    const selection = await collectExport(db, { generator: 'test', filter: { ids: [kept.article.id, 'missing'] } });
    expect(selection.articles.map((a) => a.title)).toEqual(['Giữ']);
    const province = await collectExport(db, { generator: 'test', filter: { province: 'Thái Nguyên' } });
    expect(province.articles.map((a) => a.title)).toEqual(['Khác']);
    expect(exportSchemaErrors(province)).toEqual([]);
    expect(exportFileName(province)).toMatch(/^archive-thai-nguyen-\d{4}-\d{2}-\d{2}\.json$/);
  });

  it('is caught by the schema when an article lacks a required field', async () => {
    const db = freshDb();
    await saveArticle(db, sampleExtracted(), TUYEN_QUANG_SITE);
    const file = await collectExport(db, { generator: 'test' });
    const broken = structuredClone(file) as unknown as { articles: Array<Record<string, unknown>> };
    delete broken.articles[0].contentHash;
    expect(exportSchemaErrors(broken).join('\n')).toContain('contentHash');
  });
});
