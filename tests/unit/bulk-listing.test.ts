// The articles a listing page links to and its next page, on listing fixtures of several CMS shapes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { findListedArticles } from '../../src/core/bulk/listing-links';
import { findNextPage } from '../../src/core/bulk/pagination';

const DIR = resolve(import.meta.dirname, '../fixtures/bulk');
const windows: Window[] = [];
afterAll(() => windows.forEach((w) => w.close()));

function parse(html: string, url: string): Document {
  const window = new Window({ url });
  windows.push(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}
const fixture = (file: string, url: string) => parse(readFileSync(resolve(DIR, file), 'utf8'), url);

describe('articles listed on a page', () => {
  it('NukeViet: the news column, not the menu, tags, sidebar, other sites or the footer; dates with times', () => {
    const url = 'https://sokhcn.tuyenquang.gov.vn/vi/news/tin-tuc/';
    expect(findListedArticles(fixture('nukeviet-listing.html', url), url)).toEqual([
      { url: 'https://sokhcn.tuyenquang.gov.vn/vi/news/tin-tuc/hoi-dong-khoa-hoc-tinh-nghiem-thu-de-tai-cam-sanh-1234.html', title: 'Hội đồng khoa học tỉnh nghiệm thu đề tài cam sành Hàm Yên', date: '2024-07-15T08:30:00+07:00' },
      { url: 'https://sokhcn.tuyenquang.gov.vn/vi/news/tin-tuc/trien-khai-ke-hoach-chuyen-doi-so-nam-2024-1229.html', title: 'Triển khai kế hoạch chuyển đổi số năm 2024', date: '2024-07-10T14:05:00+07:00' },
      { url: 'https://sokhcn.tuyenquang.gov.vn/vi/news/tin-tuc/tap-huan-so-huu-tri-tue-cho-doanh-nghiep-1220.html', title: 'Tập huấn sở hữu trí tuệ cho doanh nghiệp', date: '2024-07-03T09:00:00+07:00' },
    ]);
  });

  it('Liferay portal: asset titles (slug-less ones by their headline), one entry for title and "Xem thêm", no header/nav/pager', () => {
    const url = 'https://www.quangninh.gov.vn/web/guest/tin-tuc';
    const base = 'https://www.quangninh.gov.vn/web/guest/chi-tiet-tin/-/asset_publisher/Ab12Cd/content/';
    expect(findListedArticles(fixture('liferay-listing.html', url), url)).toEqual([
      { url: `${base}ubnd-tinh-lam-viec-voi-cac-so-nganh-ve-giai-ngan-von-dau-tu-cong?redirect=%2Fweb%2Fguest%2Ftin-tuc`, title: 'UBND tỉnh làm việc với các sở, ngành về giải ngân vốn đầu tư công', date: '2024-07-12' },
      { url: `${base}le-hoi-carnaval-ha-long?redirect=%2Fweb%2Fguest%2Ftin-tuc`, title: 'Lễ hội Carnaval Hạ Long thu hút hàng vạn du khách tham gia', date: '2024-07-05' },
      { url: `${base}ky-niem?redirect=%2Fweb%2Fguest%2Ftin-tuc`, title: 'Kỷ niệm 60 năm Ngày thành lập tỉnh Quảng Ninh', date: null },
    ]);
  });

  it('WordPress: entry titles with their <time>, tracking parameters dropped, author/category/widget links left out', () => {
    const url = 'https://baomau.vn/category/thoi-su/';
    expect(findListedArticles(fixture('wordpress-listing.html', url), url)).toEqual([
      { url: 'https://baomau.vn/2024/07/15/tinh-uy-hop-ban-ve-cong-tac-can-bo/', title: 'Tỉnh ủy họp bàn về công tác cán bộ nhiệm kỳ mới', date: '2024-07-15T08:12:00+07:00' },
      { url: 'https://www.baomau.vn/2024/07/12/nong-dan-thu-hoach-lua-he-thu-som/', title: 'Nông dân thu hoạch lúa hè thu sớm hơn mọi năm', date: '2024-07-12T16:40:00+07:00' },
      { url: 'https://baomau.vn/2024/07/10/mo-rong-duong-tinh-lo/', title: 'Mở rộng đường tỉnh lộ nối hai huyện miền núi', date: null },
    ]);
  });

  it('newspaper category: image and headline links to one article are one entry, the most-read box is left out', () => {
    const url = 'https://baolaocai.vn/kinh-te';
    expect(findListedArticles(fixture('newspaper-category.html', url), url)).toEqual([
      { url: 'https://baolaocai.vn/kinh-te/xuat-khau-qua-cua-khau-kim-thanh-tang-manh-384512.html', title: 'Xuất khẩu qua cửa khẩu Kim Thành tăng mạnh trong 6 tháng', date: null },
      { url: 'https://baolaocai.vn/kinh-te/gia-che-shan-tuyet-on-dinh-384500.html', title: 'Giá chè Shan tuyết ổn định, người trồng phấn khởi', date: '2024-07-14T08:15:00+07:00' },
      { url: 'https://baolaocai.vn/kinh-te/bat-xat-phat-trien-cay-que-384488.html', title: 'Bát Xát phát triển cây quế theo hướng hữu cơ', date: '2024-07-13T16:40:00+07:00' },
    ]);
  });

  it('a page with no links, a broken URL or an empty document lists nothing', () => {
    expect(findListedArticles(parse('<p>Trống</p>', 'https://a.gov.vn/'), 'https://a.gov.vn/')).toEqual([]);
    expect(findListedArticles(parse('<p>x</p>', 'https://a.gov.vn/'), 'not a url')).toEqual([]);
  });
});

describe('next page of a listing', () => {
  it.each([
    ['nukeviet-listing.html', 'https://sokhcn.tuyenquang.gov.vn/vi/news/tin-tuc/', 'https://sokhcn.tuyenquang.gov.vn/vi/news/tin-tuc/page-2.html'],
    ['liferay-listing.html', 'https://www.quangninh.gov.vn/web/guest/tin-tuc', 'https://www.quangninh.gov.vn/web/guest/tin-tuc?p_p_id=101_INSTANCE_Ab12Cd&_101_INSTANCE_Ab12Cd_cur=2'],
    ['wordpress-listing.html', 'https://baomau.vn/category/thoi-su/', 'https://baomau.vn/category/thoi-su/page/2/'],
    ['newspaper-category.html', 'https://baolaocai.vn/kinh-te', 'https://baolaocai.vn/kinh-te?page=2'],
  ])('%s', (file, url, next) => {
    expect(findNextPage(fixture(file, url), url)).toBe(next);
  });

  const page = (body: string, url: string) => findNextPage(parse(`<html><head></head><body>${body}</body></html>`, url), url);

  it('rel=next in the head comes first', () => {
    const doc = parse('<html><head><link rel="next" href="/tin?page=3"></head><body><a href="/tin?page=9">»</a></body></html>', 'https://a.gov.vn/tin?page=2');
    expect(findNextPage(doc, 'https://a.gov.vn/tin?page=2')).toBe('https://a.gov.vn/tin?page=3');
  });

  it.each([
    ['"Trang tiếp" with &p=N', '<a href="/tin-tuc.aspx?cat=5&p=2">Trang tiếp</a>', 'https://a.gov.vn/tin-tuc.aspx?cat=5', 'https://a.gov.vn/tin-tuc.aspx?cat=5&p=2'],
    ['/trang-N on page 3', '<a href="/thoi-su/trang-2.html">« Trước</a> <a href="/thoi-su/trang-4.html">Trang sau »</a>', 'https://bao.vn/thoi-su/trang-3.html', 'https://bao.vn/thoi-su/trang-4.html'],
    ['a lone number', '<div><a href="/thoi-su/trang-1.html">1</a> <b>2</b> <a href="/thoi-su/trang-3.html">3</a></div>', 'https://bao.vn/thoi-su/trang-2.html', 'https://bao.vn/thoi-su/trang-3.html'],
  ])('%s', (_name, body, url, next) => {
    expect(page(body, url)).toBe(next);
  });

  it('a "»" to another section, the last page, a page already seen and another site are not a next page', () => {
    expect(page('<div class="breadcrumb"><a href="/kinh-te">»</a></div>', 'https://bao.vn/thoi-su')).toBeNull();
    expect(page('<a href="/thoi-su?page=2">« Trước</a> <a href="/thoi-su?page=3">Cuối</a>', 'https://bao.vn/thoi-su?page=3')).toBeNull();
    expect(findNextPage(parse('<a href="/thoi-su?page=2">Trang sau</a>', 'https://bao.vn/thoi-su?page=3'), 'https://bao.vn/thoi-su?page=3', { seen: ['https://bao.vn/thoi-su?page=2'] })).toBeNull();
    expect(page('<a href="https://other.vn/thoi-su?page=2">Trang sau</a>', 'https://bao.vn/thoi-su')).toBeNull();
  });
});
