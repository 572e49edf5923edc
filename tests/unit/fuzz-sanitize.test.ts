// Property tests for the article sanitizer on generated HTML-ish input: never throws, never emits a handler, a
// non-allow-listed attribute or a non-http(s) URL, and sanitizing its own output changes nothing.
import fc from 'fast-check';
import { parseHtml } from '../../eval/parse-html';
import { sanitizeArticleHtml } from '../../src/core/extract/sanitize-html';
import { XSS_VECTORS } from '../fixtures/xss/vectors';

const BASE = 'https://bdt.tuyenquang.gov.vn/tin-tuc/tin-hoat-dong/bai!-1.html';

function sanitize(html: string): string {
  const doc = parseHtml(`<html><body><div id="root">${html}</div></body></html>`, BASE);
  return sanitizeArticleHtml(doc.getElementById('root')!, BASE);
}

const TAGS = ['p', 'div', 'span', 'a', 'img', 'b', 'i', 'em', 'strong', 'table', 'tr', 'td', 'th', 'tbody', 'ul', 'ol', 'li', 'h1', 'h2', 'h3',
  'figure', 'figcaption', 'blockquote', 'br', 'hr', 'pre', 'code', 'font', 'center', 'section', 'article', 'svg', 'math', 'mtext', 'mglyph',
  'style', 'script', 'noscript', 'template', 'iframe', 'object', 'embed', 'form', 'input', 'textarea', 'select', 'option', 'title', 'xmp',
  'noembed', 'noframes', 'base', 'meta', 'link', 'details', 'summary', 'caption', 'dl', 'dt', 'dd', 'sub', 'sup', 'x-foo', 'foreignObject'];
const ATTRS = ['href', 'src', 'srcset', 'data-src', 'data-original', 'alt', 'title', 'onclick', 'onerror', 'onload', 'ONMOUSEOVER', 'style', 'class',
  'id', 'name', 'colspan', 'rowspan', 'start', 'action', 'formaction', 'xlink:href', 'background', 'srcdoc', 'target', 'rel', 'is', 'lang'];
const VALUES = fc.oneof(
  fc.constantFrom('javascript:alert(1)', 'JaVa\tScRiPt:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
    'vbscript:x', '//evil.example/', '/a.jpg', 'https://a.vn/b.png', 'x.jpg', '#top', '"><script>alert(1)</script>', '</p><img src=x onerror=alert(1)>',
    '3', '0', '-1', '999999', 'alert(1)', '', ' ', '\u0000', '&amp;&lt;&gt;', "'", '`'),
  fc.string({ maxLength: 12 }),
);
const TEXT = fc.oneof(fc.constantFrom('Tin tức', 'đ', '&lt;script&gt;', '<', '>', '&', '"', '\u00a0', 'e\u0301', '<!--', '-->', ']]>', '</style>', '</textarea>', '</title>'), fc.string({ maxLength: 10 }));

const attr = fc.tuple(fc.constantFrom(...ATTRS), VALUES, fc.constantFrom('"', "'", '')).map(([n, v, q]) => q ? ` ${n}=${q}${v.replaceAll(q, '')}${q}` : ` ${n}=${v.replace(/[\s>"'`=<]/g, '') || 'x'}`);
const { node } = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, TEXT, tie('element'), tie('element')),
  element: fc.tuple(fc.constantFrom(...TAGS), fc.array(attr, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
    .map(([tag, attrs, kids, close]) => `<${tag}${attrs.join('')}>${(kids as string[]).join('')}${close ? `</${tag}>` : ''}`),
}));
/** Generated trees, raw strings, and corpus vectors cut and spliced at random points. */
const htmlish = fc.oneof(
  fc.array(node, { maxLength: 5 }).map((a) => (a as string[]).join('')),
  fc.string({ maxLength: 60 }),
  fc.tuple(fc.constantFrom(...XSS_VECTORS.map((v) => v.html)), fc.constantFrom(...XSS_VECTORS.map((v) => v.html)), fc.nat(), fc.nat())
    .map(([a, b, i, j]) => a.slice(0, i % (a.length + 1)) + b.slice(j % (b.length + 1))),
);

const ALLOWED_ATTRS = new Set(['href', 'src', 'alt', 'colspan', 'rowspan', 'start']);

function badBits(out: string): string[] {
  const bad: string[] = [];
  const doc = parseHtml(`<html><body><div id="out">${out}</div></body></html>`, BASE);
  for (const el of Array.from(doc.getElementById('out')!.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes)) {
      if (!ALLOWED_ATTRS.has(a.name)) bad.push(`${el.localName}[${a.name}]`);
      if ((a.name === 'href' || a.name === 'src') && !/^https?:\/\//.test(a.value)) bad.push(`${el.localName}[${a.name}=${a.value}]`);
    }
    if (['script', 'style', 'svg', 'math', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'template'].includes(el.localName)) bad.push(el.localName);
  }
  return bad;
}

describe('sanitizeArticleHtml (property)', () => {
  it('never throws, emits no handler or foreign attribute or non-http URL, and is idempotent', () => {
    fc.assert(fc.property(htmlish, (html) => {
      const out = sanitize(html);
      expect(badBits(out), `${html}\n→ ${out}`).toEqual([]);
      // And textually: outside quoted values (the serializer always double-quotes and escapes " inside), no on…= in a tag.
      expect(/<[^>]*\son[a-z]+\s*=/i.test(out.replace(/"[^"]*"/g, '""')), out).toBe(false);
      expect(sanitize(out), `not idempotent for ${html}`).toBe(out);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 600) });
  });
});
