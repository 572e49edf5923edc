// DOMPurify at the security boundary, in Chromium's DOM (the one it is built for): configured to the article
// allow-list, on its own it already removes every handler, active element and script-capable URL of the XSS corpus;
// in front of the project's serializer it takes nothing from an article; hostile bodies come out clean and stable.
import { chromium, type Browser, type Page } from 'playwright-core';
import { bundleForBrowser } from '../../bench/browser-bundle';
import { loadPages, scoredPages } from '../../eval/pages';
import { XSS_VECTORS } from '../fixtures/xss/vectors';
import { loadSitePages } from '../helpers/site-fixtures';
import { CHROMIUM } from './helpers/extension-browser';

type Api = {
  purifyAloneProblems(html: string): string[];
  captureBoth(html: string, url: string): { purified: string; plain: string };
  sanitizeUntrustedHtml(html: string, url: string): string;
  activePartsOf(html: string): string[];
};
const BASE = 'https://xss.tuyenquang.gov.vn/tin-tuc/tin-hoat-dong/bai-doc-hai!-1.html';

describe('DOMPurify in front of the serializer, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    const bundle = await bundleForBrowser('../tests/e2e/helpers/purify-entry.ts', 'PurifyTest');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><head></head><body></body></html>');
    await page.addScriptTag({ content: bundle });
  }, 120_000);
  afterAll(async () => { await browser?.close(); });

  it('alone removes every handler, active element and script-capable URL of the XSS corpus', async () => {
    const found = await page.evaluate((vectors) => vectors.flatMap((v) =>
      (globalThis as unknown as { PurifyTest: Api }).PurifyTest.purifyAloneProblems(v.html).map((p) => `${v.id}: ${p}`)), XSS_VECTORS.map((v) => ({ id: v.id, html: v.html })));
    expect(found).toEqual([]);
  });

  it('takes nothing from an article: captured bodies are what the serializer alone writes, and read back unchanged', async () => {
    const pages = [...scoredPages(loadPages()), ...loadSitePages().filter((p) => p.truth.isProvincialNewsArticle)];
    expect(pages.length).toBeGreaterThan(10);
    const diffs = await page.evaluate((ps) => ps.flatMap((p) => {
      const api = (globalThis as unknown as { PurifyTest: Api }).PurifyTest;
      const { purified, plain } = api.captureBoth(p.html, p.url);
      const out: string[] = [];
      if (purified !== plain) out.push(`${p.id}: capture differs`);
      if (api.sanitizeUntrustedHtml(plain, p.url) !== plain) out.push(`${p.id}: stored body changes when read again`);
      return out;
    }), pages.map((p) => ({ id: p.id, html: p.html, url: p.truth.url })));
    expect(diffs).toEqual([]);
  });

  it('leaves hostile bodies without script, handler or script URL, and stable when sanitized again', async () => {
    const bad = await page.evaluate(([vectors, base]) => vectors.flatMap((v) => {
      const api = (globalThis as unknown as { PurifyTest: Api }).PurifyTest;
      const out = api.sanitizeUntrustedHtml(`<p>Đoạn ${v.id}</p>${v.html}`, base);
      const problems: string[] = [];
      problems.push(...api.activePartsOf(out).map((p) => `${v.id}: ${p}`));
      if (api.sanitizeUntrustedHtml(out, base) !== out) problems.push(`${v.id}: not stable`);
      return problems;
    }), [XSS_VECTORS.map((v) => ({ id: v.id, html: v.html })), BASE] as const);
    expect(bad).toEqual([]);
  });
});
