import { cleanTags, parseTagInput, setTags, setNote, tagMany, deleteMany, restoreArticles } from '../../src/core/archive/organize';
import { saveArticle } from '../../src/core/archive/save-article';
import { searchArchive } from '../../src/core/search';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

describe('tags, notes and bulk changes', () => {
  it('cleans tags: trimmed, NFC, one per spelling regardless of case', () => {
    expect(cleanTags([' cải cách ', 'Cải cách', 'ca\u0309i', '', 'hội  nghị'])).toEqual(['cải cách', 'cải', 'hội nghị']);
    expect(parseTagInput('Tuyên Quang, hội nghị; dân tộc\n')).toEqual(['Tuyên Quang', 'hội nghị', 'dân tộc']);
  });

  it('stores tags and notes that the tag filter then finds', async () => {
    const db = freshDb();
    const { article } = await saveArticle(db, sampleExtracted({ title: 'Hội nghị dân tộc' }), TUYEN_QUANG_SITE);
    await setTags(db, article.id, ['dân tộc', 'Hội nghị']);
    await setNote(db, article.id, 'Cần đối chiếu với bản in.');
    expect(await db.articles.get(article.id)).toMatchObject({ tags: ['dân tộc', 'Hội nghị'], note: 'Cần đối chiếu với bản in.' });
    expect((await searchArchive(db, '', { filters: { tag: 'hội nghị' } })).total).toBe(1);
  });

  it('tags and untags many articles at once', async () => {
    const db = freshDb();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await saveArticle(db, sampleExtracted({ title: `Bài ${i}` }), TUYEN_QUANG_SITE)).article.id);
    expect(await tagMany(db, ids.slice(0, 3), 'Bầu cử')).toBe(3);
    expect(await tagMany(db, ids, 'bầu cử')).toBe(2);
    expect((await searchArchive(db, '', { filters: { tag: 'Bầu cử' } })).total).toBe(5);
    expect(await tagMany(db, ids.slice(0, 2), 'BẦU CỬ', { remove: true })).toBe(2);
    expect((await searchArchive(db, '', { filters: { tag: 'Bầu cử' } })).total).toBe(3);
  });

  it('deletes many articles with their index entries, and undo brings them back searchable', async () => {
    const db = freshDb();
    const a = await saveArticle(db, sampleExtracted({ title: 'Lễ hội Thành Tuyên' }), TUYEN_QUANG_SITE);
    const b = await saveArticle(db, sampleExtracted({ title: 'Mùa hoa tam giác mạch' }), TUYEN_QUANG_SITE);
    const deleted = await deleteMany(db, [a.article.id, b.article.id, 'missing']);
    expect(deleted.articles.map((x) => x.title).sort()).toEqual(['Lễ hội Thành Tuyên', 'Mùa hoa tam giác mạch']);
    expect(await db.articles.count()).toBe(0);
    expect((await searchArchive(db, 'thanh tuyen')).total).toBe(0);
    await restoreArticles(db, deleted);
    expect(await db.articles.count()).toBe(2);
    expect((await searchArchive(db, 'thanh tuyen')).hits.map((h) => h.id)).toEqual([a.article.id]);
  });
});
