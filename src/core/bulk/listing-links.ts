// The articles a listing, category or home page links to: same-site links that look like articles (by their URL's
// shape or by a headline-length link text), outside menus, footers and pagination, one entry per URL, in page order,
// with the date the teaser shows where it shows one.
import { urlShape } from '../detect/classify-page';
import { parseVietnameseDate } from '../extract/metadata/date';
import { absoluteHttpUrl, anchorText } from './link-dom';
import { hostKey, isPageOfListing } from './page-number';

import type { ListedArticle } from '../shapes/messages';

export type { ListedArticle };

/** Containers whose links are never the listing's articles (whole class/id tokens). */
const BOILER = /(?:^|[\s_-])(?:menu|mainmenu|topmenu|nav|navbar|navigation|footer|breadcrumbs?|pagination|paging|pager|phantrang|iterator|topbar|banner|login|copyright|social|share|tags?|lang|language|search|sidebar|most|mostread|docnhieu|xemnhieu|related|tinlienquan)(?=$|[\s_-])/i;
// <header> is left out: WordPress wraps each teaser's headline in one.
const BOILER_TAGS = new Set(['NAV', 'FOOTER', 'FORM', 'SELECT', 'BUTTON']);
/** Files and pages that are not articles whatever their link text says. */
const NOT_ARTICLE_PATH = /\.(pdf|docx?|xlsx?|pptx?|zip|rar|jpe?g|png|gif|webp|mp3|mp4|avi)$|\/(?:tag|tags|tac-gia|author|search|tim-kiem|lien-he|contact|rss|sitemap|login|dang-nhap|about|gioi-thieu)(?:\/|\.html?$|$)/i;
const MIN_TEASER_TITLE = 25;
const MAX_TEASER_DEPTH = 4;

interface Candidate { key: string; url: string; title: string; anchors: Element[] }

/** The article links of a listing/home page, de-duplicated, in the order the page shows them. */
export function findListedArticles(doc: Document, pageUrl: string): ListedArticle[] {
  let page: URL;
  try { page = new URL(pageUrl); } catch { return []; }
  const body = doc.body ?? doc.documentElement;
  if (!body) return [];
  const byKey = new Map<string, Candidate>();
  for (const a of Array.from(body.querySelectorAll('a[href]'))) {
    const url = absoluteHttpUrl(a.getAttribute('href'), pageUrl, doc);
    if (!url || !sameSite(url, page) || inBoilerplate(a, body)) continue;
    const clean = withoutTracking(url);
    const key = clean.toLowerCase();
    if (key === withoutTracking(pageUrl).toLowerCase() || isPageOfListing(clean, pageUrl)) continue;
    const title = anchorText(a);
    const entry = byKey.get(key);
    if (entry) {
      // An image link and a headline link to the same article: the longer text is the title.
      if (title.length > entry.title.length) entry.title = title;
      entry.anchors.push(a);
    } else {
      byKey.set(key, { key, url: clean, title, anchors: [a] });
    }
  }
  const articles = [...byKey.values()].filter(looksLikeArticle);
  // Which article each link leads to: a teaser block is the one around a link that holds no other article's link.
  const keyOf = new Map<Element, string>();
  for (const c of articles) for (const a of c.anchors) keyOf.set(a, c.key);
  return articles.map((c) => ({ url: c.url, title: c.title, date: teaserDate(c, keyOf) }));
}

function looksLikeArticle(c: Candidate): boolean {
  const u = new URL(c.url);
  if (NOT_ARTICLE_PATH.test(u.pathname)) return false;
  const shape = urlShape(u);
  if (shape.home || shape.special || shape.documents) return false;
  if (shape.article) return c.title.length > 0;
  // Article URLs the shape rules do not know (WordPress, portals): a headline-length, several-word link text.
  return !shape.listing && c.title.length >= MIN_TEASER_TITLE && c.title.split(' ').length >= 5;
}

function sameSite(url: string, page: URL): boolean {
  const host = hostKey(new URL(url).hostname);
  const pageHost = hostKey(page.hostname);
  return host === pageHost;
}

/** The URL without its fragment and utm_* parameters: the same article linked twice is one entry. */
function withoutTracking(url: string): string {
  const u = new URL(url);
  u.hash = '';
  // forEach, not the keys() iterator: Firefox's content scripts get a URLSearchParams whose iterators do not spread.
  const keys: string[] = [];
  u.searchParams.forEach((_, k) => keys.push(k));
  for (const k of keys) if (/^utm_/i.test(k)) u.searchParams.delete(k);
  return u.href;
}

function inBoilerplate(el: Element, stop: Element): boolean {
  for (let n: Element | null = el; n && n !== stop; n = n.parentElement) {
    if (BOILER_TAGS.has(n.tagName.toUpperCase())) return true;
    const role = n.getAttribute('role');
    if (role === 'navigation' || role === 'contentinfo' || role === 'banner') return true;
    const cls = `${n.getAttribute('class') ?? ''} ${n.getAttribute('id') ?? ''}`;
    if (cls.trim() && BOILER.test(cls)) return true;
  }
  return false;
}

/**
 * The date shown in the article's teaser: the largest block around its link that holds no other article's link,
 * and the next siblings of a lone heading (a heading, then its date and summary as siblings).
 */
function teaserDate(c: Candidate, keyOf: Map<Element, string>): string | null {
  const a = c.anchors[0];
  const time = dateFromTime(a, c.key, keyOf);
  if (time) return time;
  let block: Element = a;
  for (let depth = 0; depth < MAX_TEASER_DEPTH && block.parentElement; depth++) {
    const parent = block.parentElement;
    if (holdsOtherArticle(parent, c.key, keyOf)) break;
    block = parent;
  }
  const own = dateIn(block, c.title);
  if (own) return own;
  for (let sib = block.nextElementSibling, i = 0; sib && i < 2; sib = sib.nextElementSibling, i++) {
    if (holdsOtherArticle(sib, c.key, keyOf)) break;
    const found = dateIn(sib, '');
    if (found) return found;
  }
  return null;
}

function dateFromTime(a: Element, key: string, keyOf: Map<Element, string>): string | null {
  let block: Element | null = a.parentElement;
  for (let depth = 0; block && depth < MAX_TEASER_DEPTH; depth++, block = block.parentElement) {
    if (holdsOtherArticle(block, key, keyOf)) return null;
    const dt = block.querySelector('time[datetime]')?.getAttribute('datetime');
    const parsed = dt ? parseVietnameseDate(dt) : null;
    if (parsed) return parsed;
  }
  return null;
}

function holdsOtherArticle(el: Element, key: string, keyOf: Map<Element, string>): boolean {
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    const k = keyOf.get(a);
    if (k !== undefined && k !== key) return true;
  }
  return false;
}

/** A date in the block's text once the title is taken out (a headline may name a date: "ngày 2/9"). */
function dateIn(el: Element, title: string): string | null {
  let text = (el.textContent ?? '').replace(/\s+/g, ' ').normalize('NFC');
  if (title) text = text.replace(title, ' ');
  if (text.length > 600) text = text.slice(0, 600);
  const match = /(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:\s*[-,|]?\s*\d{1,2}[:h]\d{2})?|\d{1,2}[:h]\d{2}\s*[-,|]?\s*(?:ngày\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/i.exec(text);
  return match ? parseVietnameseDate(match[0]) : null;
}
