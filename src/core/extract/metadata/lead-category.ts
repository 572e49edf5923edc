// Lead (sapo) and category.
import { collapseWhitespace, foldVietnamese, toNFC } from '../../text/normalize';
import { classIdString, elementsUnder, safeQueryAll, tagName, textOf } from '../dom';
import { jsonLdObjects, metaContent } from './meta-tags';

const LEAD_CLASS = /(^|[\s_-])(sapo|summary|lead|hometext|tomtat|tom-tat|lbltomtat|leaddetail|article-summary|post-sapo|chapeau|description|desc-detail|intro|excerpt|abstract|sumcontent|mota)([\s_-]|$)|sapo|tomtat|lbltomtat|leaddetail|summary/;

export interface LeadResult {
  text: string | null;
  el: Element | null;
}

export function findLead(root: Element, body: Element, titleEl: Element | null, selectors: string[] = [], elements?: Element[]): LeadResult {
  for (const sel of selectors) {
    for (const el of safeQueryAll(root, sel)) {
      const t = collapseWhitespace(toNFC(textOf(el)));
      if (t.length >= 20) return { text: t, el };
    }
  }
  // Class-marked sapo between the title and the body, or at the top of the body.
  const all = elements ?? elementsUnder(root, 30000);
  const bodyIdx = all.indexOf(body);
  const titleIdx = titleEl ? all.indexOf(titleEl) : -1;
  const limit = Math.max(bodyIdx, titleIdx) + 25;
  for (let i = Math.max(0, titleIdx); i < all.length; i++) {
    const el = all[i];
    if (i > limit) break;
    const cid = classIdString(el);
    const isLead = LEAD_CLASS.test(cid) || (el.getAttribute('itemprop') === 'description' && tagName(el) !== 'meta');
    if (!isLead) continue;
    if (el === body || el.contains(body)) continue;
    if (/image|img|photo|caption|figure/.test(cid)) continue;
    const t = collapseWhitespace(toNFC(textOf(el)));
    if (t.length < 30 || t.length > 1500) continue;
    if (el.getElementsByTagName('a').length > 2) continue;
    return { text: t, el };
  }
  return { text: null, el: null };
}

const CRUMB_CLASS = /breadcrumb|sitemappath|cate-path|catepath|cate-name|catename|cate-link|catelink|category|chuyenmuc|chuyen-muc|danhmuc|danh-muc|title-list-news|path|crumb|navigation-path|cat-title|cate-title/;
const WEAK_CRUMB_CLASS = /(^|[\s_-])(navi|nav-path|duongdan|duong-dan|location|position|vitri|vi-tri)([\s_-]|$)/;
const HOME = /^(trang chủ|trang chu|home|homepage)$/i;

export function findCategory(doc: Document, root: Element, title: string, selectors: string[] = []): string | null {
  const clean = (s: string) => collapseWhitespace(toNFC(s)).replace(/^[›»>/|\s-]+|[›»>/|\s-]+$/g, '');
  for (const sel of selectors) {
    const els = safeQueryAll(root, sel);
    for (const el of els.reverse()) {
      const t = clean(textOf(el));
      if (t && t.length <= 80) return t;
    }
  }
  const section = metaContent(doc, ['article:section']);
  if (section) return clean(section);
  for (const o of jsonLdObjects(doc)) {
    if (o['@type'] === 'BreadcrumbList' && Array.isArray(o.itemListElement)) {
      const items = (o.itemListElement as Record<string, unknown>[])
        .map((it) => {
          const item = it.item as Record<string, unknown> | undefined;
          return String(it.name ?? item?.name ?? '');
        })
        .map(clean)
        .filter((n) => n && !HOME.test(n) && foldVietnamese(n) !== foldVietnamese(title));
      if (items.length) return items[items.length - 1];
    }
  }
  // CMS category links: WordPress rel="category tag", microdata articleSection/genre.
  for (const sel of ['[itemprop="articleSection"]', 'a[rel~="category"]', '.cat-links a', '[itemprop="genre"]']) {
    const el = safeQueryAll(root, sel)[0];
    const t = el ? clean(el.getAttribute('content') ?? textOf(el)) : '';
    if (t && t.length <= 80) return t;
  }
  const ft = foldVietnamese(title);
  for (const el of elementsUnder(root, 30000)) {
    const cid = classIdString(el);
    const strong = CRUMB_CLASS.test(cid);
    if (!strong && !WEAK_CRUMB_CLASS.test(cid)) continue;
    const t = textOf(el);
    if (!t || t.length > 200) continue;
    if (!strong && (!/[›»>\/|]/.test(t) || el.getElementsByTagName('a').length > 6)) continue;
    const links = safeQueryAll(el, 'a, li, span');
    let parts = links.map((a) => clean(textOf(a))).filter(Boolean);
    if (!parts.length) parts = t.split(/\s*[›»>|/]\s*/).map(clean).filter(Boolean);
    // de-dup nested (li > a) and drop home/title
    const seen = new Set<string>();
    parts = parts.filter((p) => {
      const f = foldVietnamese(p);
      const stem = f.replace(/(\.\.\.|…)$/, '').trim();
      if (seen.has(f) || HOME.test(p) || f === ft || p.length > 80 || /[›»>]/.test(p)) return false;
      if (stem.length > 20 && ft.startsWith(stem)) return false; // the (truncated) title as the last crumb
      seen.add(f);
      return true;
    });
    if (parts.length) return parts[parts.length - 1];
  }
  return null;
}
