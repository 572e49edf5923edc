// Fifty saves at once from ten tabs, while an import and searches run: every article is stored once and the
// search index agrees with the archive.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildArticle } from '../../src/core/archive/build-article';
import { loadOwnPages } from '../helpers/site-fixtures';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';
import { launchWithExtension, openArchive, tabIdOf, type ExtensionSession } from './helpers/extension-browser';

declare const chrome: any;  

describe('concurrent saves', () => {
  let session: ExtensionSession;
  const dir = mkdtempSync(join(tmpdir(), 'pna-concurrency-'));
  // The project's own pages (tests/fixtures): ten articles of as many CMSs.
  const pages = loadOwnPages();
  const articles = pages.filter((p) => p.truth.isProvincialNewsArticle).slice(0, 10);

  beforeAll(async () => { session = await launchWithExtension({ pages }); });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores each article once when 50 saves from 10 tabs race an import and searches', async () => {
    expect(articles).toHaveLength(10);
    const tabIds: number[] = [];
    for (const p of articles) {
      const page = await session.context.newPage();
      await page.goto(p.truth.url);
      tabIds.push(await tabIdOf(session, page));
    }
    const imported = await Promise.all(Array.from({ length: 300 }, (_, i) => buildArticle(sampleExtracted({ title: `Bài nhập khẩu số ${i}` }), TUYEN_QUANG_SITE)));
    const file = join(dir, 'import.ndjson');
    writeFileSync(file, imported.map((a) => JSON.stringify(a)).join('\n'));

    const archive = await openArchive(session);
    const saver = await openArchive(session);
    // Start the import (it validates, then waits for the duplicates question)...
    await archive.setInputFiles('[data-testid=import-file]', file);
    await archive.waitForSelector('[data-testid=import-dialog][open]');
    const saves = saver.evaluate((ids: number[]) => Promise.all(
      Array.from({ length: 50 }, (_, i) => chrome.runtime.sendMessage({ type: 'save', tabId: ids[i % ids.length], mode: 'if-new', generic: false })),
    ), tabIds);
    // ...and let it run while the saves are in flight, with searches going on in the meantime.
    await archive.click('[data-testid=import-confirm]');
    for (const q of ['hội nghị', 'nhap khau', 'tuyen quang']) {
      await saver.fill('[data-testid=search-input]', q);
      await saver.press('[data-testid=search-input]', 'Enter');
    }
    const replies = (await saves) as Array<{ ok: boolean; status: string }>;
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(replies.filter((r) => r.status === 'created')).toHaveLength(10);
    expect(replies.filter((r) => r.status === 'duplicate')).toHaveLength(40);
    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('Đã nhập'));
    expect(await archive.textContent('[data-testid=notice]')).toContain('Đã nhập: 300 bài mới');

    // Every article once in the archive, and the index finds each by its title.
    const check = await openArchive(session);
    expect(await check.textContent('[data-testid=result-count]')).toBe('310');
    for (const p of articles) {
      await check.fill('[data-testid=search-input]', `"${p.truth.title!.toLowerCase().split(/\s+/).slice(0, 6).join(' ')}"`);
      await check.press('[data-testid=search-input]', 'Enter');
      // Wait for this search's results (a fixed pause lost the race on a loaded machine); a miss still fails here.
      await check.waitForFunction((title) => Array.from(document.querySelectorAll('[data-testid=result-item] .title')).some((e) => e.textContent === title), p.truth.title, { timeout: 15_000 }).catch(() => {});
      const titles = await check.locator('[data-testid=result-item] .title').allTextContents();
      expect(titles.filter((t) => t === p.truth.title), p.id).toHaveLength(1);
    }
  });
});
