import { parseHtml } from '../../eval/parse-html';
import { isRelatedHeadingText } from '../../src/core/extract/related-phrases';
import { pruneInlineLinkBoxes, pruneRelatedNews } from '../../src/core/extract/prune-related';
import { extractArticle } from '../../src/core/extract';

const P = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Đoạn văn số ${i + 1} của bài viết, với đủ nội dung để được coi là văn bản bài báo thực sự, có dấu phẩy, có nhiều chữ, nói về hoạt động của tỉnh trong năm nay.</p>`).join('\n');
const LINKS = (prefix: string, n = 3) => Array.from({ length: n }, (_, i) => `<li><a href="/r${i}">${prefix} ${i}</a> <span>(0${i + 1}/06/2023)</span></li>`).join('');

function page(inner: string): Document {
  return parseHtml(`<html><head><title>T</title></head><body>${inner}</body></html>`, 'https://bdt.tuyenquang.gov.vn/a!-1.html');
}

describe('isRelatedHeadingText', () => {
  const yes = [
    'Tin cùng chuyên mục', 'TIN CÙNG CHUYÊN MỤC', 'tin cung chuyen muc', 'Tin liên quan:', 'Tin khác', 'Các tin khác', 'CÁC TIN ĐÃ ĐƯA',
    'Các tin đã đưa ngày:', 'Tin mới hơn', 'Tin cũ hơn', 'Những tin mới hơn', 'Những tin cũ hơn', 'Bài viết liên quan', 'Xem thêm',
    '>> Xem thêm:', 'Đọc thêm', 'Có thể bạn quan tâm', 'Tin đọc nhiều', 'Tin nổi bật', 'Danh sách bài viết mới', 'Danh sách bài viết cũ',
    'Bài liên quan', 'Bài đọc tiếp', 'Theo dòng sự kiện', 'Cùng chuyên mục', 'Các tin liên quan', 'Tin cùng chuyên mục'.normalize('NFD'),
    'Related articles', 'Read more',
  ];
  for (const t of yes) it(`heading: ${t}`, () => expect(isRelatedHeadingText(t)).toBe(true));
  const no = [
    'các cơ quan truyền thông sẽ thường xuyên cập nhật tin liên quan đến tiến độ xây dựng vùng sản xuất hữu cơ',
    'Xem thêm thông tin chi tiết tại Cổng dịch vụ công của tỉnh, nơi người dân có thể tra cứu hồ sơ.',
    'Tin hoạt động',
    'Hội nghị sơ kết công tác cải cách hành chính',
    'Lê Đăng Hạnh',
  ];
  for (const t of no) it(`not a heading: ${t.slice(0, 40)}`, () => expect(isRelatedHeadingText(t)).toBe(false));
});

describe('pruneRelatedNews', () => {
  it('removes a div-headed block after the body (G1 "Tin cùng chuyên mục")', () => {
    const doc = page(`<div id="main"><div class="content">${P(4)}</div><div class="box"><div class="t">Tin cùng chuyên mục</div><ul>${LINKS('Bài cũ')}</ul></div></div>`);
    const root = doc.body.cloneNode(true) as Element;
    pruneRelatedNews(root);
    expect(root.textContent).not.toContain('Tin cùng chuyên mục');
    expect(root.textContent).not.toContain('Bài cũ 1');
    expect(root.textContent).toContain('Đoạn văn số 4');
  });

  it('removes a block headed by a <span>, a link, or an image alt', () => {
    for (const heading of ['<span>Tin khác</span>', '<a href="/more">Xem thêm</a>', '<img src="/images/title_tinkhac.gif" alt="Tin khác">', '<img src="/x/hdr.gif" alt="Các tin khác">']) {
      const doc = page(`<div id="c">${P(3)}</div><div>${heading}<ul>${LINKS('Liên quan')}</ul></div>`);
      const root = doc.body.cloneNode(true) as Element;
      pruneRelatedNews(root);
      expect(root.textContent, heading).not.toContain('Liên quan 2');
      expect(root.textContent).toContain('Đoạn văn số 3');
    }
  });

  it('removes a headed box inside the body and keeps the paragraphs around it', () => {
    const doc = page(`<div id="content-detail">${P(2)}<div class="box"><div class="hd">Tin liên quan</div><ul>${LINKS('Tin LQ')}</ul></div>${P(2)}</div>`);
    const root = doc.body.cloneNode(true) as Element;
    pruneRelatedNews(root);
    expect(root.textContent).not.toContain('Tin LQ');
    expect(root.querySelectorAll('p').length).toBe(4);
  });

  it('removes a heading and the link lists that follow it when they sit among body paragraphs', () => {
    const doc = page(`<div id="c">${P(3)}<h3>Những tin mới hơn</h3><ul>${LINKS('Mới')}</ul><h3>Những tin cũ hơn</h3><ul>${LINKS('Cũ')}</ul></div>`);
    const root = doc.body.cloneNode(true) as Element;
    pruneRelatedNews(root);
    expect(root.textContent).not.toMatch(/Mới 0|Cũ 0|Những tin/);
    expect(root.querySelectorAll('p').length).toBe(3);
  });

  it('removes class-marked blocks (§4 tokens) that hold no article text', () => {
    for (const cls of ['related', 'tinlienquan', 'other-news', 'tandan-div-article-other', 'box-tinlienquan', 'same-cate', 'news-related__list']) {
      const doc = page(`<div id="c">${P(3)}</div><div class="${cls}"><ul>${LINKS('Khác')}</ul></div>`);
      const root = doc.body.cloneNode(true) as Element;
      pruneRelatedNews(root);
      expect(root.textContent, cls).not.toContain('Khác 1');
    }
  });

  it('drops related thumbnails hidden in <noscript>', () => {
    const doc = page(`<div id="c">${P(2)}</div><noscript>&lt;img src="/t.jpg"&gt; Bài noscript</noscript>`);
    const root = doc.body.cloneNode(true) as Element;
    pruneRelatedNews(root);
    expect(root.textContent).not.toContain('noscript');
  });

  // Negative cases
  it('keeps a body sentence that merely mentions "tin liên quan" / "xem thêm"', () => {
    const s1 = 'Các cơ quan truyền thông của huyện sẽ thường xuyên cập nhật tin liên quan đến tiến độ xây dựng vùng sản xuất hữu cơ.';
    const s2 = 'Xem thêm: người dân có thể tra cứu thông tin trên Cổng dịch vụ công.';
    const doc = page(`<div id="c">${P(2)}<p>${s1}</p><p>${s2}</p></div>`);
    const root = doc.body.cloneNode(true) as Element;
    pruneRelatedNews(root);
    pruneInlineLinkBoxes(root.querySelector('#c')!);
    expect(root.textContent).toContain(s1);
    expect(root.textContent).toContain(s2);
  });

  it('keeps a legitimate list and a legitimate table inside the body', () => {
    const list = '<ul><li>Thi trình diễn trang phục các dân tộc;</li><li>Giải Việt dã - Du lịch xanh;</li><li>Thi chim họa mi hót.</li></ul>';
    const table = '<table><tr><th>Đơn vị</th><th>Giải Nhất</th></tr><tr><td>Trường THPT Chuyên</td><td>8</td></tr></table>';
    const doc = page(`<div id="c">${P(2)}${list}${table}${P(1)}</div>`);
    const root = doc.body.cloneNode(true) as Element;
    pruneRelatedNews(root);
    pruneInlineLinkBoxes(root.querySelector('#c')!);
    expect(root.textContent).toContain('Giải Việt dã');
    expect(root.textContent).toContain('Trường THPT Chuyên');
  });

  it('keeps a body paragraph with an ordinary inline link', () => {
    const doc = page(`<div id="c">${P(2)}<p>Theo Kế hoạch số 85/KH-UBND (<a href="/vb/85">xem văn bản</a>), các đơn vị triển khai thực hiện trước ngày 30/6.</p></div>`);
    const root = doc.body.cloneNode(true) as Element;
    pruneInlineLinkBoxes(root.querySelector('#c')!);
    expect(root.textContent).toContain('Kế hoạch số 85/KH-UBND');
  });
});

describe('pruneInlineLinkBoxes', () => {
  it('removes a heading-less related table with thumbnails and a ">> Xem thêm:" line', () => {
    const doc = page(
      `<div id="c">${P(2)}<table align="right"><tr><td><a href="/a"><img src="/t.jpg"></a></td><td><a href="/a">Bài liên quan không tiêu đề</a></td></tr><tr><td><a href="/b"><img src="/t2.jpg"></a></td><td><a href="/b">Bài thứ hai</a></td></tr></table>` +
        `<p><strong>&gt;&gt; Xem thêm:</strong> <a href="/x">Tân Cương: Làng chè đón khách</a></p>${P(1)}</div>`,
    );
    const body = doc.body.cloneNode(true) as Element;
    pruneInlineLinkBoxes(body.querySelector('#c')!);
    expect(body.textContent).not.toContain('Bài liên quan không tiêu đề');
    expect(body.textContent).not.toContain('Tân Cương');
    expect(body.querySelectorAll('p').length).toBe(3);
  });
});

describe('pruning in extractArticle', () => {
  it('takes the date from the article, not from a pruned related list', () => {
    const doc = page(
      `<div class="top"><span class="today">Thứ Năm, 06/07/2023</span></div><div id="main"><h1>Tiêu đề bài viết thử nghiệm về hội nghị</h1><div class="date">05/07/2023 08:12</div><div class="content">${P(4)}</div>` +
        `<div><b>Tin cùng chuyên mục</b><ul>${LINKS('Cũ')}</ul></div></div>`,
    );
    const a = extractArticle(doc, 'https://x.gov.vn/a.html', { useSiteRules: false });
    expect(a.publishedAt).toBe('2023-07-05T08:12:00+07:00');
    expect(a.bodyText).not.toContain('Cũ 1');
  });
});
