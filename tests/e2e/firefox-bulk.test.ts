// Bulk capture from a listing page in Debian's firefox-esr: the popup lists the page's articles and queues them; the
// background page (Firefox has no offscreen documents: it parses with its own DOMParser) fetches each, reports a 404,
// a page that is not an article, one that never answers and one that now redirects to the home page, reads a
// windows-1258 page and a 5 MB one right, and saves the rest once.
//
// The background page's requests are not a tab's, so BiDi request interception does not see them: the site is a real
// HTTP server on 127.0.0.1, set as Firefox's HTTP proxy (an absolute-URL request names the host it is for), which is
// how a host name is pointed at a local server without a DNS entry or port 80. The host's permission is asked for by
// the popup's click, as a user's would be; `extensions.webextOptionalPermissionPrompts` off makes Firefox grant what a
// click asks for without the prompt (which automation cannot answer) and still refuse what is asked outside a click.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { CorpusPage } from '../helpers/corpus';
import { HUGE_BYTES, articleHtml, encodeCp1258, marker } from './helpers/bulk-site';
import { allRowsOf, storedArticleOf } from './helpers/stored-article';
import { FIREFOX, firefoxPresent, launchFirefoxWithExtension, waitInPage, type FirefoxSession } from './helpers/firefox-browser';

declare const browser: any;

const HOST = 'sokhcn.tuyenquang.gov.vn';
const LISTING = `http://${HOST}/vi/news/tin-tuc/`;
const IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const MISSING = 4;
const NOT_ARTICLE = 6;
const LEGACY = 7;
const HANGS = 8;
const REDIRECTS = 9;
const HUGE = 10;
const SAVED = [1, 2, 3, 5, LEGACY, HUGE];
const HOME = `http://${HOST}/vi/`;
const url = (i: number) => `${LISTING}hoat-dong-khoa-hoc-so-${i}-${1000 + i}.html`;
const teaserTitle = (i: number) => `Hoạt động khoa học và công nghệ số ${i} của tỉnh Tuyên Quang`;

const listingHtmlOf = (ids: number[]) => `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Sở Khoa học và Công nghệ tỉnh Tuyên Quang</title></head><body>
<ul class="menu"><li><a href="/vi/">Trang chủ</a></li><li><a href="/vi/news/tin-tuc/">Tin tức</a></li></ul>
<div class="main"><h1 class="cat-title">Tin tức</h1>
${ids.map((i) => `<div class="news_column"><h3><a href="${url(i)}">${teaserTitle(i)}</a></h3><div class="text-muted">${String((i % 28) + 1).padStart(2, '0')}/07/2024 08:30</div></div>`).join('\n')}
</div><div class="footer">Cơ quan chủ quản: Sở Khoa học và Công nghệ tỉnh Tuyên Quang</div></body></html>`;
const listingHtml = listingHtmlOf(IDS);

const listingPage: CorpusPage = { id: 'bulk-listing', html: listingHtml, truth: { url: LISTING, isProvincialNewsArticle: false } } as unknown as CorpusPage;

/** Another section of the site, for the run Firefox is killed in: 24 articles, none of them a fault. */
const RESTART_LISTING = `http://${HOST}/vi/news/thong-bao/`;
const RESTART_IDS = Array.from({ length: 24 }, (_, k) => 101 + k);
const restartListingPage: CorpusPage = { id: 'bulk-restart-listing', html: listingHtmlOf(RESTART_IDS), truth: { url: RESTART_LISTING, isProvincialNewsArticle: false } } as unknown as CorpusPage;

/** The site, as an HTTP proxy: every request names its absolute URL, logged with its arrival time. */
async function startSite(log: Array<{ url: string; at: number }>): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', `http://${req.headers.host ?? HOST}`);
    if (u.hostname !== HOST) return res.writeHead(502).end();
    log.push({ url: u.href, at: Date.now() });
    const i = Number(/hoat-dong-khoa-hoc-so-(\d+)-/.exec(u.pathname)?.[1] ?? 0);
    const html = (body: string | Buffer, type = 'text/html; charset=utf-8') => res.writeHead(200, { 'content-type': type }).end(body);
    if (u.href === LISTING || u.href === HOME || i === NOT_ARTICLE) return html(listingHtml);
    if (u.href === RESTART_LISTING) return html(restartListingPage.html);
    if (!i || i === MISSING) return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Không tìm thấy</h1>');
    if (i === HANGS) return; // never answered
    if (i === REDIRECTS) return res.writeHead(302, { location: HOME }).end();
    // The charset only in the page's <meta>, as old portals declare it.
    if (i === LEGACY) return html(encodeCp1258(articleHtml(i, 'windows-1258')), 'text/html');
    if (i === HUGE) return html(articleHtml(i, 'utf-8', `<script>var duLieu = "${'x'.repeat(HUGE_BYTES)}";</script>`));
    return html(articleHtml(i));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as { port: number }).port };
}

async function stopSite(site: { server: Server } | undefined): Promise<void> {
  site?.server.closeAllConnections();
  await new Promise((done) => site?.server.close(done));
}

const sitePrefs = (port: number) => ({
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': port,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
  'extensions.webextOptionalPermissionPrompts': false,
  // The test site speaks http only.
  'dom.security.https_first': false,
  'dom.security.https_first_schemeless': false,
});

type BulkStatus = { progress: { state: string; total: number; saved: number; skipped: number; notArticle: number; failed: number } | null; items: Array<{ url: string; state: string; reason?: string; detail?: string }> };

/** Asks the background for the run's status until it is done (as the popup does). */
async function statusWhenDone(control: Page): Promise<BulkStatus> {
  let status: BulkStatus = { progress: null, items: [] };
  for (let k = 0; k < 600 && status.progress?.state !== 'done'; k++) {
    await new Promise((r) => setTimeout(r, 200));
    status = (await control.evaluate(() => browser.runtime.sendMessage({ type: 'bulk-status' })).catch(() => status)) as BulkStatus;
  }
  return status;
}

/** The archive page's result count for a search. */
async function resultCount(archive: Page, q: string): Promise<number> {
  await archive.evaluate((query: string) => { location.search = `?q=${encodeURIComponent(query)}`; }, q);
  await new Promise((r) => setTimeout(r, 300));
  for (let k = 0; k < 100; k++) {
    const ready = await archive.evaluate((query: string) => new URLSearchParams(location.search).get('q') === query && document.body.dataset.ready === 'true', q).catch(() => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Number(await archive.$eval('[data-testid=result-count]', (e) => (e.textContent ?? '').replaceAll('.', '')));
}

if (!firefoxPresent) console.warn(`${FIREFOX} not found (apt-get install -y firefox-esr): Firefox bulk test skipped`);

describe.skipIf(!firefoxPresent)('bulk capture in Firefox (background page parsing)', () => {
  let session: FirefoxSession;
  let site: { server: Server; port: number };
  const log: Array<{ url: string; at: number }> = [];
  const requests = () => log.map((r) => r.url);

  beforeAll(async () => {
    site = await startSite(log);
    session = await launchFirefoxWithExtension({
      pages: [listingPage],
      prefs: sitePrefs(site.port),
    });
    await session.control.evaluate(() => browser.storage.local.set({ bulkSettings: { delayMs: 300, timeoutMs: 2000, backoffMs: 200 } }));
  });
  afterAll(async () => {
    await session?.close();
    await stopSite(site);
  });

  it('lists the links, queues them, reports the 404, the non-article, the hang and the redirect home, and saves the rest once', async () => {
    const { page, tabId } = await session.openPage(listingPage);
    const popup = await session.openExtensionPage(`popup/popup.html?tab=${tabId}`, 'main[data-state="ready"], main[data-state="error"]');
    await popup.waitForSelector('[data-testid=bulk-panel]:not([hidden])', { timeout: 20_000 });
    // Firefox shows the extension in its own UI language (English here): the figure is what matters.
    expect(await popup.$eval('[data-testid=bulk-count]', (e) => e.textContent)).toMatch(/\b10\b/);
    await popup.click('[data-testid=bulk-save]');

    const status = await statusWhenDone(session.control);
    expect(status.progress).toMatchObject({ state: 'done', saved: SAVED.length, skipped: 0, notArticle: 1, failed: 3 });
    const stateOf = new Map(status.items.map((i) => [i.url, [i.state, i.reason ?? null, i.detail ?? null]]));
    expect(stateOf.get(url(MISSING))).toEqual(['failed', 'http', '404']);
    expect(stateOf.get(url(NOT_ARTICLE))).toEqual(['not-article', null, 'listing']);
    expect(stateOf.get(url(HANGS))).toEqual(['failed', 'timeout', null]);
    expect(stateOf.get(url(REDIRECTS))).toEqual(['failed', 'redirect-home', HOME]);
    // Fetched by the background page, each page once; the one that never answers tried again after a pause.
    for (const i of IDS.filter((k) => k !== HANGS)) expect(requests().filter((r) => r === url(i))).toHaveLength(1);
    expect(requests().filter((r) => r === url(HANGS)).length).toBeGreaterThan(1);
    // Politely: one request at a time to the host, the set pause (300 ms) between them (arrival times at the
    // server, with 50 ms for the trip from the browser under load).
    const starts = log.filter((r) => /hoat-dong-khoa-hoc-so-/.test(r.url)).map((r) => r.at).sort((a, b) => a - b);
    expect(Math.min(...starts.slice(1).map((t, k) => t - starts[k]))).toBeGreaterThanOrEqual(300 - 50);
    // The popup says what went wrong, page by page.
    await popup.waitForSelector('[data-testid=bulk-run][data-state="done"]', { timeout: 20_000 });
    // The list of problems is fetched again after the last report: it may come a moment after the state.
    await waitInPage(popup, () => document.querySelectorAll('[data-testid=bulk-problems] li').length === 4);
    const problems = await popup.$$eval('[data-testid=bulk-problems] li', (lis) => lis.map((li) => [(li as HTMLElement).dataset.url, (li as HTMLElement).dataset.state, li.textContent ?? '']));
    expect(problems.map(([u, st]) => [u, st]).sort()).toEqual([[url(MISSING), 'failed'], [url(NOT_ARTICLE), 'not-article'], [url(HANGS), 'failed'], [url(REDIRECTS), 'failed']].sort());
    expect(problems.find(([u]) => u === url(MISSING))?.[2]).toContain('404');

    // The archive holds each saved article once, searchable by the word only it has.
    const archive = await session.openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
    for (const i of SAVED) expect(await resultCount(archive, marker(i))).toBe(1);
    for (const i of [MISSING, HANGS, REDIRECTS]) expect(await resultCount(archive, marker(i))).toBe(0);
    // The windows-1258 page and the 5 MB one read as the site wrote them.
    for (const i of [LEGACY, HUGE]) {
      const stored = await session.control.evaluate(storedArticleOf, url(i));
      expect(stored?.bodyText).toContain('Sở Khoa học và Công nghệ tỉnh Tuyên Quang tổ chức hội nghị đánh giá kết quả');
    }
    await page.close();
  });

  // Firefox asks for a permission only while a click is being handled and before its handler first waits: the
  // re-check reads the archive for the sites it will fetch, so it must have read them before the click.
  it('asks again for a withdrawn site inside the click of Kiểm tra cập nhật, and re-checks the archive', async () => {
    // What the popup's click was granted above, and what Firefox granted at install for the content script's
    // `*.gov.vn` pages (a user can take either back in the add-on's permissions).
    const origins = [`http://${HOST}/*`];
    const withdrawn = await session.control.evaluate(async (o: string[]) => {
      await browser.permissions.remove({ origins: [...o, '*://*.gov.vn/*'] });
      return !(await browser.permissions.contains({ origins: o }));
    }, origins);
    expect(withdrawn).toBe(true);
    const before = log.length;
    const archive = await session.openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
    await archive.waitForSelector('[data-testid=recheck][data-sites-ready="true"]:not([disabled])', { timeout: 20_000 });
    await archive.click('[data-testid=recheck]');
    await archive.waitForSelector('[data-testid=recheck-run][data-state="done"]', { timeout: 60_000 });
    await waitInPage(archive, (n: number) => document.querySelectorAll('[data-testid=recheck-results] li').length === n, SAVED.length);
    const outcomes = await archive.$$eval('[data-testid=recheck-results] li', (lis) => lis.map((li) => [(li as HTMLElement).dataset.url, (li as HTMLElement).dataset.state]));
    expect(outcomes.sort()).toEqual(SAVED.map((i) => [url(i), 'unchanged']).sort());
    expect(await session.control.evaluate((o: string[]) => browser.permissions.contains({ origins: o }), origins)).toBe(true);
    // Each archived page fetched once more, by the background page.
    expect(requests().slice(before).sort()).toEqual(SAVED.map(url).sort());
  });
});

describe.skipIf(!firefoxPresent)('bulk capture in Firefox killed mid-run', () => {
  it('starts again where it stopped and ends as an uninterrupted run would, each article saved once', async () => {
    const log: Array<{ url: string; at: number }> = [];
    const site = await startSite(log);
    const profileDir = mkdtempSync(join(tmpdir(), 'pna-ff-bulk-restart-'));
    let second: FirefoxSession | null = null;
    try {
      const first = await launchFirefoxWithExtension({ pages: [restartListingPage], profileDir, prefs: sitePrefs(site.port) });
      await first.control.evaluate(() => browser.storage.local.set({ bulkSettings: { delayMs: 300, timeoutMs: 2000, backoffMs: 200 } }));
      const { tabId } = await first.openPage(restartListingPage);
      const popup = await first.openExtensionPage(`popup/popup.html?tab=${tabId}`, 'main[data-state="ready"], main[data-state="error"]');
      await popup.waitForSelector('[data-testid=bulk-panel]:not([hidden])', { timeout: 20_000 });
      await popup.click('[data-testid=bulk-save]');
      // Killed while pages are being fetched.
      const fetched = () => log.filter((r) => /hoat-dong-khoa-hoc-so-/.test(r.url)).length;
      const deadline = Date.now() + 30_000;
      while (fetched() < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(fetched()).toBeGreaterThanOrEqual(8);
      await first.kill();
      const beforeRestart = fetched();
      expect(beforeRestart).toBeLessThan(RESTART_IDS.length);

      second = await launchFirefoxWithExtension({ pages: [], profileDir, prefs: sitePrefs(site.port) });
      const status = await statusWhenDone(second.control);
      expect(status.progress).toMatchObject({ state: 'done', total: RESTART_IDS.length, saved: RESTART_IDS.length, skipped: 0, notArticle: 0, failed: 0 });
      // It went on: pages fetched after the restart, and not the whole listing again.
      const afterRestart = fetched() - beforeRestart;
      expect(afterRestart).toBeGreaterThan(0);
      expect(afterRestart).toBeLessThan(RESTART_IDS.length);
      // Each article in the archive once, and found by the search index.
      const rows = (await second.control.evaluate(allRowsOf, { database: 'provincial-news-archive', store: 'articles' })) as Array<{ url: string }>;
      expect(rows.map((r) => r.url).sort()).toEqual(RESTART_IDS.map(url).sort());
      const archive = await second.openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
      expect(await resultCount(archive, '')).toBe(RESTART_IDS.length);
      for (const i of [RESTART_IDS[0], RESTART_IDS[12], RESTART_IDS[23]]) expect(await resultCount(archive, marker(i))).toBe(1);
    } finally {
      await second?.close();
      await stopSite(site);
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});
