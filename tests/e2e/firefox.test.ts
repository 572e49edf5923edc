// The Firefox build end to end in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi: the content
// script recognises corpus articles (badge read through browser.action from an extension page), the popup saves one,
// the archive lists, searches and reads them, and the JSON export matches the schema. Corpus pages are served at their
// real URLs by BiDi request interception; the machines have no network and nothing downloads a browser.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { loadCorpus, corpusPresent, CORPUS_SKIP_MESSAGE, type CorpusPage } from '../helpers/corpus';
import { exportSchemaErrors } from '../helpers/export-schema';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = resolve(import.meta.dirname, '../../dist/firefox');
const ADDON_ID = 'provincial-news-archiver@archiver.vn';
/** Preset in the profile, so the extension's pages have a known moz-extension:// origin. */
const UUID = '6f1c7c1e-3a52-4c5b-9f1e-2b7a5d0c9e11';
const ORIGIN = `moz-extension://${UUID}`;
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const firefoxPresent = existsSync(FIREFOX);
const skip = !firefoxPresent || !corpusPresent;
if (!firefoxPresent) console.warn(`${FIREFOX} not found (apt-get install -y firefox-esr): Firefox end-to-end tests skipped`);
else if (!corpusPresent) console.warn(CORPUS_SKIP_MESSAGE);

declare const browser: any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.skipIf(skip)('extension in Firefox (WebDriver BiDi)', () => {
  const corpus = loadCorpus();
  const byId = (prefix: string) => corpus.find((p) => p.id.startsWith(prefix)) as CorpusPage;
  let ff: Browser;
  let profileDir: string;
  /** An extension page kept open to ask the extension's APIs (tabs, badge). */
  let control: Page;

  /**
   * BiDi lets the test navigate a tab to a moz-extension:// page (with --remote-allow-system-access) but reports no
   * load events for it, so puppeteer's own waiting never ends and page.url() stays stale: navigate without waiting,
   * then ask the document itself until it is the page we want and ready.
   */
  async function openExtensionPage(path: string, readySelector: string): Promise<Page> {
    const url = `${ORIGIN}/${path}`;
    const page = await ff.newPage();
    page.goto(url).catch(() => {});
    const start = Date.now();
    for (;;) {
      const ready = await page.evaluate((u: string, sel: string) => location.href === u && document.querySelector(sel) !== null, url, readySelector).catch(() => false);
      if (ready) return page;
      if (Date.now() - start > 20_000) throw new Error(`${url} did not open: is the extension installed with UUID ${UUID}?`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function openCorpusPage(p: CorpusPage): Promise<{ page: Page; tabId: number }> {
    const page = await ff.newPage();
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url().split('#')[0];
      const hit = corpus.find((c) => c.truth.url === url);
      if (hit) return void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: hit.html });
      // BiDi requests carry no resource type: images by their extension.
      if (/\.(png|jpe?g|gif|webp|ico|bmp)(\?|$)/i.test(url)) return void req.respond({ status: 200, contentType: 'image/png', body: PIXEL });
      return void req.respond({ status: 404, contentType: 'text/plain', body: 'not in the test corpus' });
    });
    await page.goto(p.truth.url, { waitUntil: 'load' });
    await page.bringToFront();
    const tabId: number = await control.evaluate(async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    expect(tabId).toBeGreaterThan(0);
    return { page, tabId };
  }

  async function waitForBadge(tabId: number, expected: string, timeoutMs = 10_000): Promise<string> {
    const start = Date.now();
    let text = '';
    while (Date.now() - start < timeoutMs) {
      text = await control.evaluate((id: number) => browser.action.getBadgeText({ tabId: id }), tabId);
      if (text === expected) return text;
      await new Promise((r) => setTimeout(r, 150));
    }
    return text;
  }

  async function saveThroughPopup(tabId: number): Promise<Page> {
    const popup = await openExtensionPage(`popup/popup.html?tab=${tabId}`, 'main[data-state="ready"], main[data-state="error"]');
    await popup.click('[data-testid=save-button]');
    await popup.waitForSelector('#status.ok', { timeout: 15_000 });
    return popup;
  }

  beforeAll(async () => {
    expect(existsSync(join(EXTENSION_DIR, 'manifest.json')), 'dist/firefox missing: run npm run build').toBe(true);
    profileDir = mkdtempSync(join(tmpdir(), 'pna-firefox-'));
    ff = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      userDataDir: profileDir,
      // Lets BiDi navigate tabs to moz-extension:// pages (the extension's own archive and popup).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
        'browser.download.useDownloadDir': true,
        'browser.download.folderList': 2,
        'browser.download.dir': profileDir,
        'browser.download.always_ask_before_handling_new_types': false,
      },
    });
    expect(await ff.installExtension(EXTENSION_DIR)).toBe(ADDON_ID);
    control = await openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
  });
  afterAll(async () => {
    await ff?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('opens the extension archive page at its moz-extension:// origin, empty', async () => {
    expect(await control.evaluate(() => location.href)).toBe(`${ORIGIN}/archive/archive.html`);
    expect(await control.$eval('[data-testid=result-count]', (e) => e.textContent)).toBe('0');
  });

  it('recognises a provincial article (badge TIN) and not a listing page', async () => {
    const { page, tabId } = await openCorpusPage(byId('a01'));
    expect(await waitForBadge(tabId, 'TIN')).toBe('TIN');
    await page.close();
    const listing = await openCorpusPage(byId('n01'));
    expect(await waitForBadge(listing.tabId, 'TIN', 2500)).toBe('');
    await listing.page.close();
  });

  it('previews and saves an article through the popup; the badge turns to ✓', async () => {
    const a01 = byId('a01');
    const { page, tabId } = await openCorpusPage(a01);
    expect(await waitForBadge(tabId, 'TIN')).toBe('TIN');
    const popup = await saveThroughPopup(tabId);
    expect(await popup.$eval('[data-testid=popup-title]', (e) => e.textContent)).toBe(a01.truth.title);
    await popup.close();
    expect(await waitForBadge(tabId, '✓')).toBe('✓');
    await page.close();
  });

  it('lists saved articles, finds one by a query without diacritics, and reads it', async () => {
    const { page, tabId } = await openCorpusPage(byId('a09'));
    (await saveThroughPopup(tabId)).close();
    await page.close();
    const archive = await openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
    await archive.waitForFunction(() => document.querySelectorAll('[data-testid=result-item]').length === 2);
    const titles = await archive.$$eval('[data-testid=result-item] .title', (els) => els.map((e) => e.textContent));
    expect(titles).toEqual([byId('a09').truth.title, byId('a01').truth.title]);

    await archive.type('[data-testid=search-input]', 'son duong');
    await archive.keyboard.press('Enter');
    await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
    expect(await archive.$eval('[data-testid=result-item] .title', (e) => e.textContent)).toBe(byId('a09').truth.title);

    await archive.click('[data-testid=result-item] a.title');
    await archive.waitForSelector('#reader-view:not([hidden])');
    expect(await archive.$eval('[data-testid=reader-title]', (e) => e.textContent)).toBe(byId('a09').truth.title);
    // The sandboxed frame is same-origin (no scripts): read it from the page.
    await archive.waitForFunction(() => ((document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement).contentDocument?.body?.textContent ?? '').length > 200);
    expect(await archive.evaluate(() => (document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement).contentDocument!.querySelectorAll('p').length)).toBeGreaterThan(2);
    expect(await archive.$eval('[data-testid=reader-frame]', (e) => e.getAttribute('sandbox'))).not.toContain('allow-scripts');
    await archive.close();
  });

  it('exports the archive as one JSON file that matches the schema', async () => {
    const archive = await openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
    // Capture what the page hands to the download (a Blob behind an object URL) before Firefox saves it.
    await archive.evaluate(() => {
      const w = window as unknown as { __exported: Promise<{ name: string; text: string }>; };
      const create = URL.createObjectURL.bind(URL);
      let blob: Blob | null = null;
      URL.createObjectURL = (b: Blob | MediaSource) => { blob = b as Blob; return create(b); };
      w.__exported = new Promise((resolve) => {
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          if (this.download && blob) void blob.text().then((text) => resolve({ name: this.download, text }));
          return click.call(this);
        };
      });
    });
    await archive.click('[data-testid=export-json]');
    const exported = await archive.evaluate(() => (window as unknown as { __exported: Promise<{ name: string; text: string }> }).__exported);
    expect(exported.name).toMatch(/^archive-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(exported.text);
    expect(exportSchemaErrors(file)).toEqual([]);
    expect(file.count).toBe(2);
    const a01 = file.articles.find((a: { url: string }) => a.url === byId('a01').truth.url);
    expect(a01.site.province).toBe('Tuyên Quang');
    expect(a01.publishedAt).toBe('2023-07-05T08:12:00+07:00');
    await archive.close();
  });
});
