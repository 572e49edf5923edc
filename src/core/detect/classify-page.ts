// Page kind from the DOM and the URL's shape: article, listing, home, documents or other.
// Precision first: an article needs a body of paragraphs, a title before it, and at least one more sign
// (a date near the title, an article-shaped URL, og:type=article or JSON-LD NewsArticle).
import type { PageKind } from '../types';
import { scanPage, type Block, type PageScan } from './page-scan';

export interface PageClassification {
  pageKind: PageKind;
  /** 0..1: how sure the page kind is. */
  score: number;
  reasons: string[];
  /** Visible title text of the article, when one was found (whitespace-folded, NFC). */
  title: string | null;
  scan: PageScan | null;
}

const DATE_RE = /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(19|20)\d{2}\b|\b(19|20)\d{2}-\d{2}-\d{2}\b|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s*(,|năm)\s*(19|20)\d{2}/i;
const DOC_NUMBER_RE = /\b\d{1,5}(?:\/(?:19|20)\d{2})?\/[A-ZĐ]{1,6}(?:-[A-ZĐ0-9]{1,8}){1,3}\b/g;
const DOC_HEADER_RE = /trích yếu|số\s*\/?\s*ký hiệu|ngày ban hành/i;
const HOME_PATHS = new Set([
  '', '/', '/index', '/home', '/default', '/trang-chu', '/trangchu', '/vi', '/en', '/portal', '/web/guest', '/web/guest/home',
  '/pages/default', '/pages/home', '/portal/pages/default', '/portal/pages/trang-chu',
]);
/** First path segments of static sections: intro, contact, Q&A, services, search. */
const SPECIAL_SECTIONS = new Set(['gioi-thieu', 'gioithieu', 'lien-he', 'hoi-dap', 'hoidap', 'thu-tuc-hanh-chinh', 'dich-vu-cong', 'tim-kiem', 'search', 'so-do-site']);
const SPECIAL_SEGMENTS = new Set([
  'lien-he', 'lienhe', 'contact', 'gioi-thieu', 'gioithieu', 'sitemap', 'so-do-site', 'so-do-cong', 'so-do-trang', 'dang-nhap',
  'login', 'tim-kiem', 'timkiem', 'search', 'hoi-dap', 'hoidap', 'thu-tuc-hanh-chinh', 'lich-cong-tac', 'danh-ba',
  'co-cau-to-chuc', 'chuc-nang-nhiem-vu', 'lien-ket-website', 'gop-y', 'dich-vu-cong', 'about', 'toa-soan', 'ban-bien-tap',
  'quang-cao', 'lien-he-quang-cao', 'dieu-khoan', 'chinh-sach-bao-mat', 'rss', 'lich-lam-viec', 'lanh-dao',
]);

/** Head-only lookups: querySelector over a huge body would defeat the scan budget. */
function meta(doc: Document, key: string): string | null {
  const el = (doc.head ?? doc.documentElement)?.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  return el?.getAttribute('content')?.trim() || null;
}

function headHasJsonLdArticle(doc: Document): boolean {
  const scripts = doc.head?.querySelectorAll('script[type="application/ld+json"]') ?? [];
  for (let i = 0; i < scripts.length && i < 8; i++) {
    if (/"@type"\s*:\s*\[?\s*"(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting)"/.test((scripts[i].textContent ?? '').slice(0, 50_000))) return true;
  }
  return false;
}

function isFrameset(doc: Document): boolean {
  const isFs = (el: Element | null | undefined) => !!el && el.tagName.toUpperCase() === 'FRAMESET';
  const html = doc.documentElement;
  if (isFs(doc.body)) return true;
  for (let el = html?.firstElementChild; el; el = el.nextElementSibling) if (isFs(el)) return true;
  for (let el = doc.body?.firstElementChild, i = 0; el && i < 5; el = el.nextElementSibling, i++) if (isFs(el)) return true;
  return false;
}

export interface UrlShape { article: boolean; listing: boolean; home: boolean; special: boolean; documents: boolean; idParam: boolean }

export function urlShape(url: URL): UrlShape {
  // Hash routes (#/…, #!/…) of single-page apps stand for the path.
  const hashRoute = /^#!?\//.test(url.hash) ? url.hash.replace(/^#!?/, '') : '';
  const [hashPath, hashQuery = ''] = hashRoute.split('?');
  const path = decodeSafe(hashPath || url.pathname).toLowerCase();
  const q = (hashRoute ? (hashQuery ? '?' + hashQuery : '') : url.search).toLowerCase();
  const idParam = /[?&](id|itemid|newsid|articleid|postid|nid|tinid)=\d+/.test(q);
  const last = path.split('/').filter(Boolean).pop() ?? '';
  const stem = last.replace(/\.(html?|aspx?|php|jsp|vov)$/, '');
  const article =
    /!-\d+\.html?$/.test(path) ||
    /view_detail\.aspx$/.test(path) && idParam ||
    /[?&]id=\d+.*type=news|type=news.*[?&]id=\d+/.test(q) ||
    (idParam && !/[?&](cat|catid|page)=/.test(q)) ||
    /[a-z0-9]+(-[a-z0-9]+){2,}-\d{3,}(\.[a-z]+)?\/?$/.test(path) ||
    /\/\d{6}\/[a-z0-9]+(-[a-z0-9]+){3,}[^/]*\/?$/.test(path) ||
    stem.split('-').length >= 7;
  const listing = /\/trang-\d+(\.html?)?\/?$/.test(path) || /[?&](page|pageindex|cur|p|trang|paged)=\d+/.test(q);
  const bare = path.replace(/\.(html?|aspx?|php|jsp)$/, '').replace(/\/+$/, '');
  const home = HOME_PATHS.has(bare) && !idParam && !/[?&](option|cat|catid|view|module)=/.test(q);
  const first = path.split('/').filter(Boolean)[0] ?? '';
  const special = SPECIAL_SEGMENTS.has(stem) || SPECIAL_SECTIONS.has(first.replace(/\.(html?|aspx?|php)$/, ''));
  const documents = /(^|[/-])(van-ban|vanban|documents?)([/-]|$)/.test(path) && !article;
  return { article, listing, home, special, documents, idParam };
}

function decodeSafe(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

const squash = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, '');

function titleSegments(doc: Document): string[] {
  const out: string[] = [];
  const add = (s: string | null | undefined) => {
    if (!s) return;
    const t = s.replace(/\s+/g, ' ').trim();
    if (t.length < 12) return;
    out.push(squash(t));
    for (const part of t.split(/\s+[-|–—»:]\s+|\s*\|\s*/)) if (part.trim().length >= 15 && part !== t) out.push(squash(part));
  };
  add(meta(doc, 'og:title'));
  add(doc.title);
  return out;
}

interface BodyPick { index: number; block: Block; start: number }

function pickBody(scan: PageScan): BodyPick | null {
  const { blocks } = scan;
  let best = -1;
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i].boiler) continue;
    if (best < 0 || blocks[i].paraChars > blocks[best].paraChars) best = i;
  }
  if (best < 0 || blocks[best].paraChars <= 0) return null;
  let start = blocks[best].textStart;
  for (let i = best + 1; i < blocks.length; i++) {
    const b = blocks[i];
    const plain = b.own - b.ownLink;
    if (plain >= 40 && (b.parent === best || (b.parent >= 0 && blocks[b.parent].parent === best))) { start = b.textStart; break; }
  }
  return { index: best, block: blocks[best], start };
}

function findTitle(scan: PageScan, segs: string[], body: BodyPick): Block | null {
  const { blocks, text } = scan;
  let fallback: Block | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.textStart > body.start) break;
    // Titles sit near the body; this also bounds the work on huge pages.
    if (body.start - b.textStart > 5000 || b.own < 10 || b.own > 400 || b.boiler) continue;
    const linked = b.ownLink > b.own * 0.5;
    if (linked && !b.titleLike) continue;
    const head = squash(text.slice(b.textStart, b.textStart + b.own + 60));
    // A linked heading counts only when it is the page's own title (some CMSs link the h1 to the article itself).
    if (segs.some((s) => s.length >= (linked ? 25 : 12) && head.startsWith(s))) return b;
    if (linked) continue;
    if (b.titleLike && b.own >= 15 && b.total <= 450 && body.start - b.textStart < 3000) fallback = b;
  }
  return fallback;
}

/**
 * A date between the title and the body's start, or right before the title with no links in between
 * (old layouts print the date first; headers print today's date above the menu).
 */
function dateByTitle(scan: PageScan, title: Block, body: BodyPick): boolean {
  const { text, blocks } = scan;
  if (DATE_RE.test(text.slice(title.textStart, Math.min(body.start + 150, title.textStart + 1500)))) return true;
  const from = Math.max(0, title.textStart - 120);
  const before = text.slice(from, title.textStart);
  let end = -1;
  for (const m of before.matchAll(new RegExp(DATE_RE.source, 'gi'))) end = from + (m.index ?? 0) + m[0].length;
  if (end < 0) return false;
  return !blocks.some((b) => b.textStart >= end && b.textStart < title.textStart && b.ownLink > 0);
}

const EMPTY = (reason: string): PageClassification => ({ pageKind: 'other', score: 0.9, reasons: [reason], title: null, scan: null });

/** Classifies a parsed page. Never throws on odd documents; returns 'other' when there is nothing to judge. */
export function classifyPage(doc: Document, url: URL): PageClassification {
  const type = (doc.contentType ?? 'text/html').toLowerCase();
  if (type !== 'text/html' && type !== 'application/xhtml+xml') return EMPTY(`not an HTML page (${type})`);
  if (/\.(pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|mp4|mp3)$/i.test(url.pathname)) return EMPTY('file, not a page');
  if (isFrameset(doc)) return EMPTY('frameset page');
  const root = doc.body ?? doc.documentElement;
  if (!root) return EMPTY('empty document');
  const scan = scanPage(root);
  const reasons: string[] = [];
  if (scan.truncated) reasons.push('DOM larger than the scan budget; judged on its first part');
  const shape = urlShape(url);
  const ogType = (meta(doc, 'og:type') ?? '').toLowerCase();
  const metaArticle = ogType === 'article' || scan.jsonLdArticle || headHasJsonLdArticle(doc);
  const metaDate = !!meta(doc, 'article:published_time') || scan.dateMarkup;
  const body = pickBody(scan);
  const segs = titleSegments(doc);
  const title = body ? findTitle(scan, segs, body) : null;

  let isArticle = false;
  let score = 0;
  if (body) {
    const b = body.block;
    const density = b.total ? b.totalLink / b.total : 1;
    const chars = Math.round(b.paraChars);
    const listLike = b.headlines >= 5 && b.headlines >= b.paraCount * 0.6;
    const enoughBody = chars >= 250 && (b.paraCount >= 2 || chars >= 500);
    reasons.push(`body: ${chars} chars in ${b.paraCount} paragraphs, link density ${density.toFixed(2)}`);
    if (listLike) reasons.push(`body holds ${b.headlines} headline links: list-like`);
    const dateNear = title ? dateByTitle(scan, title, body) : DATE_RE.test(scan.text.slice(Math.max(0, body.start - 400), body.start + 200));
    const support = [dateNear && 'date near the title', shape.article && 'article-shaped URL', metaArticle && 'og:type/JSON-LD article', metaDate && 'published-time metadata'].filter(Boolean) as string[];
    if (title) reasons.push('title found before the body');
    if (support.length) reasons.push(...support);
    const blocked = shape.home || shape.special || (shape.listing && !shape.article);
    if (blocked) reasons.push(shape.home ? 'home-page URL' : shape.special ? 'contact/info URL' : 'listing URL');
    if (enoughBody && density <= 0.35 && !listLike && title && support.length > 0 && !blocked) {
      isArticle = true;
      score = Math.min(0.98, 0.55 + 0.1 * support.length + (chars >= 800 ? 0.1 : 0) + (b.paraCount >= 3 ? 0.05 : 0));
    }
  } else {
    reasons.push('no body of paragraphs');
  }
  const titleText = title ? scan.text.slice(title.textStart, title.textStart + title.own + 40).replace(/\s+/g, ' ').trim().normalize('NFC').slice(0, 300) : null;
  if (isArticle) return { pageKind: 'article', score, reasons, title: titleText, scan };

  const docNumbers = (scan.text.match(DOC_NUMBER_RE) ?? []).length;
  let pageKind: PageKind = 'other';
  if (shape.home) { pageKind = 'home'; if (!reasons.includes('home-page URL')) reasons.push('home-page URL'); }
  else if (shape.special) pageKind = 'other';
  else if ((docNumbers >= 4 && DOC_HEADER_RE.test(scan.text)) || (shape.documents && docNumbers >= 3)) { pageKind = 'documents'; reasons.push(`${docNumbers} document numbers`); }
  else if (shape.listing || (scan.pager && scan.headlineLinks >= 3) || scan.headlineLinks >= 5) { pageKind = 'listing'; reasons.push(`${scan.headlineLinks} headline links${scan.pager ? ', pager' : ''}`); }
  return { pageKind, score: 0.7, reasons, title: null, scan };
}
