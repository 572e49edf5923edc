// The import's fast path: HTML that passes isAllowListedHtml is stored without the DOM sanitizer, so it must hold
// nothing a browser could act on; and what the sanitizer writes (every body of our own exports) must pass, or the
// fast path would never be taken.
import fc from 'fast-check';
import { parseHtml } from '../../eval/parse-html';
import { corpusAvailable, CORPUS_DIR, loadPages, scoredPages } from '../../eval/pages';
import { isAllowListedHtml } from '../../src/core/extract/allowlisted-html';
import { KEEP, sanitizeArticleHtml } from '../../src/core/extract/sanitize-html';
import { extractArticle } from '../../src/core/extract';
import { generateArticle } from '../../bench/search-corpus';
import { XSS_VECTORS } from '../fixtures/xss/vectors';

const BASE = 'https://bdt.tuyenquang.gov.vn/tin-tuc/tin-hoat-dong/bai-1.html';
const ALLOWED_ATTRS: Record<string, string[]> = { a: ['href'], img: ['src', 'alt'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], ol: ['start'] };

/** What a browser parser makes of `html` that the sanitizer would not have let through. */
function problems(html: string): string[] {
  const found: string[] = [];
  const doc = parseHtml(`<html><body><div id="out">${html}</div></body></html>`, BASE);
  for (const el of Array.from(doc.getElementById('out')!.querySelectorAll('*'))) {
    const tag = el.localName;
    if (!KEEP.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`<${tag}>`);
    for (const a of Array.from(el.attributes)) {
      if (!(ALLOWED_ATTRS[tag] ?? []).includes(a.name)) found.push(`${tag}[${a.name}]`);
      if ((a.name === 'href' || a.name === 'src') && !/^https?:\/\//.test(a.value)) found.push(`${tag}[${a.name}=${a.value}]`);
    }
  }
  const walker = doc.createTreeWalker(doc.getElementById('out')!, 128 /* comments */);
  if (walker.nextNode()) found.push('comment');
  return found;
}

function sanitize(html: string): string {
  const doc = parseHtml(`<html><body><div id="root">${html}</div></body></html>`, BASE);
  return sanitizeArticleHtml(doc.getElementById('root')!, BASE);
}

describe('isAllowListedHtml', () => {
  it('passes what the sanitizer writes: generated articles and every corpus article', () => {
    const bodies = Array.from({ length: 200 }, (_, i) => generateArticle(i, { bodyWords: 300 }).bodyHtml);
    const pages = scoredPages(loadPages());
    if (!corpusAvailable()) console.warn(`[allowlisted-html] ${CORPUS_DIR} is absent: only generated articles and fixtures are checked.`);
    for (const page of pages) bodies.push(extractArticle(parseHtml(page.html, page.truth.url), page.truth.url).bodyHtml);
    expect(pages.length).toBeGreaterThan(0);
    for (const body of bodies) {
      const stored = sanitize(body);
      expect(isAllowListedHtml(stored), stored.slice(0, 200)).toBe(true);
    }
  });

  it('passes none of the known XSS vectors that hold anything active', () => {
    const passed = XSS_VECTORS.filter((v) => isAllowListedHtml(v.html));
    // The few it passes are inert (escaped markup as text, an https image): the sanitizer keeps them too.
    for (const v of passed) expect(problems(v.html), v.id).toEqual([]);
    expect(passed.length).toBeLessThan(XSS_VECTORS.length / 20);
  });

  it.each([
    ['a comment', '<p>a<!-- x --></p>'],
    ['upper-case tags', '<P>a</P>'],
    ['an unquoted attribute', '<a href=https://a.vn/>a</a>'],
    ['a single-quoted attribute', "<a href='https://a.vn/'>a</a>"],
    ['a script URL', '<a href="javascript:alert(1)">a</a>'],
    ['a protocol-relative URL', '<a href="//evil.example/">a</a>'],
    ['a relative URL', '<img src="/a.png">'],
    ['an entity in a URL', '<a href="https://a.vn/&#106;">a</a>'],
    ['a numeric entity in text', '<p>&#60;script&#62;</p>'],
    ['an event handler', '<img src="https://a.vn/a.png" onerror="alert(1)">'],
    ['a style attribute', '<p style="x">a</p>'],
    ['a script element', '<p>a</p><script>alert(1)</script>'],
    ['SVG', '<svg><a href="https://a.vn/">a</a></svg>'],
    ['an unknown element', '<span>a</span>'],
    ['an image without src', '<img alt="x">'],
    ['a duplicated attribute', '<a href="https://a.vn/" href="javascript:x">a</a>'],
    ['an unclosed element', '<p>a'],
    ['a stray closing tag', '<p>a</p></div>'],
    ['mismatched nesting', '<p><strong>a</p></strong>'],
    ['a list item outside a list', '<li>a</li>'],
    ['a cell outside a row', '<table><td>a</td></table>'],
    ['a self-closing tag', '<br/>'],
    ['a closing void tag', '<p>a</br></p>'],
    ['a control character', '<p>a\u0001</p>'],
    ['text not in NFC', '<p>Hoa\u0300</p>'],
    ['a bare ampersand entity name', '<p>&copy;</p>'],
  ])('sends %s to the full sanitizer', (_what, html) => {
    expect(isAllowListedHtml(html)).toBe(false);
  });

  it('passes allow-listed markup with its attributes', () => {
    expect(isAllowListedHtml('<p>Tin &amp; ảnh &lt;1&gt;&nbsp;"x"</p>\n<figure><img src="https://a.vn/a.png?x=1&amp;y=2" alt="Ảnh &quot;1&quot;"><figcaption>Chú thích</figcaption></figure>\n'
      + '<table><tbody><tr><td colspan="2">a</td></tr></tbody></table>\n<ol start="3"><li><a href="http://a.vn/b">b</a></li></ol>\n<p>a<br>b</p>\n')).toBe(true);
    expect(isAllowListedHtml('')).toBe(true);
  });

  it('never passes anything active (property, generated HTML-ish input)', () => {
    const TAGS = ['p', 'a', 'img', 'b', 'table', 'tr', 'td', 'tbody', 'ul', 'li', 'svg', 'math', 'script', 'style', 'iframe', 'template', 'span', 'br', 'figure', 'noscript', 'textarea', 'title', 'xmp'];
    const ATTRS = ['href', 'src', 'alt', 'colspan', 'start', 'onerror', 'style', 'srcdoc', 'xlink:href'];
    const VALUES = ['https://a.vn/x', 'http://a.vn/', 'javascript:alert(1)', '//evil/', '"><script>alert(1)</script>', '3', 'a&amp;b', '&#106;s:', ''];
    const TEXT = ['Tin', '&amp;', '&lt;', '<', '>', '"', '&#60;', '<!--', '-->', '</p>', '<p>', 'ó', '\u00a0'];
    const attr = fc.tuple(fc.constantFrom(...ATTRS), fc.constantFrom(...VALUES)).map(([n, v]) => ` ${n}="${v}"`);
    const { node } = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.constantFrom(...TEXT), tie('element')),
      element: fc.tuple(fc.constantFrom(...TAGS), fc.array(attr, { maxLength: 2 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean())
        .map(([tag, attrs, kids, close]) => `<${tag}${attrs.join('')}>${(kids as string[]).join('')}${close ? `</${tag}>` : ''}`),
    }));
    let passed = 0;
    fc.assert(fc.property(fc.array(node, { maxLength: 4 }).map((a) => (a as string[]).join('')), (html) => {
      if (!isAllowListedHtml(html)) return;
      passed++;
      expect(problems(html)).toEqual([]);
    }), { numRuns: 3000 });
    // The generator reaches the accepting side too, or the property would say nothing.
    expect(passed).toBeGreaterThan(50);
  });
});
