// The whole path in real Chromium: detect → badge → popup preview → save → duplicate → archive list → reader
// → export, and the archive surviving a service-worker restart.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { loadCorpus, corpusPresent, CORPUS_SKIP_MESSAGE, type CorpusPage } from '../helpers/corpus';
import { exportSchemaErrors } from '../helpers/export-schema';
declare const chrome: any;  
import { launchWithExtension, tabIdOf, waitForBadge, openPopupFor, openArchive, type ExtensionSession } from './helpers/extension-browser';

// README's screenshots: `npm run screenshots` refreshes docs/screenshots; plain test runs keep theirs out of the tree.
const SCREENSHOTS = resolve(import.meta.dirname, '../..', process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');
const corpus = loadCorpus();
const byId = (prefix: string) => corpus.find((p) => p.id.startsWith(prefix)) as CorpusPage;

if (!corpusPresent) console.warn(CORPUS_SKIP_MESSAGE);

describe.skipIf(!corpusPresent)('extension in Chromium', () => {
  let session: ExtensionSession;
  const tabs = new Map<string, { page: Page; tabId: number }>();

  async function openCorpusPage(p: CorpusPage) {
    const existing = tabs.get(p.id);
    if (existing) return existing;
    const page = await session.context.newPage();
    await page.goto(p.truth.url, { waitUntil: 'load' });
    const entry = { page, tabId: await tabIdOf(session, page) };
    tabs.set(p.id, entry);
    return entry;
  }

  const profileDir = mkdtempSync(join(tmpdir(), 'pna-e2e-'));

  beforeAll(async () => {
    session = await launchWithExtension({ pages: corpus, profileDir });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await session?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('shows the article badge on every provincial article page of the corpus', async () => {
    const articles = corpus.filter((p) => p.truth.isProvincialNewsArticle);
    expect(articles.length).toBeGreaterThanOrEqual(10);
    const missed: string[] = [];
    for (const p of articles) {
      const { tabId } = await openCorpusPage(p);
      if ((await waitForBadge(session, tabId, 'TIN')) !== 'TIN') missed.push(p.id);
    }
    expect(missed).toEqual([]);
  });

  it('shows no badge on listing, home, documents, contact and national pages', async () => {
    const negatives = corpus.filter((p) => !p.truth.isProvincialNewsArticle);
    expect(negatives.length).toBeGreaterThanOrEqual(4);
    const flagged: string[] = [];
    for (const p of negatives) {
      const { tabId } = await openCorpusPage(p);
      // Give the content script time to report; a wrong badge would appear within this window.
      if ((await waitForBadge(session, tabId, 'TIN', 2500)) !== '') flagged.push(p.id);
    }
    expect(flagged).toEqual([]);
  });

  it('previews the article in the popup and saves it with one click', async () => {
    const a01 = byId('a01');
    const { tabId } = await openCorpusPage(a01);
    const popup = await openPopupFor(session, tabId);
    expect(await popup.textContent('[data-testid=popup-title]')).toBe(a01.truth.title);
    const preview = (await popup.textContent('[data-testid=popup-preview]')) ?? '';
    expect(preview).toContain('05/07/2023');
    expect(preview).toContain('Tuyên Quang');
    expect(preview).toContain('Chiều ngày 04 tháng 7 năm 2023');
    const save = popup.getByTestId('save-button');
    expect(await save.textContent()).toBe('Lưu bài');
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup.png') });
    await save.click();
    await popup.waitForSelector('#status.ok');
    expect(await popup.textContent('[data-testid=popup-status]')).toBe('Đã lưu vào kho lưu trữ.');
    expect(await waitForBadge(session, tabId, '✓')).toBe('✓');
    await popup.close();
  });

  it('says an article is already archived and offers to update it', async () => {
    const { tabId } = await openCorpusPage(byId('a01'));
    const popup = await openPopupFor(session, tabId);
    expect(await popup.textContent('[data-testid=popup-status]')).toMatch(/^Bài này đã có trong kho/);
    expect(await popup.isVisible('[data-testid=save-button]')).toBe(false);
    await popup.getByTestId('update-button').click();
    await popup.waitForSelector('#status.ok');
    expect(await popup.textContent('[data-testid=popup-status]')).toBe('Nội dung không đổi so với bản đã lưu.');
    await popup.close();
    const archive = await openArchive(session);
    expect(await archive.locator('[data-testid=result-item]').count()).toBe(1);
    await archive.close();
  });

  it('registers the Alt+Shift+S shortcut for saving', async () => {
    const sw = await session.serviceWorker();
    const commands = await sw.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c: { name: string }) => c.name === 'save-article')?.shortcut).toBe('Alt+Shift+S');
  });

  it('says plainly when a page is not an article and offers to save it anyway', async () => {
    // The contact page of a known department site: readable, but not a news article.
    const contact = corpus.find((p) => p.id.startsWith('n04')) as CorpusPage;
    const { tabId } = await openCorpusPage(contact);
    const popup = await openPopupFor(session, tabId);
    const text = ((await popup.textContent('main')) ?? '').replace(/\s+/g, ' ');
    expect(text).toMatch(/Trang của .+, nhưng không phải tin bài\./);
    expect(text).toContain('Bạn vẫn có thể lưu trang bằng bộ trích xuất chung.');
    const save = popup.getByTestId('save-button');
    expect(await save.isVisible()).toBe(true);
    expect(await save.textContent()).toBe('Vẫn lưu');
    await popup.close();
  });

  it('explains why a listing page cannot be saved instead of saving an empty article', async () => {
    const listing = corpus.find((p) => p.id.startsWith('n01')) as CorpusPage;
    const { tabId } = await openCorpusPage(listing);
    const popup = await openPopupFor(session, tabId);
    // Once the list of the page's articles is shown below (bulk capture), the line points to it.
    await popup.waitForSelector('[data-testid=popup-status]:has-text("danh sách bên dưới")');
    const status = ((await popup.textContent('[data-testid=popup-status]')) ?? '').replace(/\s+/g, ' ');
    expect(status).toMatch(/^Trang của .+, nhưng không phải tin bài\. Đây là trang danh sách bài \(chuyên mục\), không phải một bài viết\. Các bài trang này dẫn tới có ở danh sách bên dưới/);
    expect(await popup.isVisible('[data-testid=save-button]')).toBe(false);
    await popup.close();
  });

  it('lists saved articles newest first and opens one in the reader with images and captions', async () => {
    const second = byId('a09');
    const { tabId } = await openCorpusPage(second);
    const popup = await openPopupFor(session, tabId);
    await popup.getByTestId('save-button').click();
    await popup.waitForSelector('#status.ok');
    await popup.close();

    const archive = await openArchive(session);
    const rows = archive.locator('[data-testid=result-item]');
    expect(await rows.count()).toBe(2);
    expect(await archive.textContent('[data-testid=result-count]')).toBe('2');
    expect(await rows.nth(0).locator('.title').textContent()).toBe(second.truth.title);
    expect(await rows.nth(1).locator('.title').textContent()).toBe(byId('a01').truth.title);
    expect(await rows.nth(0).locator('.meta').textContent()).toContain('Tuyên Quang');
    await archive.screenshot({ path: resolve(SCREENSHOTS, 'archive.png') });

    await rows.nth(1).locator('a.title').click();
    await archive.waitForSelector('#reader-view:not([hidden])');
    expect(await archive.textContent('[data-testid=reader-title]')).toBe(byId('a01').truth.title);
    const body = (await archive.frameLocator('[data-testid=reader-frame]').locator('body').textContent()) ?? '';
    expect(body).toContain('Phát biểu kết luận Hội nghị');
    expect(body).not.toContain('Tin cùng chuyên mục');
    await archive.close();
  });

  it('shows images with their captions in the reader', async () => {
    const withImage = byId('a05');
    const { tabId } = await openCorpusPage(withImage);
    const popup = await openPopupFor(session, tabId);
    await popup.getByTestId('save-button').click();
    await popup.waitForSelector('#status.ok');
    await popup.close();
    const archive = await openArchive(session);
    await archive.locator('[data-testid=result-item] a.title').first().click();
    await archive.waitForSelector('#reader-view:not([hidden])');
    // Archived HTML renders in a frame where scripts cannot run.
    expect(await archive.getAttribute('[data-testid=reader-frame]', 'sandbox')).not.toContain('allow-scripts');
    const frame = archive.frameLocator('[data-testid=reader-frame]');
    expect(await frame.locator('img').count()).toBeGreaterThan(0);
    const captions = await frame.locator('figure figcaption').allTextContents();
    expect(captions).toContain('Các đồng chí chủ trì hội nghị.');
    await archive.screenshot({ path: resolve(SCREENSHOTS, 'reader.png'), fullPage: false });
    await archive.close();
  });

  it('exports the whole archive as one JSON file that matches the schema', async () => {
    const archive = await openArchive(session);
    const [download] = await Promise.all([archive.waitForEvent('download'), archive.getByTestId('export-json').click()]);
    expect(download.suggestedFilename()).toMatch(/^archive-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync((await download.path()), 'utf8'));
    expect(exportSchemaErrors(file)).toEqual([]);
    expect(file.count).toBe(3);
    expect(file.articles.map((a: { title: string }) => a.title)).toContain(byId('a01').truth.title);
    const a01 = file.articles.find((a: { url: string }) => a.url === byId('a01').truth.url);
    expect(a01.site.province).toBe('Tuyên Quang');
    expect(a01.publishedAt).toBe('2023-07-05T08:12:00+07:00');
    // The same archive as CSV for spreadsheets: a BOM so Excel reads Vietnamese, one row per article.
    await archive.selectOption('[data-testid=export-format]', 'csv');
    expect(await archive.textContent('[data-testid=export-json]')).toBe('Xuất CSV');
    const [csvDownload] = await Promise.all([archive.waitForEvent('download'), archive.getByTestId('export-json').click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^archive-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await csvDownload.path()), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(byId('a01').truth.title!);
    expect(csv.trim().split('\r\n').length).toBeGreaterThanOrEqual(4);
    await archive.close();
  });

  it('updates the badge when a single-page site navigates with the history API', async () => {
    const { page, tabId } = await openCorpusPage(byId('a02'));
    expect(await waitForBadge(session, tabId, 'TIN')).toBe('TIN');
    // The site swaps its content for a listing and changes the URL without a page load.
    await page.evaluate(() => {
      const items = Array.from({ length: 30 }, (_, i) => `<li><a href="/tin-tuc/bai-${i}.html">Tin hoạt động số ${i}</a> (0${i % 9 + 1}/07/2023)</li>`).join('');
      document.body.innerHTML = `<h2>Tin hoạt động</h2><ul>${items}</ul><p>Trang 1 2 3</p>`;
      document.title = 'Tin hoạt động';
      history.pushState({}, '', '/noidung/tintuc/Pages/tin-hoat-dong.aspx?Page=2');
    });
    expect(await waitForBadge(session, tabId, '', 8000)).toBe('');
  });

  it('keeps the archive when the browser and its service worker restart', async () => {
    const before = session.extensionId;
    await session.close();
    tabs.clear();
    session = await launchWithExtension({ pages: corpus, profileDir });
    expect(session.extensionId).toBe(before);
    // A fresh worker must find the saved article: the badge says "already archived" and so does the popup.
    const { tabId } = await openCorpusPage(byId('a01'));
    expect(await waitForBadge(session, tabId, '✓')).toBe('✓');
    const popup = await openPopupFor(session, tabId);
    expect(await popup.textContent('[data-testid=popup-status]')).toMatch(/^Bài này đã có trong kho/);
    await popup.close();
    const archive = await openArchive(session);
    expect(await archive.locator('[data-testid=result-item]').count()).toBe(3);
    await archive.close();
  });
  it('saves into the collection chosen in the popup, and offers it again for the next save', async () => {
    // A collection made in the archive page from the articles saved above.
    const archive = await openArchive(session);
    await archive.check('[data-testid=select-all]');
    await archive.waitForFunction(() => !(document.querySelector('[data-testid=bulk-collection]') as HTMLSelectElement).disabled);
    archive.once('dialog', (d) => void d.accept('Công tác dân tộc'));
    await archive.selectOption('[data-testid=bulk-collection]', '__new__');
    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('Đã thêm 3 bài'));

    // An article none of the tests above saved.
    const next = corpus.filter((p) => p.truth.isProvincialNewsArticle).at(-1)!;
    const { tabId } = await openCorpusPage(next);
    let popup = await openPopupFor(session, tabId);
    expect(await popup.inputValue('[data-testid=popup-collection]')).toBe('');
    await popup.selectOption('[data-testid=popup-collection]', { label: 'Công tác dân tộc' });
    await popup.getByTestId('save-button').click();
    await popup.waitForSelector('#status.ok');
    expect(await popup.textContent('[data-testid=popup-status]')).toBe('Đã lưu vào kho lưu trữ. Đã thêm vào bộ sưu tập “Công tác dân tộc”.');
    await popup.close();
    // The next popup offers the same collection (a run of clippings usually goes to one).
    popup = await openPopupFor(session, (await openCorpusPage(byId('a01'))).tabId);
    expect(await popup.$eval('[data-testid=popup-collection]', (s) => (s as HTMLSelectElement).selectedOptions[0].textContent)).toBe('Công tác dân tộc');
    await popup.close();

    await archive.reload();
    await archive.waitForSelector('body[data-ready="true"]');
    await archive.evaluate(() => { (document.getElementById('filters') as HTMLDetailsElement).open = true; });
    await archive.selectOption('[data-testid=filter-collection]', { label: 'Công tác dân tộc' });
    await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '4');
    expect(await archive.locator('[data-testid=result-item] .title').allTextContents()).toContain(next.truth.title);

    // The collection is deleted in the archive page while a popup offers it: the save still happens, and the popup
    // says the article did not go into the collection (and stops offering it).
    popup = await openPopupFor(session, (await openCorpusPage(byId('a11'))).tabId);
    expect(await popup.$eval('[data-testid=popup-collection]', (s) => (s as HTMLSelectElement).selectedOptions[0].textContent)).toBe('Công tác dân tộc');
    await archive.click('[data-testid=collection-delete]');
    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('Đã xoá bộ sưu tập'));
    await popup.getByTestId('save-button').click();
    await popup.waitForSelector('#status.warn');
    expect(await popup.textContent('[data-testid=popup-status]')).toBe('Đã lưu vào kho lưu trữ. Chưa thêm vào bộ sưu tập “Công tác dân tộc”: bộ sưu tập này không còn nữa (đã bị xoá ở trang kho lưu trữ).');
    expect(await popup.isHidden('#collection-row')).toBe(true);
    await popup.close();
    await archive.reload();
    await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '5');
    await archive.close();
  });
});
