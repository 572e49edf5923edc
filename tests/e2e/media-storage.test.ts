// Storage you can see and control, in real Chromium: after a save with images the archive page's storage line says
// what images, original pages and text take; dropping a selection's images, then its original page, leaves its text
// (the reader shows the images' web addresses and no saved-original button) and the line goes down. Settings: with
// image capture off a save keeps no image (and the popup claims none); "text only for bulk runs" leaves a click save
// with its images. The list shows a small picture from an article's stored images, offline.
declare const chrome: any;
import type { Page, Route } from 'playwright-core';
import { launchWithExtension, openArchive, openPopupFor, saveByClick, tabIdOf, type ExtensionSession } from './helpers/extension-browser';
import { allRowsOf } from './helpers/stored-article';
import { png } from './helpers/png';

const HOST = 'https://sotnmt.tuyenquang.gov.vn';
interface Fixture { url: string; title: string; images: Array<{ url: string; body: Buffer }> }

/** Three articles, each with two images of its own (different bytes, so no stored copy is shared). */
const FIXTURES: Fixture[] = ['rung-phong-ho', 'nuoc-sach', 'giong-lua'].map((slug, i) => ({
  url: `${HOST}/tin-tuc/${slug}-2026.html`,
  title: ['Tuyên Quang trồng mới 1.200 ha rừng phòng hộ đầu nguồn', 'Nước sạch về các bản vùng cao Lâm Bình', 'Giống lúa mới cho vụ xuân ở Hàm Yên'][i],
  images: [0, 1].map((k) => ({ url: `${HOST}/uploads/2026/${slug}-${k}.png`, body: png(60 + 20 * i + k, 40 + 10 * k, [30 * i, 100 + 40 * k, 60]) })),
}));
const [WITH_IMAGES, IMAGES_OFF, CLICK_WITH_BULK_TEXT_ONLY] = FIXTURES;

function pageOf(f: Fixture): string {
  const p = Array.from({ length: 6 }, (_, i) => `<p>Đoạn ${i + 1} của bài “${f.title}”: người dân và chính quyền địa phương cùng làm, kết quả được ghi nhận trong báo cáo năm 2026.</p>`);
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${f.title}</title>
<meta property="og:image" content="${f.images[0].url}"></head><body>
<div class="news-detail"><h1 class="news-title">${f.title}</h1><div class="news-date">Thứ hai, ngày 16-11-2026, 08:00</div>
<div class="news-content" id="divContent">${p.slice(0, 3).join('')}
<figure><img src="${f.images[0].url}" alt="Ảnh 1"><figcaption>Ảnh thứ nhất</figcaption></figure>${p.slice(3).join('')}
<figure><img src="${f.images[1].url}" alt="Ảnh 2"><figcaption>Ảnh thứ hai</figcaption></figure>
<p style="text-align:right"><strong>Minh Anh</strong></p></div></div></body></html>`;
}

const DB = { database: 'provincial-news-archive' };
interface Row { url?: string; id?: string; articleId?: string; items?: Array<{ src: string; sha256: string | null }> }

describe('storage of images and original pages: seen and controlled (Chromium)', () => {
  let session: ExtensionSession;
  let online = true;

  beforeAll(async () => {
    session = await launchWithExtension();
    await session.context.route(/^https?:\/\//, async (route: Route) => {
      const url = route.request().url();
      if (!online) return route.abort('internetdisconnected');
      const page = FIXTURES.find((f) => f.url === url);
      if (page) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pageOf(page) });
      const image = FIXTURES.flatMap((f) => f.images).find((i) => i.url === url);
      if (image) return route.fulfill({ status: 200, contentType: 'image/png', body: image.body });
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' });
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  const msg = async (key: string, subs: string[] = []) => (await session.serviceWorker()).evaluate(([k, s]) => chrome.i18n.getMessage(k, s), [key, subs] as const);
  const rows = async (page: Page, store: string) => (await page.evaluate(allRowsOf, { ...DB, store })) as Row[];
  const idOf = async (page: Page, f: Fixture) => (await rows(page, 'articles')).find((a) => a.url === f.url)!.id!;

  /** The storage line's sentence as a pattern: the images' size given, the others any. */
  async function usagePattern(images: string): Promise<RegExp> {
    const template = await msg('archiveStorageUsage', ['@1@', '@2@', '@3@', '@4@']);
    const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${escaped.replace('@1@', images.replace('.', '\\.')).replace(/@[234]@/g, '(\\d[\\d.,]* [KM]B)')}$`);
  }

  async function saveWithPopup(f: Fixture): Promise<string> {
    const page = await session.context.newPage();
    await page.goto(f.url, { waitUntil: 'load' });
    const popup = await openPopupFor(session, await tabIdOf(session, page));
    await popup.getByTestId('save-button').click();
    await popup.waitForSelector('#status.ok, #status.warn, #status.error', { timeout: 60_000 });
    const status = (await popup.textContent('[data-testid=popup-status]'))!;
    await popup.close();
    await page.close();
    return status;
  }

  async function openReader(archive: Page, f: Fixture): Promise<string[]> {
    await archive.locator('[data-testid=result-item] a.title', { hasText: f.title }).click();
    await archive.waitForSelector('#reader-view:not([hidden])');
    const frame = (await (await archive.waitForSelector('[data-testid=reader-frame]')).contentFrame())!;
    await frame.waitForFunction(() => document.querySelector('p')?.textContent?.includes('Đoạn 1'), undefined, { timeout: 20_000 });
    await frame.waitForFunction(() => document.images.length === 2 && Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 20_000 });
    return frame.evaluate(() => Array.from(document.images, (i) => i.src));
  }

  const storageLine = (archive: Page) => archive.textContent('#storage').then((s) => s ?? '');
  const untilStorageChanges = (archive: Page, from: string) =>
    archive.waitForFunction((before) => (document.getElementById('storage')?.textContent ?? before) !== before, from, { timeout: 20_000 });

  it('after a save with images, the archive page says what images, original pages and text take', async () => {
    expect(await saveWithPopup(WITH_IMAGES)).toBe(await msg('popupSaved'));
    const archive = await openArchive(session);
    await archive.waitForFunction(() => document.getElementById('storage')?.textContent?.includes('·'), undefined, { timeout: 20_000 });
    // The two PNGs' bytes, as the line rounds them (up, to KB): read from the rows' sizes, never from the blobs.
    const bytes = WITH_IMAGES.images.reduce((n, i) => n + i.body.length, 0);
    const line = await storageLine(archive);
    expect(line).toMatch(await usagePattern(`${Math.ceil(bytes / 1024)} KB`));
    const [, originals] = (await usagePattern('\\d+ KB')).exec(line)!;
    expect(originals).not.toBe('0 KB');
    await archive.close();
  });

  it("drops a selection's images, then its original page: the text stays, and the storage line goes down", async () => {
    const archive = await openArchive(session);
    await archive.waitForFunction(() => document.getElementById('storage')?.textContent?.includes('·'), undefined, { timeout: 20_000 });
    const id = await idOf(archive, WITH_IMAGES);
    const before = await storageLine(archive);
    await archive.locator('[data-testid=result-item]', { hasText: WITH_IMAGES.title }).locator('input[type=checkbox]').check();
    await archive.getByTestId('bulk-drop-images').click();
    await archive.waitForFunction((text) => document.querySelector('[data-testid=notice]')?.textContent?.startsWith(text), await msg('archiveDroppedMedia', ['1']), { timeout: 20_000 });
    await untilStorageChanges(archive, before);
    const afterImages = await storageLine(archive);
    expect(afterImages).toMatch(await usagePattern('0 KB'));
    expect(await rows(archive, 'media')).toEqual([]);
    expect((await rows(archive, 'articleMedia')).filter((r) => r.articleId === id)).toEqual([]);

    // The reader shows the text with the images from their web addresses; the saved original is still offered.
    expect(await openReader(archive, WITH_IMAGES)).toEqual(WITH_IMAGES.images.map((i) => i.url));
    expect(await archive.isVisible('[data-testid=reader-saved-original]')).toBe(true);
    await archive.click('#reader-back');
    await archive.waitForSelector('#list-view:not([hidden])');

    await archive.locator('[data-testid=result-item]', { hasText: WITH_IMAGES.title }).locator('input[type=checkbox]').check();
    await archive.getByTestId('bulk-drop-originals').click();
    await untilStorageChanges(archive, afterImages);
    // Nothing stored besides the text: the line is back to the space used in all.
    expect(await storageLine(archive)).not.toContain('·');
    expect((await rows(archive, 'originals')).filter((r) => r.articleId === id)).toEqual([]);
    expect(await openReader(archive, WITH_IMAGES)).toEqual(WITH_IMAGES.images.map((i) => i.url));
    expect(await archive.isVisible('[data-testid=reader-saved-original]')).toBe(false);
    expect(await archive.textContent('[data-testid=reader-title]')).toBe(WITH_IMAGES.title);
    await archive.close();
  });

  async function setMediaOption(testid: string, checked: boolean): Promise<void> {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options/options.html`);
    await options.waitForFunction(() => (document.querySelector('[data-testid=media-max-image]') as HTMLInputElement).value !== '');
    if ((await options.isChecked(`[data-testid=${testid}]`)) !== checked) {
      await options.setChecked(`[data-testid=${testid}]`, checked);
      await options.waitForFunction((text) => document.querySelector('[data-testid=media-status]')?.textContent === text, await msg('optionsMediaSaved'));
    }
    await options.close();
  }

  it('with image capture off in Settings, a save keeps no image and the popup claims none', async () => {
    await setMediaOption('media-images', false);
    expect(await saveWithPopup(IMAGES_OFF)).toBe(await msg('popupSaved'));
    const archive = await openArchive(session);
    const id = await idOf(archive, IMAGES_OFF);
    expect((await rows(archive, 'articleMedia')).filter((r) => r.articleId === id)).toEqual([]);
    expect(await rows(archive, 'media')).toEqual([]);
    expect(await openReader(archive, IMAGES_OFF)).toEqual(IMAGES_OFF.images.map((i) => i.url));
    expect(await archive.isVisible('[data-testid=reader-media-note]')).toBe(false);
    await archive.close();
  });

  it('with "text only for bulk runs", a save by a click still keeps its images', async () => {
    await setMediaOption('media-images', true);
    await setMediaOption('media-text-only-bulk', true);
    await (await saveByClick(session, CLICK_WITH_BULK_TEXT_ONLY.url)).close();
    const archive = await openArchive(session);
    const id = await idOf(archive, CLICK_WITH_BULK_TEXT_ONLY);
    const row = (await rows(archive, 'articleMedia')).find((r) => r.articleId === id)!;
    expect(row.items!.map((i) => [i.src, !!i.sha256])).toEqual(CLICK_WITH_BULK_TEXT_ONLY.images.map((i) => [i.url, true]));
    expect((await rows(archive, 'media')).map((m) => m.url).sort()).toEqual(CLICK_WITH_BULK_TEXT_ONLY.images.map((i) => i.url).sort());
    const shown = await openReader(archive, CLICK_WITH_BULK_TEXT_ONLY);
    expect(shown.map((s) => s.slice(0, 5))).toEqual(['blob:', 'blob:']);
    await archive.close();
  });

  it('shows a small picture offline beside an article with a stored image, and none beside one without', async () => {
    online = false;
    const archive = await openArchive(session);
    const row = (f: Fixture) => archive.locator('[data-testid=result-item]', { hasText: f.title });
    const thumb = row(CLICK_WITH_BULK_TEXT_ONLY).getByTestId('result-thumb');
    await thumb.waitFor({ timeout: 20_000 });
    await archive.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid=result-thumb]')).every((i) => i.complete && i.naturalWidth > 0));
    // The og:image (the first image here), from its stored copy: decorative, the title beside it names the article.
    expect(await thumb.evaluate((i: HTMLImageElement) => [i.src.slice(0, 5), i.naturalWidth, i.alt])).toEqual(['blob:', 100, '']);
    // Rows of articles without a stored picture show no box at all (no empty frame), not even its space.
    expect(await row(IMAGES_OFF).locator('.thumb').count()).toBe(0);
    expect(await row(WITH_IMAGES).locator('.thumb').count()).toBe(0);
    // The box a picture goes into has its size before the picture: nothing moves when it arrives.
    const box = row(CLICK_WITH_BULK_TEXT_ONLY).getByTestId('result-thumb-box');
    const boxSize = await box.evaluate((e) => [e.clientWidth, e.clientHeight]);
    expect(boxSize).toEqual(await thumb.evaluate((i) => [i.clientWidth, i.clientHeight]));
    expect(boxSize[0]).toBeGreaterThan(0);
    // Titles stay in one column, picture or not; the picture sits after the text.
    const titleLefts = await archive.locator('[data-testid=result-item] .title').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(new Set(titleLefts).size).toBe(1);
    expect(await box.evaluate((e) => e.getBoundingClientRect().left)).toBeGreaterThan(titleLefts[0]);
    if (process.env.PNA_SCREENSHOTS) await archive.screenshot({ path: `${process.env.PNA_SCREENSHOTS}/archive-thumbnails.png` });
    await archive.close();
  });
});
