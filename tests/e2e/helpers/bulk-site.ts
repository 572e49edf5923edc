// A provincial department's site for bulk-capture tests: a NukeViet-like listing of 30 articles over 3 pages, with
// the faults a real run meets (404s, a page that is not an article, a page in windows-1258, a page that never
// answers, a 5 MB page, an article that now redirects to the home page). Served through context.route, except the
// redirect: one fulfilled by context.route fails the service worker's fetch ("Failed to fetch"), so that page is
// linked over http and answered by a real server on 127.0.0.1 that the browser is told to resolve the host to.
import { createServer } from 'node:http';
import type { BrowserContext, Route } from 'playwright-core';

export const HOST = 'sokhcn.tuyenquang.gov.vn';
export const ORIGIN = `https://${HOST}`;
export const LISTING = `${ORIGIN}/vi/news/tin-tuc/`;
export const listingPage = (n: number) => (n === 1 ? LISTING : `${ORIGIN}/vi/news/tin-tuc/page-${n}.html`);
export const articleUrl = (i: number) => `${i === REDIRECTS ? `http://${HOST}` : ORIGIN}/vi/news/tin-tuc/hoat-dong-khoa-hoc-so-${i}-${1000 + i}.html`;
/** A word found only in article i (for the archive's search). */
export const marker = (i: number) => `kiemtra${i}xyz`;

export const MISSING = [4, 17];
export const NOT_ARTICLE = 9;
export const LEGACY = 21;
export const HANGS = 25;
export const ARCHIVED_BEFORE = 12;
/** About 5 MB (a page with a huge inline script, as portals with embedded data have): an article all the same. */
export const HUGE = 27;
export const HUGE_BYTES = 5 * 1024 * 1024;
/** Taken down: the site now answers with a redirect to its home page. */
export const REDIRECTS = 29;
export const LEGACY_TITLE = 'Hội nghị tổng kết ứng dụng khoa học ở Hàm Yên';

const title = (i: number) => (i === LEGACY ? LEGACY_TITLE : `Hoạt động khoa học và công nghệ số ${i} của tỉnh Tuyên Quang`);

export function articleHtml(i: number, charset = 'utf-8', padding = ''): string {
  const p = (s: string) => `<p>${s}</p>`;
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="${charset}"><title>${title(i)} - Sở Khoa học và Công nghệ</title>${padding}</head><body>
<div id="header"><img src="/logo.png" alt="Sở Khoa học và Công nghệ tỉnh Tuyên Quang"></div>
<ul class="menu"><li><a href="/vi/">Trang chủ</a></li><li><a href="/vi/news/tin-tuc/">Tin tức</a></li></ul>
<div class="main"><h1>${title(i)}</h1><div class="date">Cập nhật: ${String((i % 27) + 1).padStart(2, '0')}/07/2024 - 08:30</div>
<div class="content">${p(`Mã bài ${marker(i)}. Sở Khoa học và Công nghệ tỉnh Tuyên Quang tổ chức hội nghị đánh giá kết quả thực hiện các nhiệm vụ khoa học và công nghệ cấp tỉnh trong năm.`)}
${p('Các đề tài tập trung vào nông nghiệp công nghệ cao, bảo tồn giống cây trồng bản địa và chuyển đổi số trong cơ quan nhà nước, được hội đồng đánh giá cao.')}
${p('Phát biểu tại hội nghị, lãnh đạo Sở đề nghị các đơn vị tiếp tục đẩy mạnh ứng dụng kết quả nghiên cứu vào sản xuất và đời sống của nhân dân trong tỉnh.')}</div></div>
<div class="footer">Cơ quan chủ quản: Sở Khoa học và Công nghệ tỉnh Tuyên Quang</div></body></html>`;
}

function listingHtml(page: number): string {
  const ids = Array.from({ length: 10 }, (_, k) => (page - 1) * 10 + k + 1);
  // Page 2 shows page 1's fifth article again (a pinned teaser): it must be listed once.
  if (page === 2) ids.push(5);
  const teasers = ids.map((i) => `<div class="news_column"><h3><a href="${articleUrl(i)}">${title(i)}</a></h3>
<div class="text-muted">${String((i % 27) + 1).padStart(2, '0')}/07/2024 08:30</div><p>Tóm tắt bài ${i}.</p></div>`).join('\n');
  const pager = [1, 2, 3].map((n) => (n === page ? `<li class="active"><span>${n}</span></li>` : `<li><a href="${listingPage(n)}">${n}</a></li>`)).join('');
  const next = page < 3 ? `<li><a href="${listingPage(page + 1)}">Trang sau</a></li>` : '';
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Trang ${page} - Sở Khoa học và Công nghệ tỉnh Tuyên Quang</title></head><body>
<div id="header"><img src="/logo.png" alt="Sở Khoa học và Công nghệ tỉnh Tuyên Quang"></div>
<ul class="menu"><li><a href="/vi/">Trang chủ</a></li><li><a href="/vi/news/tin-tuc/">Tin tức</a></li><li><a href="/vi/contact/">Liên hệ</a></li></ul>
<div class="main"><h1 class="cat-title">Tin tức</h1>${teasers}
<ul class="pagination">${pager}${next}</ul></div>
<div class="footer">Cơ quan chủ quản: Sở Khoa học và Công nghệ tỉnh Tuyên Quang</div></body></html>`;
}

/** windows-1258 bytes of `text`: letters with circumflex/breve/horn precomposed, tone marks as combining bytes. */
export function encodeCp1258(text: string): Buffer {
  const decoder = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(Uint8Array.of(b)), b);
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const nfd = ch.normalize('NFD');
    const base = nfd.replace(tones, '').normalize('NFC');
    const marks = nfd.match(tones) ?? [];
    for (const c of [base, ...marks]) {
      const b = byChar.get(c);
      if (b === undefined) throw new Error(`not in windows-1258: ${c}`);
      out.push(b);
    }
  }
  return Buffer.from(out);
}

const HOME = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Sở Khoa học và Công nghệ tỉnh Tuyên Quang</title></head><body>
<ul class="menu"><li><a href="/vi/news/tin-tuc/">Tin tức</a></li></ul><h2>Tin mới</h2>
${[1, 2, 3].map((i) => `<h3><a href="${articleUrl(i)}">${title(i)}</a></h3>`).join('')}</body></html>`;

export interface SiteLog { requests: Array<{ url: string; at: number }> }

/** Where the taken-down article now leads. */
export const REDIRECT_HOME = `http://${HOST}/vi/`;

/** The real server behind the http:// pages: the home page, and a redirect (302) to it for every other path. */
export async function startRedirectServer(): Promise<{ hostRule: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url === '/vi/') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOME);
    res.writeHead(302, { location: REDIRECT_HOME }).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    hostRule: `--host-resolver-rules=MAP ${HOST}:80 127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}

/** Serves the site; every request's URL and time is logged (the politeness check reads them). */
export async function serveBulkSite(context: BrowserContext): Promise<SiteLog> {
  const log: SiteLog = { requests: [] };
  const html = (route: Route, body: string | Buffer, contentType = 'text/html; charset=utf-8') => route.fulfill({ status: 200, contentType, body });
  // The http:// page goes to the network, where the host resolves to the redirect server.
  await context.route(new RegExp(`^http://${HOST.replaceAll('.', '\\.')}/`), (route) => {
    log.requests.push({ url: route.request().url(), at: Date.now() });
    return route.continue();
  });
  await context.route(new RegExp(`^https://${HOST.replaceAll('.', '\\.')}/`), async (route) => {
    const url = route.request().url().split('#')[0];
    log.requests.push({ url, at: Date.now() });
    for (const n of [1, 2, 3]) if (url === listingPage(n)) return html(route, listingHtml(n));
    if (url === `${ORIGIN}/vi/` || url === `${ORIGIN}/`) return html(route, HOME);
    const m = /hoat-dong-khoa-hoc-so-(\d+)-/.exec(url);
    const i = m ? Number(m[1]) : 0;
    if (!i || MISSING.includes(i)) return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Không tìm thấy</h1>' });
    if (i === HANGS) return; // never answered
    if (i === NOT_ARTICLE) return html(route, listingHtml(1));
    if (i === LEGACY) return html(route, encodeCp1258(articleHtml(i, 'windows-1258')), 'text/html');
    if (i === HUGE) return html(route, articleHtml(i, 'utf-8', `<script>var duLieu = "${'x'.repeat(HUGE_BYTES)}";</script>`));
    return html(route, articleHtml(i));
  });
  return log;
}
