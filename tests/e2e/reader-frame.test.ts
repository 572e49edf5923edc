// The reader's sandboxed frame is exactly as tall as the article in it: on first open (also from a bookmarked
// address, while the reader is still hidden), after going from a long article to a short one, when the window
// narrows, and when a photo arrives after the text.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Article } from '../../src/core/types';
import { launchWithExtension, openArchive, type ExtensionSession } from './helpers/extension-browser';
import { importReadingArchive, LATE_IMAGE_URL, photoSvg, writeReadingArchive } from './helpers/reading-archive';


/** The frame's height and the bottom of its article (last margin included), as laid out in the frame. */
async function frameAndContent(page: Page): Promise<{ frame: number; content: number }> {
  return page.evaluate(() => {
    const frame = document.getElementById('reader-frame') as HTMLIFrameElement;
    const doc = frame.contentDocument;
    // Caught between two articles (each has a new frame, its document not yet parsed): not fitted yet.
    if (!doc?.body) return { frame: frame.getBoundingClientRect().height, content: Number.NaN };
    let content = 0;
    for (const el of Array.from(doc.body.querySelectorAll('*'))) {
      const margin = parseFloat(doc.defaultView!.getComputedStyle(el).marginBottom) || 0;
      content = Math.max(content, el.getBoundingClientRect().bottom + margin);
    }
    return { frame: frame.getBoundingClientRect().height, content };
  });
}

/** Waits until the frame fits its article within 3 px, and returns both heights. */
async function fitted(page: Page): Promise<{ frame: number; content: number }> {
  await page.waitForFunction(() => {
    const frame = document.getElementById('reader-frame') as HTMLIFrameElement;
    return !document.getElementById('reader-view')!.hidden && frame.contentDocument?.readyState !== 'loading' && !!frame.contentDocument?.body;
  });
  let last = await frameAndContent(page);
  for (let i = 0; i < 40 && !(Math.abs(last.frame - last.content) <= 3); i++) {
    await page.waitForTimeout(50);
    last = await frameAndContent(page);
  }
  return last;
}

async function openFromList(page: Page, article: Article): Promise<void> {
  await page.locator(`[data-testid=result-item] a.title[href="#/article/${encodeURIComponent(article.id)}"]`).click();
  await page.waitForFunction((title) => document.getElementById('reader-title')?.textContent === title, article.title);
}

describe('reader frame height in Chromium', () => {
  let session: ExtensionSession;
  let dir: string;
  let articles: Article[];
  let releasePhoto: () => void = () => {};
  const photoSent = new Promise<void>((r) => { releasePhoto = r; });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pna-reader-'));
    session = await launchWithExtension();
    // The photo comes only when the test says so: the text is laid out (and measured) long before.
    await session.context.route(LATE_IMAGE_URL, async (route) => {
      await photoSent;
      await route.fulfill({ status: 200, contentType: 'image/svg+xml', body: photoSvg(640, 480) });
    });
    const file = await writeReadingArchive(dir);
    articles = file.articles;
    const page = await openArchive(session);
    await importReadingArchive(page, file.path, articles.length);
    await page.close();
  });
  afterAll(async () => {
    releasePhoto();
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fits a long article opened from a bookmarked address, where the reader is drawn while still hidden', async () => {
    const [long] = articles;
    const page = await openArchive(session, `#/article/${encodeURIComponent(long.id)}`);
    const { frame, content } = await fitted(page);
    expect(content).toBeGreaterThan(2000);
    expect(Math.abs(frame - content)).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('fits each article when going from the list to a long one, back, and to a short one', async () => {
    const [long, short] = articles;
    const page = await openArchive(session);
    await openFromList(page, long);
    const first = await fitted(page);
    expect(Math.abs(first.frame - first.content)).toBeLessThanOrEqual(3);
    await page.click('#reader-back');
    await page.waitForSelector('#list-view:not([hidden])');
    await openFromList(page, short);
    const second = await fitted(page);
    // A short article after a long one once kept the long one's height: screens of blank space under it.
    expect(second.content).toBeLessThan(400);
    expect(Math.abs(second.frame - second.content)).toBeLessThanOrEqual(3);
    // Straight from one article to another (a link or a typed address), without the list in between.
    await page.evaluate((id) => { location.hash = `#/article/${encodeURIComponent(id)}`; }, long.id);
    await page.waitForFunction((title) => document.getElementById('reader-title')?.textContent === title, long.title);
    const third = await fitted(page);
    expect(Math.abs(third.frame - third.content)).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('fits again when the window narrows and the text wraps onto more lines', async () => {
    const [long] = articles;
    const page = await openArchive(session, `#/article/${encodeURIComponent(long.id)}`);
    const wide = await fitted(page);
    await page.setViewportSize({ width: 560, height: 800 });
    await page.waitForFunction((before) => (document.getElementById('reader-frame') as HTMLIFrameElement).getBoundingClientRect().height > before + 200, wide.frame);
    const narrow = await fitted(page);
    expect(narrow.content).toBeGreaterThan(wide.content + 200);
    expect(Math.abs(narrow.frame - narrow.content)).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('grows when a photo arrives after the text, keeping the caption and the last paragraph in view', async () => {
    const withPhoto = articles[2];
    const page = await openArchive(session);
    await openFromList(page, withPhoto);
    const before = await fitted(page);
    expect(Math.abs(before.frame - before.content)).toBeLessThanOrEqual(3);
    releasePhoto();
    await page.waitForFunction(() => {
      const img = (document.getElementById('reader-frame') as HTMLIFrameElement).contentDocument?.querySelector('img');
      return !!img?.complete && img.naturalHeight > 0;
    });
    const after = await fitted(page);
    expect(after.content).toBeGreaterThan(before.content + 300);
    expect(Math.abs(after.frame - after.content)).toBeLessThanOrEqual(3);
    const caption = await page.frameLocator('[data-testid=reader-frame]').locator('figcaption').textContent();
    expect(caption).toBe('Quang cảnh hội nghị.');
    await page.close();
  });
});
