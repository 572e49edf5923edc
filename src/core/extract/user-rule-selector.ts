// Selectors for what the user picked, meant to find the same part on the host's later pages: stable ids and class
// names first, no hashed or per-article names, :nth-of-type only where nothing else tells siblings apart, never
// inside a list of repeated items. Every selector is checked to match exactly the picked element before it is used.
import { selectorProblem } from './user-rule-syntax';

const IDENT_OK = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Classes that say a state (menus, sliders, hover), not what an element is. */
const STATE = /^(active|current|selected|open|opened|show|shown|hide|hidden|in|fade|focus|hover|visible|collapsed|expanded|loaded|lazy|lazyloaded|sticky|fixed|clearfix|clear|row|container|wrapper|col|pull-left|pull-right|left|right)$/i;

/**
 * Names that change from page to page or build to build: per-article numbers (`post-4521`), CSS-module and
 * CSS-in-JS hashes (`Body_text__3xYz1`, `css-1q2w3e`, `sc-bdVaJa`, `jsx-123`), random-looking tokens.
 */
export function isUnstableName(name: string): boolean {
  if (!IDENT_OK.test(name) || name.length > 60) return true;
  if (/\d{3,}/.test(name)) return true;
  if (/(^|[_-])(css|sc|jsx|svelte|emotion|styled|tw)-[A-Za-z0-9]{4,}$/i.test(name) || /^(css|sc|jsx|svelte)-/i.test(name)) return true;
  if (/__[A-Za-z0-9_-]{4,}$/.test(name) && /[0-9]/.test(name.split('__').pop()!)) return true;
  // Random-looking: letters and digits interleaved in a short token, or mixed case with digits.
  const tail = name.split(/[_-]/).pop()!;
  if (tail.length >= 5 && /\d/.test(tail) && /[a-z]/i.test(tail) && /[a-z]\d+[a-z]/i.test(tail)) return true;
  if (/^[a-z]+[A-Z][a-zA-Z]{3,}$/.test(tail) && /[A-Z].*[A-Z]/.test(tail) && tail.length <= 8) return true;
  return false;
}

function stableClasses(el: Element): string[] {
  const raw = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
  return [...new Set(raw)].filter((c) => !isUnstableName(c) && !STATE.test(c)).slice(0, 3);
}

const tagOf = (el: Element) => el.tagName.toLowerCase();

function stableId(el: Element): string | null {
  const id = el.getAttribute('id');
  return id && !isUnstableName(id) ? id : null;
}

function matchesIn(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** A list of repeated items (cards, <li>s): position there is data, not layout, so :nth-of-type would drift. */
function inRepeatedList(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent) return false;
  const tag = tagOf(parent);
  if (tag === 'ul' || tag === 'ol' || tag === 'tbody' || tag === 'dl') return true;
  const same = Array.from(parent.children).filter((c) => tagOf(c) === tagOf(el) && c.getAttribute('class') === el.getAttribute('class'));
  return same.length >= 4;
}

/** One step of a path: tag with its stable classes, and :nth-of-type when siblings would otherwise be confused. */
function step(el: Element, withPosition: boolean): string | null {
  const id = stableId(el);
  if (id) return `#${id}`;
  let s = tagOf(el) + stableClasses(el).map((c) => `.${c}`).join('');
  if (!withPosition) return s;
  const parent = el.parentElement;
  if (!parent) return s;
  const alike = Array.from(parent.children).filter((c) => tagOf(c) === tagOf(el));
  if (alike.length > 1 && alike.filter((c) => matchesSafely(c, s)).length > 1) {
    if (inRepeatedList(el)) return null;
    s += `:nth-of-type(${alike.indexOf(el) + 1})`;
  }
  return s;
}

function matchesSafely(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

const unique = (scope: ParentNode, selector: string, el: Element) => {
  if (selectorProblem(selector)) return false;
  const hits = matchesIn(scope, selector);
  return hits.length === 1 && hits[0] === el;
};

/**
 * A selector that matches exactly `el` within `scope` (a Document, or an element whose descendants are searched),
 * or null when no robust one exists. Walks up from `el`, adding one step at a time, until the path is unique;
 * a stable id on the way anchors it. `stopAt` (exclusive) bounds the walk, for selectors relative to a body.
 */
export function selectorFor(el: Element, scope: ParentNode, stopAt: Element | null = null): string | null {
  // The element alone: its id, or its tag and classes, may already say it.
  const own = step(el, false);
  if (own && unique(scope, own, el)) return own;
  let fallback: string | null = null;
  for (const withPosition of [false, true]) {
    const parts: string[] = [];
    let cur: Element | null = el;
    for (let depth = 0; cur && cur !== stopAt && depth < 12; depth++, cur = cur.parentElement) {
      const tag = tagOf(cur);
      if (tag === 'html') break;
      // <body> may anchor a path from the top, never be the whole of it.
      const part = tag === 'body' ? 'body' : step(cur, withPosition && depth < 6);
      if (part === null) break;
      parts.unshift(part);
      const candidate = parts.join(' > ');
      if (tag !== 'body' || parts.length > 1) {
        // A position alone drifts as pages change: keep climbing to an id or a class, if there is one.
        if (unique(scope, candidate, el)) {
          if (!candidate.includes(':nth-') || /[#.]/.test(candidate)) return candidate;
          fallback ??= candidate;
        }
      }
      if (part.startsWith('#') || tag === 'body') break;
    }
  }
  return fallback;
}

/** The rule's selectors for a picked body and blocks to leave out, or why they cannot be made. */
type PickedSelectors =
  | { ok: true; body: string; exclude: string[] }
  | { ok: false; problem: 'whole-page' | 'no-selector' | 'exclude-outside' | 'no-exclude-selector' };

export function selectorsForPick(doc: Document, body: Element, excluded: readonly Element[]): PickedSelectors {
  if (body === doc.body || body === doc.documentElement || !doc.body?.contains(body)) return { ok: false, problem: 'whole-page' };
  const bodySelector = selectorFor(body, doc);
  if (!bodySelector) return { ok: false, problem: 'no-selector' };
  const exclude: string[] = [];
  // Relative to the body, and checked on a detached copy of it: that is how the extractor will run them.
  const copy = body.cloneNode(true) as Element;
  for (const x of excluded) {
    if (x === body || !body.contains(x)) return { ok: false, problem: 'exclude-outside' };
    const twin = twinIn(copy, body, x);
    const sel = twin && selectorFor(twin, copy, copy);
    if (!sel) return { ok: false, problem: 'no-exclude-selector' };
    exclude.push(sel);
  }
  return { ok: true, body: bodySelector, exclude };
}

/** The element of `copy` at the same place as `x` is in `original`. */
function twinIn(copy: Element, original: Element, x: Element): Element | null {
  const path: number[] = [];
  for (let cur: Element = x; cur !== original; cur = cur.parentElement!) {
    path.unshift(Array.prototype.indexOf.call<HTMLCollection, [Element], number>(cur.parentElement!.children, cur));
  }
  let at: Element | null = copy;
  for (const i of path) at = at?.children[i] ?? null;
  return at;
}
