 
declare const chrome: any;
// Save every open tab, in real Chromium: each open provincial article is taken from its live tab (the content script
// where it runs, injected where it does not and the host is granted), saved once with the provenance "tabs"; every
// other tab is reported. Then a bulk run from a listing with the pause set on the options page: its progress shows
// live on the archive page, which can pause and resume it, and the run uses the pause that was set.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionCopy, launchWithExtension, openArchive, openPopupFor, saveByClick, tabIdOf, type ExtensionSession } from './helpers/extension-browser';
import { allRowsOf } from './helpers/stored-article';
import { axeViolations } from './helpers/axe';
import { ARCHIVED_BEFORE, HOST, LISTING, articleHtml, articleUrl, serveBulkSite, type SiteLog } from './helpers/bulk-site';

// `npm run screenshots` refreshes docs/screenshots; plain test runs keep theirs out of the tree.
const SCREENSHOTS = resolve(import.meta.dirname, '../..', process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');

/** A second department's site: granted, but the content script is not declared for it (as for a tab opened before install). */
const INJECTED_HOST = 'sotnmt.tuyenquang.gov.vn';
/** A third one, neither declared nor granted: its tab is reported as needing access. */
const UNGRANTED_HOST = 'soyte.tuyenquang.gov.vn';
const injectedUrl = `https://${INJECTED_HOST}/vi/news/tin-tuc/bai-moi-truong-2-1002.html`;
const ungrantedUrl = `https://${UNGRANTED_HOST}/vi/news/tin-tuc/bai-y-te-3-1003.html`;

/** The tabs permission and the test hosts granted up front; the content script declared for the first host only. */
const extensionForTabs = () => extensionCopy((manifest) => {
  manifest.permissions.push('tabs');
  manifest.host_permissions = [`*://${HOST}/*`, `*://${INJECTED_HOST}/*`];
  manifest.content_scripts[0].matches = [`*://${HOST}/*`];
});

type Stored = { url: string; capturedVia?: string };
describe('save every open tab, and a bulk run followed from the archive page', () => {
  let session: ExtensionSession;
  let extensionDir: string;
  let log: SiteLog;
  /** The extension's own message in the browser's UI language (Vietnamese where chromium-l10n is installed). */
  const msg = async (key: string, ...subs: string[]): Promise<string> =>
    (await session.serviceWorker()).evaluate(([k, s]) => chrome.i18n.getMessage(k, s), [key, subs] as const);
  const localNumber = async (n: number): Promise<string> =>
    (await session.serviceWorker()).evaluate((x) => x.toLocaleString(chrome.i18n.getUILanguage()), n);

  beforeAll(async () => {
    extensionDir = extensionForTabs();
    session = await launchWithExtension({ extensionDir });
    log = await serveBulkSite(session.context);
    const page = (route: Parameters<Parameters<ExtensionSession['context']['route']>[1]>[0], i: number) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: articleHtml(i) });
    await session.context.route(`https://${INJECTED_HOST}/**`, (route) => (route.request().url() === injectedUrl ? page(route, 2) : route.fulfill({ status: 404, body: '' })));
    await session.context.route(`https://${UNGRANTED_HOST}/**`, (route) => (route.request().url() === ungrantedUrl ? page(route, 3) : route.fulfill({ status: 404, body: '' })));
  });
  afterAll(async () => {
    await session?.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  });

  it('saves each open article once with its provenance and reports every other tab', async () => {
    // One article is archived beforehand, by a click.
    const before = await saveByClick(session, articleUrl(ARCHIVED_BEFORE));

    const opened: Page[] = [before];
    for (const url of [articleUrl(1), injectedUrl, LISTING, ungrantedUrl, 'about:blank']) {
      const page = await session.context.newPage();
      await page.goto(url);
      opened.push(page);
    }
    // Only these tabs (and the popup) stay open.
    for (const page of session.context.pages()) if (!opened.includes(page)) await page.close();
    const listingTab = await tabIdOf(session, opened[3]);
    const popup = await openPopupFor(session, listingTab);
    // On a listing, the amber line points to the list of its articles (and no longer says to open one).
    await popup.waitForSelector('[data-testid=bulk-panel]:not([hidden])');
    expect(await popup.textContent('[data-testid=popup-status]')).toContain(await msg('errorListingPageBulk'));
    expect(await popup.textContent('[data-testid=popup-status]')).not.toContain(await msg('errorListingPage'));
    // The permission is already granted here: the sentence saying why it is asked is not shown.
    expect(await popup.isHidden('[data-testid=tabs-why]')).toBe(true);

    await popup.getByTestId('tabs-save').click();
    await popup.waitForFunction(() => document.querySelector('[data-testid=tabs-summary]')?.className === 'warn');
    expect(await popup.textContent('[data-testid=tabs-summary]')).toBe(await msg('tabsSummary', '2', '1', '2', '1'));
    const problems = await popup.$$eval('[data-testid=tabs-problems] li', (lis) => lis.map((li) => [(li as HTMLElement).dataset.url, li.textContent]));
    expect(problems).toHaveLength(3);
    expect(problems.find(([url]) => url === LISTING)?.[1]).toContain(await msg('tabsListing'));
    expect(problems.find(([url]) => url === 'about:blank')?.[1]).toContain(await msg('tabsNotWeb'));
    expect(problems.find(([url]) => url === ungrantedUrl)?.[1]).toContain(await msg('tabsNoAccess', UNGRANTED_HOST));
    // The host it may not read is offered, named.
    expect(await popup.isVisible('[data-testid=tabs-access]')).toBe(true);
    expect(await popup.textContent('[data-testid=tabs-access-why]')).toContain(UNGRANTED_HOST);
    expect(await popup.$eval('#tabs-bar', (bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).toEqual([6, 6]);
    // On a listing the popup has no article title, its only level-one heading (as before this feature): that
    // best-practice rule aside, nothing.
    expect((await axeViolations(popup)).filter((v) => !v.includes('page-has-heading-one'))).toEqual([]);

    // The archive: each article once, the two new ones marked as taken from tabs, the earlier one as it was.
    const stored = (await popup.evaluate(allRowsOf, { database: 'provincial-news-archive', store: 'articles' })) as Stored[];
    expect(stored.map((a) => a.url).sort()).toEqual([articleUrl(1), articleUrl(ARCHIVED_BEFORE), injectedUrl].sort());
    expect(stored.find((a) => a.url === articleUrl(1))?.capturedVia).toBe('tabs');
    expect(stored.find((a) => a.url === injectedUrl)?.capturedVia).toBe('tabs');
    expect(stored.find((a) => a.url === articleUrl(ARCHIVED_BEFORE))?.capturedVia).toBeUndefined();
    // Taken from the live tabs: the run fetched no article again.
    expect(log.requests.filter((r) => r.url === articleUrl(1))).toHaveLength(1);

    // The icon of the tab the popup was opened on says the outcome (as after the icon's context menu).
    const sw = await session.serviceWorker();
    expect(await sw.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), listingTab)).toBe('2');
    expect(await sw.evaluate((tabId) => chrome.action.getTitle({ tabId }), listingTab)).toContain(await msg('tabsSummary', '2', '1', '2', '1'));
    // The toolbar icon's context menu carries the same command (update fails for an unknown item).
    await sw.evaluate(() => chrome.contextMenus.update('save-all-tabs', {}));

    // Again: nothing new, nothing twice.
    await popup.getByTestId('tabs-save').click();
    const again = await msg('tabsSummary', '0', '3', '2', '1');
    await popup.waitForFunction((text) => document.querySelector('[data-testid=tabs-summary]')?.textContent === text, again);
    expect(await popup.evaluate(allRowsOf, { database: 'provincial-news-archive', store: 'articles' })).toHaveLength(3);
    await popup.close();
  });

  it('uses the pause set on the options page, and shows the run live on the archive page', async () => {
    const sw = await session.serviceWorker();
    // A short timeout so that the page that never answers fails in seconds; the options page keeps it.
    await sw.evaluate(() => chrome.storage.local.set({ bulkSettings: { timeoutMs: 1500, backoffMs: 200 } }));
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options/options.html`);
    await options.waitForFunction(() => (document.querySelector('[data-testid=bulk-delay]') as HTMLInputElement).value !== '');
    expect(await options.inputValue('[data-testid=bulk-delay]')).toBe(await localNumber(1.5));
    expect(await options.textContent('#bulk-delay-why')).toBe(await msg('optionsBulkDelayWhy'));
    await options.fill('[data-testid=bulk-delay]', '61');
    await options.getByTestId('bulk-delay-save').click();
    expect(await options.textContent('[data-testid=bulk-delay-status]')).toBe(await msg('optionsBulkDelayInvalid'));
    expect(await options.getAttribute('[data-testid=bulk-delay]', 'aria-invalid')).toBe('true');
    // Typed the Vietnamese way, with a decimal comma.
    await options.fill('[data-testid=bulk-delay]', '0,8');
    await options.getByTestId('bulk-delay-save').click();
    const saved = await msg('optionsBulkDelaySaved', await localNumber(0.8));
    await options.waitForFunction((text) => document.querySelector('[data-testid=bulk-delay-status]')?.textContent === text, saved);
    expect(await options.getAttribute('[data-testid=bulk-delay]', 'aria-invalid')).toBe(null);
    expect(await axeViolations(options)).toEqual([]);
    expect(await sw.evaluate(async () => (await chrome.storage.local.get('bulkSettings')).bulkSettings)).toEqual({ timeoutMs: 1500, backoffMs: 200, delayMs: 800 });
    await options.close();

    const archive = await openArchive(session);
    expect(await archive.isHidden('[data-testid=bulk-run]')).toBe(true);
    const listing = await session.context.newPage();
    await listing.goto(LISTING);
    const popup = await openPopupFor(session, await tabIdOf(session, listing));
    await popup.waitForSelector('[data-testid=bulk-panel]:not([hidden])');
    const runStart = Date.now();
    await popup.getByTestId('bulk-save').click();
    await popup.waitForSelector('[data-testid=bulk-run]:not([hidden])');
    await popup.close();

    // The archive page, open before the run started, shows it and follows it.
    await archive.bringToFront();
    await archive.waitForSelector('[data-testid=bulk-run]:not([hidden])', { timeout: 20_000 });
    expect(await archive.getAttribute('#bulk-run-text', 'aria-live')).toBe('polite');
    const firstText = (await archive.textContent('[data-testid=bulk-run-text]'))!;
    expect(firstText).toMatch(/^\d+ \/ 9 /);
    await archive.waitForFunction((before) => document.querySelector('[data-testid=bulk-run-text]')?.textContent !== before, firstText, { timeout: 30_000 });
    // Paused from the archive page, and resumed.
    await archive.getByTestId('bulk-pause').click();
    await archive.waitForSelector('[data-testid=bulk-run][data-state="paused"]');
    expect(await archive.textContent('[data-testid=bulk-run-text]')).toContain(await msg('bulkPaused'));
    expect(await archive.isVisible('[data-testid=bulk-resume]')).toBe(true);
    expect(await axeViolations(archive)).toEqual([]);
    await archive.locator('[data-testid=bulk-run]').screenshot({ path: resolve(SCREENSHOTS, 'bulk-run-archive.png') });
    await archive.getByTestId('bulk-resume').click();
    await archive.waitForSelector('[data-testid=bulk-run][data-state="done"]', { timeout: 90_000 });
    expect(await archive.textContent('[data-testid=bulk-run-text]')).toContain(await msg('bulkProgress', '9', '9'));
    expect(await archive.isHidden('[data-testid=bulk-cancel]')).toBe(true);
    const bar = await archive.$eval('#bulk-bar', (b) => [(b as HTMLProgressElement).value, (b as HTMLProgressElement).max]);
    expect(bar).toEqual([9, 9]);
    // The page's problems list names the 404 and the page that is not an article.
    const problemText = await archive.textContent('[data-testid=bulk-problems]');
    expect(problemText).toContain(await msg('bulkFailHttp', '404'));
    expect(problemText).toContain(await msg('bulkNotArticle'));

    // The run was started with the pause set on the options page, and kept it between requests.
    const runs = (await archive.evaluate(allRowsOf, { database: 'provincial-news-bulk-queue', store: 'runs' })) as Array<{ createdAt: number; settings: object }>;
    expect(runs.sort((a, b) => a.createdAt - b.createdAt).at(-1)?.settings).toMatchObject({ delayMs: 800, timeoutMs: 1500 });
    const starts = log.requests.filter((r) => r.at >= runStart && /hoat-dong-khoa-hoc-so-/.test(r.url)).map((r) => r.at).sort((a, b) => a - b);
    const gaps = starts.slice(1).map((t, k) => t - starts[k]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(800 - 20);
  });
});
