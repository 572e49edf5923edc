// The grammar a user rule's selector may use. Selectors come from the picker, from a person typing in Cài đặt and
// from imported site lists (untrusted files): only a small, cheap subset of CSS is accepted, checked here without
// any DOM, so that a hostile string (`:has()` bombs, HTML, absurd lengths) is refused before it is stored or run.

export const MAX_SELECTOR_CHARS = 300;
/** Blocks a rule may leave out. */
export const MAX_EXCLUDES = 30;
const MAX_COMPOUNDS = 16;
const MAX_LIST = 4;

export type SelectorProblem = 'empty' | 'too-long' | 'invalid' | 'whole-page';

const IDENT = /^-?[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\u00c0-\uffff-]*/;
const ATTR = /^\[\s*(-?[A-Za-z_][A-Za-z0-9_:-]*)\s*(?:([~^$*|]?=)\s*("[^"\\<>`]{0,100}"|'[^'\\<>`]{0,100}'|-?[A-Za-z_][A-Za-z0-9_-]*)\s*)?\]/;
const NTH_ARG = /^\(\s*(odd|even|\d{1,4}|\d{0,3}n(?:\s*[+-]\s*\d{1,3})?)\s*\)/;
const PLAIN_PSEUDO = new Set(['first-child', 'last-child', 'only-child', 'first-of-type', 'last-of-type', 'only-of-type']);
const NTH_PSEUDO = new Set(['nth-child', 'nth-of-type', 'nth-last-child', 'nth-last-of-type']);

interface Compound { tag: string | null; parts: number; root: boolean }

/** Reads one compound selector at `s[i]`; returns the index after it, or -1 when the text is not in the grammar. */
function readCompound(s: string, i: number, inNot: boolean, out: Compound[]): number {
  const c: Compound = { tag: null, parts: 0, root: false };
  const tag = s[i] === '*' ? ['*'] : IDENT.exec(s.slice(i));
  if (tag) {
    c.tag = tag[0].toLowerCase();
    i += tag[0].length;
  }
  for (;;) {
    const ch = s[i];
    if (ch === '#' || ch === '.') {
      const m = IDENT.exec(s.slice(i + 1));
      if (!m) return -1;
      i += 1 + m[0].length;
    } else if (ch === '[') {
      const m = ATTR.exec(s.slice(i));
      if (!m) return -1;
      i += m[0].length;
    } else if (ch === ':') {
      const m = /^:([a-z-]+)/.exec(s.slice(i));
      if (!m) return -1;
      const name = m[1];
      i += m[0].length;
      if (NTH_PSEUDO.has(name)) {
        const arg = NTH_ARG.exec(s.slice(i));
        if (!arg) return -1;
        i += arg[0].length;
      } else if (name === 'not' && !inNot && s[i] === '(') {
        const inner: Compound[] = [];
        const end = readCompound(s, i + 1, true, inner);
        if (end < 0 || s[end] !== ')') return -1;
        i = end + 1;
      } else if (name === 'root' && !inNot) {
        c.root = true;
      } else if (!PLAIN_PSEUDO.has(name)) {
        return -1;
      }
    } else break;
    c.parts++;
  }
  if (!c.tag && c.parts === 0) return -1;
  out.push(c);
  return i;
}

/**
 * Why `selector` cannot be a user rule's selector, or null when it can. `whole-page` is a selector aimed at
 * <html>, <body>, :root or everything (`*`): a rule must name a part of the page.
 */
export function selectorProblem(selector: unknown): SelectorProblem | null {
  if (typeof selector !== 'string' || !selector.trim()) return 'empty';
  if (selector.length > MAX_SELECTOR_CHARS) return 'too-long';
  const s = selector.trim();
  const compounds: Compound[] = [];
  let i = 0;
  let lists = 1;
  let expectCompound = true;
  let last: Compound | null = null;
  const lasts: Compound[] = [];
  while (i < s.length) {
    if (expectCompound) {
      const next = readCompound(s, i, false, compounds);
      if (next < 0) return 'invalid';
      i = next;
      last = compounds[compounds.length - 1];
      expectCompound = false;
      continue;
    }
    const comb = /^\s*([>+~,])\s*|^\s+/.exec(s.slice(i));
    if (!comb) return 'invalid';
    i += comb[0].length;
    if (comb[1] === ',') {
      if (++lists > MAX_LIST) return 'invalid';
      lasts.push(last!);
    }
    expectCompound = true;
  }
  if (expectCompound) return 'invalid';
  lasts.push(last!);
  if (compounds.length > MAX_COMPOUNDS) return 'too-long';
  for (const c of lasts) {
    if (c.root || c.tag === 'html' || c.tag === 'body' || (c.tag === '*' && c.parts === 0)) return 'whole-page';
  }
  return null;
}
