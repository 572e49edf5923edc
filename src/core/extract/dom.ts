// Small DOM helpers that use only the Document/Element handed in (no globals), so they run
// in a content script, a worker with a DOM shim, or Node with happy-dom.

import { mayMatch, type DocIndex } from './sites/prefilter';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(n: Node | null | undefined): n is Element {
  return !!n && n.nodeType === ELEMENT_NODE;
}

export function tagName(el: Element): string {
  return el.tagName.toLowerCase();
}

/** textContent with whitespace collapsed (not NFC-normalized; callers normalize once). */
export function textOf(n: Node | null | undefined): string {
  if (!n) return '';
  return (n.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Length of text inside <a> elements under el. */
function linkTextLength(el: Element): number {
  let n = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) n += textOf(links[i]).length;
  return n;
}

export function linkDensity(el: Element, textLen?: number): number {
  const len = textLen ?? textOf(el).length;
  if (len === 0) return el.getElementsByTagName('a').length > 0 ? 1 : 0;
  return Math.min(1, linkTextLength(el) / len);
}

/** Class and id split into lowercase tokens, plus the raw joined string for substring checks. */
export function classIdString(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  return `${cls} ${id}`.toLowerCase();
}

export function removeNode(n: Node): void {
  n.parentNode?.removeChild(n);
}

/** Elements in document order under root (root excluded), visiting at most `limit` elements. */
export function elementsUnder(root: Element, limit = Infinity): Element[] {
  const all = root.getElementsByTagName('*');
  const n = Math.min(all.length, limit);
  const out = new Array<Element>(n);
  for (let i = 0; i < n; i++) out[i] = all[i];
  return out;
}

// The page's class/id index (built once per extraction) is passed in explicitly: with it, the queries below skip
// selectors that cannot match and read head elements from its lists; without it they query the DOM.

/** Elements of a tag (title/base/link/meta/ld+json) from the page's index when given, else from the document. */
export function headElements(doc: Document, kind: 'title' | 'base' | 'link' | 'meta' | 'ldJson', index?: DocIndex): Element[] {
  if (index) return index.head[kind];
  if (kind === 'ldJson') return Array.from(doc.getElementsByTagName('script')).filter((s) => (s.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json');
  return Array.from(doc.getElementsByTagName(kind));
}

export function safeQueryAll(root: ParentNode, selector: string, index?: DocIndex): Element[] {
  if (index && !mayMatch(selector, index)) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function safeQuery(root: ParentNode, selector: string, index?: DocIndex): Element | null {
  if (index && !mayMatch(selector, index)) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** True when a precedes b in document order. */
export function precedes(a: Node, b: Node): boolean {
  // DOCUMENT_POSITION_FOLLOWING = 4
  return (a.compareDocumentPosition(b) & 4) !== 0;
}

export function contains(a: Node, b: Node): boolean {
  return a === b || a.contains(b);
}

export function isHiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && textOf(el).length > 0) return true;
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

export function resolveUrl(href: string, base: string): string | null {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

/**
 * Collapsed text of el, or null when it is longer than `max` characters. Walks at most ~4×max raw characters,
 * so scanning every element of a page for short labels stays linear.
 */
export function shortText(el: Element, max: number): string | null {
  const budget = max * 4 + 200;
  let raw = '';
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) {
      raw += n.textContent ?? '';
      if (raw.length > budget) return null;
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE) continue;
    { const k_ = nodes(n); for (let i_ = k_.length - 1; i_ >= 0; i_--) stack.push(k_[i_]); }
  }
  const t = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  return t.length > max ? null : t;
}

/** Element children as an array (sibling pointers are O(n) in some DOM shims, index access is not). */
export function kids(el: Element): Element[] {
  const c = el.children;
  const out = new Array<Element>(c.length);
  for (let i = 0; i < c.length; i++) out[i] = c[i];
  return out;
}

/** Child nodes as an array. */
export function nodes(n: Node): Node[] {
  const c = n.childNodes;
  const out = new Array<Node>(c.length);
  for (let i = 0; i < c.length; i++) out[i] = c[i];
  return out;
}

/** True as soon as one non-blank text node outside script/style is found. */
export function hasAnyText(root: Element): boolean {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE) {
      if (/[^\s\u00a0]/.test(n.textContent ?? '')) return true;
      continue;
    }
    if (n.nodeType !== ELEMENT_NODE) continue;
    const t = (n as Element).tagName.toLowerCase();
    if (t === 'script' || t === 'style' || t === 'template' || t === 'noscript') continue;
    const c = n.childNodes;
    for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]);
  }
  return false;
}
