import { parseHtml } from '../../eval/parse-html';
import { sanitizeArticleHtml } from '../../src/core/extract/sanitize-html';

const BASE = 'https://soyte.tuyenquang.gov.vn/vi/tin-bai/x?id=1&type=NEWS';

function sanitize(html: string, base = BASE): string {
  const doc = parseHtml(`<html><body><div id="root">${html}</div></body></html>`, base);
  return sanitizeArticleHtml(doc.getElementById('root')!, base);
}

describe('sanitizeArticleHtml', () => {
  const vectors: [string, RegExp][] = [
    ['<script>alert(1)</script><p>ok</p>', /script|alert/i],
    ['<p onclick="alert(1)" onmouseover="x()">ok</p>', /onclick|onmouseover|alert/i],
    ['<img src="x.jpg" onerror="alert(1)">', /onerror|alert/i],
    ['<a href="javascript:alert(1)">x</a>', /javascript/i],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', /javascript/i],
    ['<a href="java\nscript:alert(1)">x</a>', /script/i],
    ['<a href=" javascript:alert(1)">x</a>', /javascript/i],
    ['<a href="vbscript:msgbox(1)">x</a>', /vbscript/i],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', /data:/i],
    ['<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">', /data:/i],
    ['<iframe src="https://evil.example/"></iframe><p>ok</p>', /iframe|evil/i],
    ['<form action="/x"><input name="a"><button>Gửi</button></form><p>ok</p>', /form|input|button|Gửi/i],
    ['<style>p{color:red}</style><p style="background:url(javascript:alert(1))">ok</p>', /style|color|javascript/i],
    ['<svg><script>alert(1)</script></svg><p>ok</p>', /svg|alert/i],
    ['<object data="x.swf"></object><embed src="x.swf"><p>ok</p>', /object|embed|swf/i],
    ['<math><mtext><a href="javascript:alert(1)">x</a></mtext></math><p>ok</p>', /javascript|math/i],
    ['<p><a href="https://ok.vn/" target="_blank" rel="opener" class="c" id="i" style="x">ok</a></p>', /target|rel=|class=|id=|style=/i],
    ['<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/"><p>ok</p>', /base|meta|evil/i],
    ['<noscript><img src="x" onerror="alert(1)"></noscript><p>ok</p>', /onerror|alert/i],
    ['<template><script>alert(1)</script></template><p>ok</p>', /template|alert/i],
  ];
  for (const [input, bad] of vectors) {
    it(`strips ${input.slice(0, 50)}`, () => {
      const out = sanitize(input);
      expect(out).not.toMatch(bad);
    });
  }

  it('makes URLs absolute and resolves lazy images', () => {
    const out = sanitize(
      '<p><a href="/tin/1">một</a> <a href="#top">neo</a></p><img src="/images/blank.gif" data-src="/uploads/a.jpg" alt="Ảnh"><img data-original="b.jpg"><img srcset="/c-300.jpg 300w, /c-600.jpg 600w">',
    );
    expect(out).toContain('href="https://soyte.tuyenquang.gov.vn/tin/1"');
    expect(out).not.toContain('#top');
    expect(out).toContain('src="https://soyte.tuyenquang.gov.vn/uploads/a.jpg"');
    expect(out).toContain('alt="Ảnh"');
    expect(out).toContain('src="https://soyte.tuyenquang.gov.vn/vi/tin-bai/b.jpg"');
    expect(out).toContain('src="https://soyte.tuyenquang.gov.vn/c-300.jpg"');
    expect(out).not.toContain('blank.gif');
  });

  it('keeps the allowed structure and flattens span/div/font', () => {
    const out = sanitize(
      '<div><font face="Arial"><span style="x">Đoạn <b>đậm</b> <i>nghiêng</i> H<sub>2</sub>O x<sup>2</sup> <u>gạch</u></span></font></div>' +
        '<h2>Mục</h2><ul><li>một</li><li>hai</li></ul><ol start="3"><li>ba</li></ol><blockquote><p>trích</p></blockquote>' +
        '<table><thead><tr><th>A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table>' +
        '<figure><img src="/a.jpg" alt="x"><figcaption>Chú thích</figcaption></figure><h1>Tiêu đề phụ</h1>',
    );
    expect(out).toContain('<p>Đoạn <b>đậm</b> <i>nghiêng</i> H<sub>2</sub>O x<sup>2</sup> <u>gạch</u></p>');
    expect(out).toMatch(/<h2>Mục<\/h2>/);
    expect(out).toContain('<ul><li>một</li><li>hai</li></ul>');
    expect(out).toContain('<ol start="3">');
    expect(out).toContain('<blockquote>');
    expect(out).toContain('<td colspan="2">1</td>');
    expect(out).toContain('<figcaption>Chú thích</figcaption>');
    expect(out).not.toMatch(/<(div|span|font|h1)\b/);
  });

  it('normalizes text to NFC', () => {
    const nfd = 'Tuyên Quang'.normalize('NFD');
    expect(sanitize(`<p>${nfd}</p>`)).toContain('Tuyên Quang'.normalize('NFC'));
  });

  it('is idempotent (the archive reader re-sanitizes stored HTML)', () => {
    const inputs = [
      '<div>Chữ rời <p>đoạn</p> chữ sau<br><br></div><table><tr><td><img src="/a.jpg"></td></tr><tr><td class="x"><em>Chú thích</em></td></tr></table>',
      '<p>a<br>b</p><ul>\n<li>x</li>\n</ul><blockquote>chữ <p>đoạn</p></blockquote><figure><img src="/b.jpg"><figcaption>c</figcaption></figure>',
      '<p>&lt;script&gt; &amp; "quotes" &nbsp; ‘x’</p><a href="/y?a=1&amp;b=2">link</a>',
    ];
    for (const html of inputs) {
      const once = sanitize(html);
      const twice = sanitize(once);
      expect(twice).toBe(once);
    }
  });

  it('turns a one-image layout table into <figure> with its caption, and keeps data tables', () => {
    const out = sanitize('<table class="image"><tr><td><img src="/a.jpg" alt=""></td></tr><tr><td class="image_desc"><em>Quang cảnh hội nghị.</em></td></tr></table><table><tr><th>Đơn vị</th><th>Số</th></tr><tr><td>Xã A</td><td>3</td></tr></table>');
    expect(out).toContain('<figure><img src="https://soyte.tuyenquang.gov.vn/a.jpg"><figcaption>Quang cảnh hội nghị.</figcaption></figure>');
    expect(out).toContain('<th>Đơn vị</th>');
    expect(sanitize(out)).toBe(out);
  });
});
