// "Chọn vùng nội dung" in real Chromium: on a small provincial site whose markup the automatic extractor gets
// wrong, the person picks the body (mouse and keyboard) and leaves an ad out; the NEXT page of the same host comes
// out right through the rule and is archived so. A page whose layout changed says the rule missed; Escape cancels;
// the rule is listed in Cài đặt, and an imported site list with hostile rules stores none of them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { CorpusPage } from '../helpers/corpus';
import { launchWithExtension, openPopupFor, tabIdOf, type ExtensionSession } from './helpers/extension-browser';
import { storedArticleOf } from './helpers/stored-article';
declare const chrome: any;  

const HOST = 'sovhttdl.dienbien.gov.vn';
const FIXTURES = resolve(import.meta.dirname, '../fixtures/user-rule');
const urlOf = (n: number) => `https://${HOST}/tin-tuc/bai-viet-${n}.html`;
const fixturePages = ['article-1.html', 'article-2.html', 'article-3-new-layout.html'].map(
  (file, i) => ({ id: file, dir: FIXTURES, html: readFileSync(resolve(FIXTURES, file), 'utf8'), truth: { url: urlOf(i + 1) } }) as unknown as CorpusPage,
);
const PICKER = 'pna-content-picker';

interface StoredRule { host: string; body: string; exclude: string[]; createdAt: string }

describe('content picker in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension({ pages: fixturePages });
  });
  afterAll(async () => {
    await session?.close();
  });

  const storedRules = async (): Promise<StoredRule[]> => {
    const sw = await session.serviceWorker();
    return sw.evaluate(async () => (await chrome.storage.local.get('userRules')).userRules ?? []);
  };

  async function openArticle(n: number): Promise<{ page: Page; tabId: number }> {
    const page = await session.context.newPage();
    await page.goto(urlOf(n), { waitUntil: 'load' });
    return { page, tabId: await tabIdOf(session, page) };
  }

  /** Starts the picker from the popup (opened as a page, so it stays open) and returns that popup. */
  async function startPicker(page: Page, tabId: number): Promise<Page> {
    const popup = await openPopupFor(session, tabId);
    await popup.click('[data-testid=pick-button]');
    await popup.waitForFunction(() => /trên trang/.test(document.querySelector('[data-testid=popup-status]')?.textContent ?? ''));
    await page.bringToFront();
    await page.locator(`${PICKER} [data-testid=picker-bar]`).waitFor();
    return popup;
  }

  it('automatic extraction misses the body; the person picks it and leaves the ad out; the next page comes out right and is archived so', async () => {
    const first = await openArticle(1);
    const popup = await openPopupFor(session, first.tabId);
    // The heuristic prefers the province's introduction box: the article's own text is not what the popup shows.
    const autoExcerpt = await popup.textContent('[data-testid=popup-preview] .excerpt');
    expect(autoExcerpt).toContain('Điện Biên là tỉnh miền núi');
    expect(autoExcerpt).not.toContain('Sáng 29/11');
    await popup.close();

    const pickingPopup = await startPicker(first.page, first.tabId);
    const page = first.page;
    const summary = page.locator(`${PICKER} [data-testid=picker-summary]`);
    await expect.poll(() => summary.textContent()).toBe('Chưa chọn thân bài.');
    // Mouse: a click on a line of the text picks its block (the paragraphs' div)...
    await page.click('.doan-van .dong-chu >> nth=1');
    await expect.poll(() => summary.textContent()).toMatch(/^Thân bài: \d+ từ, 0 khối bị bỏ\. Sáng 29\/11/);
    // ...the keyboard widens it to the block around it (with the ad and the byline), Enter picks that...
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator(`${PICKER} [data-testid=picker-pointing]`).textContent()).toContain('<div.noi-dung-bai-7>');
    await page.keyboard.press('Enter');
    // ...and a click on the ad inside it leaves the ad out; the summary follows each step.
    await page.click('.o-quang-cao a');
    await expect.poll(() => summary.textContent()).toMatch(/^Thân bài: \d+ từ, 1 khối bị bỏ\. Sáng 29\/11/);
    // Keyboard: Right moves to the byline after the ad; Shift+Enter leaves it out, and again takes it back.
    const pointing = page.locator(`${PICKER} [data-testid=picker-pointing]`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => pointing.textContent()).toContain('<div.tac-gia> Minh Châu');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => summary.textContent()).toMatch(/^Thân bài: \d+ từ, 2 khối bị bỏ\./);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => summary.textContent()).toMatch(/^Thân bài: \d+ từ, 1 khối bị bỏ\./);
    // The page's own link was not followed while picking, and the page's layout is untouched by the overlay.
    expect(page.url()).toBe(urlOf(1));
    await page.click(`${PICKER} [data-testid=picker-done]`);
    await expect.poll(() => page.locator(`${PICKER} [data-testid=picker-message]`).textContent()).toBe(
      `Đã lưu vùng nội dung cho ${HOST}. Bấm lại biểu tượng tiện ích để xem trước và lưu bài.`,
    );
    const rules = await storedRules();
    expect(rules.map(({ host, body, exclude }) => ({ host, body, exclude }))).toEqual([{ host: HOST, body: 'div.noi-dung-bai-7', exclude: ['div.o-quang-cao'] }]);

    // The popup that started the pick (still open as a page) shows the preview extracted with the rule at once.
    await expect.poll(() => pickingPopup.textContent('[data-testid=popup-user-rule]').catch(() => '')).toBe(`Dùng vùng nội dung bạn đã chọn cho ${HOST}.`);
    await pickingPopup.waitForSelector('main[data-state="ready"]');
    expect(await pickingPopup.textContent('[data-testid=popup-preview] .excerpt')).toMatch(/^Sáng 29\/11/);
    await pickingPopup.close();

    // The next page of the host: extracted through the rule, saved, and archived with its own body only.
    const second = await openArticle(2);
    const popup2 = await openPopupFor(session, second.tabId);
    expect(await popup2.textContent('[data-testid=popup-user-rule]')).toBe(`Dùng vùng nội dung bạn đã chọn cho ${HOST}.`);
    expect(await popup2.textContent('[data-testid=popup-title]')).toBe('Bảo tồn nghề dệt thổ cẩm của đồng bào Thái');
    await popup2.click('[data-testid=save-button]');
    await expect.poll(() => popup2.getAttribute('[data-testid=popup-status]', 'class')).toBe('ok');
    const sw = await session.serviceWorker();
    const saved = await sw.evaluate(storedArticleOf, urlOf(2));
    expect(saved?.method).toBe('user-rule');
    const paragraphs = saved!.bodyText.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Những năm gần đây, nghề dệt thổ cẩm truyền thống/);
    expect(saved!.bodyText).toContain('nâng cao thu nhập cho người dân.');
    expect(saved!.bodyText).not.toContain('Quảng cáo');
    expect(saved!.bodyText).not.toContain('Giới thiệu chung về Điện Biên');
    await popup2.close();
  });

  it('a page of the host whose layout changed: the popup says the rule missed and shows the automatic result', async () => {
    const third = await openArticle(3);
    const popup = await openPopupFor(session, third.tabId);
    expect(await popup.textContent('[data-testid=popup-user-rule]')).toBe(
      `Vùng nội dung bạn đã chọn cho ${HOST} không còn khớp với trang này (không tìm thấy khối đã chọn); đây là kết quả tự động.`,
    );
    expect(await popup.textContent('[data-testid=popup-title]')).toBe('Điện Biên đón đoàn famtrip các doanh nghiệp lữ hành');
    expect(await popup.isVisible('[data-testid=save-button]')).toBe(true);
    await popup.close();
  });

  it('Escape cancels a pick: nothing is stored, the overlay goes away', async () => {
    const before = await storedRules();
    const { page, tabId } = await openArticle(3);
    await (await startPicker(page, tabId)).close();
    // Keyboard only: move into the page's blocks, pick one, then Escape.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(`${PICKER} [data-testid=picker-message]`).textContent()).toBe('Đã huỷ chọn vùng nội dung.');
    await page.locator(PICKER).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await storedRules()).toEqual(before);
  });

  it('Cài đặt lists the rule, exports and re-imports it with the site list; a hostile imported list stores none of its bad rules; an edit to a bad selector is refused', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options/options.html`);
    const row = options.locator(`[data-testid=user-rule][data-host="${HOST}"]`);
    await expect.poll(() => row.locator('[data-testid=rule-body]').inputValue()).toBe('div.noi-dung-bai-7');
    expect(await row.locator('[data-testid=rule-exclude]').inputValue()).toBe('div.o-quang-cao');

    // The site list's export carries the rule; importing that file elsewhere brings it back whole.
    const [download] = await Promise.all([options.waitForEvent('download'), options.click('[data-testid=export-sites]')]);
    const exported = JSON.parse(readFileSync((await download.path()), 'utf8')) as { format: string; rules: StoredRule[] };
    expect(exported.format).toBe('provincial-news-archiver-sites');
    expect(exported.rules).toEqual(await storedRules());
    await session.serviceWorker().then((sw) => sw.evaluate(() => chrome.storage.local.remove('userRules')));
    await options.setInputFiles('[data-testid=import-sites]', { name: 'user-sites.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await expect.poll(() => options.textContent('[data-testid=options-status]')).toContain('Đã nhập 1 quy tắc vùng nội dung; 0 quy tắc bị từ chối');
    expect(await storedRules()).toEqual(exported.rules);

    const hostile = {
      format: 'provincial-news-archiver-sites', version: 1, sites: [],
      rules: [
        { host: 'a.gov.vn', body: 'div:has(div:has(div:has(p)))', exclude: [] },
        { host: 'b.gov.vn', body: '<img src=x onerror=alert(1)>', exclude: [] },
        { host: 'c.gov.vn', body: 'body', exclude: [] },
        { host: 'd.gov.vn', body: 'x'.repeat(5000), exclude: [] },
        { host: 'e.gov.vn', body: '#ok', exclude: ['div['] },
        { host: 'f.gov.vn', body: '#noidung', exclude: ['.quang-cao'], createdAt: '2026-11-30T08:00:00.000Z' },
      ],
    };
    await options.setInputFiles('[data-testid=import-sites]', { name: 'sites.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
    await expect.poll(() => options.textContent('[data-testid=options-status]')).toContain(
      'Đã nhập 1 quy tắc vùng nội dung; 5 quy tắc bị từ chối (bộ chọn không hợp lệ hoặc không an toàn), không được lưu.',
    );
    expect((await storedRules()).map((r) => r.host).sort()).toEqual(['f.gov.vn', HOST]);

    // Editing a selector into something hostile is refused with a sentence, and nothing changes.
    await row.locator('[data-testid=rule-body]').fill('div:has(p)');
    await row.getByRole('button', { name: `Lưu — ${HOST}` }).click();
    await expect.poll(() => options.textContent('[data-testid=rules-status]')).toBe(
      `Quy tắc cho ${HOST} không hợp lệ: bộ chọn sai cú pháp hoặc dùng cú pháp không được phép. Không có gì được lưu.`,
    );
    expect((await storedRules()).find((r) => r.host === HOST)?.body).toBe('div.noi-dung-bai-7');

    // Removing it: the host's pages go back to the automatic result.
    await row.getByRole('button', { name: `Xoá — ${HOST}` }).click();
    await expect.poll(async () => (await storedRules()).map((r) => r.host)).toEqual(['f.gov.vn']);
    await options.close();
  });
});
