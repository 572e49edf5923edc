// Bulk capture from a listing page in Debian's firefox-esr: the popup lists the page's articles and queues them; the
// background page (Firefox has no offscreen documents: it parses with its own DOMParser) fetches each, reports a 404
// and a page that is not an article, and saves the rest once.
//
// The background page's requests are not a tab's, so BiDi request interception does not see them: the site is a real
// HTTP server on 127.0.0.1, set as Firefox's HTTP proxy (an absolute-URL request names the host it is for), which is
// how a host name is pointed at a local server without a DNS entry or port 80. The host's permission is asked for by
// the popup's click, as a user's would be; `extensions.webextOptionalPermissionPrompts` off makes Firefox grant what a
// click asks for without the prompt (which automation cannot answer) and still refuse what is asked outside a click.
import { createServer, type Server } from 'node:http';
import type { CorpusPage } from '../helpers/corpus';
import { articleHtml, marker } from './helpers/bulk-site';
import { FIREFOX, firefoxPresent, launchFirefoxWithExtension, waitInPage, type FirefoxSession } from './helpers/firefox-browser';

declare const browser: any;

const HOST = 'sokhcn.tuyenquang.gov.vn';
const LISTING = `http://${HOST}/vi/news/tin-tuc/`;
const IDS = [1, 2, 3, 4, 5, 6];
const MISSING = 4;
const NOT_ARTICLE = 6;
const url = (i: number) => `${LISTING}hoat-dong-khoa-hoc-so-${i}-${1000 + i}.html`;
const teaserTitle = (i: number) => `Hoạt động khoa học và công nghệ số ${i} của tỉnh Tuyên Quang`;

const listingHtml = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Sở Khoa học và Công nghệ tỉnh Tuyên Quang</title></head><body>
<ul class="menu"><li><a href="/vi/">Trang chủ</a></li><li><a href="/vi/news/tin-tuc/">Tin tức</a></li></ul>
<div class="main"><h1 class="cat-title">Tin tức</h1>
${IDS.map((i) => `<div class="news_column"><h3><a href="${url(i)}">${teaserTitle(i)}</a></h3><div class="text-muted">0${i}/07/2024 08:30</div></div>`).join('\n')}
</div><div class="footer">Cơ quan chủ quản: Sở Khoa học và Công nghệ tỉnh Tuyên Quang</div></body></html>`;

const listingPage: CorpusPage = { id: 'bulk-listing', html: listingHtml, truth: { url: LISTING, isProvincialNewsArticle: false } } as unknown as CorpusPage;

/** The site, as an HTTP proxy: every request names its absolute URL. */
async function startSite(requests: string[]): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', `http://${req.headers.host ?? HOST}`);
    if (u.hostname !== HOST) return res.writeHead(502).end();
    requests.push(u.href);
    const i = Number(/hoat-dong-khoa-hoc-so-(\d+)-/.exec(u.pathname)?.[1] ?? 0);
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (u.href === LISTING || i === NOT_ARTICLE) return html(listingHtml);
    if (!i || i === MISSING) return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Không tìm thấy</h1>');
    return html(articleHtml(i));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as { port: number }).port };
}

if (!firefoxPresent) console.warn(`${FIREFOX} not found (apt-get install -y firefox-esr): Firefox bulk test skipped`);

describe.skipIf(!firefoxPresent)('bulk capture in Firefox (background page parsing)', () => {
  let session: FirefoxSession;
  let site: { server: Server; port: number };
  const requests: string[] = [];

  beforeAll(async () => {
    site = await startSite(requests);
    session = await launchFirefoxWithExtension({
      pages: [listingPage],
      prefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': site.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'extensions.webextOptionalPermissionPrompts': false,
        // The test site speaks http only.
        'dom.security.https_first': false,
        'dom.security.https_first_schemeless': false,
      },
    });
    await session.control.evaluate(() => browser.storage.local.set({ bulkSettings: { delayMs: 100, timeoutMs: 5000, backoffMs: 200 } }));
  });
  afterAll(async () => {
    await session?.close();
    await new Promise((done) => site?.server.close(done));
  });

  it('lists the links, queues them, reports the 404 and the non-article, and saves the rest once', async () => {
    const { page, tabId } = await session.openPage(listingPage);
    const popup = await session.openExtensionPage(`popup/popup.html?tab=${tabId}`, 'main[data-state="ready"], main[data-state="error"]');
    await popup.waitForSelector('[data-testid=bulk-panel]:not([hidden])', { timeout: 20_000 });
    // Firefox shows the extension in its own UI language (English here): the figure is what matters.
    expect(await popup.$eval('[data-testid=bulk-count]', (e) => e.textContent)).toMatch(/\b6\b/);
    await popup.click('[data-testid=bulk-save]');

    type Status = { progress: { state: string; saved: number; skipped: number; notArticle: number; failed: number } | null; items: Array<{ url: string; state: string; reason?: string; detail?: string }> };
    let status: Status = { progress: null, items: [] };
    for (let k = 0; k < 300 && status.progress?.state !== 'done'; k++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await session.control.evaluate(() => browser.runtime.sendMessage({ type: 'bulk-status' }))) as Status;
    }
    expect(status.progress).toMatchObject({ state: 'done', saved: 4, skipped: 0, notArticle: 1, failed: 1 });
    const stateOf = new Map(status.items.map((i) => [i.url, [i.state, i.reason ?? null, i.detail ?? null]]));
    expect(stateOf.get(url(MISSING))).toEqual(['failed', 'http', '404']);
    expect(stateOf.get(url(NOT_ARTICLE))).toEqual(['not-article', null, 'listing']);
    // Fetched by the background page, each page once.
    for (const i of IDS) expect(requests.filter((r) => r === url(i))).toHaveLength(1);
    // The popup says what went wrong, page by page.
    await popup.waitForSelector('[data-testid=bulk-run][data-state="done"]', { timeout: 20_000 });
    // The list of problems is fetched again after the last report: it may come a moment after the state.
    await waitInPage(popup, () => document.querySelectorAll('[data-testid=bulk-problems] li').length === 2);
    const problems = await popup.$$eval('[data-testid=bulk-problems] li', (lis) => lis.map((li) => [(li as HTMLElement).dataset.url, (li as HTMLElement).dataset.state, li.textContent ?? '']));
    expect(problems.map(([u, st]) => [u, st])).toEqual([[url(MISSING), 'failed'], [url(NOT_ARTICLE), 'not-article']]);
    expect(problems[0][2]).toContain('404');

    // The archive holds each saved article once, searchable by the word only it has.
    const archive = await session.openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
    const count = async (q: string) => {
      await archive.evaluate((query: string) => { location.search = `?q=${encodeURIComponent(query)}`; }, q);
      await new Promise((r) => setTimeout(r, 300));
      for (let k = 0; k < 100; k++) {
        const ready = await archive.evaluate((query: string) => new URLSearchParams(location.search).get('q') === query && document.body.dataset.ready === 'true', q).catch(() => false);
        if (ready) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return Number(await archive.$eval('[data-testid=result-count]', (e) => (e.textContent ?? '').replaceAll('.', '')));
    };
    for (const i of [1, 2, 3, 5]) expect(await count(marker(i))).toBe(1);
    expect(await count(marker(MISSING))).toBe(0);
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
    const before = requests.length;
    const archive = await session.openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
    await archive.waitForSelector('[data-testid=recheck][data-sites-ready="true"]:not([disabled])', { timeout: 20_000 });
    await archive.click('[data-testid=recheck]');
    await archive.waitForSelector('[data-testid=recheck-run][data-state="done"]', { timeout: 60_000 });
    await waitInPage(archive, () => document.querySelectorAll('[data-testid=recheck-results] li').length === 4);
    const outcomes = await archive.$$eval('[data-testid=recheck-results] li', (lis) => lis.map((li) => [(li as HTMLElement).dataset.url, (li as HTMLElement).dataset.state]));
    expect(outcomes.sort()).toEqual([1, 2, 3, 5].map((i) => [url(i), 'unchanged']));
    expect(await session.control.evaluate((o: string[]) => browser.permissions.contains({ origins: o }), origins)).toBe(true);
    // Each archived page fetched once more, by the background page.
    expect(requests.slice(before).sort()).toEqual([1, 2, 3, 5].map(url));
  });
});
