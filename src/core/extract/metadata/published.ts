// Publication date: rule selector → the date line nearest the title (never the header's "today" date, never an
// event date in the body, never a related item's date: related blocks are pruned first) → meta tags.
import { classIdString, elementsUnder, safeQueryAll, shortText, tagName, textOf, kids } from '../dom';
import { jsonLdString, metaContent } from './meta-tags';
import { parseVietnameseDate } from './date';
import type { DocIndex } from '../sites/prefilter';

const TODAY_CLASS = /today|date-?now|cur-?date|current-?date|ngay-?thang|ngayhientai|lbltoday|clock|time-now|header|top-?bar|top-header|marquee/;
const DATE_LABEL = /^(ngày đăng|đăng ngày|ngày|cập nhật|cập nhật ngày|cập nhật lúc|thời gian|ngày xuất bản|xuất bản|đăng lúc|posted|published|updated)\b/i;

function inTodayZone(el: Element, stop: Element, titleEl: Element | null): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    // Reaching an ancestor shared with the title means we are in the article's own header, not the site's.
    if (titleEl && e.contains(titleEl)) return false;
    const t = tagName(e);
    if (t === 'header' || t === 'nav' || t === 'footer' || t === 'marquee') return true;
    if (TODAY_CLASS.test(classIdString(e))) return true;
  }
  return false;
}

interface DateResult {
  value: string | null;
  el: Element | null;
  /** Where it came from, for --explain. */
  via?: string;
}

export function findPublished(
  doc: Document,
  root: Element,
  body: Element | null,
  titleEl: Element | null,
  selectors: string[] = [],
  elements?: Element[],
  index?: DocIndex,
): DateResult {
  for (const sel of selectors) {
    for (const el of safeQueryAll(root, sel, index)) {
      const raw = el.getAttribute('datetime') ?? el.getAttribute('content') ?? textOf(el);
      const v = parseVietnameseDate(raw.normalize('NFC'));
      if (v) return { value: v, el, via: `site rule: ${sel}` };
    }
  }
  const all = elements ?? elementsUnder(root, 30000);
  const anchor = titleEl ?? body;
  const anchorIdx = anchor ? all.indexOf(anchor) : -1;
  let best: { el: Element; value: string; score: number } | null = null;
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const tag = tagName(el);
    if (tag === 'script' || tag === 'style' || tag === 'option' || tag === 'select' || tag === 'a') continue;
    const raw = shortText(el, 120);
    if (!raw || raw.length < 6) continue;
    const text = raw.normalize('NFC');
    // Skip wrappers whose single child carries the same text (take the deepest).
    let dup = false;
    for (const c of kids(el)) if (textOf(c) === raw) dup = true;
    if (dup) continue;
    if (body && body.contains(el) && raw.length > 60 && !DATE_LABEL.test(text)) continue;
    const v = parseVietnameseDate(text);
    if (!v) continue;
    // Take the deepest date holder: a wrapper of several dated lines ("Cập nhật … / Ngày đăng …") is not one.
    // (A single dated child is fine: the wrapper may add the time, "<span>27/03/2025</span> - <span>09:50</span>".)
    if (kids(el).filter((c) => { const ct = shortText(c, 120); return !!ct && parseVietnameseDate(ct.normalize('NFC')) !== null; }).length > 1) continue;
    // Reject sentences ("Ngày 8-1, UBND tỉnh …"): a date line is mostly date, time, weekday and labels.
    const words = text.split(/\s+/).length;
    if (words > 14) continue;
    let score = 0;
    if (anchorIdx >= 0) {
      const d = i - anchorIdx;
      score -= Math.abs(d);
      if (d > 0) score += 3; // after the title is the usual place
    }
    if (inTodayZone(el, root, titleEl)) score -= 200;
    if (/date|time|ngay|publish|post|thoigian|ngaydang|meta|info/.test(classIdString(el))) score += 8;
    if (tag === 'time') score += 8;
    // "Cập nhật"/"updated" is the modification date: fine alone, second to a publication date.
    if (/^(cập nhật|updated|sửa đổi|chỉnh sửa)/i.test(text)) score -= 6;
    if (v.includes('T')) score += 2;
    if (body && body.contains(el)) score -= 10;
    if (!best || score > best.score) best = { el, value: v, score };
  }
  if (best && best.score > -120) return { value: best.value, el: best.el, via: `date line "${shortText(best.el, 120) ?? ''}" near the title` };
  const meta =
    metaContent(doc, ['article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'DC.date.issued'], index) ??
    jsonLdString(doc, 'datePublished', index);
  if (meta) {
    const v = parseVietnameseDate(meta);
    if (v) return { value: v, el: null, via: 'meta published time / JSON-LD datePublished' };
  }
  for (const t of safeQueryAll(root, 'time[datetime]', index)) {
    const v = parseVietnameseDate(t.getAttribute('datetime') ?? '');
    if (v) return { value: v, el: t, via: '<time datetime>' };
  }
  return { value: null, el: null, via: 'none found' };
}
