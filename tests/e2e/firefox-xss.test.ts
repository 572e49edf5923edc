// The XSS corpus against the Firefox build in firefox-esr: the same hostile pages as the Chromium run
// (tests/fixtures/xss/hostile-pages.ts) are saved through the popup, listed and read in the archive's reader, and an
// import carrying the raw, unsanitized corpus is read too. Every payload calls `alert` when nothing else is there
// (BiDi gives no init script in moz-extension:// pages), so there the trap is "a dialog opened"; the hostile pages
// themselves get a recording trap, and run many payloads (proof that they are live). The extension's pages: none.
import type { Dialog, Page } from 'puppeteer-core';
import { buildArticle } from '../../src/core/archive/build-article';
import { sampleExtracted } from '../helpers/sample-article';
import { hostilePage, HOST, PAGES } from '../fixtures/xss/hostile-pages';
import { XSS_TEXT_PAYLOADS, XSS_VECTORS } from '../fixtures/xss/vectors';
import { FIREFOX, firefoxPresent, launchFirefoxWithExtension, waitInPage, type FirefoxSession } from './helpers/firefox-browser';

if (!firefoxPresent) console.warn(`${FIREFOX} not found (apt-get install -y firefox-esr): Firefox XSS tests skipped`);

interface Opened { page: Page; message: string }

describe.skipIf(!firefoxPresent)('hostile articles in Firefox', () => {
  const pages = Array.from({ length: PAGES }, (_, n) => hostilePage(n));
  let session: FirefoxSession;
  const dialogs: Opened[] = [];
  /** The tabs that show the hostile sites themselves; every other page is the extension's. */
  const hostileTabs = new Set<Page>();
  const fromExtension = () => dialogs.filter((d) => !hostileTabs.has(d.page) && !d.message.startsWith('control-'));

  beforeAll(async () => {
    session = await launchFirefoxWithExtension({
      pages,
      onPage: (page) => page.on('dialog', (d: Dialog) => {
        dialogs.push({ page, message: d.message() });
        void d.dismiss().catch(() => {});
      }),
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  /**
   * A hostile page in a tab marked as hostile before it loads, whose own payloads report to a recording trap
   * instead of modal dialogs (some payloads refocus themselves after each dialog, an endless loop that starves the
   * page). The extension's pages get no such trap: a payload running there falls back to `alert`, a dialog.
   */
  function openHostile(n: number) {
    return session.openPage(pages[n], {
      onCreated: async (page) => {
        hostileTabs.add(page);
        await page.evaluateOnNewDocument(() => {
          const w = window as unknown as Record<string, unknown>;
          const calls: string[] = (w.__xssCalls = []);
          w.__xssTrap = (id: unknown) => { calls.push(String(id)); };
          for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = w.__xssTrap;
        });
      },
    });
  }

  it('the trap works: the hostile pages run their own payloads, and a dialog from an extension page is seen', async () => {
    const ran = new Set<string>();
    for (let n = 0; n < PAGES; n++) {
      const { page } = await openHostile(n);
      await new Promise((r) => setTimeout(r, 300));
      for (const id of await page.evaluate(() => (window as unknown as { __xssCalls: string[] }).__xssCalls)) ran.add(id);
      await page.close();
    }
    console.info(`XSS corpus in Firefox: ${ran.size} of ${XSS_VECTORS.length} vectors ran in the hostile page itself`);
    expect(ran.size).toBeGreaterThan(10);

    await session.control.evaluate(() => { setTimeout(() => alert('control-archive'), 0); });
    for (let i = 0; i < 50 && !dialogs.some((d) => d.message === 'control-archive'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(dialogs.some((d) => d.page === session.control && d.message === 'control-archive')).toBe(true);
  });

  it('saves every hostile page through the popup without anything running in the popup', async () => {
    for (let n = 0; n < PAGES; n++) {
      const { page, tabId } = await openHostile(n);
      const popup = await session.saveThroughPopup(tabId);
      expect(await popup.$eval('[data-testid=popup-title]', (e) => e.textContent)).toContain(`BÀI ĐỘC HẠI SỐ ${n + 1}`);
      await popup.close();
      await page.close();
    }
    expect(fromExtension().map((d) => d.message)).toEqual([]);
  });

  /** Opens each listed article whose title contains `text` in the reader and checks what the frame holds. */
  async function readEach(archive: Page, titles: string[]) {
    for (const title of titles) {
      await archive.evaluate((t: string) => {
        const link = Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-testid=result-item] a.title')).find((a) => a.textContent?.includes(t));
        link?.click();
      }, title);
      await archive.waitForSelector('#reader-view:not([hidden])');
      await waitInPage(archive, () => ((document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement).contentDocument?.querySelectorAll('p').length ?? 0) > 10);
      // The frame is sandboxed without scripts but same-origin: its document can be inspected from the page.
      const found = await archive.evaluate(() => {
        const doc = (document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement).contentDocument!;
        return {
          // The reader writes its own <base> and <style> into the head; none may come from the article.
          dangerous: Array.from(doc.querySelectorAll('script, iframe, object, embed, svg, math, form, body style, body base, body link, body meta'), (e) => e.outerHTML.slice(0, 80)),
          handlers: Array.from(doc.querySelectorAll('*')).flatMap((e) => e.getAttributeNames().filter((a) => a.startsWith('on'))),
          jsLinks: Array.from(doc.querySelectorAll('[href], [src], [action], [formaction]')).filter((e) => /^\s*(javascript|data|vbscript):/i.test(e.getAttribute('href') ?? e.getAttribute('src') ?? '')).length,
        };
      });
      expect(found).toEqual({ dangerous: [], handlers: [], jsLinks: 0 });
      // Hover across the frame: handlers that survived would fire now.
      // The page may still be scrolled from the last result: bring the frame into view first, and keep every point
      // inside the 800×600 viewport (BiDi refuses moves outside it).
      await archive.evaluate(() => document.querySelector('[data-testid=reader-frame]')!.scrollIntoView({ block: 'start' }));
      const box = await (await archive.$('[data-testid=reader-frame]'))!.boundingBox();
      const inView = (v: number, max: number) => Math.max(5, Math.min(v, max - 5));
      if (box) for (const y of [20, 200, 600]) await archive.mouse.move(inView(box.x + 40, 800), inView(box.y + Math.min(y, box.height - 5), 600));
      await new Promise((r) => setTimeout(r, 200));
      await archive.evaluate(() => history.back());
      await archive.waitForSelector('#reader-view[hidden]');
    }
  }

  it('lists and reads every hostile article in the reader, and nothing runs', async () => {
    const archive = await session.openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
    await waitInPage(archive, (n: number) => document.querySelectorAll('[data-testid=result-item]').length === n, PAGES);
    await readEach(archive, pages.map((_, n) => `BÀI ĐỘC HẠI SỐ ${n + 1}`));
    await archive.close();
    expect(fromExtension().map((d) => d.message)).toEqual([]);
  });

  it('imports articles whose stored HTML is the raw corpus, reads them, and nothing runs', async () => {
    const articles = [];
    for (let i = 0; i < 2; i++) {
      const raw = XSS_VECTORS.filter((_, j) => j % 2 === i).map((v) => `<p>Đoạn ${v.id}</p>${v.html}`).join('\n');
      const article = await buildArticle(
        sampleExtracted({ url: `${HOST}/tin-tuc/tin-hoat-dong/bai-nhap-doc-hai!-${200 + i}.html`, title: `Bài nhập độc hại ${i} ${XSS_TEXT_PAYLOADS[i]}`, bodyHtml: raw, bodyText: `Bài nhập ${i}`, images: [] }),
        { host: 'xss.tuyenquang.gov.vn', name: XSS_TEXT_PAYLOADS[3], province: 'Tuyên Quang', kind: 'department-site' },
        { now: new Date(Date.UTC(2026, 0, 1 + i)), tags: [XSS_TEXT_PAYLOADS[5]], note: XSS_TEXT_PAYLOADS.join(' ') },
      );
      // What buildArticle sanitized, an attacker-made file puts back raw.
      articles.push({ ...article, bodyHtml: raw });
    }
    const text = JSON.stringify({ format: 'provincial-news-archive', version: 1, exportedAt: '2026-11-28T08:00:00+07:00', generator: 'test', filter: null, count: articles.length, articles });
    const archive = await session.openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
    // Hand the file to the page's own file input (BiDi file upload is not needed for a generated file).
    await archive.evaluate((t: string) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=import-file]')!;
      const files = new DataTransfer();
      files.items.add(new File([t], 'doc-hai.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, text);
    await archive.waitForSelector('[data-testid=import-dialog][open]');
    await archive.click('[data-testid=import-confirm]');
    await waitInPage(archive, (n: number) => document.querySelector('[data-testid=result-count]')?.textContent === String(n), PAGES + 2);
    await readEach(archive, ['Bài nhập độc hại 0', 'Bài nhập độc hại 1']);
    await archive.close();
    expect(fromExtension().map((d) => d.message)).toEqual([]);
  });
});
