// The local provincial site the bulk bench captures: one listing of N article pages made from the project's own
// extraction fixtures (several CMS families: Liferay, NukeViet, SharePoint/ASP.NET portals, WordPress, Joomla, old
// portals), each copy with its own title, date and marker sentence so that every page is a distinct article.
// Served by a real HTTP server on 127.0.0.1; the browser maps the host name to it.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';

export const BENCH_HOST = 'sotttt.tuyenquang.gov.vn';
export const BENCH_ORIGIN = `http://${BENCH_HOST}`;
export const BENCH_LISTING = `${BENCH_ORIGIN}/tin-tuc/`;
/** A word found only in article i. */
export const benchMarker = (i: number) => `bulkbench${i}q`;

interface Family { id: string; html: string; title: string; publishedAt: string; firstWords: string; idPath: string | null }

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures/extract');
/**
 * Extraction fixtures that the detector does not take for an article page (f09: one <br>-separated paragraph, page
 * kind "other"): a bulk run reports them as not articles and offers "Vẫn lưu", so they are no part of the listing.
 */
const NOT_DETECTED = new Set(['f09-old-portal-br-paragraphs']);

function families(): Family[] {
  const out: Family[] = [];
  for (const id of readdirSync(FIXTURES).sort()) {
    const truth = JSON.parse(readFileSync(join(FIXTURES, id, 'truth.json'), 'utf8'));
    if (!truth.isProvincialNewsArticle || !truth.title || !truth.publishedAt || NOT_DETECTED.has(id)) continue;
    const html = readFileSync(join(FIXTURES, id, 'page.html'), 'utf8');
    const firstWords = String(truth.bodyText ?? '').split(/\s+/).slice(0, 6).join(' ');
    const u = new URL(truth.url);
    const idParam = /[?&](id|itemid)=\d+$/i.exec(u.search);
    out.push({ id, html, title: truth.title, publishedAt: truth.publishedAt, firstWords, idPath: idParam ? `${u.pathname}?${idParam[1]}=` : null });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The fixture's publication date, moved to another day, in the two forms the pages write it. */
function withDate(html: string, publishedAt: string, i: number): { html: string; date: Date } {
  const [y, m, d] = publishedAt.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d) - (i % 700) * 86_400_000);
  const dmY = (dt: Date) => `${pad(dt.getUTCDate())}/${pad(dt.getUTCMonth() + 1)}/${dt.getUTCFullYear()}`;
  const iso = (dt: Date) => dt.toISOString().slice(0, 10);
  const old = new Date(Date.UTC(y, m - 1, d));
  return { html: html.replaceAll(dmY(old), dmY(date)).replaceAll(iso(old), iso(date)), date };
}

export const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export interface BenchArticle { i: number; url: string; title: string; date: string; family: string; body: Buffer }

/** Article i (0-based) of the site. */
export function makeArticle(i: number, fams = families()): BenchArticle {
  const f = fams[i % fams.length];
  const title = `${f.title} (kỳ ${i + 1})`;
  const dated = withDate(f.html, f.publishedAt, i);
  const date = dated.date;
  let html = dated.html.replaceAll(f.title, title);
  // The marker opens the first paragraph of the body, so that it is in the saved text and nowhere else.
  if (f.firstWords && html.includes(f.firstWords)) html = html.replace(f.firstWords, `Mã bài ${benchMarker(i)}. ${f.firstWords}`);
  // Portals that address articles by an id parameter keep that shape (some are recognised by it); others get a slug.
  const url = f.idPath ? `${BENCH_ORIGIN}${f.idPath}${10_000 + i}` : `${BENCH_ORIGIN}/tin-tuc/${slug(f.title).slice(0, 60)}-${10_000 + i}.html`;
  return { i, url, title, date: `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`, family: f.id, body: Buffer.from(html) };
}

export function makeSite(count: number, extra = 0): { articles: BenchArticle[]; extra: BenchArticle[]; families: string[] } {
  const fams = families();
  const all = Array.from({ length: count + extra }, (_, i) => makeArticle(i, fams));
  return { articles: all.slice(0, count), extra: all.slice(count), families: fams.map((f) => f.id) };
}

function listingHtml(articles: BenchArticle[]): string {
  const teasers = articles.map((a) => `<div class="news-item"><h3 class="news-title"><a href="${a.url}">${a.title}</a></h3><span class="news-date">${a.date}</span></div>`).join('\n');
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Sở Thông tin và Truyền thông tỉnh Tuyên Quang</title></head><body>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc/">Tin tức</a></li></ul>
<div class="main"><h1 class="cat-title">Tin tức - Sự kiện</h1>
${teasers}
</div><div class="footer">Cơ quan chủ quản: Sở Thông tin và Truyền thông tỉnh Tuyên Quang</div></body></html>`;
}

const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface BenchSite { port: number; fetches: Map<string, number>; close(): Promise<void> }

/** Serves the listing and every article (listed or extra); counts the requests for each path. */
export async function serveBenchSite(articles: BenchArticle[], extra: BenchArticle[]): Promise<BenchSite> {
  const byPath = new Map([...articles, ...extra].map((a) => [new URL(a.url).pathname + new URL(a.url).search, a.body]));
  const listing = Buffer.from(listingHtml(articles));
  const fetches = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', BENCH_ORIGIN);
    const path = u.pathname + u.search;
    fetches.set(path, (fetches.get(path) ?? 0) + 1);
    const body = path === '/tin-tuc/' ? listing : byPath.get(path);
    if (body) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
    // The pages' pictures (kept with each saved article): one small PNG for all.
    if (/\.(png|jpe?g|gif|webp)$/i.test(u.pathname)) return res.writeHead(200, { 'content-type': 'image/png', 'content-length': PIXEL.length }).end(PIXEL);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không có trang này.');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    fetches,
    close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}
