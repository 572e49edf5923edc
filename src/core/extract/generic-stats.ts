// One bottom-up pass over a subtree: per element, its text length (whitespace runs counted as one), the part of it
// inside links, its commas, and whether it holds block-level children. The generic scorer reads these instead of
// calling textContent on every candidate (which is quadratic on deep pages).
import { nodes, tagName } from './dom';

export interface ElementStats {
  chars: number;
  linkChars: number;
  commas: number;
  /** Text of this element's own text nodes (not of child elements). */
  ownChars: number;
  /** Has a block-level element child (so it is a container rather than a paragraph). */
  hasBlockChild: boolean;
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);

const COMMA = /[,，、;،]/g;

function textStats(s: string): { chars: number; commas: number } {
  const t = s.replace(/[\s\u00a0]+/g, ' ');
  if (t === ' ' || !t) return { chars: 0, commas: 0 };
  return { chars: t.length, commas: (t.match(COMMA) ?? []).length };
}

/** Stats for every element in `els` (document order, as elementsUnder returns them) and for root itself. */
export function measureTree(root: Element, els: Element[]): Map<Element, ElementStats> {
  const stats = new Map<Element, ElementStats>();
  const order = [root, ...els];
  // Reverse document order: every child is measured before its parent.
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    const s: ElementStats = { chars: 0, linkChars: 0, commas: 0, ownChars: 0, hasBlockChild: false };
    for (const c of nodes(el)) {
      if (c.nodeType === 3) {
        const t = textStats(c.textContent ?? '');
        s.chars += t.chars;
        s.ownChars += t.chars;
        s.commas += t.commas;
      } else if (c.nodeType === 1) {
        const cs = stats.get(c as Element);
        if (!cs) continue; // beyond the visit cap
        s.chars += cs.chars;
        s.linkChars += cs.linkChars;
        s.commas += cs.commas;
        if (BLOCK_TAGS.has(tagName(c as Element))) s.hasBlockChild = true;
      }
    }
    if (tagName(el) === 'a') s.linkChars = s.chars;
    stats.set(el, s);
  }
  return stats;
}

export function densityOf(s: ElementStats | undefined): number {
  if (!s || s.chars === 0) return 0;
  return Math.min(1, s.linkChars / s.chars);
}
