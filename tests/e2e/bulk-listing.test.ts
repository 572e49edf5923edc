 
declare const chrome: any;
// Bulk capture from a listing page, in real Chromium: the popup lists the page's articles, follows its pagination,
// queues the chosen ones; the background fetches them politely (offscreen parsing), reports every fault per page,
// skips what is archived and saves the rest once, searchable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionWithHostsGranted, launchWithExtension, openArchive, openPopupFor, saveByClick, tabIdOf, type ExtensionSession } from './helpers/extension-browser';
import { ARCHIVED_BEFORE, HANGS, HOST, HUGE, LEGACY, LEGACY_TITLE, LISTING, MISSING, NOT_ARTICLE, REDIRECTS, REDIRECT_HOME, articleUrl, marker, serveBulkSite, startRedirectServer, type SiteLog } from './helpers/bulk-site';

const DELAY_MS = 300;

async function resultCount(archive: Page, query: string): Promise<number> {
  const url = new URL(archive.url());
  url.search = `?q=${encodeURIComponent(query)}`;
  url.hash = '';
  await archive.goto(url.toString());
  await archive.waitForSelector('body[data-ready="true"]');
  return Number((await archive.textContent('[data-testid=result-count]'))!.replaceAll('.', ''));
}

describe('bulk capture from a listing page', () => {
  let session: ExtensionSession;
  let extensionDir: string;
  let log: SiteLog;
  let redirect: Awaited<ReturnType<typeof startRedirectServer>>;

  beforeAll(async () => {
    extensionDir = extensionWithHostsGranted([HOST]);
    redirect = await startRedirectServer();
    session = await launchWithExtension({ extensionDir, extraArgs: [redirect.hostRule] });
    log = await serveBulkSite(session.context);
    const sw = await session.serviceWorker();
    // A short politeness delay, timeout and backoff so that the run takes seconds.
    await sw.evaluate((delayMs) => chrome.storage.local.set({ bulkSettings: { delayMs, timeoutMs: 1500, backoffMs: 200 } }), DELAY_MS);
  });
  afterAll(async () => {
    await session?.close();
    await redirect?.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  });

  it('lists, follows pagination, queues, and ends with every page reported and each article saved once', async () => {
    // One article is archived beforehand, by a click.
    await saveByClick(session, articleUrl(ARCHIVED_BEFORE));

    const listing = await session.context.newPage();
    await listing.goto(LISTING);
    const popup = await openPopupFor(session, await tabIdOf(session, listing));
    await popup.waitForSelector('[data-testid=bulk-panel]:not([hidden])');
    expect(await popup.textContent('[data-testid=bulk-count]')).toBe('Trang này dẫn tới 10 bài.');
    expect(await popup.locator('[data-testid=bulk-list] li').count()).toBe(10);
    expect(await popup.textContent('[data-testid=bulk-why]')).toContain(HOST);

    // Two more pages; page 2 shows an article of page 1 again: listed once.
    await popup.fill('[data-testid=bulk-pages]', '2');
    await popup.getByTestId('bulk-more').click();
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid=bulk-list] li').length >= 30);
    expect(await popup.textContent('[data-testid=bulk-count]')).toBe('Trang này dẫn tới 30 bài. Đã đọc thêm 2 trang, thêm 20 bài.');
    const urls = await popup.$$eval('[data-testid=bulk-list] li', (lis) => lis.map((li) => (li as HTMLElement).dataset.url));
    expect(urls).toEqual(Array.from({ length: 30 }, (_, k) => articleUrl(k + 1)));
    expect(await popup.isHidden('#bulk-more-row')).toBe(true);
    // The archived one is marked and not chosen by default; the filter narrows the list.
    const archivedRow = popup.locator(`[data-testid=bulk-list] li[data-url="${articleUrl(ARCHIVED_BEFORE)}"]`);
    expect(await archivedRow.textContent()).toContain('đã lưu');
    expect(await archivedRow.locator('input').isChecked()).toBe(false);
    await popup.fill('[data-testid=bulk-filter]', 'hàm yên');
    expect(await popup.locator('[data-testid=bulk-list] li:visible').count()).toBe(1);
    await popup.fill('[data-testid=bulk-filter]', '');
    await popup.getByTestId('bulk-none').click();
    expect(await popup.textContent('[data-testid=bulk-selected]')).toContain('Đã chọn 0 bài.');
    await popup.getByTestId('bulk-all').click();
    expect(await popup.textContent('[data-testid=bulk-selected]')).toContain('Đã chọn 30 bài.');

    const runStart = Date.now();
    await popup.getByTestId('bulk-save').click();
    await popup.waitForSelector('[data-testid=bulk-run]:not([hidden])');
    await popup.waitForSelector('[data-testid=bulk-run][data-state="done"]', { timeout: 90_000 });
    expect(await popup.textContent('[data-testid=bulk-run-text]')).toContain('30 / 30 bài xong');

    type Status = { progress: { saved: number; skipped: number; notArticle: number; failed: number }; items: Array<{ url: string; state: string; reason?: string; detail?: string }> };
    const status = (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'bulk-status' }))) as Status;
    const stateOf = new Map(status.items.map((i) => [i.url, [i.state, i.reason ?? null, i.detail ?? null]]));
    for (const i of MISSING) expect(stateOf.get(articleUrl(i))).toEqual(['failed', 'http', '404']);
    expect(stateOf.get(articleUrl(HANGS))).toEqual(['failed', 'timeout', null]);
    expect(stateOf.get(articleUrl(NOT_ARTICLE))).toEqual(['not-article', null, 'listing']);
    expect(stateOf.get(articleUrl(ARCHIVED_BEFORE))?.[0]).toBe('skipped-duplicate');
    // Taken down and redirected to the home page: reported as gone, the home page not saved in its place.
    expect(stateOf.get(articleUrl(REDIRECTS))).toEqual(['failed', 'redirect-home', REDIRECT_HOME]);
    // The 5 MB page is within the product's limits (20 MB): saved like the others.
    expect(stateOf.get(articleUrl(HUGE))?.[0]).toBe('saved');
    expect(status.progress).toMatchObject({ saved: 24, skipped: 1, notArticle: 1, failed: 4 });
    // Every problem is in the popup, in words.
    const problems = await popup.$$eval('[data-testid=bulk-problems] li', (lis) => lis.map((li) => li.textContent));
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/lỗi HTTP 404[\s\S]*không phải một bài viết[\s\S]*trang không trả lời kịp[\s\S]*chuyển về trang chủ/);

    // The archived article was not fetched again; the hanging one was tried three times (retries); others once.
    const runRequests = log.requests.filter((r) => r.at >= runStart && /hoat-dong-khoa-hoc-so-/.test(r.url));
    expect(runRequests.some((r) => r.url === articleUrl(ARCHIVED_BEFORE))).toBe(false);
    expect(runRequests.filter((r) => r.url === articleUrl(HANGS))).toHaveLength(3);
    // Politeness: one host, so requests never overlap and start at least the delay apart.
    const starts = runRequests.map((r) => r.at).sort((a, b) => a - b);
    const gaps = starts.slice(1).map((t, k) => t - starts[k]);
    console.log(`bulk run: ${runRequests.length} requests, smallest gap ${Math.min(...gaps)} ms, run ${Date.now() - runStart} ms`);
    // A few ms of slack: the timestamps are taken in the test process, after the request crossed from the browser.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DELAY_MS - 20);

    // The archive holds each article once, searchable; the windows-1258 page reads right.
    const archive = await openArchive(session);
    expect(await resultCount(archive, '')).toBe(25);
    expect(await resultCount(archive, marker(7))).toBe(1);
    expect(await resultCount(archive, marker(30))).toBe(1);
    expect(await resultCount(archive, marker(LEGACY))).toBe(1);
    expect(await archive.textContent('main')).toContain(LEGACY_TITLE);
    expect(await resultCount(archive, marker(MISSING[0]))).toBe(0);
    expect(await resultCount(archive, marker(HUGE))).toBe(1);
    expect(await resultCount(archive, marker(REDIRECTS))).toBe(0);

    // The page that is not an article is offered "Vẫn lưu" in the report; asked for, it is saved, once.
    const notArticleRow = `[data-testid=bulk-problems] li[data-url="${articleUrl(NOT_ARTICLE)}"]`;
    const saveAnyway = popup.locator(`${notArticleRow} [data-testid=bulk-save-anyway]`);
    expect(await saveAnyway.textContent()).toBe('Vẫn lưu');
    await saveAnyway.click();
    await popup.waitForSelector(notArticleRow, { state: 'detached', timeout: 20_000 });
    expect(await popup.locator('[data-testid=bulk-problems] li [data-testid=bulk-save-anyway]').count()).toBe(0);
    const after = (await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'bulk-status' }))) as Status;
    expect(after.progress).toMatchObject({ saved: 25, skipped: 1, notArticle: 0, failed: 4 });
    expect(await resultCount(archive, '')).toBe(26);
    expect(after.items.find((i) => i.url === articleUrl(NOT_ARTICLE))?.state).toBe('saved');
  });

  it('closed mid-run and started again: the run goes on where it stopped and ends as an uninterrupted run', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'pna-bulk-restart-'));
    let second: ExtensionSession | null = null;
    try {
      let first = await launchWithExtension({ extensionDir, profileDir, extraArgs: [redirect.hostRule] });
      const firstLog = await serveBulkSite(first.context);
      // Retries spaced enough that the relaunched browser's first tries (before this test serves the site again) are not its last.
      await (await first.serviceWorker()).evaluate(() => chrome.storage.local.set({ bulkSettings: { delayMs: 300, timeoutMs: 1500, backoffMs: 2000 } }));
      const listing = await first.context.newPage();
      await listing.goto(LISTING);
      const popup = await openPopupFor(first, await tabIdOf(first, listing));
      await popup.waitForSelector('[data-testid=bulk-panel]:not([hidden])');
      await popup.fill('[data-testid=bulk-pages]', '2');
      await popup.getByTestId('bulk-more').click();
      await popup.waitForFunction(() => document.querySelectorAll('[data-testid=bulk-list] li').length >= 30);
      await popup.getByTestId('bulk-save').click();
      await popup.waitForSelector('[data-testid=bulk-run]:not([hidden])');
      // Closed while pages are being fetched.
      const fetched = () => firstLog.requests.filter((r) => /hoat-dong-khoa-hoc-so-/.test(r.url)).length;
      while (fetched() < 10) await new Promise((r) => setTimeout(r, 50));
      await first.close();
      first = null as unknown as ExtensionSession;

      // The site is served before the relaunched extension's first request: the run resumes at once.
      let secondLog: SiteLog = { requests: [] };
      second = await launchWithExtension({ extensionDir, profileDir, extraArgs: [redirect.hostRule], routes: async (context) => { secondLog = await serveBulkSite(context); } });
      // The archive page asks for the run's status as a person opening the popup would; that question also wakes the
      // queue. (The start-up resume alone also restarts it: `npm run bench -- bulk` relaunches with nothing opened.)
      const page = await openArchive(second);
      type Status = { progress: { state: string; saved: number; skipped: number; notArticle: number; failed: number; total: number } | null };
      let status: Status = { progress: null };
      for (let i = 0; i < 600 && status.progress?.state !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'bulk-status' }))) as Status;
      }
      expect(status.progress).toMatchObject({ state: 'done', total: 30, saved: 25, skipped: 0, notArticle: 1, failed: 4 });
      // It resumed: pages fetched after the restart, and not the whole listing again.
      const after = secondLog.requests.filter((r) => /hoat-dong-khoa-hoc-so-/.test(r.url)).length;
      expect(after).toBeGreaterThan(0);
      expect(after).toBeLessThan(30);
      expect(await resultCount(page, '')).toBe(25);
      for (const i of [1, 10, 20, 30]) expect(await resultCount(page, marker(i))).toBe(1);
    } finally {
      await second?.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});
