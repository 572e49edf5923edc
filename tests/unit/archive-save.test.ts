import { saveArticle, listArticles, findArchivedByUrl } from '../../src/core/archive/save-article';
import { ArchiveError } from '../../src/core/archive/errors';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

describe('saving to the archive', () => {
  it('stores a new article with provenance, hash and Vietnam-time capture date', async () => {
    const db = freshDb();
    const result = await saveArticle(db, sampleExtracted(), TUYEN_QUANG_SITE, { now: new Date('2026-11-28T03:00:00Z') });
    expect(result.status).toBe('created');
    const stored = await db.articles.get(result.article.id);
    expect(stored?.site.province).toBe('Tuyên Quang');
    expect(stored?.capturedAt).toBe('2026-11-28T10:00:00+07:00');
    expect(stored?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.tags).toEqual([]);
  });

  it('reports a second save of the same URL as a duplicate and stores it once', async () => {
    const db = freshDb();
    const article = sampleExtracted();
    const first = await saveArticle(db, article, TUYEN_QUANG_SITE);
    const second = await saveArticle(db, article, TUYEN_QUANG_SITE);
    expect(second.status).toBe('duplicate');
    expect(second.article.id).toBe(first.article.id);
    expect(await db.articles.count()).toBe(1);
  });

  it('treats a capture reached through another URL with the same canonical URL as the same article', async () => {
    const db = freshDb();
    const canonical = 'https://bdt.tuyenquang.gov.vn/tin-tuc/a!-1.html';
    await saveArticle(db, sampleExtracted({ url: canonical, canonicalUrl: canonical }), TUYEN_QUANG_SITE);
    const again = await saveArticle(db, sampleExtracted({ url: `${canonical}?utm_source=zalo`, canonicalUrl: canonical }), TUYEN_QUANG_SITE);
    expect(again.status).toBe('duplicate');
  });

  it('updates changed content in place, keeping id, tags, note and first capture time', async () => {
    const db = freshDb();
    const article = sampleExtracted();
    const first = await saveArticle(db, article, TUYEN_QUANG_SITE, { now: new Date('2026-01-01T00:00:00Z') });
    await db.articles.update(first.article.id, { tags: ['cải cách'], note: 'ghi chú' });
    const same = await saveArticle(db, article, TUYEN_QUANG_SITE, { mode: 'update' });
    expect(same.status).toBe('unchanged');
    const changed = await saveArticle(db, { ...article, bodyText: `${article.bodyText}\n\nĐoạn bổ sung.` }, TUYEN_QUANG_SITE, { mode: 'update', now: new Date('2026-02-01T00:00:00Z') });
    expect(changed.status).toBe('updated');
    const stored = await db.articles.get(first.article.id);
    expect(stored?.bodyText).toContain('Đoạn bổ sung.');
    expect(stored?.tags).toEqual(['cải cách']);
    expect(stored?.note).toBe('ghi chú');
    expect(stored?.capturedAt).toBe(first.article.capturedAt);
    expect(stored?.updatedAt).toBe('2026-02-01T07:00:00+07:00');
    expect(await db.articles.count()).toBe(1);
  });

  it('lists newest captures first', async () => {
    const db = freshDb();
    for (const [i, day] of ['2026-03-01', '2026-05-01', '2026-04-01'].entries()) {
      await saveArticle(db, sampleExtracted({ title: `Bài ${i}` }), TUYEN_QUANG_SITE, { now: new Date(`${day}T00:00:00Z`) });
    }
    expect((await listArticles(db)).map((a) => a.title)).toEqual(['Bài 1', 'Bài 2', 'Bài 0']);
  });

  it('reports a full disk as a quota error and leaves the archive unchanged', async () => {
    const db = freshDb();
    await saveArticle(db, sampleExtracted({ title: 'Đã có' }), TUYEN_QUANG_SITE);
    const original = db.articles.add.bind(db.articles);
    db.articles.add = (() => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))) as unknown as typeof db.articles.add;
    const error = await saveArticle(db, sampleExtracted(), TUYEN_QUANG_SITE).catch((e) => e);
    db.articles.add = original;
    expect(error).toBeInstanceOf(ArchiveError);
    expect(error.code).toBe('quota');
    expect((await listArticles(db)).map((a) => a.title)).toEqual(['Đã có']);
  });

  it('finds archived articles by URL or canonical URL', async () => {
    const db = freshDb();
    const article = sampleExtracted({ url: 'https://a.tuyenquang.gov.vn/x?id=1&type=NEWS', canonicalUrl: 'https://a.tuyenquang.gov.vn/x?id=1' });
    await saveArticle(db, article, TUYEN_QUANG_SITE);
    expect(await findArchivedByUrl(db, 'https://a.tuyenquang.gov.vn/x?id=1&type=NEWS')).toBeDefined();
    expect(await findArchivedByUrl(db, 'https://other.gov.vn/', 'https://a.tuyenquang.gov.vn/x?id=1')).toBeDefined();
    expect(await findArchivedByUrl(db, 'https://a.tuyenquang.gov.vn/x?id=2&type=NEWS')).toBeUndefined();
  });
});

describe('versions and tags at save time', () => {
  it('keeps the replaced content as an earlier version when a changed article is updated', async () => {
    const { versionsOf } = await import('../../src/core/archive/organize');
    const db = freshDb();
    const article = sampleExtracted();
    const first = await saveArticle(db, article, TUYEN_QUANG_SITE, { now: new Date('2026-01-01T00:00:00Z') });
    await saveArticle(db, { ...article, bodyText: `${article.bodyText}\n\nĐính chính.` }, TUYEN_QUANG_SITE, { mode: 'update', now: new Date('2026-02-01T00:00:00Z') });
    await saveArticle(db, { ...article, bodyText: `${article.bodyText}\n\nĐính chính lần hai.` }, TUYEN_QUANG_SITE, { mode: 'update', now: new Date('2026-03-01T00:00:00Z') });
    const versions = await versionsOf(db, first.article.id);
    expect(versions.map((v) => v.replacedAt)).toEqual(['2026-03-01T07:00:00+07:00', '2026-02-01T07:00:00+07:00']);
    expect(versions[1].article.bodyText).toBe(article.bodyText);
    expect(versions[0].article.bodyText).toContain('Đính chính.');
    expect((await db.articles.get(first.article.id))?.bodyText).toContain('Đính chính lần hai.');
  });

  it('stores tags and a note given at save time, and merges tags on update', async () => {
    const db = freshDb();
    const article = sampleExtracted();
    const first = await saveArticle(db, article, TUYEN_QUANG_SITE, { tags: ['dân tộc', ' Dân tộc '], note: 'Bản gốc' });
    expect(first.article).toMatchObject({ tags: ['dân tộc'], note: 'Bản gốc' });
    await saveArticle(db, { ...article, title: 'Tiêu đề mới' }, TUYEN_QUANG_SITE, { mode: 'update', tags: ['cải cách'] });
    expect(await db.articles.get(first.article.id)).toMatchObject({ tags: ['dân tộc', 'cải cách'], note: 'Bản gốc', title: 'Tiêu đề mới' });
  });
});
