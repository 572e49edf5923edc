// Category forms met on real Vietnamese pages, as small fixtures of our own: JSON-LD BreadcrumbList (nested arrays,
// HTML-escaped names), visible breadcrumbs with a dropdown of every section inside a crumb, article:section cutting
// a deeper crumb, a section link above the title, and never a menu or a related block's heading.
import { parseHtml } from '../../eval/parse-html';
import { findCategoryWithReason } from '../../src/core/extract/metadata/category';

const TITLE = 'Giá vàng giảm, vẫn cao hơn thế giới gần 20 triệu đồng';
const cat = (head: string, body: string, url = 'https://bao.example.vn/kinh-doanh/gia-vang-giam-123456.htm') => {
  const doc = parseHtml(`<html><head>${head}</head><body>${body}</body></html>`, url);
  return findCategoryWithReason(doc, doc.body, TITLE, [], url);
};
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('category', () => {
  it('reads a JSON-LD BreadcrumbList as a path without home, items nested in arrays', () => {
    const items = [['Trang chủ', 1], ['Kinh doanh', 2], ['Tài chính', 3]].map(([name, position]) => [{ '@type': 'ListItem', position, name }]);
    expect(cat(ld({ '@type': 'BreadcrumbList', itemListElement: items }), '<h1>x</h1>')).toEqual({ value: 'Kinh doanh > Tài chính', via: 'JSON-LD BreadcrumbList' });
  });

  it('leaves out the portal-wide news levels a provincial breadcrumb starts with, keeping one when it is all there is', () => {
    const crumb = (names: string[]) => `<div class="breadcrumb">${names.map((n) => `<a href="/${encodeURIComponent(n)}">${n}</a>`).join(' › ')}</div><h1>${TITLE}</h1>`;
    expect(cat('', crumb(['Trang nhất', 'Tin Tức', 'Tin tức - Sự kiện', 'Kinh tế'])).value).toBe('Kinh tế');
    expect(cat('', crumb(['Trang chủ', 'Tin tức', 'Tin hoạt động'])).value).toBe('Tin hoạt động');
    expect(cat('', crumb(['Trang nhất', 'Tin Tức', 'Tin tức - Sự kiện'])).value).toBe('Tin tức - Sự kiện');
    expect(cat('', crumb(['Trang chủ', 'Kinh doanh', 'Tài chính'])).value).toBe('Kinh doanh > Tài chính');
  });

  it('decodes names the template HTML-escaped inside JSON-LD', () => {
    const items = [{ position: 1, item: { name: 'Trang chủ' } }, { position: 2, item: { name: 'Ch&#237;nh s&#225;ch mới' } }];
    expect(cat(ld({ '@type': 'BreadcrumbList', itemListElement: items }), '').value).toBe('Chính sách mới');
  });

  it('reads a visible breadcrumb, leaving out the dropdown of all sections nested in a crumb', () => {
    const menu = '<div class="menu__drop"><ul>' + ['Chính trị', 'Thời sự', 'Kinh doanh', 'Giải trí', 'Thế giới', 'Giáo dục', 'Đời sống'].map((s) => `<li><a href="/x">${s}</a></li>`).join('') + '</ul></div>';
    const crumb = `<div class="bread-crumb-detail"><ul><li><a href="/">Trang chủ</a></li><li><a href="/kinh-doanh">Kinh doanh</a>${menu}</li><li><a href="/kinh-doanh/tai-chinh">Tài chính</a></li></ul></div>`;
    expect(cat('', crumb + `<h1>${TITLE}</h1>`)).toEqual({ value: 'Kinh doanh > Tài chính', via: 'breadcrumb on the page' });
  });

  it('cuts the breadcrumb after the level article:section declares', () => {
    const crumb = '<div class="breadcrumb"><a href="/chinh-tri/">Chính trị</a> <span>›</span> <a href="/chinh-tri/trong-tinh/">Trong tỉnh</a></div>';
    expect(cat('<meta property="article:section" content="Chính trị">', crumb).value).toBe('Chính trị');
  });

  it('takes a lone section link right above the title when there is no breadcrumb, not the menu', () => {
    const menu = '<div class="category-popup"><ul>' + ['Tiêu dùng', 'Du lịch', 'Đời sống', 'Y tế', 'Pháp luật', 'Quốc tế', 'Điểm tin nổi bật'].map((s) => `<li><a href="/x">${s}</a></li>`).join('') + '</ul></div>';
    expect(cat('', `${menu}<div class="col"><div class="fs16"><a href="/dau-tu-tai-chinh-d6/">Đầu tư tài chính</a></div><div class="title-detail">${TITLE}</div><p>…</p></div>`))
      .toEqual({ value: 'Đầu tư tài chính', via: 'section link above the title' });
  });

  it('never takes a related block heading ("Đọc thêm") for the category', () => {
    const body = `<h1>${TITLE}</h1><div class="content"><p>Nội dung bài.</p></div><div class="box"><div class="title">Đọc thêm</div><ul><li><a href="/a-1.htm">Tin A</a></li></ul></div>`;
    expect(cat('', body, 'https://bao.example.vn/gia-vang-giam-123456.htm').value).toBeNull();
  });
});
