import { parseHtml } from '../../eval/parse-html';
import { EXTRACTOR_VERSION, extractArticle, ExtractionError } from '../../src/core/extract';

const URL_ = 'https://sonoivu.tuyenquang.gov.vn/vi/tin-bai/x?id=1&type=NEWS';
const para = (i: number) =>
  `<p>Đoạn ${i}: Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ, các sở, ngành, địa phương tham dự, thảo luận và thống nhất giải pháp thực hiện trong thời gian tới.</p>`;
const article = (n: number) =>
  `<html><head><title>Bài thử nghiệm về hội nghị triển khai nhiệm vụ - Cổng TTĐT</title></head><body><div class="menu"><a href="/">Trang chủ</a></div><h1>Bài thử nghiệm về hội nghị triển khai nhiệm vụ</h1><div class="date">05/07/2023 08:12</div><div class="content">${Array.from({ length: n }, (_, i) => para(i)).join('')}</div></body></html>`;

/** Either a sane result or an ExtractionError with a known code. */
function outcome(html: string, opts = {}): { ok: true; a: ReturnType<typeof extractArticle> } | { ok: false; code: string } {
  const doc = parseHtml(html, URL_);
  try {
    return { ok: true, a: extractArticle(doc, URL_, opts) };
  } catch (e) {
    expect(e).toBeInstanceOf(ExtractionError);
    expect((e as ExtractionError).message).toMatch(/^[A-Z][^\n]+\.$/);
    return { ok: false, code: (e as ExtractionError).code };
  }
}

describe('extractArticle on bad input', () => {
  it('empty document → ExtractionError(empty)', () => {
    const r = outcome('');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('empty');
  });

  it('an XML document (feed opened in the browser) → ExtractionError(not-html)', () => {
    const w = parseHtml('<html></html>', URL_);
    const xml = new (w.defaultView as unknown as { DOMParser: typeof DOMParser }).DOMParser().parseFromString('<rss><channel><title>Tin</title></channel></rss>', 'application/xml');
    try {
      extractArticle(xml, URL_);
      expect.unreachable();
    } catch (e) {
      expect((e as ExtractionError).code).toBe('not-html');
    }
  });

  it('whitespace-only body → ExtractionError(empty)', () => {
    const r = outcome('<html><body>   \n </body></html>');
    expect(r.ok ? 'ok' : r.code).toBe('empty');
  });

  it('frameset → ExtractionError(empty)', () => {
    const r = outcome('<html><head><title>Cổng</title></head><frameset cols="20%,80%"><frame src="menu.html"><frame src="main.html"></frameset></html>');
    expect(r.ok).toBe(false);
  });

  it('page of only images → ExtractionError(no-content|empty), no crash', () => {
    const r = outcome(`<html><body>${'<img src="/a.jpg" alt="">'.repeat(20)}</body></html>`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(['no-content', 'empty']).toContain(r.code);
  });

  it('navigation only → ExtractionError(no-content)', () => {
    const r = outcome(`<html><body><ul>${'<li><a href="/x">Trang chủ</a></li>'.repeat(30)}</ul></body></html>`);
    expect(r.ok ? 'ok' : r.code).toBe('no-content');
  });

  it('broken HTML still extracts', () => {
    const r = outcome('<html><body><div class="content"><p>' + para(1).slice(3) + '<p>' + para(2).slice(3) + '<div><table><tr><td>ô</div></body>');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.a.bodyText).toContain('Đoạn 1');
  });

  it('NFD page → NFC output, matching Vietnamese headings still pruned', () => {
    const html = article(4).replace('</div></body>', '</div><div class="box"><div>Tin cùng chuyên mục</div><ul><li><a href="/r">Bài khác một</a></li><li><a href="/s">Bài khác hai</a></li></ul></div></body>').normalize('NFD');
    const r = outcome(html);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.a.bodyText).toBe(r.a.bodyText.normalize('NFC'));
      expect(r.a.title).toBe('Bài thử nghiệm về hội nghị triển khai nhiệm vụ');
      expect(r.a.bodyText).not.toContain('Bài khác');
      expect(r.a.publishedAt).toBe('2023-07-05T08:12:00+07:00');
    }
  });

  it('a 5 MB page finishes quickly (bounded work)', () => {
    // Mostly inline script/style (as real heavy pages are) plus 8 000 paragraphs.
    const junk = '<script>var d="' + 'x'.repeat(2_400_000) + '";</script><style>' + '.a{color:red}'.repeat(100_000) + '</style>';
    const html = article(8000).replace('<body>', '<body>' + junk);
    expect(html.length).toBeGreaterThan(5_000_000);
    const doc = parseHtml(html, URL_);
    const t0 = performance.now();
    let res: unknown;
    try {
      res = extractArticle(doc, URL_);
    } catch (e) {
      expect(e).toBeInstanceOf(ExtractionError);
    }
    expect(performance.now() - t0).toBeLessThan(15_000);
    void res;
  }, 120_000);

  it('a huge DOM above the cap → ExtractionError(too-large) fast', () => {
    const doc = parseHtml(article(2).replace('</body>', '<div>' + '<span>x</span>'.repeat(5000) + '</div></body>'), URL_);
    const t0 = performance.now();
    try {
      extractArticle(doc, URL_, { maxNodes: 500 });
      expect.unreachable();
    } catch (e) {
      expect((e as ExtractionError).code).toBe('too-large');
    }
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('deeply nested markup gives a result or an ExtractionError, never a RangeError', () => {
    for (const depth of [400, 3000]) {
      const deep = '<div>'.repeat(depth) + para(1) + para(2) + '</div>'.repeat(depth);
      const r = outcome(`<html><body>${deep}</body></html>`);
      if (r.ok) expect(r.a.bodyText).toContain('Đoạn 1');
      else expect(r.code).toBe('too-large');
    }
  });

  it('never mutates the passed document', () => {
    const doc = parseHtml(article(5).replace('</body>', '<script>var x=1</script><div class="related"><a href="/a">A</a></div></body>'), URL_);
    const before = doc.documentElement.outerHTML;
    const a = extractArticle(doc, URL_);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(a.extractor).toEqual({ version: EXTRACTOR_VERSION, method: 'generic' });
  });

  it('page in another language (already decoded) uses the generic path', () => {
    const html = `<html lang="en"><head><title>City council approves budget - Daily</title></head><body><nav><a href="/">Home</a></nav><article><h1>City council approves budget</h1><time datetime="2024-03-01T10:00:00Z">March 1, 2024</time>${Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i}: the council voted on the annual budget, which includes funding for schools, roads, parks and public transport over the next fiscal year.</p>`).join('')}</article><aside><h3>Related articles</h3><ul><li><a href="/x">Other story one</a></li><li><a href="/y">Other story two</a></li></ul></aside></body></html>`;
    const r = outcome(html);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.a.language).toBe('en');
      expect(r.a.title).toBe('City council approves budget');
      expect(r.a.bodyText).toContain('Paragraph 4');
      expect(r.a.bodyText).not.toContain('Other story');
      expect(r.a.publishedAt).toBe('2024-03-01'); // the page shows only the date
    }
    const r2 = outcome(html.replace('<time datetime="2024-03-01T10:00:00Z">March 1, 2024</time>', '<p class="byline">By Jane Smith</p><span class="date">March 1, 2024</span>'));
    expect(r2.ok).toBe(true);
    if (r2.ok) {
      expect(r2.a.author).toBe('Jane Smith');
      expect(r2.a.publishedAt).toBe('2024-03-01');
    }
  });
});

describe('output shape', () => {
  it('bodyText: blank line between paragraphs, list items one per line, table rows with tabs, captions kept', () => {
    const html = `<html><body><h1>Tiêu đề bài viết về lễ hội truyền thống của huyện</h1><div class="content">${para(1)}<ul><li>Một</li><li>Hai</li></ul><table><tr><th>Đơn vị</th><th>Số</th></tr><tr><td>Xã A</td><td>3</td></tr></table><figure><img src="/a.jpg" alt="ảnh"><figcaption>Chú thích ảnh. Ảnh: PV</figcaption></figure>${para(2)}<p style="text-align:right"><strong>Minh Anh</strong></p></div></body></html>`;
    const r = outcome(html, { useSiteRules: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const blocks = r.a.bodyText.split('\n\n');
    expect(blocks).toContain('Một\nHai');
    expect(blocks).toContain('Đơn vị\tSố\nXã A\t3');
    expect(blocks).toContain('Chú thích ảnh. Ảnh: PV');
    expect(blocks[blocks.length - 1]).toBe('Minh Anh');
    expect(r.a.author).toBe('Minh Anh');
    expect(r.a.images).toEqual([{ src: 'https://sonoivu.tuyenquang.gov.vn/a.jpg', caption: 'Chú thích ảnh. Ảnh: PV', alt: 'ảnh' }]);
    expect(r.a.wordCount).toBeGreaterThan(40);
  });

  it('source lines ("Theo …", "Nguồn: …") go to source and stay in the body', () => {
    const r = outcome(article(3).replace('</div></body>', '<p style="text-align:right"><em>Nguồn: Báo Tuyên Quang</em></p></div></body>'));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.a.source).toBe('Báo Tuyên Quang');
      expect(r.a.author).toBeNull();
      expect(r.a.bodyText.endsWith('Nguồn: Báo Tuyên Quang')).toBe(true);
    }
  });

  it('header "today" date is not the publication date', () => {
    const html = article(3).replace('<div class="date">05/07/2023 08:12</div>', '').replace('<div class="menu">', '<div class="top-bar"><span class="today">Thứ Năm, 06/07/2023</span></div><div class="menu">');
    const r = outcome(html);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.a.publishedAt).not.toBe('2023-07-06');
  });
});
