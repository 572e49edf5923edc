// What a new user met on the archive page and in Settings (issue 20, points 7 and 8), in Chromium at 1,200 px:
// the header on one row, labelled export selects, a finished export's line gone once the user moves on, no bulk bar
// on an empty archive, the reminder field clear of the button, the built-in site list searchable, and a pre-merger
// article's province shown as of its time and now, in the popup, the list and the reader, with the filter taking either name.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildArticle } from '../../src/core/archive/build-article';
import { lookupSite } from '../../src/core/detect';
import type { Article, SiteInfo } from '../../src/core/types';
import type { CorpusPage } from '../helpers/corpus';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';
import { launchWithExtension, openArchive, openPopupFor, tabIdOf, waitForBadge, type ExtensionSession } from './helpers/extension-browser';

const HA_GIANG_PAPER = lookupSite('baohagiang.vn') as SiteInfo;
const HA_GIANG_URL = 'https://baohagiang.vn/xa-hoi/201804/mua-hoa-tam-giac-mach-10271234.html';
const HA_GIANG_LABEL = 'Hà Giang (nay thuộc Tuyên Quang)';

// A newspaper article page from the project's own fixtures, served as Báo Hà Giang's (dated 12/04/2024, before the merger).
const fixture = resolve(import.meta.dirname, '../fixtures/extract/f06-newspaper-n3/page.html');
const HA_GIANG_PAGE = { id: 'ha-giang', dir: '', html: readFileSync(fixture, 'utf8'), truth: { url: HA_GIANG_URL } } as unknown as CorpusPage;

async function exportFile(dir: string): Promise<string> {
  const articles: Article[] = [];
  const titles = ['Cải cách hành chính ở cơ sở', 'Lễ hội Thành Tuyên', 'Đường lên Đồng Văn'];
  for (const [i, title] of titles.entries()) {
    const haGiang = i === 2;
    articles.push(await buildArticle(
      sampleExtracted({ title, lead: null, bodyText: `${title}. Bài số ${i}.`, bodyHtml: `<p>${title}. Bài số ${i}.</p>`, publishedAt: haGiang ? '2018-04-12T09:00:00+07:00' : '2024-03-01T09:00:00+07:00', ...(haGiang ? { url: `https://baohagiang.vn/xa-hoi/201804/duong-len-dong-van-${i}.html` } : {}) }),
      haGiang ? HA_GIANG_PAPER : TUYEN_QUANG_SITE,
      { now: new Date(Date.UTC(2026, 0, 1 + i)) },
    ));
  }
  const path = join(dir, 'kho.json');
  writeFileSync(path, JSON.stringify({ format: 'provincial-news-archive', version: 1, exportedAt: '2026-11-28T08:00:00+07:00', generator: 'test', filter: null, count: articles.length, articles }));
  return path;
}

async function importFile(page: Page, path: string, count: number): Promise<void> {
  await page.setInputFiles('[data-testid=import-file]', path);
  await page.waitForSelector('[data-testid=import-dialog][open]');
  await page.click('[data-testid=import-confirm]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === String(n), count);
}

async function search(page: Page, text: string): Promise<void> {
  await page.fill('[data-testid=search-input]', text);
  await page.press('[data-testid=search-input]', 'Enter');
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === (q || null), text);
}

describe('archive page layout and labels in Chromium', () => {
  let session: ExtensionSession;
  let dir: string;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pna-layout-'));
    session = await launchWithExtension({ pages: [HA_GIANG_PAGE] });
    page = await openArchive(session);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an empty archive shows what to do, without the bulk-action bar', async () => {
    const emptyShown = await page.isVisible('[data-testid=archive-empty]');
    const barShown = await page.isVisible('.result-bar');
    const deleteShown = await page.isVisible('[data-testid=bulk-delete]');
    // The other checks need articles: they go in before this one's verdict.
    await importFile(page, await exportFile(dir), 3);
    expect(emptyShown).toBe(true);
    expect(barShown).toBe(false);
    expect(deleteShown).toBe(false);
    expect(await page.isVisible('.result-bar')).toBe(true);
  });

  it('at 1,200 px the header fits on one row, and the export selects carry visible labels', async () => {
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.waitForFunction(() => !!document.getElementById('storage')?.textContent);
    const rows = await page.$$eval('header.top > *', (items) => items
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 1 && r.height > 1)
      .map((r) => ({ top: r.top, bottom: r.bottom, right: r.right })));
    expect(rows.length).toBeGreaterThanOrEqual(8);
    // On one row every item starts above the bottom of every other.
    expect(Math.max(...rows.map((r) => r.top))).toBeLessThan(Math.min(...rows.map((r) => r.bottom)));
    expect(Math.max(...rows.map((r) => r.right))).toBeLessThanOrEqual(1200);
    for (const [id, text] of [['export-scope', 'Phạm vi xuất'], ['export-format', 'Định dạng']]) {
      const label = page.locator(`label:has(#${id}) > span`).first();
      expect(await label.textContent()).toContain(text);
      const box = await label.boundingBox();
      expect(box && box.width > 20 && box.height > 8).toBe(true);
    }
  });

  it('the line saying an export is done goes once the user searches or opens an article', async () => {
    const exported = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
      await download.path();
      await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('Đã xuất 3 bài'));
      expect(await page.isVisible('[data-testid=notice]')).toBe(true);
    };
    await exported();
    await search(page, 'cai cach');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
    expect(await page.isVisible('[data-testid=notice]')).toBe(false);

    await search(page, '');
    await exported();
    await page.locator('[data-testid=result-item] a.title').first().click();
    await page.waitForSelector('#reader-view:not([hidden])');
    expect(await page.isVisible('[data-testid=notice]')).toBe(false);
    await page.click('#reader-back');
    await page.waitForSelector('#list-view:not([hidden])');
  });

  it('a pre-merger article shows the province of its time and the current one; the filter takes either name', async () => {
    await search(page, 'dong van');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
    expect(await page.textContent('[data-testid=result-item] .meta')).toContain(`Báo Hà Giang · ${HA_GIANG_LABEL}`);
    await page.locator('[data-testid=result-item] a.title').click();
    await page.waitForSelector('#reader-view:not([hidden])');
    expect(await page.textContent('#reader-meta')).toContain(HA_GIANG_LABEL);
    await page.click('#reader-back');
    await page.waitForSelector('#list-view:not([hidden])');

    await search(page, '');
    await page.click('#filters summary');
    const options = await page.locator('[data-testid=filter-province] option').allTextContents();
    expect(options).toEqual(expect.arrayContaining([HA_GIANG_LABEL, 'Tuyên Quang']));
    await page.selectOption('[data-testid=filter-province]', 'Hà Giang');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
    expect(await page.textContent('[data-testid=result-item] .title')).toBe('Đường lên Đồng Văn');
    await page.selectOption('[data-testid=filter-province]', 'Tuyên Quang');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '3');
    await page.selectOption('[data-testid=filter-province]', '');
  });

  it('the popup names the province the same way', async () => {
    const article = await session.context.newPage();
    await article.goto(HA_GIANG_URL, { waitUntil: 'load' });
    const tabId = await tabIdOf(session, article);
    expect(await waitForBadge(session, tabId, 'TIN')).toBe('TIN');
    const popup = await openPopupFor(session, tabId);
    expect(await popup.textContent('#preview-kind')).toContain(HA_GIANG_LABEL);
    await popup.close();
    await article.close();
  });
});

describe('Settings in Chromium', () => {
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchWithExtension();
    page = await session.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(`chrome-extension://${session.extensionId}/options/options.html`);
    await page.waitForSelector('[data-testid=reminder-every]');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the backup-reminder number stands clear of the button below it', async () => {
    const input = (await page.locator('[data-testid=reminder-every]').boundingBox())!;
    const button = (await page.locator('#open-archive-backup').boundingBox())!;
    expect(input.width).toBeLessThan(200);
    // The button is not beside the field it has nothing to do with: it starts below it.
    expect(button.y).toBeGreaterThanOrEqual(input.y + input.height + 8);
  });

  it('the built-in site list can be seen and searched, with province and kind in Vietnamese', async () => {
    await page.click('[data-testid=builtin-sites] summary');
    const rows = page.locator('[data-testid=builtin-site]:visible');
    const all = await rows.count();
    expect(all).toBeGreaterThan(150);
    await page.fill('[data-testid=builtin-search]', 'ha giang');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=builtin-site]:not([hidden])').length < n, all);
    const texts = (await rows.allTextContents()).map((s) => s.replace(/\s+/g, ' '));
    expect(texts.some((s) => s.includes('baohagiang.vn') && s.includes(HA_GIANG_LABEL) && s.includes('Báo'))).toBe(true);
    expect(texts.some((s) => s.includes('hagiang.gov.vn') && s.includes('Cổng thông tin'))).toBe(true);
    expect(texts.every((s) => /h[aà] giang/i.test(s) || s.includes('hagiang'))).toBe(true);
    expect(await page.textContent('[data-testid=builtin-count]')).toMatch(/\d+/);
    // Read-only: nothing in the list can be removed.
    expect(await page.locator('[data-testid=builtin-sites] button').count()).toBe(0);
  });
});
