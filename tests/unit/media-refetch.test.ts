// Images a save missed because the extension could not read their server, fetched again once the person granted
// access to all sites: the ones lost to the network come in through the same fetch and limits as a save, the
// article's note then names only what is still missing, and nothing is written for an article gone meanwhile.
import { saveArticle, deleteArticle } from '../../src/core/archive/save-article';
import { captureArticleExtras } from '../../src/core/media/capture';
import { fetchMissedImages } from '../../src/core/media/refetch';
import type { FetchLike } from '../../src/core/media/fetch-image';
import { DEFAULT_MEDIA_SETTINGS, cleanMediaSettings } from '../../src/core/media/settings';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9, 9, 9]);
const HOST = 'https://bdt.tuyenquang.gov.vn';
const OWN = `${HOST}/uploads/rung.png`;
const CDN = 'https://cdn.anh-bao.vn/2026/song-gam.jpg';
const GONE = `${HOST}/uploads/gone.jpg`;

/** The network as the extension sees it: the CDN refused (no access) until `cdnOpen`; every request counted. */
function network(state: { cdnOpen: boolean; asked: string[] }): FetchLike {
  return (url) => {
    state.asked.push(url);
    const answer = (body: BodyInit, type: string, status = 200) => Promise.resolve(new Response(body, { status, headers: { 'content-type': type } }));
    if (url === OWN) return answer(PNG as BodyInit, 'image/png');
    if (url === CDN) return state.cdnOpen ? answer(JPEG as BodyInit, 'image/jpeg') : Promise.reject(new TypeError('Failed to fetch'));
    return answer('not found', 'text/plain', 404);
  };
}

async function savedWithMissedCdn(settings = DEFAULT_MEDIA_SETTINGS) {
  const db = freshDb();
  const images = [OWN, CDN, GONE].map((src) => ({ src, caption: null, alt: null }));
  const { article } = await saveArticle(db, sampleExtracted({ images }), TUYEN_QUANG_SITE);
  const net = { cdnOpen: false, asked: [] as string[] };
  await captureArticleExtras(db, article, null, settings, { fetcher: network(net) });
  net.cdnOpen = true;
  net.asked = [];
  return { db, article, net };
}

const reasons = (items: ReadonlyArray<{ src: string; sha256: string | null; skipped?: { reason: string } }>) =>
  items.map((i) => [i.src, i.sha256 ? 'kept' : i.skipped?.reason]);

describe('fetching again the images a save missed for lack of access', () => {
  it('keeps the image that now comes, asks only for what the network lost, and leaves the note with what is still missing', async () => {
    const { db, article, net } = await savedWithMissedCdn();
    expect(reasons((await db.articleMedia.get(article.id))!.items)).toEqual([[OWN, 'kept'], [CDN, 'network'], [GONE, 'http-error']]);

    const result = await fetchMissedImages(db, article.id, DEFAULT_MEDIA_SETTINGS, { fetcher: network(net) });
    expect(result.kept).toBe(1);
    expect(reasons(result.notKept)).toEqual([[GONE, 'http-error']]);
    // A 404 or the own server's image is not asked again.
    expect(net.asked).toEqual([CDN]);
    const row = (await db.articleMedia.get(article.id))!;
    expect(reasons(row.items)).toEqual([[OWN, 'kept'], [CDN, 'kept'], [GONE, 'http-error']]);
    expect(row.hashes).toHaveLength(2);
    expect((await db.media.toArray()).map((m) => [m.url, m.type]).sort()).toEqual([[OWN, 'image/png'], [CDN, 'image/jpeg']]);

    // Once more: nothing left that access could bring, nothing asked.
    net.asked = [];
    expect(await fetchMissedImages(db, article.id, DEFAULT_MEDIA_SETTINGS, { fetcher: network(net) })).toMatchObject({ kept: 0 });
    expect(net.asked).toEqual([]);
  });

  it('keeps to the article\'s own limit, counting the images it already holds, and the note gives the new reason', async () => {
    const { db, article, net } = await savedWithMissedCdn();
    const settings = { ...DEFAULT_MEDIA_SETTINGS, maxArticleBytes: PNG.byteLength + JPEG.byteLength - 1 };
    const result = await fetchMissedImages(db, article.id, settings, { fetcher: network(net) });
    expect(result.kept).toBe(0);
    expect(reasons(result.notKept)).toEqual([[CDN, 'article-limit'], [GONE, 'http-error']]);
    expect(reasons((await db.articleMedia.get(article.id))!.items)).toEqual([[OWN, 'kept'], [CDN, 'article-limit'], [GONE, 'http-error']]);
    expect(await db.media.count()).toBe(1);
  });

  it('fetches nothing when image capture is off in Settings, or for an article without a record of its images', async () => {
    const { db, article, net } = await savedWithMissedCdn();
    const off = cleanMediaSettings({ images: false });
    expect(reasons((await fetchMissedImages(db, article.id, off, { fetcher: network(net) })).notKept)).toEqual([[CDN, 'network'], [GONE, 'http-error']]);
    expect(await fetchMissedImages(db, 'no-such-article', DEFAULT_MEDIA_SETTINGS, { fetcher: network(net) })).toEqual({ kept: 0, notKept: [] });
    expect(net.asked).toEqual([]);
  });

  it('writes nothing for an article deleted while its images were fetched', async () => {
    const { db, article, net } = await savedWithMissedCdn();
    const slow: FetchLike = async (url, init) => {
      await deleteArticle(db, article.id);
      return network(net)(url, init);
    };
    expect(await fetchMissedImages(db, article.id, DEFAULT_MEDIA_SETTINGS, { fetcher: slow })).toEqual({ kept: 0, notKept: [] });
    expect(await db.articleMedia.count()).toBe(0);
    expect(await db.media.count()).toBe(0);
  });

  it('on a full disk leaves the article as it was and says the image was not kept for lack of space', async () => {
    const { db, article, net } = await savedWithMissedCdn();
    db.media.bulkAdd = (() => Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }))) as unknown as typeof db.media.bulkAdd;
    const result = await fetchMissedImages(db, article.id, DEFAULT_MEDIA_SETTINGS, { fetcher: network(net) });
    expect(result.kept).toBe(0);
    expect(reasons(result.notKept)).toEqual([[CDN, 'quota'], [GONE, 'http-error']]);
    expect(reasons((await db.articleMedia.get(article.id))!.items)).toEqual([[OWN, 'kept'], [CDN, 'network'], [GONE, 'http-error']]);
  });
});
