// Helpers around the chosen body: the article region to clone, the sapo as first bold paragraph, base URL,
// dropping what precedes the title, and the closing line's element.
import { collapseWhitespace, toNFC } from '../text/normalize';
import { headElements, nodes, removeNode, safeQuery, tagName, textOf } from './dom';
import { safeHttpUrl } from './sanitize-html';
import type { DocIndex } from './sites/prefilter';
import type { SiteRule } from './sites/types';

/**
 * The smallest ancestor of the rule's body that also holds its title and date elements (at least two levels up),
 * or null when the rule's body is not on the page.
 */
export function articleRegion(doc: Document, srcBody: Element, rule: SiteRule, index?: DocIndex): Element | null {
  let bodyEl: Element | null = null;
  for (const sel of rule.body) if ((bodyEl = safeQuery(doc, sel, index))) break;
  if (!bodyEl || !srcBody.contains(bodyEl)) return null;
  const anchors: Element[] = [];
  for (const list of [rule.title, rule.date, rule.lead, rule.author]) {
    for (const sel of list ?? []) {
      const el = safeQuery(doc, sel, index);
      if (el && srcBody.contains(el)) {
        anchors.push(el);
        break;
      }
    }
  }
  let r: Element = bodyEl;
  for (let level = 0; r !== srcBody && r.parentElement; level++) {
    if (level >= 2 && anchors.every((a) => r.contains(a))) break;
    r = r.parentElement;
  }
  return r;
}

/** The body's first paragraph when it is wholly bold and long enough to be a sapo. */
export function firstBoldParagraph(body: Element): { text: string | null; el: Element | null } {
  const ps = Array.from(body.getElementsByTagName('p')).filter((p) => textOf(p).length > 0);
  const first = ps[0];
  if (!first || ps.length < 3) return { text: null, el: null };
  const t = textOf(first);
  const bold = Array.from(first.querySelectorAll('strong, b')).some((b) => textOf(b) === t);
  if (!bold || t.length < 80 || t.length > 600) return { text: null, el: null };
  return { text: collapseWhitespace(toNFC(t)), el: first };
}

/** The URL relative links resolve against: <base href> (resolved against url) or url itself. */
export function baseUrlOf(doc: Document, url: string, index?: DocIndex): string {
  const b = headElements(doc, 'base', index)[0]?.getAttribute('href');
  return (b && safeHttpUrl(b, url)) || url;
}

/** Remove everything in body that precedes `el` (and el itself), when el is inside body. */
export function dropUpTo(body: Element, el: Element | null): void {
  if (!el || !body.contains(el) || el === body) return;
  for (let e: Element | null = el; e && e !== body; e = e.parentElement) {
    const siblings = e.parentNode ? nodes(e.parentNode) : [];
    const idx = siblings.indexOf(e);
    for (let i = 0; i < idx; i++) removeNode(siblings[i]);
  }
  removeNode(el);
}

/** The last element in body with text (deepest block-level holder). */
export function lastBlockElement(body: Element): Element | null {
  let el: Element | null = body;
  for (;;) {
    let c: Element | null = el.lastElementChild;
    while (c && !textOf(c)) c = c.previousElementSibling;
    if (!c) return el === body ? null : el;
    // If the element's text equals its last child's text, descend no further than a paragraph level.
    const t = tagName(c);
    if (t === 'p' || t === 'div' || t === 'td' || t === 'tr' || t === 'tbody' || t === 'table' || t === 'section' || t === 'article' || t === 'font' || t === 'span' || t === 'li') {
      el = c;
      if (t === 'p') return c;
      if (!c.firstElementChild) return c;
      continue;
    }
    return el === body ? c : el;
  }
}
