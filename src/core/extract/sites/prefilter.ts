// A one-pass index of ids, classes and tags lets rule matching skip querySelector for selectors that cannot match
// (querySelector over a whole page is the slowest DOM call in DOM shims such as happy-dom).

export interface DocIndex {
  ids: Set<string>;
  classes: Set<string>;
  tags: Set<string>;
  idList: string[];
  classList: string[];
  itemprops: Set<string>;
  /** <title>, <base>, <link>, <meta> and JSON-LD <script> elements met on the way. */
  head: { title: Element[]; base: Element[]; link: Element[]; meta: Element[]; ldJson: Element[] };
}

export function buildDocIndex(root: Element, limit = 100000): DocIndex {
  const ids = new Set<string>();
  const classes = new Set<string>();
  const tags = new Set<string>();
  const itemprops = new Set<string>();
  const head: DocIndex['head'] = { title: [], base: [], link: [], meta: [], ldJson: [] };
  // Native queries: only the elements that carry the attributes, each list capped.
  const each = (sel: string, fn: (el: Element) => void) => {
    const found = root.querySelectorAll(sel);
    for (let i = 0; i < found.length && i < limit; i++) fn(found[i]);
  };
  each('[id]', (el) => ids.add(el.getAttribute('id')!));
  each('[class]', (el) => {
    for (const c of (el.getAttribute('class') ?? '').split(/\s+/)) if (c) classes.add(c);
  });
  each('[itemprop]', (el) => {
    for (const v of (el.getAttribute('itemprop') ?? '').split(/\s+/)) if (v) itemprops.add(v);
  });
  each('meta', (el) => head.meta.push(el));
  each('link', (el) => head.link.push(el));
  each('title', (el) => head.title.push(el));
  each('base', (el) => head.base.push(el));
  each('script', (el) => {
    if ((el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') head.ldJson.push(el);
  });
  ids.delete('');
  return { ids, classes, tags, idList: [...ids], classList: [...classes], itemprops, head };
}

/** False when the selector certainly matches nothing; true when it may match (then run querySelector). */
export function mayMatch(selector: string, ix: DocIndex): boolean {
  // A selector list matches when any part may match.
  const parts = selector.split(',');
  if (parts.length > 1) return parts.some((p) => mayMatch(p, ix));
  // Classes and ids a match needs: not those under :not(…), nor dots and hashes inside quoted attribute values.
  const required = selector.replace(/"[^"]*"|'[^']*'/g, '""').replace(/:not\([^)]*\)/g, '');
  for (const m of required.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) if (!ix.classes.has(m[1])) return false;
  for (const m of required.matchAll(/#(-?[_a-zA-Z][\w-]*)/g)) if (!ix.ids.has(m[1])) return false;
  for (const m of selector.matchAll(/\[(id|class)([$^*~]?)="([^"]+)"\]/g)) {
    const [, attr, op, val] = m;
    const list = attr === 'id' ? ix.idList : ix.classList;
    const test =
      op === '$' ? (s: string) => s.endsWith(val) : op === '^' ? (s: string) => s.startsWith(val) : op === '*' ? (s: string) => s.includes(val) : (s: string) => s === val;
    if (!list.some(test)) return false;
  }
  for (const m of selector.matchAll(/\[itemprop="([^"]+)"\]/g)) if (!ix.itemprops.has(m[1])) return false;
  return true;
}
