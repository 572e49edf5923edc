// Generic article-body finder: content scoring in the spirit of Readability, tuned for Vietnamese portals
// (layout tables, <font>, ASP.NET forms, sidebars full of link lists). Works on a cleaned clone.
import { classIdString, elementsUnder, linkDensity, tagName, textOf, nodes } from './dom';

const POSITIVE = /(^|[\s_-])(article|articlebody|content|contents|detail|details|body|bodytext|noidung|noi-dung|chitiet|chi-tiet|entry|post|main|text|textdetail|news-content|story|journal|rtestate|fulltext|baiviet|tin-chi-tiet)([\s_-]|$)|content|noidung|chitiet|detail|article|bodytext|contentdetail|divnoidung/;
const NEGATIVE = /(^|[\s_-])(comment|comments|footer|sidebar|side|menu|nav|navbar|widget|banner|ads|advert|quangcao|share|social|related|other|tag|tags|login|search|counter|thongke|link|links|lienket|breadcrumb|header|top|bottom|copyright|rating|poll|vote|col-right|col-left|right|left|aside|marquee|hot|most|latest|popular|moi-nhat|doc-nhieu)([\s_-]|$)/;

export function classWeight(el: Element): number {
  const s = classIdString(el);
  if (!s.trim()) return 0;
  let w = 0;
  if (NEGATIVE.test(s)) w -= 25;
  if (POSITIVE.test(s)) w += 25;
  return w;
}

const SCORABLE = new Set(['p', 'td', 'pre', 'blockquote', 'li']);

/** Text that belongs to el itself (direct text nodes and inline children), for div/font/span paragraphs. */
function ownInlineText(el: Element): string {
  let s = '';
  for (const c of nodes(el)) {
    if (c.nodeType === 3) s += c.textContent ?? '';
    else if (c.nodeType === 1) {
      const t = tagName(c as Element);
      if (t === 'a' || t === 'b' || t === 'strong' || t === 'i' || t === 'em' || t === 'span' || t === 'font' || t === 'u' || t === 'br' || t === 'sup' || t === 'sub') s += c.textContent ?? '';
    }
  }
  return s.replace(/\s+/g, ' ').trim();
}

interface Scored {
  el: Element;
  score: number;
}

/**
 * Pick the element that holds the article body, or null when nothing scores.
 * `titleEl` (if known) biases toward containers that follow the title.
 */
export function findGenericBody(root: Element, maxNodes = 30000): Element | null {
  const scores = new Map<Element, number>();
  /** Content points only (no class/tag weight): a candidate needs real paragraphs under it. */
  const content = new Map<Element, number>();
  const init = (el: Element): void => {
    if (scores.has(el)) return;
    const tag = tagName(el);
    let base = 0;
    if (tag === 'div' || tag === 'article' || tag === 'section') base = 5;
    else if (tag === 'td' || tag === 'blockquote' || tag === 'pre') base = 3;
    else if (tag === 'form' || tag === 'ul' || tag === 'ol' || tag === 'dl' || tag === 'li') base = -3;
    else if (/^h[1-6]$/.test(tag) || tag === 'th') base = -5;
    const ip = el.getAttribute('itemprop');
    if (ip === 'articleBody' || ip === 'text') base += 30;
    scores.set(el, base + classWeight(el));
    content.set(el, 0);
  };
  for (const el of elementsUnder(root, maxNodes)) {
    const tag = tagName(el);
    let text: string;
    if (SCORABLE.has(tag)) {
      // td/li that wrap other blocks are containers, not paragraphs.
      if ((tag === 'td' || tag === 'li') && el.querySelector('p,div,table,ul,ol')) continue;
      text = textOf(el);
    } else if (tag === 'div' || tag === 'font' || tag === 'span') {
      text = ownInlineText(el);
      if (text.length < 60) continue;
    } else continue;
    if (text.length < 25) continue;
    const ld = linkDensity(el, text.length);
    if (ld > 0.5) continue;
    const commas = (text.match(/[,，、;]/g) ?? []).length;
    const contentScore = 1 + commas + Math.min(Math.floor(text.length / 100), 3);
    let anc: Element | null = el.parentElement;
    for (let level = 0; anc && level < 4; level++) {
      const at = tagName(anc);
      if (at === 'html') break;
      init(anc);
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(anc, scores.get(anc)! + contentScore / div);
      content.set(anc, content.get(anc)! + contentScore / div);
      anc = anc.parentElement;
    }
  }
  let best: Scored | null = null;
  for (const [el, s] of scores) {
    if (content.get(el)! < 3) continue;
    const final = s * (1 - linkDensity(el));
    if (!best || final > best.score) best = { el, score: final };
  }
  if (!best || best.score < 5) return null;
  return best.el;
}
