// "Chọn vùng nội dung" in Debian's firefox-esr (WebDriver BiDi): the picker starts from the popup, runs in the
// page with mouse and keyboard, the rule is stored, and the host's next page is archived through it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { CorpusPage } from '../helpers/corpus';
import { FIREFOX, firefoxPresent, launchFirefoxWithExtension, type FirefoxSession } from './helpers/firefox-browser';
import { storedArticleOf } from './helpers/stored-article';
declare const browser: any;  

if (!firefoxPresent) console.warn(`${FIREFOX} not found (apt-get install -y firefox-esr): Firefox picker test skipped`);

const HOST = 'sovhttdl.dienbien.gov.vn';
const FIXTURES = resolve(import.meta.dirname, '../fixtures/user-rule');
const urlOf = (n: number) => `https://${HOST}/tin-tuc/bai-viet-${n}.html`;
const fixturePages = ['article-1.html', 'article-2.html'].map(
  (file, i) => ({ id: file, dir: FIXTURES, html: readFileSync(resolve(FIXTURES, file), 'utf8'), truth: { url: urlOf(i + 1) } }) as unknown as CorpusPage,
);
const LOCALES = resolve(import.meta.dirname, '../../_locales');
/** A message as the extension shows it in the browser's UI language (firefox-esr here runs in English). */
function message(lang: string, key: string, ...subs: string[]): string {
  const messages = JSON.parse(readFileSync(resolve(LOCALES, lang.startsWith('vi') ? 'vi' : 'en', 'messages.json'), 'utf8'));
  return (messages[key].message as string).replace(/\$(ONE|TWO|THREE)\$/g, (_: string, n: string) => subs[['ONE', 'TWO', 'THREE'].indexOf(n)]);
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const IN_PICKER = (testid: string) => `pna-content-picker >>> [data-testid=${testid}]`;

async function waitForText(page: Page, selector: string, wanted: RegExp): Promise<string> {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < 15_000) {
    text = await page.$eval(selector, (e) => e.textContent ?? '').catch(() => '');
    if (wanted.test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  return text;
}

describe.skipIf(!firefoxPresent)('content picker in Firefox (WebDriver BiDi)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefoxWithExtension({ pages: fixturePages });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('picks the body and leaves the ad out; the next page of the host is archived through the rule', async () => {
    const lang: string = await session.control.evaluate(() => browser.i18n.getUILanguage());
    const m = (key: string, ...subs: string[]) => message(lang, key, ...subs);
    const { page, tabId } = await session.openPage(fixturePages[0]);
    const popup = await session.openExtensionPage(`popup/popup.html?tab=${tabId}`, 'main[data-state="ready"], main[data-state="error"]');
    await popup.click('[data-testid=pick-button]');
    expect(await waitForText(popup, '[data-testid=popup-status]', /./)).toBe(m('popupPickStarted'));
    await popup.close();
    await page.bringToFront();
    await page.waitForSelector(IN_PICKER('picker-bar'));
    await page.click('.doan-van .dong-chu:nth-of-type(2)');
    await page.keyboard.press('ArrowUp');
    expect(await waitForText(page, IN_PICKER('picker-pointing'), /div\.noi-dung-bai-7/)).toContain('<div.noi-dung-bai-7>');
    await page.keyboard.press('Enter');
    await page.hover('.o-quang-cao a');
    await page.click('.o-quang-cao a');
    const summary = new RegExp(`^${escape(m('pickerSummary', '@', '1', 'Sáng 29/11')).replace('@', '\\d+')}`);
    expect(await waitForText(page, IN_PICKER('picker-summary'), summary)).toMatch(summary);
    expect(page.url()).toBe(urlOf(1));
    await page.click(IN_PICKER('picker-done'));
    expect(await waitForText(page, IN_PICKER('picker-message'), new RegExp(HOST))).toBe(m('pickerSaved', HOST));
    const rules = await session.control.evaluate(async () => (await browser.storage.local.get('userRules')).userRules);
    expect(rules.map((r: { body: string; exclude: string[] }) => [r.body, r.exclude])).toEqual([['div.noi-dung-bai-7', ['div.o-quang-cao']]]);
    await page.close();

    const second = await session.openPage(fixturePages[1]);
    const saved = await session.saveThroughPopup(second.tabId);
    expect(await saved.$eval('[data-testid=popup-user-rule]', (e) => e.textContent)).toBe(m('popupUserRuleApplied', HOST));
    await saved.close();
    const article = await session.control.evaluate(storedArticleOf, urlOf(2));
    expect(article?.method).toBe('user-rule');
    expect(article!.bodyText).toMatch(/^Những năm gần đây, nghề dệt thổ cẩm truyền thống/);
    expect(article!.bodyText).not.toContain('Quảng cáo');
    expect(article!.bodyText).not.toContain('Giới thiệu chung về Điện Biên');
    await second.page.close();
  });
});
