// After an update the first opening of the archive upgrades it (re-indexing every article). When the background is
// the one opening it (a tab's detection, a popup's preview), the popup and the archive page waiting for it say so,
// with the background's progress, instead of sitting blank.
import type { Page } from 'playwright-core';
import { generateArticle } from '../../bench/search-corpus';
import { loadSitePages, sitePage } from '../helpers/site-fixtures';
import { launchWithExtension, tabIdOf, type ExtensionSession } from './helpers/extension-browser';

const ARTICLES = 5000;

/** Every text the element shows from now on (a progress line lasts a moment: polling could miss it). */
const recordTexts = (page: Page, selector: string) => page.evaluate((sel) => {
  const target = document.querySelector(sel)!;
  const seen: string[] = [];
  (globalThis as { seenTexts?: string[] }).seenTexts = seen;
  new MutationObserver(() => seen.push(target.textContent ?? '')).observe(target, { childList: true, characterData: true, subtree: true });
}, selector);
const seenTexts = (page: Page) => page.evaluate(() => (globalThis as { seenTexts?: string[] }).seenTexts ?? []);

describe('upgrading the archive in the background', () => {
  let session: ExtensionSession;
  const article = sitePage('s01');
  const extensionPage = async (path: string) => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/${path}`);
    return page;
  };

  beforeAll(async () => {
    session = await launchWithExtension({ pages: loadSitePages() });
  });
  afterAll(() => session?.close());

  it('shows the background\'s progress in the popup and in the archive page, then the upgraded archive', async () => {
    // An archive as the first release left it (schema version 1, no search index), written from an extension page
    // that does not open the archive itself (a popup for a tab that does not exist). Its connection stays open, so
    // the upgrade waits until the pages below are open and watching.
    const holder = await extensionPage('popup/popup.html?tab=999999999');
    const articles = Array.from({ length: ARTICLES }, (_, i) => generateArticle(i, { bodyWords: 120, seed: 7 }));
    await holder.evaluate((rows) => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('provincial-news-archive', 10);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('articles', { keyPath: 'id' });
        for (const path of ['url', 'canonicalUrl', 'capturedAt', 'publishedAt', 'contentHash', 'site.host', 'site.province']) store.createIndex(path, path);
        open.result.createObjectStore('settings', { keyPath: 'key' });
        for (const row of rows) store.put(row);
      };
      open.onsuccess = () => {
        const g = globalThis as { held?: IDBDatabase; asked?: boolean };
        g.held = open.result;
        // Fired when an opening asks for the current schema: the background's, as no page has opened the archive.
        open.result.onversionchange = () => { g.asked = true; };
        resolve();
      };
      open.onerror = () => reject(open.error);
    }), articles);

    // A recognised article's tab makes the background look it up, which opens (and so upgrades) the archive there.
    const tab = await session.context.newPage();
    await tab.goto(article.truth.url);
    const popup = await extensionPage(`popup/popup.html?tab=${await tabIdOf(session, tab)}`);
    await recordTexts(popup, '#status');
    await holder.waitForFunction(() => (globalThis as { asked?: boolean }).asked === true, undefined, { polling: 100 });
    const archive = await extensionPage('archive/archive.html');
    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.startsWith('Đang nâng cấp kho lưu trữ'), undefined, { polling: 100 });
    await recordTexts(archive, '[data-testid=notice]');
    await holder.evaluate(() => (globalThis as { held?: IDBDatabase }).held!.close());

    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent === 'Đã nâng cấp kho lưu trữ: 5.000 bài, vẫn đủ và tìm được như trước.', undefined, { polling: 100, timeout: 120_000 });
    await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '5.000', undefined, { polling: 100 });
    // The page's own opening only waited: the progress it showed came from the background.
    // Each progress line is the count, and once the pace is known, the time left.
    const progressLines = (texts: string[]) => texts.filter((text) => text.includes('Đã lập chỉ mục'));
    const archiveLines = progressLines(await seenTexts(archive));
    expect(archiveLines.length).toBeGreaterThan(0);
    for (const line of archiveLines) expect(line).toMatch(/Đã lập chỉ mục tìm kiếm [\d.]+\/5\.000 bài( \(còn khoảng \d+ (giây|phút)\))?$/);
    // The popup's preview waited for the upgrade, saying so, and then showed the article.
    await popup.waitForSelector('main[data-state="ready"]', { timeout: 60_000 });
    expect(await popup.textContent('#preview-title')).toBe(article.truth.title);
    const popupLines = progressLines(await seenTexts(popup));
    expect(popupLines.length).toBeGreaterThan(0);
    for (const line of popupLines) expect(line).toMatch(/^Đang nâng cấp kho lưu trữ cho phiên bản mới của tiện ích, xin chờ\. Đã lập chỉ mục tìm kiếm [\d.]+\/5\.000 bài( \(còn khoảng \d+ (giây|phút)\))?\.$/);
    // Searchable after the upgrade: the first generated article's title finds it.
    await archive.fill('[data-testid=search-input]', `"${articles[0].title}"`);
    await archive.press('[data-testid=search-input]', 'Enter');
    await archive.waitForFunction((title) => document.querySelector('[data-testid=result-item] .title')?.textContent === title, articles[0].title, { polling: 100 });
  }, 240_000);
});
