// Allow-list serializer for article HTML. Used on extraction and again by the archive reader on stored HTML,
// so sanitize(parse(sanitize(x))) === sanitize(x). Builds a fresh tree with the owner document's createElement.
import { COMMENT_NODE, ELEMENT_NODE, TEXT_NODE, resolveUrl, tagName, kids, nodes } from './dom';

/** Elements the sanitizer keeps (with their allowed attributes, see serialize). */
export const KEEP: ReadonlySet<string> = new Set([
  'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption',
  'blockquote', 'figure', 'figcaption', 'img', 'a', 'strong', 'em', 'b', 'i', 'u', 'sub', 'sup', 'pre', 'code', 'hr', 'dl', 'dt', 'dd',
]);
/** Dropped with their content. */
const DROP = new Set([
  'script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
  'option', 'textarea', 'label', 'template', 'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'link', 'meta', 'base',
  'head', 'title', 'map', 'area', 'dialog', 'portal', 'fieldset', 'legend', 'datalist', 'output', 'progress', 'meter',
]);
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'blockquote', 'figure', 'figcaption', 'pre', 'hr', 'dl', 'dt', 'dd', 'caption']);
/** Containers that become nothing (children lifted) or a <p> when they hold only inline content. */
const FLATTEN_BLOCK = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'center', 'address', 'details', 'summary', 'body', 'html', 'nav', 'h1']);

const LAZY_ATTRS = ['data-src', 'data-original', 'data-lazy-src', 'data-lazy', 'data-url', 'data-echo', 'data-srcset', 'data-original-src', 'lazy-src'];

function isPlaceholderSrc(src: string): boolean {
  const s = src.trim().toLowerCase();
  return !s || s.startsWith('data:') || /(^|\/)(blank|spacer|pixel|placeholder|lazy|loading|grey|gray|transparent)[^/]*\.(gif|png|svg)/.test(s) || s === 'about:blank';
}

/** The real image URL: lazy attributes first when src is a placeholder. Absolute http(s) or null. */
export function imageSrc(img: Element, baseUrl: string): string | null {
  const src = img.getAttribute('src') ?? '';
  const candidates: string[] = [];
  if (!isPlaceholderSrc(src)) candidates.push(src);
  for (const a of LAZY_ATTRS) {
    const v = img.getAttribute(a);
    if (v) candidates.push(a.includes('srcset') ? v.split(',')[0].trim().split(/\s+/)[0] : v);
  }
  const srcset = img.getAttribute('srcset');
  if (srcset) candidates.push(srcset.split(',')[0].trim().split(/\s+/)[0]);
  if (isPlaceholderSrc(src) === false && !candidates.length) candidates.push(src);
  for (const c of candidates) {
    if (isPlaceholderSrc(c)) continue;
    const abs = safeHttpUrl(c, baseUrl);
    if (abs) return abs;
  }
  return null;
}

export function safeHttpUrl(href: string, baseUrl: string): string | null {
  // Strip control/space characters browsers ignore inside schemes ("java\nscript:").
  // eslint-disable-next-line no-control-regex -- the characters browsers drop from a URL before reading its scheme
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]+/g, (m) => (/^\s+$/.test(m) ? m : ''));
  const abs = resolveUrl(cleaned, baseUrl);
  if (!abs) return null;
  return /^https?:\/\//i.test(abs) ? abs : null;
}

function hasBlockChild(el: Element): boolean {
  for (const c of kids(el)) {
    const t = tagName(c);
    if (BLOCKS.has(t) || FLATTEN_BLOCK.has(t) || t === 'img' && false) return true;
    if (!KEEP.has(t) && !DROP.has(t) && hasBlockChild(c)) return true;
  }
  return false;
}

const STRUCTURAL = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl']);
/** A table that only frames one image and a short caption. */
function isImageTable(el: Element): boolean {
  if (el.getElementsByTagName('img').length !== 1 || el.getElementsByTagName('table').length > 0) return false;
  if (el.getElementsByTagName('tr').length > 3) return false;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length <= 300 && el.getElementsByTagName('a').length <= 1;
}

/** Elements that only stay where a parser would leave them: directly inside one of these. */
export const PARENTS: Readonly<Record<string, readonly string[]>> = {
  li: ['ul', 'ol'], dt: ['dl'], dd: ['dl'], caption: ['table'], thead: ['table'], tbody: ['table'], tfoot: ['table'],
  tr: ['table', 'thead', 'tbody', 'tfoot'], td: ['tr'], th: ['tr'],
};

const isSpace = (s: string) => /^[\s\u00a0]*$/.test(s);

/**
 * Copy `src` children into `out`, keeping allowed tags/attributes only.
 * `inlineCtx`: we are inside a <p>/<li>/…: block containers are flattened to their content.
 */
function copyChildren(doc: Document, src: Node, out: Element, baseUrl: string, inlineCtx: boolean, budget: { n: number }): void {
  for (const c of nodes(src)) {
    if (--budget.n < 0) return;
    if (c.nodeType === TEXT_NODE) {
      const text = (c.textContent ?? '').normalize('NFC');
      if (!text) continue;
      if (STRUCTURAL.has(tagName(out)) && isSpace(text)) continue;
      out.appendChild(doc.createTextNode(text));
      continue;
    }
    if (c.nodeType === COMMENT_NODE || c.nodeType !== ELEMENT_NODE) continue;
    const el = c as Element;
    const tag = tagName(el);
    if (DROP.has(tag)) continue;
    if (tag === 'img') {
      const s = imageSrc(el, baseUrl);
      if (!s) continue;
      const img = doc.createElement('img');
      img.setAttribute('src', s);
      const alt = (el.getAttribute('alt') ?? '').normalize('NFC').trim();
      if (alt) img.setAttribute('alt', alt);
      out.appendChild(img);
      continue;
    }
    if (tag === 'br') {
      out.appendChild(doc.createElement('br'));
      continue;
    }
    if (tag === 'a') {
      const href = el.getAttribute('href');
      const abs = href && !href.trim().startsWith('#') ? safeHttpUrl(href, baseUrl) : null;
      if (abs) {
        const a = doc.createElement('a');
        a.setAttribute('href', abs);
        copyChildren(doc, el, a, baseUrl, true, budget);
        if (a.firstChild) out.appendChild(a);
      } else copyChildren(doc, el, out, baseUrl, inlineCtx, budget);
      continue;
    }
    if (tag === 'table' && !inlineCtx && isImageTable(el)) {
      // Layout table of one picture and its caption (VNPT/ASP.NET editors) → <figure>.
      const img = el.getElementsByTagName('img')[0];
      const s = imageSrc(img, baseUrl);
      const caption = (el.textContent ?? '').replace(/\s+/g, ' ').trim().normalize('NFC');
      if (s) {
        const fig = doc.createElement('figure');
        const im = doc.createElement('img');
        im.setAttribute('src', s);
        const alt = (img.getAttribute('alt') ?? '').normalize('NFC').trim();
        if (alt) im.setAttribute('alt', alt);
        fig.appendChild(im);
        if (caption) {
          const fc = doc.createElement('figcaption');
          fc.appendChild(doc.createTextNode(caption));
          fig.appendChild(fc);
        }
        out.appendChild(fig);
      } else if (caption) {
        const p = doc.createElement('p');
        p.appendChild(doc.createTextNode(caption));
        out.appendChild(p);
      }
      continue;
    }
    if (KEEP.has(tag) && PARENTS[tag] && !PARENTS[tag].includes(tagName(out))) {
      // A list item or table part out of its container (kept from a lifted parent): emitted as is, a parser would move
      // it on the next parse and the output would not be stable. Keep its content only.
      copyChildren(doc, el, out, baseUrl, inlineCtx, budget);
      continue;
    }
    if (KEEP.has(tag)) {
      const isBlock = BLOCKS.has(tag);
      if (inlineCtx && isBlock && !['li', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'dt', 'dd', 'caption'].includes(tag)) {
        // A block inside an inline context (can happen after flattening): lift its content.
        copyChildren(doc, el, out, baseUrl, true, budget);
        if (tag === 'p' || /^h\d$/.test(tag)) out.appendChild(doc.createElement('br'));
        continue;
      }
      const n = doc.createElement(tag);
      if (tag === 'td' || tag === 'th') {
        for (const a of ['colspan', 'rowspan']) {
          const v = el.getAttribute(a);
          if (v && /^\d{1,3}$/.test(v) && v !== '1') n.setAttribute(a, v);
        }
      }
      if (tag === 'ol') {
        const v = el.getAttribute('start');
        if (v && /^\d{1,6}$/.test(v)) n.setAttribute('start', v);
      }
      const childInline = ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'strong', 'em', 'b', 'i', 'u', 'sub', 'sup', 'code', 'dt', 'caption'].includes(tag) || inlineCtx && !isBlock;
      copyChildren(doc, el, n, baseUrl, childInline, budget);
      if (tag === 'hr' || tag === 'td' || tag === 'th' || tag === 'tr') {
        out.appendChild(n);
      } else if (n.firstChild && !(isSpace(n.textContent ?? '') && !n.querySelector('img'))) {
        out.appendChild(n);
      } else if (!isBlock && n.firstChild) out.appendChild(n);
      continue;
    }
    // Unknown/flattened elements: span, font, div, section, center, h1 …
    if (!inlineCtx && (FLATTEN_BLOCK.has(tag) || tag === 'span' || tag === 'font') && !hasBlockChild(el) && (FLATTEN_BLOCK.has(tag))) {
      // A div holding only inline content reads as a paragraph.
      const p = doc.createElement(tag === 'h1' ? 'h2' : 'p');
      copyChildren(doc, el, p, baseUrl, true, budget);
      if (p.querySelector('img') || !isSpace(p.textContent ?? '')) out.appendChild(p);
      continue;
    }
    copyChildren(doc, el, out, baseUrl, inlineCtx, budget);
  }
}

/** Wrap stray inline runs at block level in <p>, trim empty paragraphs. */
function normalizeBlocks(doc: Document, container: Element): void {
  const kids = Array.from(container.childNodes);
  let run: Node[] = [];
  const flush = (before: Node | null) => {
    if (!run.length) return;
    // Whitespace-only inline elements (<sup>&nbsp;</sup>, <b><br></b>) are no content: a paragraph made of them would be
    // dropped as empty on the next pass, so it is not made on this one either.
    const hasContent = run.some((n) => (n.nodeType === TEXT_NODE ? !isSpace(n.textContent ?? '')
      : tagName(n as Element) === 'img' || !isSpace(n.textContent ?? '') || (n as Element).getElementsByTagName('img').length > 0));
    if (hasContent) {
      const p = doc.createElement('p');
      // drop leading/trailing <br>
      while (run.length && run[0].nodeType === ELEMENT_NODE && tagName(run[0] as Element) === 'br') container.removeChild(run.shift()!);
      while (run.length && run[run.length - 1].nodeType === ELEMENT_NODE && tagName(run[run.length - 1] as Element) === 'br') container.removeChild(run.pop()!);
      container.insertBefore(p, before);
      for (const n of run) p.appendChild(n);
    } else for (const n of run) container.removeChild(n);
    run = [];
  };
  for (const n of kids) {
    const isBlock = n.nodeType === ELEMENT_NODE && BLOCKS.has(tagName(n as Element));
    if (isBlock) flush(n);
    else run.push(n);
  }
  flush(null);
}

/** Build a clean element tree (a detached <div>) from root's content. */
export function buildCleanTree(root: Element, baseUrl: string, maxNodes = 200000): Element {
  const doc = root.ownerDocument;
  const out = doc.createElement('div');
  copyChildren(doc, root, out, baseUrl, false, { n: maxNodes });
  normalizeBlocks(doc, out);
  // also wrap inline runs inside block containers where text and blocks mix (li/td/blockquote/figure keep as is)
  for (const bq of Array.from(out.querySelectorAll('blockquote'))) normalizeBlocks(doc, bq);
  return out;
}

/** Sanitize an article body to allow-listed HTML with absolute http(s) URLs. Idempotent. */
export function sanitizeArticleHtml(root: Element, baseUrl: string): string {
  return serialize(buildCleanTree(root, baseUrl));
}

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Elements written without a closing tag. */
export const VOID: ReadonlySet<string> = new Set(['br', 'img', 'hr']);

/** Deterministic serializer (independent of the DOM implementation's innerHTML quirks). */
export function serialize(el: Element, depth = 0): string {
  let s = '';
  for (const c of nodes(el)) {
    if (c.nodeType === TEXT_NODE) s += escText(c.textContent ?? '');
    else if (c.nodeType === ELEMENT_NODE) {
      const e = c as Element;
      const t = tagName(e);
      let attrs = '';
      for (const name of ['href', 'src', 'alt', 'colspan', 'rowspan', 'start']) {
        const v = e.getAttribute(name);
        if (v !== null) attrs += ` ${name}="${escAttr(v)}"`;
      }
      if (VOID.has(t)) s += `<${t}${attrs}>`;
      else s += `<${t}${attrs}>${serialize(e, depth + 1)}</${t}>`;
      if (depth === 0 && BLOCKS.has(t)) s += '\n';
    }
  }
  return s;
}
