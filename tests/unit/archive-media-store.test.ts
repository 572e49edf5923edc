// Stored images and original pages follow their articles through the store: shared images are kept while any article
// shows them, a deletion takes an article's own media with it and its undo puts them back, and a restore replaces them.
import { saveArticle } from '../../src/core/archive/save-article';
import { deleteMany, restoreArticles } from '../../src/core/archive/organize';
import { writeArchive } from '../../src/core/archive/store';
import type { MediaRow, OriginalRow } from '../../src/core/archive/media-rows';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

type Db = ReturnType<typeof freshDb>;

const hash = (c: string) => c.repeat(64);
const image = (c: string): MediaRow => ({ sha256: hash(c), type: 'image/jpeg', size: 3, blob: new Blob(['img' + c]), url: `https://tuyenquang.gov.vn/${c}.jpg`, storedAt: '2026-01-01T00:00:00Z' });
const original = (articleId: string): OriginalRow => ({ articleId, url: 'https://tuyenquang.gov.vn/a.html', capturedAt: '2026-01-01T00:00:00Z', html: new Blob(['gz']), size: 10, sha256: hash('e'), contentType: 'text/html' });

async function saveWithMedia(db: Db, n: number, hashes: string[]): Promise<string> {
  const url = `https://tuyenquang.gov.vn/tin-tuc/bai-${n}.html`;
  const saved = await saveArticle(db, sampleExtracted({ url, canonicalUrl: url, title: `Bài ${n}`, bodyText: `Nội dung bài ${n}.` }), TUYEN_QUANG_SITE);
  const id = saved.article.id;
  await writeArchive(db, async (w) => {
    await w.putMedia(hashes.map(image));
    await w.putArticleMedia([{ articleId: id, hashes: hashes.map(hash), items: hashes.map((c) => ({ src: image(c).url, role: 'body' as const, sha256: hash(c) })) }]);
    await w.putOriginals([original(id)]);
  });
  return id;
}

const storedHashes = async (db: Db) => (await db.media.toCollection().primaryKeys()).sort();

describe('stored images and originals in the archive store', () => {
  it('keeps an image two articles share until neither shows it, and an undo puts an article\'s media back', async () => {
    const db = freshDb();
    const a = await saveWithMedia(db, 1, ['a', 'b']);
    const b = await saveWithMedia(db, 2, ['b', 'c']);
    expect(await storedHashes(db)).toEqual([hash('a'), hash('b'), hash('c')]);

    const deleted = await deleteMany(db, [a]);
    expect(await storedHashes(db), 'b is still shown by the second article').toEqual([hash('b'), hash('c')]);
    expect(await db.originals.get(a)).toBeUndefined();

    await restoreArticles(db, deleted);
    expect(await storedHashes(db)).toEqual([hash('a'), hash('b'), hash('c')]);
    expect((await db.articleMedia.get(a))?.hashes).toEqual([hash('a'), hash('b')]);
    expect(await db.originals.get(a)).toBeDefined();

    await deleteMany(db, [a, b]);
    expect(await storedHashes(db)).toEqual([]);
    expect(await db.articleMedia.count()).toBe(0);
  });

  it('drops images or originals of a selection and keeps the text; an article shown again with other images frees the old ones', async () => {
    const db = freshDb();
    const a = await saveWithMedia(db, 1, ['a']);
    await writeArchive(db, (w) => w.dropMedia([a], { images: true }));
    expect(await storedHashes(db)).toEqual([]);
    expect(await db.originals.get(a), 'originals were not asked for').toBeDefined();
    expect(await db.articles.get(a)).toBeDefined();

    await writeArchive(db, async (w) => {
      await w.putMedia([image('d'), image('f')]);
      await w.putArticleMedia([{ articleId: a, hashes: [hash('d')], items: [] }]);
    });
    await writeArchive(db, (w) => w.putArticleMedia([{ articleId: a, hashes: [hash('f')], items: [] }]));
    expect(await storedHashes(db), 'd is shown by no article any more').toEqual([hash('f')]);
  });

  it('a restore keeps the stored media of the articles it brings back and drops the others\'', async () => {
    const db = freshDb();
    const a = await saveWithMedia(db, 1, ['a']);
    const b = await saveWithMedia(db, 2, ['b']);
    const kept = await db.articles.get(a);
    await writeArchive(db, (w) => w.replaceAll(async (add) => { await add({ articles: [kept!] }); }), { origin: 'restore' });
    expect(await storedHashes(db)).toEqual([hash('a')]);
    expect(await db.originals.get(a)).toBeDefined();
    expect(await db.originals.get(b)).toBeUndefined();
  });
});
