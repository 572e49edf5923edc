// Images kept with a saved article, through a fake network: what cannot be kept (404, a timeout, too big by its
// Content-Length or by what streams in, not an image, a full disk) is named on the article with its reason, the
// save stands, and an SVG with a script is kept as bytes only (shown only through <img>, which runs no script).
import { saveArticle } from '../../src/core/archive/save-article';
import { captureArticleExtras, fetchArticleImages } from '../../src/core/media/capture';
import { fetchImage, type FetchLike } from '../../src/core/media/fetch-image';
import { DEFAULT_MEDIA_SETTINGS, cleanMediaSettings } from '../../src/core/media/settings';
import { gunzipText } from '../../src/core/media/bytes';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const HOST = 'https://bdt.tuyenquang.gov.vn';

/** A stream that would go on for `total` bytes, counting what was read (a server that sends no Content-Length). */
function endless(total: number, read: { n: number }): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024);
  chunk.set(JPEG);
  return new ReadableStream({
    pull(controller) {
      if (read.n >= total) return controller.close();
      read.n += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

function fakeNetwork(read = { n: 0 }): FetchLike {
  return (url, init) => {
    const path = new URL(url).pathname;
    if (path === '/slow.jpg') {
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    const answer = (body: BodyInit | null, headers: Record<string, string> = {}, status = 200) => Promise.resolve(new Response(body, { status, headers }));
    if (path === '/a.png') return answer(PNG as BodyInit, { 'content-type': 'image/png' });
    if (path === '/b.jpg' || path === '/og.jpg') return answer(JPEG as BodyInit, { 'content-type': 'image/jpeg' });
    if (path === '/logo.svg') return answer(SVG as BodyInit, { 'content-type': 'image/svg+xml' });
    if (path === '/huge-declared.jpg') return answer(JPEG as BodyInit, { 'content-length': String(50 * 1024 * 1024) });
    if (path === '/huge-streamed.jpg') return answer(endless(50 * 1024 * 1024, read));
    if (path === '/page.jpg') return answer('<!doctype html><title>Not found</title>', { 'content-type': 'image/jpeg' });
    if (path === '/refused.jpg') return Promise.reject(new TypeError('Failed to fetch'));
    return answer('not found', {}, 404);
  };
}

const limits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 50 };

describe('fetching one image', () => {
  it('keeps a PNG and a JPEG with their sniffed type, and names why others are not kept', async () => {
    const net = fakeNetwork();
    expect(await fetchImage(net, `${HOST}/a.png`, limits)).toMatchObject({ ok: true, type: 'image/png' });
    expect(await fetchImage(net, `${HOST}/gone.jpg`, limits)).toEqual({ ok: false, reason: 'http-error', detail: '404' });
    expect(await fetchImage(net, `${HOST}/slow.jpg`, limits)).toMatchObject({ ok: false, reason: 'timeout' });
    expect(await fetchImage(net, `${HOST}/huge-declared.jpg`, limits)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await fetchImage(net, `${HOST}/page.jpg`, limits)).toMatchObject({ ok: false, reason: 'not-image', detail: 'image/jpeg' });
    expect(await fetchImage(net, `${HOST}/refused.jpg`, limits)).toMatchObject({ ok: false, reason: 'network' });
    expect(await fetchImage(net, 'data:image/png;base64,AAAA', limits)).toMatchObject({ ok: false, reason: 'network' });
  });

  it('stops reading a 50 MB image that says nothing of its size once it passes the limit', async () => {
    const read = { n: 0 };
    expect(await fetchImage(fakeNetwork(read), `${HOST}/huge-streamed.jpg`, limits)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(read.n).toBeLessThanOrEqual(limits.maxBytes + 2 * 1024 * 1024);
  });
});

describe('the images of an article', () => {
  it('stores one copy of an image shown twice, and says when the article\'s own limit cut one', async () => {
    const sources = [`${HOST}/a.png`, `${HOST}/b.jpg`, `${HOST}/og.jpg`].map((src) => ({ src, role: 'body' as const }));
    const { media, items } = await fetchArticleImages(fakeNetwork(), sources, { maxImageBytes: 1000, maxArticleBytes: PNG.byteLength + JPEG.byteLength, timeoutMs: 50 });
    expect(media.map((m) => m.type)).toEqual(['image/png', 'image/jpeg']);
    expect(items.map((i) => i.sha256 === null)).toEqual([false, false, false]);
    expect(items[1].sha256).toBe(items[2].sha256);

    const cut = await fetchArticleImages(fakeNetwork(), sources.slice(0, 2), { maxImageBytes: 1000, maxArticleBytes: PNG.byteLength + 2, timeoutMs: 50 });
    expect(cut.items[1].skipped?.reason).toBe('article-limit');
  });

  it('saves the article whatever its images do, and records each one not kept with its reason', async () => {
    const db = freshDb();
    const srcs = ['a.png', 'gone.jpg', 'slow.jpg', 'huge-declared.jpg', 'page.jpg', 'logo.svg'].map((f) => ({ src: `${HOST}/${f}`, caption: null, alt: null }));
    const saved = await saveArticle(db, sampleExtracted({ images: srcs }), TUYEN_QUANG_SITE);
    const page = { html: '<!doctype html><html><body><script>alert(1)</script><p>Tin</p></body></html>', url: saved.article.url, contentType: 'text/html', ogImage: `${HOST}/og.jpg` };
    const kept = await captureArticleExtras(db, saved.article, page, { ...DEFAULT_MEDIA_SETTINGS, timeoutMs: 50 }, { fetcher: fakeNetwork() });

    expect(kept.items.map((i) => [i.src.slice(HOST.length + 1), i.skipped?.reason ?? 'kept'])).toEqual([
      ['a.png', 'kept'], ['gone.jpg', 'http-error'], ['slow.jpg', 'timeout'], ['huge-declared.jpg', 'too-large'],
      ['page.jpg', 'not-image'], ['logo.svg', 'kept'], ['og.jpg', 'kept'],
    ]);
    const row = await db.articleMedia.get(saved.article.id);
    expect(row?.items).toEqual(kept.items);
    expect(row?.hashes).toHaveLength(3);
    const svg = (await db.media.toArray()).find((m) => m.type === 'image/svg+xml');
    // Kept as the evidence it is; it is only ever shown as an <img> (tests/e2e/xss.test.ts).
    expect(new TextDecoder().decode(await svg!.blob.arrayBuffer())).toContain('<script>');
    const original = await db.originals.get(saved.article.id);
    expect(await gunzipText(original!.html)).toBe(page.html);
    expect(original).toMatchObject({ url: page.url, contentType: 'text/html', size: page.html.length });
    expect(await db.articles.get(saved.article.id)).toBeDefined();
  });

  it('keeps nothing but the text when capture is off, or for a bulk run set to text only', async () => {
    const db = freshDb();
    const saved = await saveArticle(db, sampleExtracted({ images: [{ src: `${HOST}/a.png`, caption: null, alt: null }] }), TUYEN_QUANG_SITE);
    const page = { html: '<p>x</p>', url: saved.article.url, contentType: 'text/html' };
    const off = cleanMediaSettings({ images: false, originals: false });
    expect(await captureArticleExtras(db, saved.article, page, off, { fetcher: fakeNetwork() })).toEqual({ items: [], original: false });
    const bulkTextOnly = cleanMediaSettings({ textOnlyBulk: true });
    expect(await captureArticleExtras(db, saved.article, page, bulkTextOnly, { fetcher: fakeNetwork(), bulk: true })).toEqual({ items: [], original: false });
    expect(await db.media.count()).toBe(0);
    expect(await db.originals.count()).toBe(0);
  });

  it('on a full disk keeps the text, and records the images as not kept for lack of space', async () => {
    const db = freshDb();
    const saved = await saveArticle(db, sampleExtracted({ images: [{ src: `${HOST}/a.png`, caption: null, alt: null }, { src: `${HOST}/b.jpg`, caption: null, alt: null }] }), TUYEN_QUANG_SITE);
    db.media.bulkAdd = (() => Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }))) as unknown as typeof db.media.bulkAdd;
    const kept = await captureArticleExtras(db, saved.article, null, DEFAULT_MEDIA_SETTINGS, { fetcher: fakeNetwork() });
    expect(kept.items.map((i) => i.skipped?.reason)).toEqual(['quota', 'quota']);
    expect(await db.articles.get(saved.article.id)).toBeDefined();
    expect((await db.articleMedia.get(saved.article.id))?.items.map((i) => i.skipped?.reason)).toEqual(['quota', 'quota']);
    expect(await db.media.count()).toBe(0);
  });

  it('cleans settings from storage into bounded values', () => {
    expect(cleanMediaSettings(undefined)).toEqual(DEFAULT_MEDIA_SETTINGS);
    expect(cleanMediaSettings({ images: 'yes', maxImageBytes: -5, timeoutMs: Infinity })).toMatchObject({ images: true, maxImageBytes: 1024, timeoutMs: DEFAULT_MEDIA_SETTINGS.timeoutMs });
  });
});
