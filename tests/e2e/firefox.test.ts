// The Firefox build end to end in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi: the content
// script recognises provincial articles (badge read through browser.action from an extension page), the popup saves one,
// the archive lists, searches and reads them, and the JSON export matches the schema. The project's own pages (tests/fixtures) are served at their
// real URLs by BiDi request interception; the machines have no network and nothing downloads a browser.
import type { Page } from 'puppeteer-core';
import type { CorpusPage } from '../helpers/corpus';
import { loadOwnPages, ownPage } from '../helpers/site-fixtures';
import { exportSchemaErrors } from '../helpers/export-schema';
import { FIREFOX, ORIGIN, firefoxPresent, launchFirefoxWithExtension, waitInPage, type FirefoxSession } from './helpers/firefox-browser';

const skip = !firefoxPresent;
if (!firefoxPresent) console.warn(`${FIREFOX} not found (apt-get install -y firefox-esr): Firefox end-to-end tests skipped`);

describe.skipIf(skip)('extension in Firefox (WebDriver BiDi)', () => {
  // The project's own pages (tests/fixtures): a Tuyên Quang portal article (s01) and listing (s02), a district
  // portal's article (f02).
  const corpus = loadOwnPages();
  const byId = (prefix: string): CorpusPage => ownPage(prefix);
  let session: FirefoxSession;
  let control: Page;
  const openExtensionPage = (path: string, readySelector: string) => session.openExtensionPage(path, readySelector);
  const openCorpusPage = (p: CorpusPage) => session.openPage(p);
  const waitForBadge = (tabId: number, expected: string, timeoutMs?: number) => session.waitForBadge(tabId, expected, timeoutMs);
  const saveThroughPopup = (tabId: number) => session.saveThroughPopup(tabId);

  beforeAll(async () => {
    session = await launchFirefoxWithExtension({ pages: corpus });
    control = session.control;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('opens the extension archive page at its moz-extension:// origin, empty', async () => {
    expect(await control.evaluate(() => location.href)).toBe(`${ORIGIN}/archive/archive.html`);
    expect(await control.$eval('[data-testid=result-count]', (e) => e.textContent)).toBe('0');
  });

  it('recognises a provincial article (badge TIN) and not a listing page', async () => {
    const { page, tabId } = await openCorpusPage(byId('s01'));
    expect(await waitForBadge(tabId, 'TIN')).toBe('TIN');
    await page.close();
    const listing = await openCorpusPage(byId('s02'));
    expect(await waitForBadge(listing.tabId, 'TIN', 2500)).toBe('');
    await listing.page.close();
  });

  it('previews and saves an article through the popup; the badge turns to ✓', async () => {
    const s01 = byId('s01');
    const { page, tabId } = await openCorpusPage(s01);
    expect(await waitForBadge(tabId, 'TIN')).toBe('TIN');
    const popup = await saveThroughPopup(tabId);
    expect(await popup.$eval('[data-testid=popup-title]', (e) => e.textContent)).toBe(s01.truth.title);
    await popup.close();
    expect(await waitForBadge(tabId, '✓')).toBe('✓');
    await page.close();
  });

  it('lists saved articles, finds one by a query without diacritics, and reads it', async () => {
    const { page, tabId } = await openCorpusPage(byId('f02'));
    await (await saveThroughPopup(tabId)).close();
    await page.close();
    const archive = await openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
    await waitInPage(archive, () => document.querySelectorAll('[data-testid=result-item]').length === 2);
    const titles = await archive.$$eval('[data-testid=result-item] .title', (els) => els.map((e) => e.textContent));
    expect(titles).toEqual([byId('f02').truth.title, byId('s01').truth.title]);

    await archive.type('[data-testid=search-input]', 'na hang');
    await archive.keyboard.press('Enter');
    await waitInPage(archive, () => document.querySelector('[data-testid=result-count]')?.textContent === '1');
    expect(await archive.$eval('[data-testid=result-item] .title', (e) => e.textContent)).toBe(byId('f02').truth.title);

    await archive.click('[data-testid=result-item] a.title');
    await archive.waitForSelector('#reader-view:not([hidden])');
    expect(await archive.$eval('[data-testid=reader-title]', (e) => e.textContent)).toBe(byId('f02').truth.title);
    // The sandboxed frame is same-origin (no scripts): read it from the page.
    await waitInPage(archive, () => ((document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement).contentDocument?.body?.textContent ?? '').length > 200);
    expect(await archive.evaluate(() => (document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement).contentDocument!.querySelectorAll('p').length)).toBeGreaterThan(2);
    expect(await archive.$eval('[data-testid=reader-frame]', (e) => e.getAttribute('sandbox'))).not.toContain('allow-scripts');
    // The frame is as tall as its article: nothing cut off, no blank screens under it.
    await waitInPage(archive, () => {
      const frame = document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement;
      const article = frame.contentDocument!.documentElement.getBoundingClientRect().height;
      return article > 100 && Math.abs(frame.getBoundingClientRect().height - article) <= 3;
    });
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
    const a01 = file.articles.find((a: { url: string }) => a.url === byId('s01').truth.url);
    expect(a01.site.province).toBe('Tuyên Quang');
    expect(a01.publishedAt).toBe('2024-11-28T09:30:00+07:00');
    await archive.close();
  });
});
