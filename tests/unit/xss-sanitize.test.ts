// Every known XSS vector in tests/fixtures/xss goes through the article sanitizer: what comes out carries no script,
// no handler, no script-capable URL and no active element, and sanitizing the output again changes nothing.
import { parseHtml } from '../../eval/parse-html';
import { sanitizeArticleHtml } from '../../src/core/extract/sanitize-html';
import { XSS_VECTORS, XSS_TEXT_PAYLOADS } from '../fixtures/xss/vectors';

const BASE = 'https://xss.tuyenquang.gov.vn/tin-tuc/tin-hoat-dong/bai-doc-hai!-1.html';

function sanitize(html: string, base = BASE): string {
  const doc = parseHtml(`<html><body><div id="root">${html}</div></body></html>`, base);
  return sanitizeArticleHtml(doc.getElementById('root')!, base);
}

const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea',
  'select', 'base', 'meta', 'link', 'style', 'svg', 'math', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'listing',
  'portal', 'isindex', 'keygen', 'marquee', 'video', 'audio', 'source', 'param', 'area', 'map', 'dialog', 'title'];
const URL_ATTRS = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'background', 'cite', 'poster', 'ping', 'lowsrc', 'dynsrc'];
const ALLOWED_ATTRS = new Set(['href', 'src', 'alt', 'colspan', 'rowspan', 'start']);

/** Problems a browser could act on, read from the output as a browser parser sees it. */
function problems(out: string): string[] {
  const found: string[] = [];
  const doc = parseHtml(`<html><body><div id="out">${out}</div></body></html>`, BASE);
  const root = doc.getElementById('out')!;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (FORBIDDEN_TAGS.includes(tag)) found.push(`element <${tag}>`);
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`foreign element <${tag}> in ${el.namespaceURI}`);
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) found.push(`handler ${name} on <${tag}>`);
      if (!ALLOWED_ATTRS.has(name)) found.push(`attribute ${name} on <${tag}>`);
      if (URL_ATTRS.includes(name)) {
        // What the browser would resolve: strip the characters URL parsing ignores, then look at the scheme.
        // eslint-disable-next-line no-control-regex -- the characters URL parsing ignores
        const v = a.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
        if (/^(javascript|data|vbscript|blob|file|filesystem):/.test(v)) found.push(`${name}=${a.value.slice(0, 40)} on <${tag}>`);
        if ((name === 'href' || name === 'src') && !/^https?:\/\//.test(v)) found.push(`non-http ${name}=${a.value.slice(0, 40)}`);
      }
    }
  }
  if (/<\s*script/i.test(out)) found.push('literal <script in output');
  return found;
}

describe('XSS corpus through sanitizeArticleHtml', () => {
  it('has at least 120 distinct vectors', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(120);
    expect(new Set(XSS_VECTORS.map((v) => v.id)).size).toBe(XSS_VECTORS.length);
  });

  it('the checker itself flags the raw vectors (it would notice a sanitizer that let them through)', () => {
    const unflagged = XSS_VECTORS.filter((v) => problems(v.html).length === 0).map((v) => v.id);
    // A handful are inert by themselves (text-only, clobbering ids, UTF-7) and only matter if the sanitizer mangles them.
    expect(unflagged.length).toBeLessThan(XSS_VECTORS.length * 0.1);
  });

  for (const v of XSS_VECTORS) {
    it(`neutralises ${v.kind}/${v.id}`, () => {
      // Alone, and inside an ordinary article paragraph structure.
      for (const html of [v.html, `<p>Đoạn mở đầu.</p><div>${v.html}</div><p>Đoạn kết.</p>`]) {
        const out = sanitize(html);
        expect(problems(out), `input: ${html.slice(0, 200)}\noutput: ${out.slice(0, 400)}`).toEqual([]);
        expect(sanitize(out), 'sanitizing twice changes the output').toBe(out);
      }
    });
  }

  it('keeps text payloads as inert text', () => {
    for (const t of XSS_TEXT_PAYLOADS) {
      const escaped = t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const out = sanitize(`<p>${escaped}</p>`);
      expect(problems(out)).toEqual([]);
      expect(sanitize(out)).toBe(out);
    }
  });
});
