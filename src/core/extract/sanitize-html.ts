// Allow-list serializer for article HTML. Used on extraction and again by the archive reader on stored HTML,
// so sanitize(parse(sanitize(x))) === sanitize(x). Builds a fresh tree with the owner document's createElement.
import { ELEMENT_NODE, TEXT_NODE, resolveUrl, tagName, kids, nodes } from './dom';

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

/** What every step of one copy shares: the document that makes the new nodes, the page's URL, the node budget left. */
interface Copy { doc: Document; baseUrl: string; budget: { n: number } }

/** Blocks kept as they are inside an inline context (table and list parts); other blocks there are lifted. */
const BLOCKS_KEPT_INLINE = ['li', 'td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'dt', 'dd', 'caption'];
/** Kept elements whose content is inline (text, links, emphasis), whatever their context. */
const INLINE_CONTENT = ['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'strong', 'em', 'b', 'i', 'u', 'sub', 'sup', 'code', 'dt', 'caption'];

/**
 * Copy `src` children into `out`, keeping allowed tags/attributes only.
 * `inlineCtx`: we are inside a <p>/<li>/…: block containers are flattened to their content.
 */
function copyChildren(cx: Copy, src: Node, out: Element, inlineCtx: boolean): void {
  for (const c of nodes(src)) {
    if (--cx.budget.n < 0) return;
    if (c.nodeType === TEXT_NODE) copyText(cx, c, out);
    else if (c.nodeType === ELEMENT_NODE) copyElement(cx, c as Element, out, inlineCtx);
    // Comments and other node kinds are dropped.
  }
}

/** Text as it is (NFC), except whitespace between table rows and list items, where a parser would not keep it. */
function copyText(cx: Copy, c: Node, out: Element): void {
  const text = (c.textContent ?? '').normalize('NFC');
  if (!text) return;
  if (STRUCTURAL.has(tagName(out)) && isSpace(text)) return;
  out.appendChild(cx.doc.createTextNode(text));
}

/** One element, by kind: dropped, an image, a line break, a link, an image table, a kept element, or flattened. */
function copyElement(cx: Copy, el: Element, out: Element, inlineCtx: boolean): void {
  const tag = tagName(el);
  if (DROP.has(tag)) return;
  if (tag === 'img') {
    const img = cleanImage(cx, el);
    if (img) out.appendChild(img);
  } else if (tag === 'br') out.appendChild(cx.doc.createElement('br'));
  else if (tag === 'a') copyLink(cx, el, out, inlineCtx);
  else if (tag === 'table' && !inlineCtx && isImageTable(el)) copyImageTable(cx, el, out);
  else if (KEEP.has(tag) && PARENTS[tag] && !PARENTS[tag].includes(tagName(out))) {
    // A list item or table part out of its container (kept from a lifted parent): emitted as is, a parser would move
    // it on the next parse and the output would not be stable. Keep its content only.
    copyChildren(cx, el, out, inlineCtx);
  } else if (KEEP.has(tag)) copyKept(cx, el, tag, out, inlineCtx);
  else copyUnknown(cx, el, tag, out, inlineCtx);
}

/** A clean <img> with the real image URL and its alt text; null when there is no usable http(s) image. */
function cleanImage(cx: Copy, el: Element): Element | null {
  const s = imageSrc(el, cx.baseUrl);
  if (!s) return null;
  const img = cx.doc.createElement('img');
  img.setAttribute('src', s);
  const alt = (el.getAttribute('alt') ?? '').normalize('NFC').trim();
  if (alt) img.setAttribute('alt', alt);
  return img;
}

/** A link to an http(s) page stays a link (if it has content); any other link becomes its content. */
function copyLink(cx: Copy, el: Element, out: Element, inlineCtx: boolean): void {
  const href = el.getAttribute('href');
  const abs = href && !href.trim().startsWith('#') ? safeHttpUrl(href, cx.baseUrl) : null;
  if (!abs) {
    copyChildren(cx, el, out, inlineCtx);
    return;
  }
  const a = cx.doc.createElement('a');
  a.setAttribute('href', abs);
  copyChildren(cx, el, a, true);
  if (a.firstChild) out.appendChild(a);
}

/** Layout table of one picture and its caption (VNPT/ASP.NET editors) → <figure> (or the caption alone as a <p>). */
function copyImageTable(cx: Copy, el: Element, out: Element): void {
  const { doc } = cx;
  const im = cleanImage(cx, el.getElementsByTagName('img')[0]);
  const caption = (el.textContent ?? '').replace(/\s+/g, ' ').trim().normalize('NFC');
  if (im) {
    const fig = doc.createElement('figure');
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
}

/** An allow-listed element: rebuilt with its allowed attributes, unless it is a block that an inline context lifts. */
function copyKept(cx: Copy, el: Element, tag: string, out: Element, inlineCtx: boolean): void {
  const isBlock = BLOCKS.has(tag);
  if (inlineCtx && isBlock && !BLOCKS_KEPT_INLINE.includes(tag)) {
    // A block inside an inline context (can happen after flattening): lift its content.
    copyChildren(cx, el, out, true);
    if (tag === 'p' || /^h\d$/.test(tag)) out.appendChild(cx.doc.createElement('br'));
    return;
  }
  const n = cx.doc.createElement(tag);
  copyAllowedAttributes(el, tag, n);
  copyChildren(cx, el, n, INLINE_CONTENT.includes(tag) || (inlineCtx && !isBlock));
  if (tag === 'hr' || tag === 'td' || tag === 'th' || tag === 'tr') {
    out.appendChild(n);
  } else if (n.firstChild && !(isSpace(n.textContent ?? '') && !n.querySelector('img'))) {
    out.appendChild(n);
  } else if (!isBlock && n.firstChild) out.appendChild(n);
}

/** The only attributes kept besides href/src/alt: small numeric cell spans and a list's start. */
function copyAllowedAttributes(el: Element, tag: string, n: Element): void {
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
}

/** Unknown/flattened elements (span, font, div, section, center, h1 …): their content, a container of inline content as a <p>. */
function copyUnknown(cx: Copy, el: Element, tag: string, out: Element, inlineCtx: boolean): void {
  if (!inlineCtx && FLATTEN_BLOCK.has(tag) && !hasBlockChild(el)) {
    // A div holding only inline content reads as a paragraph.
    const p = cx.doc.createElement(tag === 'h1' ? 'h2' : 'p');
    copyChildren(cx, el, p, true);
    if (p.querySelector('img') || !isSpace(p.textContent ?? '')) out.appendChild(p);
    return;
  }
  copyChildren(cx, el, out, inlineCtx);
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
  copyChildren({ doc, baseUrl, budget: { n: maxNodes } }, root, out, false);
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
