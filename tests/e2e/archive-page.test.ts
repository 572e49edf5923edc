// The archive page in Chromium: import, Vietnamese-aware search with filters and highlights, bookmarkable
// queries, tags, bulk delete with undo, and a malformed import that leaves everything as it was.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildArticle } from '../../src/core/archive/build-article';
import type { Article } from '../../src/core/types';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';
import { launchWithExtension, openArchive, type ExtensionSession } from './helpers/extension-browser';

const TITLES: Array<[string, string]> = [
  ['Hội nghị tổng kết công tác cải cách hành chính năm 2023', 'Tuyên Quang'],
  ['Cải cách hành chính gắn với chuyển đổi số', 'Tuyên Quang'],
  ['Mùa hoa tam giác mạch trên cao nguyên đá', 'Hà Giang'],
  ['Nâng cấp đường giao thông nông thôn', 'Thái Nguyên'],
  ['Chè Tân Cương vào mùa thu hoạch', 'Thái Nguyên'],
  ['Lễ hội Thành Tuyên thu hút du khách', 'Tuyên Quang'],
];

async function seedFile(dir: string): Promise<{ path: string; articles: Article[] }> {
  const articles: Article[] = [];
  for (const [i, [title, province]] of TITLES.entries()) {
    articles.push(await buildArticle(
      sampleExtracted({ title, bodyText: `${title}. Bài viết số ${i} của phóng viên.`, bodyHtml: `<p>${title}. Bài viết số ${i} của phóng viên.</p>`, lead: null }),
      { ...TUYEN_QUANG_SITE, province, host: `s${i}.example.gov.vn` },
      { now: new Date(Date.UTC(2026, 0, 1 + i)) },
    ));
  }
  const path = join(dir, 'kho.json');
  writeFileSync(path, JSON.stringify({ format: 'provincial-news-archive', version: 1, exportedAt: '2026-11-28T08:00:00+07:00', generator: 'test', filter: null, count: articles.length, articles }));
  return { path, articles };
}

async function search(page: Page, text: string): Promise<string> {
  await page.fill('[data-testid=search-input]', text);
  await page.press('[data-testid=search-input]', 'Enter');
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === (q || null), text);
  await page.waitForTimeout(150);
  return (await page.textContent('[data-testid=result-count]')) ?? '';
}

describe('archive page in Chromium', () => {
  let session: ExtensionSession;
  let dir: string;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pna-archive-'));
    session = await launchWithExtension();
    page = await openArchive(session);
  });
  afterAll(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports an export file after asking what to do with duplicates, and reports the result', async () => {
    const { path } = await seedFile(dir);
    await page.setInputFiles('[data-testid=import-file]', path);
    await page.waitForSelector('[data-testid=import-dialog][open]');
    expect(await page.textContent('#import-summary')).toContain('6 bài hợp lệ');
    await page.click('[data-testid=import-confirm]');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '6');
    expect(await page.textContent('[data-testid=notice]')).toContain('Đã nhập: 6 bài mới, 0 cập nhật, 0 bỏ qua, 0 bị từ chối.');
  });

  it('finds Vietnamese words typed without diacritics and highlights them', async () => {
    expect(await search(page, 'cai cach')).toBe('2');
    const marks = await page.locator('[data-testid=result-item] mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain('cải cách');
    expect(await search(page, 'đường')).toBe('1');
    expect(await search(page, '"tam giác mạch"')).toBe('1');
    expect(await search(page, 'cai cach -chuyen')).toBe('1');
    expect(await search(page, 'thu h')).toBe('2');
  });

  it('keeps the query in the URL so that a search can be bookmarked and reopened', async () => {
    await search(page, 'cai cach');
    const url = page.url();
    expect(url).toContain('q=cai+cach');
    const reopened = await session.context.newPage();
    await reopened.goto(url);
    await reopened.waitForSelector('body[data-ready="true"]');
    expect(await reopened.inputValue('[data-testid=search-input]')).toBe('cai cach');
    expect(await reopened.textContent('[data-testid=result-count]')).toBe('2');
    await reopened.close();
  });

  it('filters by province, shown as a removable chip', async () => {
    await search(page, '');
    await page.click('#filters summary');
    await page.selectOption('[data-testid=filter-province]', 'Thái Nguyên');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '2');
    expect(await page.textContent('[data-testid=filter-chip]')).toContain('Thái Nguyên');
    await page.click('[data-testid=filter-chip] button');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '6');
  });

  it('saves tags from the reader, and the tag filter finds the article', async () => {
    await search(page, 'le hoi');
    await page.locator('[data-testid=result-item] a.title').first().click();
    await page.waitForSelector('#reader-view:not([hidden])');
    await page.fill('[data-testid=reader-tags]', 'du lịch, lễ hội');
    await page.press('[data-testid=reader-tags]', 'Tab');
    await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('Đã lưu nhãn'));
    await page.click('#reader-back');
    await page.waitForSelector('#list-view:not([hidden])');
    await search(page, '');
    await page.selectOption('[data-testid=filter-tag]', 'du lịch');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
    expect(await page.textContent('[data-testid=result-item] .title')).toBe('Lễ hội Thành Tuyên thu hút du khách');
    await page.click('[data-testid=filter-chip] button');
  });

  it('deletes all results of a search at once, and undo brings them back', async () => {
    const hits = await search(page, 'mua');
    expect(hits).toBe('2');
    await page.check('[data-testid=select-all]');
    await page.waitForFunction(() => !(document.querySelector('[data-testid=bulk-delete]') as HTMLButtonElement).disabled);
    await page.click('[data-testid=bulk-delete]');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '0');
    expect(await page.textContent('[data-testid=notice]')).toContain('Đã xoá 2 bài.');
    await page.click('[data-testid=notice-action]');
    await page.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '2');
  });

  it('gathers selected articles into a named collection, searches and exports it, deletes it without touching its articles, and gets it back from its export', async () => {
    const count = (n: string) => page.waitForFunction((n) => document.querySelector('[data-testid=result-count]')?.textContent === n, n);
    const notice = (text: string) => page.waitForFunction((text) => document.querySelector('[data-testid=notice]')?.textContent?.includes(text), text);
    /**
     * Imports an exported file of the deleted collection "Cải cách hành chính": the dialog offers to gather (checked),
     * the report says it did, and the collection holds its 2 articles again.
     */
    const importGathering = async (path: string, offer: string, report: string) => {
      await page.setInputFiles('[data-testid=import-file]', path);
      await page.waitForSelector('[data-testid=import-dialog][open]');
      expect(await page.textContent('#import-collection-row')).toContain(offer);
      expect(await page.isChecked('[data-testid=import-collection]')).toBe(true);
      await page.click('[data-testid=import-confirm]');
      await notice(report);
      await page.selectOption('[data-testid=filter-collection]', { label: 'Cải cách hành chính' });
      await count('2');
      await page.click('[data-testid=filter-chip] button');
      await count('6');
    };
    expect(await search(page, 'cai cach')).toBe('2');
    await page.check('[data-testid=select-all]');
    await page.waitForFunction(() => !(document.querySelector('[data-testid=bulk-collection]') as HTMLSelectElement).disabled);
    page.once('dialog', (d) => void d.accept('Cải cách hành chính'));
    await page.selectOption('[data-testid=bulk-collection]', '__new__');
    await notice('Đã thêm 2 bài vào bộ sưu tập “Cải cách hành chính”.');
    await page.uncheck('[data-testid=select-all]');

    // The reader lists an article's collections; one more is added there, and taken away again.
    await page.locator('[data-testid=result-item] a.title').first().click();
    await page.waitForSelector('#reader-view:not([hidden])');
    const inReader = () => page.locator('[data-testid=reader-collection]').allTextContents();
    expect(await inReader()).toEqual(['Cải cách hành chính×']);
    page.once('dialog', (d) => void d.accept('Đọc sau'));
    await page.selectOption('[data-testid=reader-collection-add]', '__new__');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=reader-collection]').length === 2);
    expect(await inReader()).toEqual(['Cải cách hành chính×', 'Đọc sau×']);
    await page.locator('[data-testid=reader-collection]', { hasText: 'Đọc sau' }).locator('button').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=reader-collection]').length === 1);
    await page.click('#reader-back');
    await page.waitForSelector('#list-view:not([hidden])');

    // Viewed on its own, whatever else is in the archive, and searched within; a chip names it.
    expect(await search(page, '')).toBe('6');
    await page.evaluate(() => { (document.getElementById('filters') as HTMLDetailsElement).open = true; });
    await page.selectOption('[data-testid=filter-collection]', { label: 'Cải cách hành chính' });
    await count('2');
    expect(await page.textContent('[data-testid=filter-chip]')).toContain('Bộ sưu tập: Cải cách hành chính');
    expect(await search(page, 'chuyen doi so')).toBe('1');
    expect(await search(page, 'mua')).toBe('0');
    await search(page, '');
    await count('2');

    // Exported as a file named after it, holding its articles and saying which collection they are.
    await page.selectOption('[data-testid=export-scope]', 'collection');
    await page.selectOption('[data-testid=export-format]', 'json');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    expect(download.suggestedFilename()).toMatch(/^archive-cai-cach-hanh-chinh-\d{4}-\d{2}-\d{2}\.json$/);
    const { readFileSync } = await import('node:fs');
    const file = JSON.parse(readFileSync((await download.path()), 'utf8')) as { filter: { collection: string }; articles: Array<{ title: string }> };
    expect(file.filter.collection).toBe('Cải cách hành chính');
    expect(file.articles.map((a) => a.title).sort()).toEqual([TITLES[0][0], TITLES[1][0]].sort());

    // Deleting the collection keeps its articles; undo brings it back.
    await page.click('[data-testid=collection-delete]');
    await notice('Đã xoá bộ sưu tập “Cải cách hành chính”; các bài của nó vẫn còn trong kho.');
    await count('6');
    expect(await page.inputValue('[data-testid=export-scope]')).toBe('all');
    await page.click('[data-testid=notice-action]');
    await page.waitForFunction(() => [...document.querySelectorAll('#filter-collection option')].some((o) => o.textContent === 'Cải cách hành chính'));
    await page.selectOption('[data-testid=filter-collection]', { label: 'Cải cách hành chính' });
    await count('2');

    // Deleted for good, then its export imported (as a colleague would): the dialog offers to gather the articles
    // into that collection again.
    await page.click('[data-testid=collection-delete]');
    await count('6');
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    await importGathering(exported, 'Gom các bài vào bộ sưu tập “Cải cách hành chính”', '2 bài nằm trong bộ sưu tập “Cải cách hành chính”.');

    // An NDJSON export of the whole archive says which collection each article is in: with the collection deleted,
    // importing it offers to put the articles back.
    await page.selectOption('[data-testid=export-scope]', 'all');
    await page.selectOption('[data-testid=export-format]', 'ndjson');
    const [whole] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const wholePath = join(dir, whole.suggestedFilename());
    await whole.saveAs(wholePath);
    await page.selectOption('[data-testid=filter-collection]', { label: 'Cải cách hành chính' });
    await count('2');
    await page.click('[data-testid=collection-delete]');
    await count('6');
    await importGathering(wholePath, 'Xếp các bài vào những bộ sưu tập ghi trong tệp: “Cải cách hành chính”', 'Các bài đã về lại 1 bộ sưu tập ghi trong tệp.');
  });

  it('keeps the overwritten content of an article as an earlier version the reader can show', async () => {
    const { articles } = await seedFile(dir);
    const original = articles.find((a) => a.title.startsWith('Chè Tân Cương'))!;
    // Seeding makes new ids each time: the edited copy takes the archived one's id, as a real re-import would.
    const archivedId = await page.evaluate(async (title) => {
      const link = Array.from(document.querySelectorAll('[data-testid=result-item] a.title')).find((a) => a.textContent === title);
      return decodeURIComponent(link?.getAttribute('href')?.replace('#/article/', '') ?? '');
    }, original.title);
    expect(archivedId).not.toBe('');
    const edited = { ...original, id: archivedId, bodyText: 'Bản đã đính chính của bài chè.', bodyHtml: '<p>Bản đã đính chính của bài chè.</p>', contentHash: 'a'.repeat(64) };
    const path = join(dir, 'edited.ndjson');
    writeFileSync(path, `${JSON.stringify(edited)}\n${JSON.stringify({ ...edited, id: 'x-other', url: 'https://x.example.gov.vn/a.html', canonicalUrl: 'https://x.example.gov.vn/a.html', title: 'Bài khác' })}\n`);
    await page.setInputFiles('[data-testid=import-file]', path);
    await page.waitForSelector('[data-testid=import-dialog][open]');
    await page.check('input[name=duplicates][value=overwrite]');
    await page.click('[data-testid=import-confirm]');
    await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('1 cập nhật'));
    await page.goto(`${page.url().split('#')[0].split('?')[0]}#/article/${encodeURIComponent(archivedId)}`);
    await page.waitForSelector('[data-testid=reader-versions]:not([hidden])');
    const frameText = () => page.frameLocator('[data-testid=reader-frame]').locator('body').textContent();
    await page.waitForFunction(() => !!(document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement).contentDocument?.body?.textContent?.includes('đính chính'));
    await page.locator('[data-testid=reader-versions] button').nth(1).click();
    await page.waitForFunction(() => (document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement).contentDocument?.body?.textContent?.includes('Bài viết số'));
    expect(await frameText()).toContain('Chè Tân Cương vào mùa thu hoạch. Bài viết số');
    await page.goto(page.url().split('#')[0]);
    await page.waitForSelector('body[data-ready="true"]');
  });

  it('rejects a truncated file with a clear message and leaves the archive as it was', async () => {
    const { path } = await seedFile(dir);
    const broken = join(dir, 'cut.json');
    const { readFileSync } = await import('node:fs');
    writeFileSync(broken, readFileSync(path, 'utf8').slice(0, 900));
    await search(page, '');
    await page.setInputFiles('[data-testid=import-file]', broken);
    await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('cắt cụt'));
    expect(await page.textContent('[data-testid=notice]')).toContain('Kho lưu trữ không thay đổi.');
    expect(await page.isVisible('[data-testid=import-dialog]')).toBe(false);
    expect(await page.textContent('[data-testid=result-count]')).toBe('7');
  });
});
