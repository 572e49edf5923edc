// Category as a cataloguer wants it: the breadcrumb's path ("Kinh doanh > Tài chính") from the site rule, JSON-LD
// BreadcrumbList or a visible breadcrumb; else article:section/articleSection, a section kicker above the title or
// the URL's section. Never a related block's heading, never a menu.
import { collapseWhitespace, foldVietnamese, toNFC } from '../../text/normalize';
import { classIdString, elementsUnder, safeQueryAll, tagName, textOf } from '../dom';
import type { DocIndex } from '../sites/prefilter';
import { jsonLdObjects, jsonText, metaContent } from './meta-tags';

interface CategoryResult {
  value: string | null;
  /** Where it came from, for --explain. */
  via: string;
}

const CRUMB_CLASS = /breadcrumb|bread-crumb|sitemappath|cate-path|catepath|cate-name|catename|cate-link|catelink|category|chuyenmuc|chuyen-muc|danhmuc|danh-muc|title-list-news|path|crumb|navigation-path|cat-title|cate-title/;
const WEAK_CRUMB_CLASS = /(^|[\s_-])(navi|nav-path|duongdan|duong-dan|location|position|vitri|vi-tri)([\s_-]|$)/;
const HOME = /^(trang chủ|trang chu|trang nhất|trang nhat|home|homepage)$/i;
/** A level that only says "news" (folded): it names no category when a more specific level follows it. */
const GENERIC_NEWS = /^(tin tuc|tin tuc\s*[-–&,]?\s*su kien|tin tuc va su kien|news)$/;
/** Breadcrumbs have a handful of links; more is a menu (or a dropdown of every section). */
const MAX_CRUMBS = 6;

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** JSON-LD written by templates that HTML-escape it ("Ch&#237;nh s&#225;ch"). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITY[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
  });
}

const clean = (s: string) => collapseWhitespace(toNFC(decodeEntities(s))).replace(/^[›»>/|\s-]+|[›»>/|\s-]+$/g, '');

/** Crumbs without home, generic news levels, the title itself (or its truncation) and repeats, joined as a path. */
function crumbPath(parts: string[], title: string): string | null {
  const ft = foldVietnamese(title);
  const seen = new Set<string>();
  const kept = parts.map(clean).filter((p) => {
    const f = foldVietnamese(p);
    const stem = f.replace(/(\.\.\.|…)$/, '').trim();
    if (!p || seen.has(f) || HOME.test(p) || f === ft || p.length > 80 || /[›»>]/.test(p)) return false;
    if (stem.length > 20 && ft.startsWith(stem)) return false;
    seen.add(f);
    return true;
  });
  // "Tin tức > Tin hoạt động": the portal's news section is where every article sits, not what this one is about.
  const specific = kept.filter((p, i) => i === kept.length - 1 || !GENERIC_NEWS.test(foldVietnamese(p)));
  return specific.length ? specific.join(' > ') : null;
}

function jsonLdBreadcrumb(doc: Document, title: string, index?: DocIndex): string | null {
  for (const o of jsonLdObjects(doc, index)) {
    if (o['@type'] !== 'BreadcrumbList' || !Array.isArray(o.itemListElement)) continue;
    const items = (o.itemListElement as unknown[]).flat(2).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
    items.sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
    const names = items.map((it) => {
      const item = it.item as Record<string, unknown> | string | undefined;
      return jsonText(it.name ?? (item && typeof item === 'object' ? item.name : ''));
    });
    const path = crumbPath(names, title);
    if (path) return path;
  }
  return null;
}

/** The links of a breadcrumb element, leaving out dropdown menus nested in a crumb. */
function crumbLinks(el: Element, index?: DocIndex): { parts: string[]; links: number } {
  const out: string[] = [];
  let links = 0;
  for (const a of safeQueryAll(el, 'a, li, span', index)) {
    // A list inside a crumb (li … li) is a dropdown, not a level.
    let items = tagName(a) === 'li' ? 1 : 0;
    for (let p = a.parentElement; p && p !== el; p = p.parentElement) if (tagName(p) === 'li') items++;
    if (items >= 2) continue;
    // A crumb element holding a link is read through its link (the element may also hold a dropdown).
    if (tagName(a) !== 'a' && a.getElementsByTagName('a').length) continue;
    out.push(textOf(a));
    if (tagName(a) === 'a') links++;
  }
  return { parts: out, links };
}

function visibleBreadcrumb(root: Element, title: string, index?: DocIndex): string | null {
  for (const el of elementsUnder(root, 30000)) {
    const cid = classIdString(el);
    const strong = CRUMB_CLASS.test(cid);
    if (!strong && !WEAK_CRUMB_CLASS.test(cid)) continue;
    const t = textOf(el);
    if (!t) continue;
    const { parts, links } = crumbLinks(el, index);
    if (links > MAX_CRUMBS) continue;
    if (!strong && (!/[›»>/|]/.test(t) || t.length > 200)) continue;
    const path = crumbPath(parts.length ? parts : t.length <= 200 ? t.split(/\s*[›»>|/]\s*/) : [], title);
    if (path) return path;
  }
  return null;
}

/** Section of the URL's first path segment, named by the page's own link to it (/kinh-doanh → "Kinh doanh"). */
function urlSection(root: Element, url: string, index?: DocIndex): string | null {
  let first = '';
  try {
    const segs = new URL(url).pathname.split('/').filter(Boolean);
    // /section/sub/article: a bare /news/article path names no category.
    if (segs.length < 3) return null;
    first = segs[0].toLowerCase();
  } catch {
    return null;
  }
  for (const a of safeQueryAll(root, 'a[href]', index)) {
    const href = (a.getAttribute('href') ?? '').toLowerCase().replace(/^https?:\/\/[^/]+/, '').replace(/\.(html?|aspx|chn)$/, '').replace(/\/+$/, '');
    if (href !== '/' + first) continue;
    const t = clean(textOf(a));
    if (t && t.length <= 40 && !HOME.test(t)) return t;
  }
  return null;
}

/** A lone section link right above the title (a "kicker"), as many templates print the category. */
function kicker(root: Element, title: string): string | null {
  const ft = foldVietnamese(title);
  if (ft.length < 10) return null;
  // Title holders have few children: skipping the big containers keeps this linear on long pages.
  const titleEl = elementsUnder(root, 30000).find((el) => el.childElementCount <= 4 && tagName(el) !== 'a'
    && Math.abs((el.textContent ?? '').length - ft.length) < 80 && foldVietnamese(collapseWhitespace(textOf(el))) === ft);
  for (let el: Element | null = titleEl ?? null, up = 0; el && up < 2; el = el.parentElement, up++) {
    let prev = el.previousElementSibling;
    for (let i = 0; prev && i < 2; prev = prev.previousElementSibling, i++) {
      const links = prev.getElementsByTagName('a');
      const t = clean(textOf(prev));
      if (links.length === 1 && t && t === clean(textOf(links[0])) && t.length <= 40 && !HOME.test(t)) return t;
      if (t) break;
    }
  }
  return null;
}

/**
 * The path cut after the level the publisher declares as the article's section: deeper crumbs name the listing
 * the article was filed under for navigation, not its section.
 */
function upToSection(path: string, section: string | null): string {
  if (!section) return path;
  const levels = path.split(' > ');
  const at = levels.findIndex((l) => foldVietnamese(l) === foldVietnamese(section));
  return at < 0 ? path : levels.slice(0, at + 1).join(' > ');
}

export function findCategoryWithReason(doc: Document, root: Element, title: string, selectors: string[] = [], url = '', index?: DocIndex): CategoryResult {
  for (const sel of selectors) {
    const els = safeQueryAll(root, sel, index);
    for (const el of els.reverse()) {
      const t = clean(textOf(el));
      if (t && t.length <= 80) return { value: t, via: `site rule: ${sel}` };
    }
  }
  const rawSection = metaContent(doc, ['article:section', 'articlesection'], index);
  const section = rawSection ? clean(rawSection) : null;
  const ld = jsonLdBreadcrumb(doc, title, index);
  if (ld) return { value: upToSection(ld, section), via: 'JSON-LD BreadcrumbList' + (section ? ', up to article:section' : '') };
  const crumb = visibleBreadcrumb(root, title, index);
  if (crumb) return { value: upToSection(crumb, section), via: 'breadcrumb on the page' + (section ? ', up to article:section' : '') };
  if (section) return { value: section, via: 'meta article:section' };
  for (const sel of ['[itemprop="articleSection"]', 'a[rel~="category"]', '.cat-links a', '[itemprop="genre"]']) {
    const el = safeQueryAll(root, sel, index)[0];
    const t = el ? clean(el.getAttribute('content') ?? textOf(el)) : '';
    if (t && t.length <= 80) return { value: t, via: `microdata ${sel}` };
  }
  const kick = kicker(root, title);
  if (kick) return { value: kick, via: 'section link above the title' };
  const fromUrl = url ? urlSection(root, url, index) : null;
  if (fromUrl) return { value: fromUrl, via: "the URL's section, named by the page's link to it" };
  return { value: null, via: 'none found' };
}

export function findCategory(doc: Document, root: Element, title: string, selectors: string[] = [], url = '', index?: DocIndex): string | null {
  return findCategoryWithReason(doc, root, title, selectors, url, index).value;
}
