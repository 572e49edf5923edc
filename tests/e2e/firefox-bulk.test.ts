// Bulk capture from a listing page in Debian's firefox-esr: the popup lists the page's articles and queues them; the
// background page (Firefox has no offscreen documents: it parses with its own DOMParser) fetches each, reports a 404
// and a page that is not an article, and saves the rest once.
//
// The background page's requests are not a tab's, so BiDi request interception does not see them: the site is a real
// HTTP server on 127.0.0.1, set as Firefox's HTTP proxy (an absolute-URL request names the host it is for), which is
// how a host name is pointed at a local server without a DNS entry or port 80. The host's permission: the build is
// copied with `host_permissions` for the test host, which Firefox grants when a temporary add-on is installed (the
// permission prompt of a real click cannot be answered by automation); the popup's request in the click then
// resolves at once, as in the Chromium suite.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorpusPage } from '../helpers/corpus';
import { articleHtml, marker } from './helpers/bulk-site';
import { FIREFOX, FIREFOX_EXTENSION_DIR, firefoxPresent, launchFirefoxWithExtension, waitInPage, type FirefoxSession } from './helpers/firefox-browser';

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

function extensionWithHostGranted(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pna-ff-bulk-ext-'));
  cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [`*://${HOST}/*`];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

if (!firefoxPresent) console.warn(`${FIREFOX} not found (apt-get install -y firefox-esr): Firefox bulk test skipped`);

describe.skipIf(!firefoxPresent)('bulk capture in Firefox (background page parsing)', () => {
  let session: FirefoxSession;
  let site: { server: Server; port: number };
  let extensionDir: string;
  const requests: string[] = [];

  beforeAll(async () => {
    site = await startSite(requests);
    extensionDir = extensionWithHostGranted();
    session = await launchFirefoxWithExtension({
      pages: [listingPage],
      extensionDir,
      prefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': site.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
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
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
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
});
