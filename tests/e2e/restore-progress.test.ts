// Restoring a backup of a few thousand articles in Chromium (issue 20, point 9): the file is checked and then written
// with a progress bar and a count on screen (not a silent wait), and the archive holds the backup afterwards.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildArticle } from '../../src/core/archive/build-article';
import { DB_NAME, openArchiveDb } from '../../src/core/archive/db';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';
import { launchWithExtension, openArchive, type ExtensionSession } from './helpers/extension-browser';

const ARTICLES = 3000;
const PARAGRAPH = 'Tỉnh tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân và doanh nghiệp trên địa bàn. ';

/** A backup in dexie-export-import's layout, as the archive page writes one, for the extension's own database. */
async function backupFile(dir: string): Promise<string> {
  const rows = [];
  for (let i = 0; i < ARTICLES; i++) {
    const body = `${PARAGRAPH.repeat(8)}Bài số ${i}.`;
    rows.push(await buildArticle(
      sampleExtracted({ title: `Tin số ${i}: hội nghị cải cách hành chính`, lead: null, bodyText: body, bodyHtml: `<p>${body}</p>` }),
      TUYEN_QUANG_SITE,
      { now: new Date(Date.UTC(2026, 0, 1) + i * 1000) },
    ));
  }
  // The database's own version, read from its declaration (the file must not be newer).
  const version = openArchiveDb({ name: 'unused-declaration-only' }).verno;
  const tables = [
    { name: 'articles', schema: 'id,url,canonicalUrl,capturedAt,publishedAt,contentHash,site.host,site.province,*tags', rowCount: rows.length },
    { name: 'settings', schema: 'key', rowCount: 0 },
    { name: 'versions', schema: '++seq,articleId', rowCount: 0 },
  ];
  const data = [
    { tableName: 'articles', inbound: true, rows },
    { tableName: 'settings', inbound: true, rows: [] },
    { tableName: 'versions', inbound: true, rows: [] },
  ];
  const path = join(dir, 'sao-luu.json');
  writeFileSync(path, JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: DB_NAME, databaseVersion: version, tables, data } }));
  return path;
}

interface Seen { visible: boolean; text: string; value: number; max: number }

describe('restore progress in Chromium', () => {
  let session: ExtensionSession;
  let dir: string;
  let page: Page;
  const seen: Seen[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pna-restore-'));
    session = await launchWithExtension();
    page = await openArchive(session);
    // Every change of the progress line, reported to the test as it happens (the page reloads after a restore).
    await page.exposeFunction('reportProgress', (s: Seen) => { seen.push(s); });
    await page.evaluate(() => {
      const status = document.getElementById('export-status')!;
      const bar = document.getElementById('export-progress') as HTMLProgressElement;
      new MutationObserver(() => {
        (window as unknown as { reportProgress: (s: Seen) => void }).reportProgress({
          visible: !status.hidden, text: document.getElementById('export-progress-text')!.textContent ?? '', value: bar.value, max: bar.max,
        });
      }).observe(status, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`shows the check and then the restore of ${ARTICLES} articles on a progress bar, then the restored archive`, async () => {
    const path = await backupFile(dir);
    await page.setInputFiles('[data-testid=restore-file]', path);
    await page.waitForSelector('[data-testid=restore-dialog][open]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid=restore-dialog]')).toContain('(3.000 bài)');
    const checks = seen.filter((s) => s.visible && s.text.startsWith('Đang kiểm tra bản sao lưu'));
    expect(checks.length).toBeGreaterThan(0);
    await page.click('[data-testid=restore-confirm]');
    await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('Đã khôi phục 3.000 bài'), undefined, { timeout: 120_000 });
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.textContent('[data-testid=result-count]')).toBe('3.000');

    const writing = seen.filter((s) => s.visible && /^Đang khôi phục [\d.]+\/3\.000 dòng/.test(s.text));
    // The bar moved while the rows went in: seen part-way, not only at its ends.
    expect(writing.some((s) => s.value > 0 && s.value < s.max)).toBe(true);
    expect(seen.some((s) => s.visible && s.text.startsWith('Đang lập chỉ mục tìm kiếm'))).toBe(true);
    const counts = writing.map((s) => Number(/([\d.]+)\//.exec(s.text)![1].replace(/\./g, '')));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    console.log(`restore progress: ${checks.length} check updates, ${writing.length} write updates, last "${writing.at(-1)?.text}"`);
  }, 180_000);
});
