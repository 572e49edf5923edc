// A big export in Chromium goes straight into the file the user picks in the Save dialog, a page at a time (memory
// stays flat however big the archive), with every article; closing the dialog exports nothing. The dialog is stood in
// for by a file of the page's own private file system, which the test then reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WRITE_TO_FILE_FROM } from '../../src/archive/export-file';
import { longArticlesFile, startImport } from './helpers/archive-files';
import { launchWithExtension, openArchive, type ExtensionSession } from './helpers/extension-browser';

const noticeIncludes = (archive: Page, text: string) =>
  archive.waitForFunction((text) => document.querySelector('[data-testid=notice]')?.textContent?.includes(text), text, { timeout: 120_000 });

describe('export of a big archive', () => {
  let session: ExtensionSession;
  let dir: string;
  let archive: Page;
  let downloads = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pna-export-file-'));
    session = await launchWithExtension();
    const file = await longArticlesFile(dir, { n: WRITE_TO_FILE_FROM, slug: 'lon', title: 'Tin lưu trữ', body: '<p>Hội nghị tổng kết công tác năm của xã.</p>', month: 2 });
    archive = await openArchive(session);
    archive.on('download', () => downloads++);
    await startImport(archive, file);
    await noticeIncludes(archive, 'Đã nhập');
  }, 180_000);
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the file picked in the Save dialog, with every article, and downloads nothing', async () => {
    await archive.evaluate(() => {
      (window as any).showSaveFilePicker = async (options: unknown) => {
        (window as any).picked = options;
        return (await navigator.storage.getDirectory()).getFileHandle('picked.json', { create: true });
      };
    });
    await archive.getByTestId('export-json').click();
    await noticeIncludes(archive, `Đã xuất ${WRITE_TO_FILE_FROM.toLocaleString('vi')} bài`);
    const { picked, text } = await archive.evaluate(async () => ({
      picked: (window as any).picked as { suggestedName: string },
      text: await (await (await (await navigator.storage.getDirectory()).getFileHandle('picked.json')).getFile()).text(),
    }));
    expect(picked.suggestedName).toMatch(/^archive-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(text) as { format: string; count: number; articles: Array<{ id: string; title: string }> };
    expect(file.count).toBe(WRITE_TO_FILE_FROM);
    expect(new Set(file.articles.map((a) => a.id)).size).toBe(WRITE_TO_FILE_FROM);
    expect(file.articles.map((a) => a.title)).toContain(`Tin lưu trữ ${WRITE_TO_FILE_FROM - 1}`);
    expect(downloads).toBe(0);
  }, 120_000);

  it('exports nothing when the Save dialog is closed, and says so', async () => {
    await archive.evaluate(() => {
      (window as any).showSaveFilePicker = async () => { throw new DOMException('The user aborted a request.', 'AbortError'); };
    });
    await archive.getByTestId('export-json').click();
    await noticeIncludes(archive, 'Đã huỷ xuất dữ liệu');
    expect(await archive.textContent('[data-testid=notice]')).toBe('Đã huỷ xuất dữ liệu; không có tệp nào được tạo.');
    expect(downloads).toBe(0);
    expect(await archive.isEnabled('[data-testid=export-json]')).toBe(true);
  }, 60_000);
});
