// The browser killed hard (SIGKILL of its whole process tree, as an out-of-memory kill or a power cut does) in the
// middle of a 20,000-article import, then started again: before the archive page is opened, the popup is asked about
// one of the imported articles. It must not present it as archived while the interrupted import is still to be undone
// (or say that the archive is being repaired and wait), and what the user then saves is never taken back.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CorpusPage } from '../helpers/corpus';
import { launchWithExtension, openArchive, openPopupFor, tabIdOf, type ExtensionSession } from './helpers/extension-browser';
import { longArticlesFile, startImport } from './helpers/archive-files';

const N = 20_000;
const SLUG = 'sap-nguon';
const TITLE = 'Bài nhập khi sập nguồn số';
const TAG = 'quantrong';

/** The page of the import's first article (row 0), as its portal serves it. */
function articlePage(): CorpusPage {
  const url = `https://bdt.tuyenquang.gov.vn/tin-tuc/${SLUG}-0.html`;
  const title = `${TITLE} 0`;
  const html = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body>
<div id="wrapper"><div id="header"><a href="/"><img src="/Content/images/logo.png" alt="Ban Dân tộc"></a></div>
<div id="main"><div id="col-left"><div class="cate-name">Tin hoạt động</div>
<div class="news-detail"><h1 class="news-title">${title}</h1>
<div class="news-date">Thứ tư, ngày 05-07-2023, 08:10</div>
<div class="news-content" id="divContent">
${Array.from({ length: 6 }, (_, i) => `<p>Đoạn ${i + 1}: đoàn công tác của tỉnh kiểm tra việc khắc phục sự cố mất điện ở các xã vùng cao, ghi nhận nhiều cách làm hay của bà con.</p>`).join('\n')}
<p style="text-align: right;"><strong>Phóng viên Lê Hạnh</strong></p>
</div></div></div></div></div></body></html>`;
  return { id: 'crash-0', dir: '', html, truth: { url, isProvincialNewsArticle: true, province: 'Tuyên Quang', site: 'bdt.tuyenquang.gov.vn', kind: 'department-site', title, category: null, publishedAt: null, author: null, lead: null, bodyText: null, mustNotContain: [] } };
}

/** Every process of the browser that runs on `profileDir`, with all their descendants (renderers, zygotes, GPU). */
function browserProcessTree(profileDir: string): number[] {
  const parentOf = new Map<number, number>();
  const roots: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(`--user-data-dir=${profileDir}`)) roots.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  const tree = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parentOf) if (tree.has(parent) && !tree.has(pid)) { tree.add(pid); grew = true; }
  }
  return [...tree];
}

/** SIGKILL of the whole tree at once (all stopped first, so that none notices the others go). */
async function killBrowser(session: ExtensionSession): Promise<void> {
  const pids = browserProcessTree(session.profileDir);
  expect(pids.length).toBeGreaterThan(1);
  const closed = new Promise((resolve) => session.context.once('close', resolve));
  for (const pid of pids) try { process.kill(pid, 'SIGSTOP'); } catch { /* gone */ }
  for (const pid of pids) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  await closed;
}

/** Rows the import's progress line says are in (written and committed). */
async function importedSoFar(archive: Page): Promise<number> {
  const m = /([\d.]+)\/([\d.]+)/.exec((await archive.textContent('#export-progress-text')) ?? '');
  return m ? Number(m[1].replaceAll('.', '')) : 0;
}

/** What the archive holds, read straight from IndexedDB in an extension page. */
async function archiveState(page: Page) {
  return page.evaluate(() => new Promise<{ articles: number; versions: number; journals: number }>((resolve, reject) => {
    const open = indexedDB.open('provincial-news-archive');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['articles', 'versions', 'settings']);
      const out = { articles: 0, versions: 0, journals: 0 };
      const a = tx.objectStore('articles').count();
      a.onsuccess = () => (out.articles = a.result);
      const v = tx.objectStore('versions').count();
      v.onsuccess = () => (out.versions = v.result);
      const j = tx.objectStore('settings').count(IDBKeyRange.bound('import-journal:', 'import-journal:\uffff'));
      j.onsuccess = () => (out.journals = j.result);
      tx.oncomplete = () => { open.result.close(); resolve(out); };
    };
  }));
}

async function search(archive: Page, query: string): Promise<string[]> {
  const url = new URL(archive.url());
  url.search = `?q=${encodeURIComponent(query)}`;
  url.hash = '';
  await archive.goto(url.toString());
  await archive.waitForSelector('body[data-ready="true"]');
  return archive.locator('[data-testid=result-item] .title').allTextContents();
}

describe('a browser killed in the middle of an import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pna-crash-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'pna-crash-profile-'));
  const page = articlePage();
  let session: ExtensionSession | null = null;

  afterAll(async () => {
    await session?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('comes back with the import undone before the popup shows anything, and a save made then is kept', async () => {
    const file = await longArticlesFile(dir, { n: N, slug: SLUG, title: TITLE, body: '<p>Tin ngắn về điện lực các xã vùng cao.</p>', month: 3 });
    session = await launchWithExtension({ pages: [page], profileDir });
    const archive = await openArchive(session);
    await startImport(archive, file);
    // Killed once several batches are in and long before the last.
    await archive.waitForFunction(() => {
      const m = /([\d.]+)\/([\d.]+)/.exec(document.getElementById('export-progress-text')?.textContent ?? '');
      return m !== null && Number(m[1].replaceAll('.', '')) >= 12_000;
    }, undefined, { timeout: 240_000, polling: 20 });
    const before = await importedSoFar(archive);
    expect(before).toBeLessThan(N);
    await killBrowser(session);

    // Started again. The first thing the user does: the popup on the page of an article the import had written.
    session = await launchWithExtension({ pages: [page], profileDir });
    const tab = await session.context.newPage();
    await tab.goto(page.truth.url);
    const tabId = await tabIdOf(session, tab);
    const popup = await openPopupFor(session, tabId);
    const shown = (await popup.textContent('#status')) ?? '';
    // Whether the popup waited for the repair (and said so) or it was over before the popup asked: both are right.
    const waited = await popup.evaluate(() => document.querySelector('main')?.dataset.repairing === 'true');
    console.info(`killed at ${before} of ${N} rows; the popup ${waited ? 'said the archive was being repaired' : 'came after the repair'}`);
    // Not presented as archived: the interrupted import's articles are gone by the time the popup answers.
    expect(shown).not.toContain('đã có trong kho');
    expect(await popup.getByTestId('save-button').isVisible()).toBe(true);
    expect(await popup.getByTestId('update-button').isVisible()).toBe(false);
    await popup.fill('[data-testid=popup-tags]', TAG);
    await popup.getByTestId('save-button').click();
    await popup.waitForSelector('#status.ok', { timeout: 60_000 });
    expect(await popup.textContent('#status')).toContain('Đã lưu vào kho lưu trữ.');

    // The archive page, opened only now: the import undone, said so, and the save there with its tag.
    let page2 = await openArchive(session);
    expect(await page2.textContent('[data-testid=notice]')).toContain('hoàn tác');
    expect(await archiveState(page2)).toEqual({ articles: 1, versions: 0, journals: 0 });
    expect(await search(page2, `"${TITLE.toLowerCase()}"`)).toEqual([`${TITLE} 0`]);
    await page2.goto(page2.url().replace(/\?.*$/, `?tag=${TAG}`));
    await page2.waitForSelector('body[data-ready="true"]');
    expect(await page2.locator('[data-testid=result-item] .title').allTextContents()).toEqual([`${TITLE} 0`]);

    // The acknowledged save survives the next hard kill too.
    await killBrowser(session);
    session = await launchWithExtension({ pages: [page], profileDir });
    page2 = await openArchive(session);
    expect(await archiveState(page2)).toEqual({ articles: 1, versions: 0, journals: 0 });
    await page2.goto(page2.url().replace(/\?.*$/, '').replace(/#.*$/, '') + `?tag=${TAG}`);
    await page2.waitForSelector('body[data-ready="true"]');
    expect(await page2.locator('[data-testid=result-item] .title').allTextContents()).toEqual([`${TITLE} 0`]);
  }, 600_000);
});
