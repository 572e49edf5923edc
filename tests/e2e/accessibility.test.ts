// The archive, settings and popup without a mouse and with a screen reader: axe-core finds nothing in light or dark
// scheme; the reader takes focus to the article's title and gives it back to the opened result; search counts are
// announced; every control in a result row has its own name; dialogs keep focus; focus can be seen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { FIXTURE_DIR, loadPageDir } from '../../eval/pages';
import type { Article } from '../../src/core/types';
import { launchWithExtension, openArchive, openPopupFor, tabIdOf, type ExtensionSession } from './helpers/extension-browser';
import { writeReadingArchive } from './helpers/reading-archive';
import { SCHEMES, axeViolations } from './helpers/axe';

// `npm run screenshots` refreshes docs/screenshots; plain test runs keep theirs out of the tree.
const SCREENSHOTS = resolve(import.meta.dirname, '../..', process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');

/** Each text element in the reader's frame with its contrast against the page's background: "P 15.3". */
async function frameTextContrasts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r, g, b] = rgb(css).map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const background = luminance(getComputedStyle(document.body).backgroundColor);
    const doc = (document.getElementById('reader-frame') as HTMLIFrameElement).contentDocument!;
    return Array.from(doc.body.querySelectorAll('p, figcaption, a, td, th')).map((el) => {
      const text = luminance(doc.defaultView!.getComputedStyle(el).color);
      const ratio = (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
      return `${el.tagName} ${ratio.toFixed(2)}`;
    });
  });
}

/** What the focused element is: its test id, id, or an anchor's href. */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return el?.dataset.testid ?? (el?.id || el?.getAttribute('href') || el?.tagName || '');
});

async function tabUntil(page: Page, test: (p: Page) => Promise<boolean>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await test(page)) return;
  }
  throw new Error(`not reached by ${max} presses of Tab (now on ${await focused(page)})`);
}

async function searchByKeyboard(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, text);
}

describe('accessibility of the extension pages in Chromium', () => {
  let session: ExtensionSession;
  let dir: string;
  let articles: Article[];
  let archive: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pna-a11y-'));
    const pages = loadPageDir(FIXTURE_DIR, 'fixtures').filter((p) => p.id.startsWith('f01'));
    session = await launchWithExtension({ pages });
    archive = await openArchive(session);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has no axe violations in the empty archive, in light or dark scheme', async () => {
    expect(await archive.isVisible('[data-testid=archive-empty]')).toBe(true);
    expect(await axeViolations(archive)).toEqual([]);
  });

  it('has no axe violations in the import dialog, which is named by its heading and keeps focus inside', async () => {
    const file = await writeReadingArchive(dir);
    articles = file.articles;
    await archive.setInputFiles('[data-testid=import-file]', file.path);
    await archive.waitForSelector('[data-testid=import-dialog][open]');
    expect(await archive.getByRole('dialog', { name: 'Nhập bài vào kho' }).isVisible()).toBe(true);
    expect(await axeViolations(archive)).toEqual([]);
    for (let i = 0; i < 8; i++) {
      await archive.keyboard.press('Tab');
      expect(await archive.evaluate(() => !!document.activeElement?.closest('dialog') || document.activeElement === document.body)).toBe(true);
    }
    await archive.click('[data-testid=import-confirm]');
    await archive.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === String(n), articles.length);
  });

  it('has no axe violations in the list, search results, a tag filter and the reader', async () => {
    expect(await axeViolations(archive)).toEqual([]);
    await archive.fill('[data-testid=search-input]', 'nông thôn');
    await archive.press('[data-testid=search-input]', 'Enter');
    await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '2');
    expect(await axeViolations(archive)).toEqual([]);
    await archive.getByRole('button', { name: 'Lọc theo nhãn: giao thông' }).click();
    await archive.waitForSelector('[data-testid=filter-chip]');
    expect(await archive.getByRole('button', { name: 'Bỏ bộ lọc Nhãn: giao thông' }).count()).toBe(1);
    expect(await axeViolations(archive)).toEqual([]);
    await archive.getByRole('button', { name: 'Bỏ bộ lọc Nhãn: giao thông' }).click();
    await archive.locator('[data-testid=result-item] a.title').first().click();
    await archive.waitForSelector('#reader-view:not([hidden])');
    expect(await axeViolations(archive)).toEqual([]);
    // axe cannot run inside the frame (no scripts there): its text, captions and links are measured here.
    await archive.evaluate((id) => { location.hash = `#/article/${encodeURIComponent(id)}`; }, articles[2].id);
    await archive.frameLocator('[data-testid=reader-frame]').locator('figcaption').waitFor();
    for (const colorScheme of SCHEMES) {
      await archive.emulateMedia({ colorScheme });
      expect(await frameTextContrasts(archive), colorScheme).toEqual(expect.arrayContaining([expect.stringMatching(/^A /), expect.stringMatching(/^FIGCAPTION /)]));
      expect((await frameTextContrasts(archive)).filter((c) => Number(c.split(' ')[1]) < 4.5), colorScheme).toEqual([]);
    }
    await archive.emulateMedia({ colorScheme: 'light' });
    await archive.click('#reader-back');
    await archive.waitForSelector('#list-view:not([hidden])');
  });

  it('has no axe violations in the restore dialog, which is named by its heading', async () => {
    const [download] = await Promise.all([archive.waitForEvent('download'), archive.getByTestId('backup').click()]);
    await archive.setInputFiles('[data-testid=restore-file]', (await download.path()));
    await archive.waitForSelector('[data-testid=restore-dialog][open]');
    expect(await archive.getByRole('dialog', { name: 'Khôi phục' }).isVisible()).toBe(true);
    expect(await axeViolations(archive)).toEqual([]);
    await archive.keyboard.press('Escape');
    await archive.waitForSelector('[data-testid=restore-dialog][open]', { state: 'detached' });
    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent === 'Đã huỷ khôi phục; kho không thay đổi.');
  });

  it('announces the result count of each search in a polite live region', async () => {
    await archive.fill('[data-testid=search-input]', '');
    await archive.press('[data-testid=search-input]', 'Enter');
    await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '3');
    await archive.fill('[data-testid=search-input]', 'nông thôn');
    await archive.press('[data-testid=search-input]', 'Enter');
    const region = archive.getByRole('status').filter({ hasText: 'kết quả cho' });
    await region.waitFor();
    expect(await region.textContent()).toBe('2 kết quả cho ‘nông thôn’');
    expect(await region.evaluate((el) => el.getAttribute('role') === 'status' || el.getAttribute('aria-live') === 'polite')).toBe(true);
  });

  it('gives every control in a result row its own name, saying what it does and to which article', async () => {
    const rows = archive.locator('[data-testid=result-item]');
    expect(await rows.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const names = await rows.nth(i).locator('a, button, input').evaluateAll((controls) => controls.map((c) => c.getAttribute('aria-label') ?? c.textContent?.trim() ?? ''));
      expect(new Set(names).size).toBe(names.length);
      const title = (await rows.nth(i).locator('a.title').textContent())!;
      expect(names).toContain(`Chọn: ${title}`);
    }
    expect(await archive.getByRole('checkbox', { name: `Chọn: ${articles[0].title}` }).count()).toBe(1);
  });

  it('opens a result with Enter, focuses the title, and gives focus back to that result on Escape and on Back', async () => {
    const page = await openArchive(session);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('skip-to-search');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('search-input');
    await searchByKeyboard(page, 'nông thôn');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '2');
    const short = articles[1];
    const href = `#/article/${encodeURIComponent(short.id)}`;
    await tabUntil(page, async (p) => (await focused(p)) === href);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reader-view:not([hidden])');
    expect(await focused(page)).toBe('reader-title');
    expect(await page.getAttribute('[data-testid=reader-frame]', 'title')).toBe(`Nội dung bài: ${short.title}`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#list-view:not([hidden])');
    expect(await focused(page)).toBe(href);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'focus-result.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'focus-result-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    // Tab from the title reaches the article's frame, which shows its focus; Escape works from inside it too.
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reader-view:not([hidden])');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('reader-frame');
    expect(await page.locator('#reader-frame').evaluate((frame) => getComputedStyle(frame).outlineStyle)).toBe('solid');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'focus-reader.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#list-view:not([hidden])');
    expect(await focused(page)).toBe(href);
    // The browser's Back button returns the same way.
    await page.keyboard.press('Enter');
    await page.waitForSelector('#reader-view:not([hidden])');
    await page.goBack();
    await page.waitForSelector('#list-view:not([hidden])');
    expect(await focused(page)).toBe(href);
    expect(await page.locator(`a[href="${href}"]`).isVisible()).toBe(true);
    await page.close();
  });

  it('shows focus on the file buttons, whose hidden inputs take the keyboard', async () => {
    const page = await openArchive(session);
    await tabUntil(page, async (p) => (await focused(p)) === 'import-file');
    const ring = await page.locator('label[for=import-file]').evaluate((label) => getComputedStyle(label).outlineStyle);
    expect(ring).toBe('solid');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'focus-import.png'), clip: { x: 0, y: 0, width: 1200, height: 120 } });
    await tabUntil(page, async (p) => (await focused(p)) === 'restore-file');
    expect(await page.locator('label[for=restore-file]').evaluate((label) => getComputedStyle(label).outlineStyle)).toBe('solid');
    await page.close();
  });

  it('has no axe violations on the settings page, whose file button shows focus', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options/options.html`);
    await options.waitForFunction(() => (document.querySelector('[data-testid=reminder-every]') as HTMLInputElement).value !== '');
    expect(await axeViolations(options)).toEqual([]);
    await tabUntil(options, async (p) => (await focused(p)) === 'import-sites');
    expect(await options.locator('label[for=import-sites]').evaluate((label) => getComputedStyle(label).outlineStyle)).toBe('solid');
    await options.close();
  });

  it('has no axe violations in the popup on an article, and saves with tags and a note by keyboard alone', async () => {
    const [fixture] = loadPageDir(FIXTURE_DIR, 'fixtures').filter((p) => p.id.startsWith('f01'));
    const tab = await session.context.newPage();
    await tab.goto(fixture.truth.url, { waitUntil: 'load' });
    const popup = await openPopupFor(session, await tabIdOf(session, tab));
    expect(await axeViolations(popup)).toEqual([]);
    await tabUntil(popup, async (p) => (await focused(p)) === 'popup-tags');
    await popup.keyboard.type('chuyển đổi số');
    await popup.keyboard.press('Tab');
    expect(await focused(popup)).toBe('popup-note');
    await popup.keyboard.type('Đọc lại số liệu.');
    await tabUntil(popup, async (p) => (await focused(p)) === 'save-button');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#status.ok');
    expect(await popup.getByRole('status').textContent()).toBe('Đã lưu vào kho lưu trữ.');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await tab.close();
  });
});
