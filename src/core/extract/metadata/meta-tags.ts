// <meta>, JSON-LD and microdata lookups.
import { headElements } from '../dom';
import type { DocIndex } from '../sites/prefilter';

// `index`: the page's index during an extraction; the parsed meta tags and JSON-LD are cached on it.

const metaCache = new WeakMap<object, Map<string, string>>();

function metaMap(doc: Document, index?: DocIndex): Map<string, string> {
  let m = index && metaCache.get(index);
  if (m) return m;
  m = new Map();
  const metas = headElements(doc, 'meta', index);
  for (let i = 0; i < metas.length && i < 500; i++) {
    const el = metas[i];
    const c = el.getAttribute('content')?.trim();
    if (!c) continue;
    for (const a of ['property', 'name', 'itemprop']) {
      const k = el.getAttribute(a);
      if (k && !m.has(k.toLowerCase())) m.set(k.toLowerCase(), c);
    }
  }
  if (index) metaCache.set(index, m);
  return m;
}

/** A JSON-LD value as text: strings and numbers as written, anything else (objects, lists) as nothing. */
export function jsonText(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

export function metaContent(doc: Document, names: string[], index?: DocIndex): string | null {
  const m = metaMap(doc, index);
  for (const n of names) {
    const c = m.get(n.toLowerCase());
    if (c) return c;
  }
  return null;
}

/** Flattened JSON-LD objects of the page (articles first). Bounded and exception-safe. */
const ldCache = new WeakMap<object, Record<string, unknown>[]>();

export function jsonLdObjects(doc: Document, index?: DocIndex): Record<string, unknown>[] {
  const cached = index && ldCache.get(index);
  if (cached) return cached;
  const out: Record<string, unknown>[] = [];
  const scripts = headElements(doc, 'ldJson', index);
  for (const s of scripts.slice(0, 10)) {
    const raw = s.textContent ?? '';
    if (raw.length > 200000) continue;
    try {
      const data: unknown = JSON.parse(raw);
      const visit = (v: unknown, depth: number): void => {
        if (depth > 4 || out.length > 50) return;
        if (Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
        else if (v && typeof v === 'object') {
          out.push(v as Record<string, unknown>);
          const g = (v as Record<string, unknown>)['@graph'];
          if (g) visit(g, depth + 1);
        }
      };
      visit(data, 0);
    } catch {
      /* malformed JSON-LD is common; ignore */
    }
  }
  const isArticle = (o: Record<string, unknown>) => /article|posting|report/i.test(jsonText(o['@type']));
  const res = [...out.filter(isArticle), ...out.filter((o) => !isArticle(o))];
  if (index) ldCache.set(index, res);
  return res;
}

export function jsonLdString(doc: Document, key: string, index?: DocIndex): string | null {
  for (const o of jsonLdObjects(doc, index)) {
    const v = o[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const name = (v as Record<string, unknown>).name;
      if (typeof name === 'string' && name.trim()) return name.trim();
    }
    if (Array.isArray(v) && v.length) {
      const f: unknown = v[0];
      if (typeof f === 'string') return f;
      if (f && typeof f === 'object' && typeof (f as Record<string, unknown>).name === 'string') return (f as Record<string, string>).name;
    }
  }
  return null;
}

