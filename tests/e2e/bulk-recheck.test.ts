 
declare const chrome: any;
// Kiểm tra cập nhật in real Chromium: five articles are archived from a listing; then the site edits one, removes one
// (404), sends one to its home page (a real 302), fails one (503) and leaves one alone. A re-check of the search
// result fetches each again through the bulk queue and ends with: a new version for the edited one (the archived
// content kept), a check date on each, the gone mark on the two gone ones, the failing one reported and not marked,
// the "Trang gốc không còn" filter finding the gone ones, and the search index matching the current content.
// The site is a real HTTP server on 127.0.0.1 (Chromium maps the provincial host to it): a redirect fulfilled through
// context.route fails the service worker's fetch, a real one does not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from './helpers/axe';
import { extensionWithHostsGranted, launchWithExtension, openArchive, openPopupFor, tabIdOf, type ExtensionSession } from './helpers/extension-browser';

const HOST = 'sotnmt.tuyenquang.gov.vn';
const ORIGIN = `http://${HOST}`;
const LISTING = `${ORIGIN}/vi/news/tin-tuc/`;
const articleUrl = (i: number) => `${ORIGIN}/vi/news/tin-tuc/bao-ve-moi-truong-so-${i}-${2000 + i}.html`;
const marker = (i: number) => `moitruong${i}xyz`;
const EDITED_MARKER = 'dachinhsuaxyz';

const SAME = 1;
const EDITED = 2;
const REMOVED = 3;
const SENT_HOME = 4;
const FAILING = 5;
const ALL = [SAME, EDITED, REMOVED, SENT_HOME, FAILING];

const title = (i: number) => `Bảo vệ môi trường lưu vực sông Lô, đợt ${i} năm 2024`;

function articleHtml(i: number, edited: boolean): string {
  const p = (s: string) => `<p>${s}</p>`;
  const first = edited
    ? `Mã bài ${EDITED_MARKER}. Sở Tài nguyên và Môi trường đã đính chính số liệu quan trắc nước sông Lô sau khi rà soát lại các điểm đo.`
    : `Mã bài ${marker(i)}. Sở Tài nguyên và Môi trường tỉnh Tuyên Quang tổ chức kiểm tra chất lượng nước sông Lô tại các điểm quan trắc.`;
  // The "views" counter changes on every request: raw HTML differs each time, the article does not.
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${title(i)} - Sở Tài nguyên và Môi trường</title></head><body>
<div id="header"><img src="/logo.png" alt="Sở Tài nguyên và Môi trường tỉnh Tuyên Quang"></div>
<ul class="menu"><li><a href="/vi/">Trang chủ</a></li><li><a href="/vi/news/tin-tuc/">Tin tức</a></li></ul>
<div class="main"><h1>${title(i)}</h1><div class="date">Cập nhật: ${String(i + 10)}/08/2024 - 09:15</div>
<div class="content">${p(first)}
${p('Đoàn kiểm tra đã lấy mẫu nước tại mười hai vị trí, đánh giá các chỉ tiêu về độ đục, oxy hòa tan và kim loại nặng theo quy chuẩn.')}
${p('Kết quả cho thấy phần lớn các chỉ tiêu đạt quy chuẩn; Sở đề nghị các địa phương tăng cường giám sát nguồn thải dọc lưu vực.')}</div></div>
<div class="views">Lượt xem: ${Math.floor(Math.random() * 100_000)}</div>
<div class="footer">Cơ quan chủ quản: Sở Tài nguyên và Môi trường tỉnh Tuyên Quang</div></body></html>`;
}

const LISTING_HTML = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Sở Tài nguyên và Môi trường tỉnh Tuyên Quang</title></head><body>
<ul class="menu"><li><a href="/vi/">Trang chủ</a></li><li><a href="/vi/news/tin-tuc/">Tin tức</a></li><li><a href="/vi/contact/">Liên hệ</a></li></ul>
<div class="main"><h1 class="cat-title">Tin tức</h1>
${ALL.map((i) => `<div class="news_column"><h3><a href="${articleUrl(i)}">${title(i)}</a></h3><div class="text-muted">${i + 10}/08/2024 09:15</div><p>Tóm tắt bài ${i}.</p></div>`).join('\n')}
</div></body></html>`;

const HOME_HTML = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Sở Tài nguyên và Môi trường tỉnh Tuyên Quang</title></head><body>
<ul class="menu"><li><a href="/vi/news/tin-tuc/">Tin tức</a></li></ul><h2>Tin mới</h2>
${[SAME, EDITED].map((i) => `<h3><a href="${articleUrl(i)}">${title(i)}</a></h3>`).join('')}</body></html>`;

/** The site: as first archived, then (`changed`) with one article edited, one removed, one redirected home, one failing. */
function serveSite(): Promise<{ server: Server; port: number; site: { changed: boolean }; requests: string[] }> {
  const site = { changed: false };
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = `${ORIGIN}${req.url ?? '/'}`;
    requests.push(url);
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    if (url === LISTING) return html(LISTING_HTML);
    if (url === `${ORIGIN}/` || url === `${ORIGIN}/vi/`) return html(HOME_HTML);
    const i = ALL.find((k) => url === articleUrl(k));
    if (!i) return res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Không tìm thấy</h1>');
    if (site.changed && i === REMOVED) return res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>Không tìm thấy</h1>');
    if (site.changed && i === SENT_HOME) return res.writeHead(302, { location: '/' }).end();
    if (site.changed && i === FAILING) return res.writeHead(503, { 'content-type': 'text/plain' }).end('Bảo trì');
    return html(articleHtml(i, site.changed && i === EDITED));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, port: (server.address() as AddressInfo).port, site, requests })));
}

/** A message as the extension shows it in the browser's UI language (Chromium without its l10n package runs in English). */
function message(lang: string, key: string, ...subs: string[]): string {
  const file = resolve(import.meta.dirname, '../../_locales', lang.startsWith('vi') ? 'vi' : 'en', 'messages.json');
  const entry = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)[key];
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => subs[Number(entry.placeholders![name.toLowerCase()].content.slice(1)) - 1]);
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function resultCount(archive: Page, search: string): Promise<number> {
  const url = new URL(archive.url());
  url.search = search;
  url.hash = '';
  await archive.goto(url.toString());
  await archive.waitForSelector('body[data-ready="true"]');
  return Number((await archive.textContent('[data-testid=result-count]'))!.replaceAll('.', ''));
}

interface StoredRow { url: string; id: string; bodyText: string; checkedAt?: string; goneAt?: string; updatedAt?: string }

/** Articles and earlier versions as the archive's IndexedDB holds them (run in an extension page). */
function storedRows(): Promise<{ articles: StoredRow[]; versions: Array<{ articleId: string; article: StoredRow }> }> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('provincial-news-archive');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['articles', 'versions']);
      const articles = tx.objectStore('articles').getAll();
      const versions = tx.objectStore('versions').getAll();
      tx.oncomplete = () => {
        open.result.close();
        done({ articles: articles.result as StoredRow[], versions: versions.result as Array<{ articleId: string; article: StoredRow }> });
      };
    };
  });
}

describe('Kiểm tra cập nhật (re-check of archived articles)', () => {
  let session: ExtensionSession;
  let extensionDir: string;
  let served: Awaited<ReturnType<typeof serveSite>>;
  let lang = 'vi';
  const m = (key: string, ...subs: string[]) => message(lang, key, ...subs);

  beforeAll(async () => {
    served = await serveSite();
    extensionDir = extensionWithHostsGranted([HOST]);
    session = await launchWithExtension({ extensionDir, extraArgs: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1:${served.port}`] });
    // Past the helper's catch-all route: this host's requests go to the real server (and its real redirects).
    await session.context.route(new RegExp(`^http://${HOST.replaceAll('.', '\\.')}/`), (route) => route.continue());
    const sw = await session.serviceWorker();
    await sw.evaluate(() => chrome.storage.local.set({ bulkSettings: { delayMs: 100, timeoutMs: 3000, backoffMs: 200 } }));
    lang = await sw.evaluate(() => chrome.i18n.getUILanguage());
  });
  afterAll(async () => {
    await session?.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
    served?.server.close();
  });

  it('records changed, unchanged and gone pages without losing what was archived, and reports the failing one', async () => {
    // Archived from the listing, as an archivist would.
    const listing = await session.context.newPage();
    await listing.goto(LISTING);
    const popup = await openPopupFor(session, await tabIdOf(session, listing));
    await popup.waitForSelector('[data-testid=bulk-panel]:not([hidden])');
    expect(await popup.locator('[data-testid=bulk-list] li').count()).toBe(ALL.length);
    await popup.getByTestId('bulk-save').click();
    await popup.waitForSelector('[data-testid=bulk-run][data-state="done"]', { timeout: 60_000 });
    await popup.close();
    await listing.close();

    const archive = await openArchive(session);
    expect(await resultCount(archive, '')).toBe(ALL.length);
    const before = await archive.evaluate(storedRows);
    const editedBefore = before.articles.find((a) => a.url === articleUrl(EDITED))!;

    served.site.changed = true;
    const recheckStart = served.requests.length;
    // Nothing selected: the button re-checks the whole current result.
    expect(await archive.textContent('[data-testid=recheck]')).toBe(m('archiveRecheckResults', String(ALL.length)));
    await archive.getByTestId('recheck').click();
    await archive.waitForSelector('[data-testid=recheck-run][data-state="done"]', { timeout: 60_000 });
    expect(await archive.textContent('[data-testid=recheck-text]')).toContain(m('bulkProgress', String(ALL.length), String(ALL.length)));
    expect(await archive.textContent('[data-testid=recheck-detail]')).toBe(m('recheckProgressDetail', '1', '1', '2', '1'));
    const outcomes = await archive.$$eval('[data-testid=recheck-results] li', (lis) => lis.map((li) => [(li as HTMLElement).dataset.url, (li as HTMLElement).dataset.state, li.textContent]));
    const outcomeOf = new Map(outcomes.map(([url, state, text]) => [url, [state, text]]));
    expect(outcomeOf.get(articleUrl(SAME))?.[0]).toBe('unchanged');
    expect(outcomeOf.get(articleUrl(EDITED))?.[0]).toBe('changed');
    expect(outcomeOf.get(articleUrl(REMOVED))?.[0]).toBe('gone');
    expect(outcomeOf.get(articleUrl(SENT_HOME))?.[0]).toBe('gone');
    expect(outcomeOf.get(articleUrl(FAILING))).toEqual(['failed', `${title(FAILING)} — ${m('bulkFailHttp', '503')}`]);
    expect(outcomeOf.get(articleUrl(REMOVED))?.[1]).toBe(`${title(REMOVED)} — ${m('recheckOutcomeGone')}`);
    // Every article was fetched again; the failing one tried three times; the redirect was followed to the home page.
    const during = served.requests.slice(recheckStart);
    for (const i of ALL) expect(during.filter((u) => u === articleUrl(i)).length, `article ${i}`).toBe(i === FAILING ? 3 : 1);
    expect(during).toContain(`${ORIGIN}/`);

    // What the archive holds: the edited article's archived content kept as an earlier version, dates on each.
    const after = await archive.evaluate(storedRows);
    const row = (i: number) => after.articles.find((a) => a.url === articleUrl(i))!;
    expect(after.articles).toHaveLength(ALL.length);
    expect(row(EDITED).bodyText).toContain(EDITED_MARKER);
    expect(row(EDITED).updatedAt).toBeTruthy();
    expect(after.versions.map((v) => [v.articleId, v.article.bodyText])).toEqual([[editedBefore.id, editedBefore.bodyText]]);
    for (const i of [SAME, EDITED, REMOVED, SENT_HOME]) expect(row(i).checkedAt, `article ${i}`).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(row(FAILING).checkedAt).toBeUndefined();
    expect([SAME, EDITED, REMOVED, SENT_HOME, FAILING].map((i) => !!row(i).goneAt)).toEqual([false, false, true, true, false]);
    // Gone articles keep their content.
    expect(row(REMOVED).bodyText).toBe(before.articles.find((a) => a.url === articleUrl(REMOVED))!.bodyText);

    // The list shows the gone marks; the filter finds exactly the gone ones, and says so in the URL.
    await archive.waitForFunction(() => document.querySelectorAll('[data-testid=gone-mark]').length === 2);
    // The run's panel, its results and the gone marks are readable and named, in light and dark scheme.
    expect(await axeViolations(archive)).toEqual([]);
    await archive.click('#filters summary');
    await archive.getByTestId('filter-gone').check();
    await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '2');
    expect(new URL(archive.url()).searchParams.get('gone')).toBe('1');
    const goneTitles = await archive.$$eval('[data-testid=result-item] a.title', (as) => as.map((a) => a.textContent).sort());
    expect(goneTitles).toEqual([title(REMOVED), title(SENT_HOME)].sort());
    expect(await archive.textContent('[data-testid=filter-chip]')).toContain(m('filter_gone'));
    expect(await resultCount(archive, `?q=${marker(REMOVED)}&gone=1`)).toBe(1);
    expect(await resultCount(archive, `?q=${marker(SAME)}&gone=1`)).toBe(0);

    // The search index follows the current content: the edited words are found, the replaced ones are not.
    expect(await resultCount(archive, '')).toBe(ALL.length);
    expect(await resultCount(archive, `?q=${EDITED_MARKER}`)).toBe(1);
    expect(await resultCount(archive, `?q=${marker(EDITED)}`)).toBe(0);
    expect(await resultCount(archive, `?q=${marker(SAME)}`)).toBe(1);

    // The reader: the gone mark with its date, the last check date, the earlier version of the edited article.
    await archive.goto(archive.url().split('?')[0].split('#')[0] + `#/article/${encodeURIComponent(row(SENT_HOME).id)}`);
    await archive.waitForSelector('[data-testid=reader-gone]:not([hidden])');
    const goneMark = new RegExp(`^${escape(m('archiveGoneMark', 'DATE')).replace('DATE', '\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}')}$`);
    expect(await archive.textContent('[data-testid=reader-gone]')).toMatch(goneMark);
    expect(await archive.textContent('[data-testid=reader-meta]')).toContain(`${m('archiveCheckedAt')}:`);
    await archive.goto(archive.url().split('#')[0] + `#/article/${encodeURIComponent(row(EDITED).id)}`);
    await archive.waitForSelector('[data-testid=reader-versions]:not([hidden])');
    expect(await archive.isHidden('[data-testid=reader-gone]')).toBe(true);
    expect(await archive.locator('#reader-version-list button').count()).toBe(2);
  });
});
