// The main path in real Chromium on the project's own pages (tests/fixtures/site), so that any clone tests it:
// detect (badge) → popup preview → save → search → export → import into a fresh profile; listing and home pages
// offer no article save; the badge comes even on a page whose `load` never fires.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportSchemaErrors } from '../helpers/export-schema';
import { loadSitePages, sitePage } from '../helpers/site-fixtures';
import type { CorpusPage } from '../helpers/corpus';
import { badgeText, launchWithExtension, tabIdOf, waitForBadge, openPopupFor, openArchive, type ExtensionSession } from './helpers/extension-browser';
import { startImport } from './helpers/archive-files';
declare const chrome: any;  

const pages = loadSitePages();
const article = sitePage('s01');
const listing = sitePage('s02');
const home = sitePage('s03');
const contact = sitePage('s04');

/** The article again at another URL, with an image whose server never answers: the page never reaches `load`. */
const STALLED_IMAGE = 'https://tuyenquang.gov.vn/uploads/anh-khong-bao-gio-tai-xong.jpg';
const stalledArticle: CorpusPage = {
  ...article,
  id: 's01-stalled',
  truth: { ...article.truth, url: article.truth.url.replace('-2412.html', '-2413.html') },
  html: article.html.replace('</figure>', `</figure><p><img src="${STALLED_IMAGE}" alt=""></p>`),
};

/** The article with a footer script whose server never answers: the parser waits on it, DOMContentLoaded never comes. */
const STALLED_SCRIPT = 'https://tuyenquang.gov.vn/js/thong-ke-truy-cap.js';
const stalledScriptArticle: CorpusPage = {
  ...article,
  id: 's01-stalled-script',
  truth: { ...article.truth, url: article.truth.url.replace('-2412.html', '-2414.html') },
  html: article.html.replace('</body>', `<script src="${STALLED_SCRIPT}"></script>\n</body>`),
};

/** The article's detail block put in by the page's own script two seconds after load, as pages that fetch it do. */
const detailStart = article.html.indexOf('<div class="news-detail">');
const detailEnd = article.html.indexOf('<div class="col-side">');
const lateArticle: CorpusPage = {
  ...article,
  id: 's01-late',
  truth: { ...article.truth, url: article.truth.url.replace('-2412.html', '-2415.html') },
  html: article.html.slice(0, detailStart) + '<div id="detail">Đang tải…</div><template id="later">' + article.html.slice(detailStart, detailEnd) +
    '</template><script>addEventListener("load", () => setTimeout(() => document.getElementById("detail").replaceWith(document.getElementById("later").content), 2000));</script>' +
    article.html.slice(detailEnd),
};

describe('main path on the project\'s own pages', () => {
  let session: ExtensionSession;
  const work = mkdtempSync(join(tmpdir(), 'pna-main-'));
  let exported = '';

  async function open(p: CorpusPage, waitUntil: 'load' | 'domcontentloaded' = 'load') {
    const page = await session.context.newPage();
    await page.goto(p.truth.url, { waitUntil });
    return { page, tabId: await tabIdOf(session, page) };
  }

  beforeAll(async () => {
    session = await launchWithExtension({ pages: [...pages, stalledArticle, stalledScriptArticle, lateArticle], profileDir: join(work, 'profile'), stall: (url) => url === STALLED_IMAGE || url === STALLED_SCRIPT });
  });
  afterAll(async () => {
    await session?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('shows the article badge on the article and none on the listing, home and contact pages', async () => {
    expect(await waitForBadge(session, (await open(article)).tabId, 'TIN')).toBe('TIN');
    for (const p of [listing, home, contact]) {
      // A wrong badge would appear within this window.
      expect(await waitForBadge(session, (await open(p)).tabId, 'TIN', 2500), p.id).toBe('');
    }
  });

  it('shows the badge on an article whose load event never fires (an image that never finishes)', async () => {
    const { page, tabId } = await open(stalledArticle, 'domcontentloaded');
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    expect(await waitForBadge(session, tabId, 'TIN')).toBe('TIN');
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    await page.close();
  });

  it('shows the badge on an article whose DOMContentLoaded never fires (a footer script that never loads)', async () => {
    const page = await session.context.newPage();
    await page.goto(stalledScriptArticle.truth.url, { waitUntil: 'commit' });
    await page.waitForSelector('.news-related');
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    expect(await waitForBadge(session, await tabIdOf(session, page), 'TIN')).toBe('TIN');
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    await page.close();
  });

  it('shows the badge when the article is put in by the page after it loaded', async () => {
    const { page, tabId } = await open(lateArticle);
    expect(await badgeText(session, tabId)).toBe('');
    await page.waitForSelector('.news-content');
    expect(await waitForBadge(session, tabId, 'TIN')).toBe('TIN');
    await page.close();
  });

  it('follows a single-page navigation: the badge goes on a listing swapped in, and comes back with an article', async () => {
    const { page, tabId } = await open(lateArticle);
    expect(await waitForBadge(session, tabId, 'TIN')).toBe('TIN');
    const listingBody = listing.html.slice(listing.html.indexOf('<body>') + 6, listing.html.indexOf('</body>'));
    const articleBody = article.html.slice(article.html.indexOf('<body>') + 6, article.html.indexOf('</body>'));
    // The site swaps its content and changes the URL with the history API, without a page load.
    await page.evaluate((body) => { document.body.innerHTML = body; history.pushState({}, '', '/tin-tuc/kinh-te.html'); }, listingBody);
    expect(await waitForBadge(session, tabId, '', 8000)).toBe('');
    await page.evaluate((body) => { document.body.innerHTML = body; history.pushState({}, '', '/tin-tuc/kinh-te/tuyen-quang-khoi-cong-cau-binh-ca-2-noi-doi-bo-song-lo-2416.html'); }, articleBody);
    expect(await waitForBadge(session, tabId, 'TIN', 8000)).toBe('TIN');
    await page.close();
  });

  it('previews the article in the popup and saves it', async () => {
    const { tabId } = await open(article);
    const popup = await openPopupFor(session, tabId);
    expect(await popup.textContent('[data-testid=popup-title]')).toBe(article.truth.title);
    const preview = (await popup.textContent('[data-testid=popup-preview]')) ?? '';
    expect(preview).toContain('28/11/2024');
    expect(preview).toContain('Tuyên Quang');
    expect(preview).toContain('Cầu Bình Ca 2 dài 560 m');
    await popup.getByTestId('save-button').click();
    await popup.waitForSelector('#status.ok');
    expect(await popup.textContent('[data-testid=popup-status]')).toBe('Đã lưu vào kho lưu trữ.');
    expect(await waitForBadge(session, tabId, '✓')).toBe('✓');
    await popup.close();
  });

  for (const [p, why] of [[listing, 'Đây là trang danh sách bài (chuyên mục)'], [home, 'Đây là trang chủ']] as const) {
    it(`offers no article save on ${p.id.slice(4)}, and says why`, async () => {
      const { tabId } = await open(p);
      const popup = await openPopupFor(session, tabId);
      // The line points to the list of the page's articles below it (bulk capture) once that list is there.
      await popup.waitForSelector('[data-testid=popup-status]:has-text("danh sách bên dưới")');
      const status = ((await popup.textContent('[data-testid=popup-status]')) ?? '').replace(/\s+/g, ' ');
      expect(status).toMatch(/^Trang của .+, nhưng không phải tin bài\. /);
      expect(status).toContain(`${why}, không phải một bài viết. Các bài trang này dẫn tới có ở danh sách bên dưới`);
      expect(await popup.isVisible('[data-testid=save-button]')).toBe(false);
      expect(await popup.isVisible('[data-testid=popup-preview]')).toBe(false);
      // `npm run screenshots` refreshes the README's picture of the popup on a listing.
      if (process.env.SCREENSHOT_DIR && p === listing) await popup.screenshot({ path: resolve(import.meta.dirname, '../..', process.env.SCREENSHOT_DIR, 'popup-listing.png') });
      // A save asked for anyway (as the context menu or Alt+Shift+S would, or an old popup's "save anyway") is
      // refused by the background, and the badge's tooltip says why.
      const reply = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'save', tabId: id, mode: 'if-new', generic: true }), tabId);
      expect(reply).toMatchObject({ ok: false, error: { code: p === listing ? 'listing-page' : 'home-page' } });
      const sw = await session.serviceWorker();
      expect(await sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✕');
      expect(await sw.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toContain(why);
      await popup.close();
    });
  }

  it('offers "save anyway" on a page that is not an article nor a listing, the hint below what it answers', async () => {
    const { tabId } = await open(contact);
    const popup = await openPopupFor(session, tabId);
    expect(await popup.textContent('#preview-kind')).toMatch(/^Trang của .+, nhưng không phải tin bài\.$/);
    expect(await popup.textContent('[data-testid=popup-save-hint]')).toBe('Bạn vẫn có thể lưu trang bằng bộ trích xuất chung.');
    const hintBelow = await popup.evaluate(() =>
      Boolean(document.getElementById('preview-kind')!.compareDocumentPosition(document.getElementById('save-hint')!) & Node.DOCUMENT_POSITION_FOLLOWING));
    expect(hintBelow).toBe(true);
    expect(await popup.textContent('[data-testid=save-button]')).toBe('Vẫn lưu');
    await popup.close();
  });

  it('finds the saved article by words typed without diacritics, and no listing teaser got in', async () => {
    const archive = await openArchive(session);
    expect(await archive.textContent('[data-testid=result-count]')).toBe('1');
    await archive.fill('[data-testid=search-input]', 'cau binh ca');
    await archive.press('[data-testid=search-input]', 'Enter');
    await archive.waitForFunction(() => (document.querySelector('[data-testid=result-item] mark')?.textContent ?? '') !== '');
    expect(await archive.textContent('[data-testid=result-count]')).toBe('1');
    expect(await archive.textContent('[data-testid=result-item] .title')).toBe(article.truth.title);
    await archive.fill('[data-testid=search-input]', 'cam sanh');
    await archive.press('[data-testid=search-input]', 'Enter');
    await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '0');
    await archive.close();
  });

  it('exports the archive as JSON that matches the schema', async () => {
    const archive = await openArchive(session);
    const [download] = await Promise.all([archive.waitForEvent('download'), archive.getByTestId('export-json').click()]);
    exported = join(work, download.suggestedFilename());
    await download.saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    expect(exportSchemaErrors(file)).toEqual([]);
    expect(file.count).toBe(1);
    expect(file.articles[0]).toMatchObject({ url: article.truth.url, title: article.truth.title, publishedAt: article.truth.publishedAt, author: article.truth.author });
    expect(file.articles[0].site.province).toBe('Tuyên Quang');
    expect(file.articles[0].images.map((i: { caption: string }) => i.caption)).toEqual([article.truth.imageCaption]);
    await archive.close();
  });

  it('imports the export into a fresh profile, where the article reads and searches as before', async () => {
    const other = await launchWithExtension({ pages });
    try {
      const archive = await openArchive(other);
      await startImport(archive, exported);
      await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
      expect(await archive.textContent('[data-testid=notice]')).toContain('Đã nhập: 1 bài mới, 0 cập nhật, 0 bỏ qua, 0 bị từ chối.');
      await archive.fill('[data-testid=search-input]', 'song lo');
      await archive.press('[data-testid=search-input]', 'Enter');
      await archive.waitForFunction(() => (document.querySelector('[data-testid=result-item] mark')?.textContent ?? '') !== '');
      await archive.locator('[data-testid=result-item] a.title').first().click();
      await archive.waitForSelector('#reader-view:not([hidden])');
      expect(await archive.textContent('[data-testid=reader-title]')).toBe(article.truth.title);
      const body = (await archive.frameLocator('[data-testid=reader-frame]').locator('body').textContent()) ?? '';
      expect(body).toContain('Cầu Bình Ca 2 dài 560 m');
      expect(body).not.toContain('Tin cùng chuyên mục');
      // The article's page there says it is already archived.
      const page = await other.context.newPage();
      await page.goto(article.truth.url);
      expect(await waitForBadge(other, await tabIdOf(other, page), '✓')).toBe('✓');
    } finally {
      await other.close();
    }
  });
});
