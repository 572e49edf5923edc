// Title: the displayed headline near the body, cross-checked with og:title / <title>.
import { collapseWhitespace, foldVietnamese, toNFC } from '../../text/normalize';
import { classIdString, elementsUnder, headElements, precedes, tagName, textOf } from '../dom';
import type { DocIndex } from '../sites/prefilter';
import { jsonLdString, metaContent } from './meta-tags';

interface TitleResult {
  text: string;
  el: Element | null;
  via?: string;
}

function docTitleCandidates(doc: Document, index?: DocIndex): string[] {
  const out: string[] = [];
  const og = metaContent(doc, ['og:title', 'twitter:title'], index);
  if (og) out.push(og);
  const ld = jsonLdString(doc, 'headline', index);
  if (ld) out.push(ld);
  const t = textOf(headElements(doc, 'title', index)[0]);
  if (t) out.push(t);
  return out.map((s) => collapseWhitespace(toNFC(s)));
}

/** Overlap 0..1 between a candidate and the document-level title strings. */
function titleMatch(cand: string, docTitles: string[]): number {
  const c = foldVietnamese(cand);
  if (!c) return 0;
  let best = 0;
  for (const d of docTitles) {
    const f = foldVietnamese(d);
    if (!f) continue;
    if (f === c) return 1;
    if (f.includes(c) && c.length >= 12) best = Math.max(best, 0.6 + 0.4 * (c.length / f.length));
    else if (c.includes(f) && f.length >= 12) best = Math.max(best, 0.5);
    else {
      const cw = new Set(c.split(' '));
      const fw = f.split(' ');
      const inter = fw.filter((w) => cw.has(w)).length;
      best = Math.max(best, (0.5 * inter) / Math.max(cw.size, 1));
    }
  }
  return best;
}

/** The most plausible segment of <title> ("Tiêu đề - Tên cổng" → "Tiêu đề"). */
export function titleFromDocTitle(doc: Document, index?: DocIndex): string {
  const cands = docTitleCandidates(doc, index);
  const t = cands[0] ?? '';
  const parts = t.split(/\s+(?:[-|–—»:]|::)\s+/).map((s) => s.trim()).filter(Boolean);
  if (parts.length <= 1) return t;
  // The longest part; portals put their own name last ("… - CỔNG THÔNG TIN ĐIỆN TỬ TỈNH …").
  return parts.slice().sort((a, b) => b.length - a.length)[0];
}

const BLOCKISH = new Set(['br', 'div', 'p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'header', 'figure']);
const LINE_CLASS = /(^|[\s_-])(line|row|block|sub|part|kicker|top|bottom|title\d?)([\s_-]|$)/;

/**
 * A heading's text with the spaces its pieces imply: <br>, block elements and "line" spans are separate lines
 * on screen, so "<span>Hai Bà Trưng:</span><span>Mong sớm…</span>" reads "Hai Bà Trưng: Mong sớm…".
 */
export function headingText(el: Element): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      out += n.nodeValue ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    const tag = tagName(e);
    if (tag === 'script' || tag === 'style') return;
    const apart = BLOCKISH.has(tag) || LINE_CLASS.test(classIdString(e)) || /display\s*:\s*(block|flex)/i.test(e.getAttribute('style') ?? '');
    if (apart) out += ' ';
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    if (apart) out += ' ';
    // Punctuation glued to the next piece ("Trưng:" + "Mong") is a line break the markup did not spell out.
    else if (/[:;,!?]$/.test(out) && e.nextSibling && e.nextSibling.nodeType === 1) out += ' ';
  };
  for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
  return collapseWhitespace(toNFC(out));
}

const TITLE_CLASS = /title|headline|tieude|tieu-de|tieu_de|heading|name|subject|caption/;

/**
 * Find the headline element. `body` (if known) anchors the search: the title precedes it (or opens it).
 */
export function findTitle(doc: Document, root: Element, body: Element | null, selectors: string[] = [], elements?: Element[], index?: DocIndex): TitleResult {
  for (const sel of selectors) {
    let el: Element | null = null;
    try {
      el = root.querySelector(sel);
    } catch {
      el = null;
    }
    const text = el ? headingText(el) : '';
    if (el && text) return { text, el, via: `site rule: ${sel}` };
  }
  const docTitles = docTitleCandidates(doc, index);
  const all = elements ?? elementsUnder(root, 20000);
  const bodyIndex = body ? all.indexOf(body) : -1;
  let best: { el: Element; score: number; text: string } | null = null;
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const tag = tagName(el);
    const cid = classIdString(el);
    const isHeading = /^h[1-4]$/.test(tag);
    const isFont = tag === 'font' && Number(el.getAttribute('size') ?? 0) >= 4;
    const isClassy = TITLE_CLASS.test(cid) || el.getAttribute('itemprop') === 'headline';
    const isBold = (tag === 'b' || tag === 'strong') && !!el.parentElement && textOf(el.parentElement) === textOf(el);
    if (!isHeading && !isFont && !isClassy && !isBold) continue;
    if (body && body.contains(el) && bodyIndex >= 0 && i > bodyIndex + 3) continue;
    const text = headingText(el);
    if (text.length < 8 || text.length > 400) continue;
    if (el.querySelector('p, div, table, ul, li, h1, h2, h3, h4') && !isHeading) continue;
    // Skip candidates inside links (listing teasers) and ones made of links only.
    if (el.closest('a') || (el.getElementsByTagName('a').length > 0 && textOf(el.getElementsByTagName('a')[0]) === textOf(el) && !isHeading)) continue;
    let score = 0;
    if (tag === 'h1') score += 12;
    else if (isHeading) score += 6;
    if (isFont) score += 6;
    if (el.getAttribute('itemprop') === 'headline') score += 20;
    if (isClassy) score += 6;
    if (/site-title|logo|slogan|portal-name|site-name|brand/.test(cid)) score -= 30;
    score += 40 * titleMatch(text, docTitles);
    if (bodyIndex >= 0) {
      const dist = bodyIndex - i;
      if (dist >= 0) score += Math.max(0, 20 - dist); // shortly before the body
      else if (body && body.contains(el)) score += 2;
      else score -= 15; // after the body
    }
    if (!best || score > best.score) best = { el, score, text };
  }
  if (best && best.score >= 10) return { text: best.text, el: best.el, via: `<${tagName(best.el)}> scored ${best.score.toFixed(0)} (heading, class, match with og:title/<title>, place before the body)` };
  return { text: collapseWhitespace(toNFC(titleFromDocTitle(doc, index))), el: null, via: 'og:title / JSON-LD headline / <title>' };
}

export { precedes };
