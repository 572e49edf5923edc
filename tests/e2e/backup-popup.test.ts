// Issue 6 in real Chromium: tags and a note typed in the popup before saving, then found by the archive's tag
// filter; the backup reminder; a full backup downloaded, articles deleted, and the backup restored.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CorpusPage } from '../helpers/corpus';
import { loadOwnPages, ownPage } from '../helpers/site-fixtures';
import { launchWithExtension, tabIdOf, openPopupFor, openArchive, type ExtensionSession } from './helpers/extension-browser';

// The project's own pages (tests/fixtures): a Tuyên Quang portal article and a district portal's article.
const pages = loadOwnPages();
const first = ownPage('s01');
const second = ownPage('f02');

const resultCount = (page: Page, n: string) =>
  page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === n, n);

describe('popup tags, backup reminder, backup and restore in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => { session = await launchWithExtension({ pages }); });
  afterAll(async () => { await session?.close(); });

  async function popupFor(p: CorpusPage): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(p.truth.url, { waitUntil: 'load' });
    return openPopupFor(session, await tabIdOf(session, page));
  }

  it('saves tags and a note typed in the popup; the archive shows them and the tag filter finds the article', async () => {
    // Remind after two new articles, so that the second save below makes the reminder due.
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options/options.html`);
    await options.waitForFunction(() => (document.querySelector('[data-testid=reminder-every]') as HTMLInputElement).value === '50');
    await options.fill('[data-testid=reminder-every]', '2');
    await options.press('[data-testid=reminder-every]', 'Tab');
    await options.waitForFunction(() => document.querySelector('[data-testid=reminder-status]')?.textContent !== '');
    await options.close();

    const popup = await popupFor(first);
    await popup.fill('[data-testid=popup-tags]', 'cải cách, Hội nghị,  cải cách ');
    await popup.fill('[data-testid=popup-note]', 'Đối chiếu với bản in <b>ngày 5/7</b>.');
    await popup.getByTestId('save-button').click();
    await popup.waitForSelector('#status.ok');
    expect(await popup.inputValue('[data-testid=popup-tags]')).toBe('cải cách, Hội nghị');
    await popup.close();

    // Already archived: the popup shows the stored tags and note, and "update" replaces them with the edited ones.
    const again = await popupFor(first);
    expect(await again.inputValue('[data-testid=popup-tags]')).toBe('cải cách, Hội nghị');
    expect(await again.inputValue('[data-testid=popup-note]')).toBe('Đối chiếu với bản in <b>ngày 5/7</b>.');
    await again.fill('[data-testid=popup-tags]', 'cải cách, dân tộc');
    await again.getByTestId('update-button').click();
    await again.waitForSelector('#status.ok');
    await again.close();

    const next = await popupFor(second);
    expect(await next.locator('#known-tags option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(expect.arrayContaining(['cải cách', 'dân tộc']));
    await next.fill('[data-testid=popup-tags]', 'dân tộc');
    await next.getByTestId('save-button').click();
    await next.waitForSelector('#status.ok');
    await next.close();

    const archive = await openArchive(session);
    await archive.click('#filters summary');
    await archive.selectOption('[data-testid=filter-tag]', 'cải cách');
    await resultCount(archive, '1');
    expect(await archive.textContent('[data-testid=result-item] .title')).toBe(first.truth.title);
    await archive.locator('[data-testid=result-item] a.title').first().click();
    await archive.waitForSelector('#reader-view:not([hidden])');
    expect(await archive.inputValue('[data-testid=reader-tags]')).toBe('cải cách, dân tộc');
    expect(await archive.inputValue('[data-testid=reader-note]')).toBe('Đối chiếu với bản in <b>ngày 5/7</b>.');
    await archive.close();
  });

  it('reminds about a backup after N new articles; a full backup downloads and silences it; restore brings deleted articles back', async () => {
    const archive = await openArchive(session);
    await archive.waitForSelector('[data-testid=backup-reminder]:not([hidden])');
    expect(await archive.textContent('[data-testid=backup-reminder]')).toContain('2 bài mới');
    const [download] = await Promise.all([archive.waitForEvent('download'), archive.getByTestId('reminder-backup').click()]);
    expect(download.suggestedFilename()).toMatch(/^provincial-news-backup-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.json$/);
    const path = (await download.path());
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.formatName).toBe('dexie');
    expect(file.data.tables.map((t: { name: string }) => t.name).sort()).toEqual(['articles', 'settings', 'versions']);
    expect(await archive.isHidden('[data-testid=backup-reminder]')).toBe(true);

    // Delete everything, then restore the backup.
    await resultCount(archive, '2');
    await archive.check('[data-testid=select-all]');
    await archive.waitForFunction(() => !(document.querySelector('[data-testid=bulk-delete]') as HTMLButtonElement).disabled);
    await archive.click('[data-testid=bulk-delete]');
    await resultCount(archive, '0');

    // A file that is not a backup is refused and changes nothing.
    await archive.setInputFiles('[data-testid=restore-file]', { name: 'khong-phai.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"x"}') });
    await archive.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('không phải bản sao lưu'));

    await archive.setInputFiles('[data-testid=restore-file]', path);
    await archive.waitForSelector('[data-testid=restore-dialog][open]');
    expect(await archive.textContent('[data-testid=restore-dialog]')).toContain('(2 bài)');
    await archive.click('[data-testid=restore-confirm]');
    // The page reloads after a restore and then says what it did.
    await archive.waitForFunction(() => /Đã khôi phục|Không khôi phục/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''), null, { timeout: 20_000 });
    expect(await archive.textContent('[data-testid=notice]')).toContain('Đã khôi phục 2 bài.');
    await archive.waitForSelector('body[data-ready="true"]');
    await resultCount(archive, '2');
    await archive.click('#filters summary');
    // The search index was rebuilt: the tag filter and text search find the restored articles.
    await archive.selectOption('[data-testid=filter-tag]', 'dân tộc');
    await resultCount(archive, '2');
    await archive.close();
  });
});
