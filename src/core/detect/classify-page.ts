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

interface UrlShape {
  article: boolean;
  /** An article id the CMS put in the URL (-a196670.html, -post404649.html, -d538952.html, …-20260307075519174.htm). */
  articleId: boolean;
  listing: boolean;
  home: boolean;
  special: boolean;
  documents: boolean;
  idParam: boolean;
  /** A product page of a provincial e-commerce portal (san…gov.vn/san-pham/…). */
  product: boolean;
}

export function urlShape(url: URL): UrlShape {
  // Hash routes (#/…, #!/…) of single-page apps stand for the path.
  const hashRoute = /^#!?\//.test(url.hash) ? url.hash.replace(/^#!?/, '') : '';
  const [hashPath, hashQuery = ''] = hashRoute.split('?');
  const path = decodeSafe(hashPath || url.pathname).toLowerCase();
  const q = (hashRoute ? (hashQuery ? '?' + hashQuery : '') : url.search).toLowerCase();
  const idParam = /[?&](id|itemid|newsid|articleid|postid|nid|tinid)=\d+/.test(q);
  const last = path.split('/').filter(Boolean).pop() ?? '';
  const stem = last.replace(/\.(html?|aspx?|php|jsp|vov)$/, '');
  const articleId = ARTICLE_ID_RES.some((re) => re.test(path)) || /[?&]id=\d+.*type=news|type=news.*[?&]id=\d+/.test(q);
  const article =
    articleId ||
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
  const product = /(^|\/)(san-pham|sanpham|product|products|chi-tiet-san-pham)(\/|$)/.test(path) || (/^san/.test(url.hostname) && /\.gov\.vn$/.test(url.hostname) && /(^|\/)(san-pham|sp)\//.test(path));
  return { article: article && !product, articleId: articleId && !product, listing, home, special, documents, idParam, product };
}

/** Article ids the Vietnamese CMS families put at the end of a slug: a/post/d/n/t + digits, long timestamps, bare ids. */
const ARTICLE_ID_RES = [
  /[a-z0-9]+(-[a-z0-9]+){2,}-(a|p|post|d|n|t|ar|news|tin|bai)\d{4,}(\.[a-z]+)?\/?$/,
  /[a-z0-9]+(-[a-z0-9]+){2,}-\d{12,}(\.[a-z]+)?\/?$/,
  /[a-z0-9]+(-[a-z0-9]+){2,}!?-\d{3,}\.(html?|aspx|vov|chn|htm|vnp)$/,
  /[a-z0-9]+(-[a-z0-9]+){2,}-\d{5,}\/?$/,
];

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

/** What the page says about itself, gathered once and read by every rule below. */
interface Evidence {
  shape: UrlShape;
  metaArticle: boolean;
  /** article:published_time in the head. */
  metaPublished: boolean;
  metaDate: boolean;
  body: BodyPick | null;
  title: Block | null;
  dominant: Dominant | null;
}

interface Dominant { block: Block; chars: number; count: number }

/**
 * The page's dominant text block: the longest run of paragraphs no headline link breaks (class words ignored, so
 * a main column named "sidebar-1" still counts). Teasers never make one: each is a run of one paragraph.
 */
function dominantBlock(scan: PageScan): Dominant | null {
  let best: Block | null = null;
  for (const b of scan.blocks) if (!b.tagBoiler && (!best || b.directChars > best.directChars)) best = b;
  if (!best) return null;
  const chars = Math.round(best.directChars);
  const count = best.directCount;
  if (!(count >= 3 ? chars >= 400 : count >= 1 && chars >= 800)) return null;
  return { block: best, chars, count };
}

/** An <h1> shortly before the dominant block with a date between them: the shape of every article template. */
function h1AboveDatedBlock(scan: PageScan, d: Dominant): boolean {
  const start = d.block.textStart;
  const h1 = scan.h1Starts.filter((x) => x < start && start - x < 3000);
  if (h1.length !== 1) return false;
  return DATE_RE.test(scan.text.slice(h1[0], Math.min(start + 200, h1[0] + 3200)));
}

const LEGAL_FIELD_RES = [/số\s*(\/\s*)?ký hiệu|số hiệu văn bản/i, /ngày ban hành/i, /ngày (có )?hiệu lực/i, /cơ quan ban hành/i, /người ký/i, /trích yếu/i, /loại văn bản/i];
const SHOP_RE = /thêm vào giỏ|giỏ hàng|mua ngay|đặt mua|đặt hàng ngay/i;
const STATIC_TITLE_RE = /^(liên hệ|thông tin liên hệ|lịch công tác|lịch làm việc|lịch tiếp công dân|danh bạ)/i;

/** Pages that are never news articles however much text they hold. */
function nonArticle(scan: PageScan, ev: Evidence, url: URL): { kind: PageKind; reason: string } | null {
  const { shape, title } = ev;
  if (shape.product) return { kind: 'other', reason: 'product page of an e-commerce portal' };
  if (shape.home) return null;
  // Field labels count only around the page's own title or main block (home pages carry document widgets).
  const anchor = title?.textStart ?? ev.dominant?.block.textStart ?? ev.body?.block.textStart ?? -1;
  const head = anchor < 0 ? '' : scan.text.slice(Math.max(0, anchor - 300), anchor + 3000);
  const legal = LEGAL_FIELD_RES.filter((re) => re.test(head)).length;
  if (legal >= 3) return { kind: 'documents', reason: `legal-document page (${legal} document fields)` };
  if (SHOP_RE.test(head) && /(giá|price)\s*:?\s*[\d.,]+\s*(đ|₫|vnđ|vnd)/i.test(head)) return { kind: 'other', reason: 'product page (price and cart)' };
  const titleText = title ? scan.text.slice(title.textStart, title.textStart + 80).trim() : '';
  if (/\.gov\.vn$/.test(url.hostname) && STATIC_TITLE_RE.test(titleText)) return { kind: 'other', reason: 'contact or calendar page' };
  return null;
}

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
  const ogType = (meta(doc, 'og:type') ?? '').toLowerCase();
  const metaPublished = !!meta(doc, 'article:published_time');
  const body = pickBody(scan);
  const ev: Evidence = {
    shape: urlShape(url),
    metaArticle: ogType === 'article' || scan.jsonLdArticle || headHasJsonLdArticle(doc),
    metaPublished,
    metaDate: metaPublished || scan.dateMarkup,
    body,
    title: body ? findTitle(scan, titleSegments(doc), body) : null,
    dominant: dominantBlock(scan),
  };
  const veto = nonArticle(scan, ev, url);
  if (veto) {
    reasons.push(veto.reason);
    return { pageKind: veto.kind, score: 0.8, reasons, title: null, scan };
  }
  const score = articleByBodyAndTitle(scan, ev, reasons) || articleByStrongEvidence(scan, ev, reasons);
  const title = ev.title;
  const titleText = title ? scan.text.slice(title.textStart, title.textStart + title.own + 40).replace(/\s+/g, ' ').trim().normalize('NFC').slice(0, 300) : null;
  if (score > 0) return { pageKind: 'article', score, reasons, title: titleText, scan };
  return { pageKind: notArticleKind(scan, ev.shape, reasons), score: 0.7, reasons, title: null, scan };
}

const blockedBy = (shape: UrlShape) => (shape.home ? 'home-page URL' : shape.special ? 'contact/info URL' : shape.listing && !shape.article ? 'listing URL' : null);

/** The first rule: a body of paragraphs under the page's title, with one more sign. Returns a score, 0 when not met. */
function articleByBodyAndTitle(scan: PageScan, ev: Evidence, reasons: string[]): number {
  const { body, title, shape } = ev;
  if (!body) {
    reasons.push('no body of paragraphs');
    return 0;
  }
  const b = body.block;
  const density = b.total ? b.totalLink / b.total : 1;
  const chars = Math.round(b.paraChars);
  const listLike = b.headlines >= 5 && b.headlines >= b.paraCount * 0.6;
  const enoughBody = chars >= 250 && (b.paraCount >= 2 || chars >= 500);
  reasons.push(`body: ${chars} chars in ${b.paraCount} paragraphs, link density ${density.toFixed(2)}`);
  if (listLike) reasons.push(`body holds ${b.headlines} headline links: list-like`);
  const dateNear = title ? dateByTitle(scan, title, body) : DATE_RE.test(scan.text.slice(Math.max(0, body.start - 400), body.start + 200));
  const support = [dateNear && 'date near the title', shape.article && 'article-shaped URL', ev.metaArticle && 'og:type/JSON-LD article', ev.metaDate && 'published-time metadata'].filter(Boolean) as string[];
  if (title) reasons.push('title found before the body');
  if (support.length) reasons.push(...support);
  const blocked = blockedBy(shape);
  if (blocked) reasons.push(blocked);
  if (!(enoughBody && density <= 0.35 && !listLike && title && support.length > 0 && !blocked)) return 0;
  return Math.min(0.98, 0.55 + 0.1 * support.length + (chars >= 800 ? 0.1 : 0) + (b.paraCount >= 3 ? 0.05 : 0));
}

/**
 * The second rule, strongest evidence first: a dominant block of prose plus a sign only articles carry
 * (og:type/JSON-LD article, article:published_time, an article id in the URL, one <h1> above the dated block).
 * Related blocks and teaser rails beside the body do not count against it, however long.
 */
function articleByStrongEvidence(scan: PageScan, ev: Evidence, reasons: string[]): number {
  const d = ev.dominant;
  if (!d || blockedBy(ev.shape)) return 0;
  const strong = [
    ev.metaArticle && 'og:type/JSON-LD article',
    ev.metaPublished && 'article:published_time',
    ev.shape.articleId && 'article id in the URL',
    h1AboveDatedBlock(scan, d) && 'one <h1> above the dated text block',
  ].filter(Boolean) as string[];
  if (!strong.length) return 0;
  reasons.push(`dominant text block: ${d.chars} chars in ${d.count} paragraphs; strong evidence: ${strong.join(', ')}`);
  return Math.min(0.95, 0.6 + 0.1 * strong.length + (d.chars >= 1500 ? 0.05 : 0));
}

function notArticleKind(scan: PageScan, shape: UrlShape, reasons: string[]): PageKind {
  const docNumbers = (scan.text.match(DOC_NUMBER_RE) ?? []).length;
  if (shape.home) {
    if (!reasons.includes('home-page URL')) reasons.push('home-page URL');
    return 'home';
  }
  if (shape.special) return 'other';
  if ((docNumbers >= 4 && DOC_HEADER_RE.test(scan.text)) || (shape.documents && docNumbers >= 3)) {
    reasons.push(`${docNumbers} document numbers`);
    return 'documents';
  }
  if (shape.listing || (scan.pager && scan.headlineLinks >= 3) || scan.headlineLinks >= 5) {
    // A listing is mostly teasers: a page with a run of prose outside the furniture is not one, whatever surrounds it.
    const prose = scan.blocks.find((b) => !b.boiler && b.directCount >= 3 && b.directChars >= 400);
    if (prose && !shape.listing) {
      reasons.push(`${scan.headlineLinks} headline links beside a ${Math.round(prose.directChars)}-char text block: not a listing`);
      return 'other';
    }
    reasons.push(`${scan.headlineLinks} headline links${scan.pager ? ', pager' : ''}`);
    return 'listing';
  }
  return 'other';
}
