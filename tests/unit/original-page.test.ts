// The saved original page as the reader shows it: no script, handler, frame, refresh or base survives; every
// address is absolute; images kept in the archive (src, srcset, lazy data-src) point at their stored copies.
import { parseHtml } from '../../eval/parse-html';
import { ORIGINAL_PAGE_CSP, defuseBase, prepareOriginalPage } from '../../src/core/media/original-page';

const PAGE = 'https://bdt.tuyenquang.gov.vn/tin-tuc/bai-1.html';
const HOSTILE = `<!doctype html><html><head><meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="https://evil.example/">
<script>document.title='ran'</script><link rel="stylesheet" href="/css/site.css"></head>
<body onload="alert(1)"><a href="javascript:alert(1)">x</a><a href="/tin-tuc/bai-2.html">bài 2</a>
<img src="/anh/a.jpg" onerror="alert(1)"><img srcset="/anh/b-320.jpg 320w, /anh/b.jpg 800w" src="/anh/b-320.jpg">
<img data-src="/anh/c.jpg" src="/blank.gif"><img src="/anh/not-stored.jpg"><iframe srcdoc="<script>alert(1)</script>"></iframe>
<object data="x.swf"></object>
<table background="javascript:alert(1)"><tr><td style="background:url(&quot;\\6a avascript:alert(1)&quot;)">ô</td></tr></table>
<style>.icon:before { content: "\\f101"; }</style><style>body { background: url(j\\61 vascript:alert(1)) }</style><svg><script>alert(1)</script></svg></body></html>`;

describe('the saved original page, as shown', () => {
  it('runs nothing, and shows stored images from their copies', () => {
    const stored = new Map([
      ['https://bdt.tuyenquang.gov.vn/anh/a.jpg', 'blob:ext/a'],
      ['https://bdt.tuyenquang.gov.vn/anh/b.jpg', 'blob:ext/b'],
      ['https://bdt.tuyenquang.gov.vn/anh/c.jpg', 'blob:ext/c'],
    ]);
    const html = prepareOriginalPage(parseHtml(defuseBase(HOSTILE), PAGE), PAGE, stored);
    expect(html).not.toMatch(/<script|onerror|onload|javascript|6a avascript|jav\\ascript|<iframe|<object|<base|refresh|evil\.example/i);
    // An icon font's escape is ordinary CSS, and stays.
    expect(html).toContain('content: "\\f101"');
    const doc = parseHtml(html, 'about:srcdoc');
    expect(doc.querySelector('meta[http-equiv]')?.getAttribute('content')).toBe(ORIGINAL_PAGE_CSP);
    expect(Array.from(doc.querySelectorAll('img'), (i) => i.getAttribute('src'))).toEqual([
      'blob:ext/a', 'blob:ext/b', 'blob:ext/c', 'https://bdt.tuyenquang.gov.vn/anh/not-stored.jpg',
    ]);
    expect(doc.querySelectorAll('img')[1].hasAttribute('srcset')).toBe(false);
    expect(doc.querySelector('link')?.getAttribute('href')).toBe('https://bdt.tuyenquang.gov.vn/css/site.css');
    expect(Array.from(doc.querySelectorAll('a'), (a) => a.getAttribute('href'))).toEqual([null, 'https://bdt.tuyenquang.gov.vn/tin-tuc/bai-2.html']);
  });
});
