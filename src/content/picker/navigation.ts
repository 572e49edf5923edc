// Moving the picker's pointer over the page's blocks: from what the mouse is over to the block it belongs to,
// and with the keyboard from a block to its parent, first child or neighbours (only ones with a visible box).
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'br', 'wbr', 'pna-content-picker']);

function hasBox(el: Element): boolean {
  if (SKIP.has(el.tagName.toLowerCase())) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

const isPage = (el: Element) => el === document.body || el === document.documentElement;

/** The block an element belongs to: inline elements (a word in bold, a link) stand for their block. */
export function blockOf(el: Element): Element {
  let cur = el;
  while (cur.parentElement && !isPage(cur.parentElement)) {
    const display = getComputedStyle(cur).display;
    if (display !== 'inline' && display !== 'contents') break;
    cur = cur.parentElement;
  }
  return cur;
}

export function parentBlock(el: Element): Element {
  const p = el.parentElement;
  return p && !isPage(p) ? p : el;
}

export function childBlock(el: Element): Element {
  for (const c of Array.from(el.children)) if (hasBox(c)) return c;
  return el;
}

export function siblingBlock(el: Element, forward: boolean): Element {
  for (let s = forward ? el.nextElementSibling : el.previousElementSibling; s; s = forward ? s.nextElementSibling : s.previousElementSibling) {
    if (hasBox(s)) return s;
  }
  return el;
}

/** Where keyboard picking starts: the block in the middle of the window. */
export function startBlock(): Element {
  const hit = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
  if (hit && !isPage(hit) && hit.tagName.toLowerCase() !== 'pna-content-picker') return blockOf(hit);
  return childBlock(document.body) ?? document.body;
}

/** A short name for an element, for the bar: tag, id and first classes. */
export function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).slice(0, 2).map((c) => `.${c}`).join('');
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
  return `<${el.tagName.toLowerCase()}${id}${cls}> ${text}`;
}
