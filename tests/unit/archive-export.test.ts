import { exportFileName } from '../../src/core/archive/export-json';
import { exportChunks } from '../../src/core/archive/export-stream';
import { saveArticle } from '../../src/core/archive/save-article';
import { exportSchemaErrors } from '../helpers/export-schema';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

async function exportJson(db: ReturnType<typeof freshDb>) {
  let text = '';
  for await (const chunk of exportChunks(db, { format: 'json', generator: 'test', now: new Date('2026-11-28T01:00:00Z') })) text += chunk;
  return JSON.parse(text);
}

describe('JSON export', () => {
  it('exports every article in the documented format, valid against schemas/export.schema.json', async () => {
    const db = freshDb();
    await saveArticle(db, sampleExtracted({ title: 'Bài một' }), TUYEN_QUANG_SITE);
    await saveArticle(db, sampleExtracted({ title: 'Bài hai', author: null, publishedAt: '2019-11-19' }), null);
    const file = await exportJson(db);
    expect(exportSchemaErrors(file)).toEqual([]);
    expect(file).toMatchObject({ format: 'provincial-news-archive', version: 1, exportedAt: '2026-11-28T08:00:00+07:00', count: 2 });
    expect(file.articles.map((a: { title: string }) => a.title).sort()).toEqual(['Bài hai', 'Bài một']);
  });

  it('names files after what they hold', () => {
    expect(exportFileName('2026-11-28T08:00:00+07:00', null)).toBe('archive-2026-11-28.json');
    expect(exportFileName('2026-11-28T08:00:00+07:00', { province: 'Thái Nguyên' }, 'csv')).toBe('archive-thai-nguyen-2026-11-28.csv');
    expect(exportFileName('2026-11-28T08:00:00+07:00', { ids: ['a'], collection: 'Đường biên giới 2024' })).toBe('archive-duong-bien-gioi-2024-2026-11-28.json');
    expect(exportFileName('2026-11-28T08:00:00+07:00', { province: 'Đắk Lắk' })).toBe('archive-dak-lak-2026-11-28.json');
    expect(exportFileName('2026-11-28T08:00:00+07:00', { ids: ['a'] }, 'ndjson')).toBe('archive-selection-2026-11-28.ndjson');
  });

  it('is caught by the schema when an article lacks a required field', async () => {
    const db = freshDb();
    await saveArticle(db, sampleExtracted(), TUYEN_QUANG_SITE);
    const broken = await exportJson(db);
    delete broken.articles[0].contentHash;
    expect(exportSchemaErrors(broken).join('\n')).toContain('contentHash');
  });
});
