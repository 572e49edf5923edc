// Faults a user can cause or suffer, in real Chromium: the service worker stopped while a save is in flight, and
// the archive page closed while an export or an import runs. Afterwards the archive is whole (an article fully saved and
// searchable, or absent), the user is told what happened, and the next attempt works once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { loadSitePages } from '../helpers/site-fixtures';
import { launchWithExtension, openArchive, openPopupFor, tabIdOf, type ExtensionSession } from './helpers/extension-browser';
import { longArticlesFile, startImport } from './helpers/archive-files';

const SAVED = 'Đã lưu vào kho lưu trữ.';
const INTERRUPTED = 'Việc lưu bị ngắt giữa chừng';

/** How many results the archive page shows for a query (opened with it in the URL, as a bookmarked search). */
async function resultCount(archive: Page, query = ''): Promise<number> {
  const url = new URL(archive.url());
  url.search = query ? `?q=${encodeURIComponent(query)}` : '';
  url.hash = '';
  await archive.goto(url.toString());
  await archive.waitForSelector('body[data-ready="true"]');
  // Vietnamese writes thousands with dots (1.500).
  return Number((await archive.textContent('[data-testid=result-count]'))!.replaceAll('.', ''));
}

/** Exports the whole archive as JSON through the page and returns the parsed file. */
async function exportAll(archive: Page, dir: string) {
  await archive.selectOption('[data-testid=export-format]', 'json').catch(() => {});
  const [download] = await Promise.all([archive.waitForEvent('download', { timeout: 120_000 }), archive.getByTestId('export-json').click()]);
  const path = join(dir, `export-${Date.now()}.json`);
  await download.saveAs(path);
  return JSON.parse(readFileSync(path, 'utf8')) as { count: number; articles: Array<{ id: string; contentHash: string; title: string }> };
}

/** Waits until an import of `total` rows has written its first batch (the progress counts it) and not its last. */
async function importPartway(archive: Page, total: number): Promise<void> {
  await archive.waitForFunction((total) => {
    const m = /([\d.]+)\/([\d.]+)/.exec(document.getElementById('export-progress-text')?.textContent ?? '');
    const done = m ? Number(m[1].replaceAll('.', '')) : 0;
    return done > 0 && done < total;
  }, total, { timeout: 120_000, polling: 20 });
}

describe('faults', () => {
  let session: ExtensionSession;
  let dir: string;
  // The project's own pages (tests/fixtures/site).
  const pages = loadSitePages();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pna-faults-'));
    session = await launchWithExtension({ pages });
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('service worker stopped mid-save: nothing half-stored, the popup says it was interrupted, a retry saves it once', async () => {
    const article = pages.find((p) => p.truth.isProvincialNewsArticle)!;
    const page = await session.context.newPage();
    await page.goto(article.truth.url);
    const tabId = await tabIdOf(session, page);
    const popup = await openPopupFor(session, tabId);
    const cdp: CDPSession = await session.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');

    // Hold the save in flight: the article page's main thread (where the content script extracts) is kept busy,
    // so the worker is surely waiting for the extraction when it is stopped. (Busy for a while, not a threshold:
    // the stop takes milliseconds, and no assertion depends on how long.)
    await page.evaluate(() => { setTimeout(() => { const end = Date.now() + 3000; while (Date.now() < end) { /* busy */ } }, 0); });
    await popup.getByTestId('save-button').click();
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.waitForFunction(() => !(document.querySelector('[data-testid=save-button]') as HTMLButtonElement).disabled, undefined, { timeout: 30_000 });
    const told = (await popup.textContent('#status')) ?? '';

    const archive = await openArchive(session);
    const stored = await resultCount(archive);
    const found = await resultCount(archive, `"${article.truth.title}"`);
    // Cut off before its transaction: nothing stored (nor indexed), and the popup says so and asks to try again.
    expect({ stored, found }).toEqual({ stored: 0, found: 0 });
    expect(told).toContain(INTERRUPTED);

    // The retry (the button the message asks for) saves it, once.
    await popup.getByTestId('save-button').click();
    await popup.waitForSelector('#status.ok', { timeout: 20_000 });
    expect(await popup.textContent('#status')).toContain(SAVED);
    // Exactly one copy, found by its title.
    expect(await resultCount(archive)).toBe(1);
    expect(await resultCount(archive, `"${article.truth.title}"`)).toBe(1);
    await Promise.all([archive.close(), popup.close(), page.close()]);
  });

  it('archive page closed mid-export: asked first; afterwards nothing lost or doubled, and a new export works', async () => {
    // An archive big enough that its export takes a while: 1500 articles with long bodies, imported through the page.
    const N = 1500;
    const body = `<p>${'Nội dung dài về cải cách hành chính ở các xã vùng cao của tỉnh. '.repeat(300)}</p>`;
    const file = await longArticlesFile(dir, { n: N, slug: 'xuat', title: 'Bài lưu trữ số', body, month: 0 });
    let archive = await openArchive(session);
    const already = await resultCount(archive);
    await startImport(archive, file);
    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('Đã nhập'), undefined, { timeout: 120_000 });
    expect(await resultCount(archive)).toBe(already + N);
    const before = await exportAll(archive, dir);
    expect(before.count).toBe(already + N);

    // Start an export and close the page while it runs: the page asks first (beforeunload), the user leaves anyway.
    const asked: string[] = [];
    archive.on('dialog', (d) => { asked.push(d.type()); void d.accept(); });
    await archive.getByTestId('export-json').click();
    await archive.waitForFunction(() => (document.querySelector('[data-testid=export-json]') as HTMLButtonElement).disabled);
    const closed = new Promise((r) => archive.once('close', r));
    await archive.close({ runBeforeUnload: true });
    await closed;
    expect(asked).toEqual(['beforeunload']);

    // Reopened: the same articles, none doubled, and a full export works.
    archive = await openArchive(session);
    expect(await resultCount(archive)).toBe(already + N);
    const after = await exportAll(archive, dir);
    expect(after.count).toBe(already + N);
    expect(new Set(after.articles.map((a) => a.id)).size).toBe(after.articles.length);
    const key = (a: { id: string; contentHash: string }) => `${a.id} ${a.contentHash}`;
    expect(after.articles.map(key).sort()).toEqual(before.articles.map(key).sort());

    // Without an export running, the page closes without asking.
    asked.length = 0;
    archive.on('dialog', (d) => { asked.push(d.type()); void d.accept(); });
    await archive.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(asked).toEqual([]);
  }, 300_000);

  it('archive page closed mid-import: the written batches are undone when the archive next opens, and the user is told', async () => {
    const N = 3000;
    const body = `<p>${'Tin về giao thông nông thôn ở các bản vùng cao của tỉnh. '.repeat(200)}</p>`;
    const file = await longArticlesFile(dir, { n: N, slug: 'ngat', title: 'Bài nhập bị ngắt số', body, month: 1 });
    let archive = await openArchive(session);
    const already = await resultCount(archive);
    await startImport(archive, file);
    // Once a first batch is written and before the last, the page goes without asking.
    await importPartway(archive, N);
    await archive.close();

    archive = await openArchive(session);
    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('hoàn tác'));
    expect(await resultCount(archive)).toBe(already);
    expect(await resultCount(archive, '"bài nhập bị ngắt"')).toBe(0);
  }, 300_000);

  it('import cancelled from the progress bar: every batch written is undone, and the user is told', async () => {
    const N = 3000;
    const body = `<p>${'Tin về chợ phiên và nông sản của các xã vùng cao. '.repeat(200)}</p>`;
    const file = await longArticlesFile(dir, { n: N, slug: 'huy', title: 'Bài nhập bị huỷ số', body, month: 2 });
    const archive = await openArchive(session);
    const already = await resultCount(archive);
    await startImport(archive, file);
    await importPartway(archive, N);
    await archive.click('#export-cancel');
    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('Đã huỷ nhập'), null, { timeout: 60_000 });
    expect(await resultCount(archive)).toBe(already);
    expect(await resultCount(archive, '"bài nhập bị huỷ"')).toBe(0);
  }, 300_000);
});
