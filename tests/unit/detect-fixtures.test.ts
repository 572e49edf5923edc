// Own fixtures (tests/fixtures/detect) and bad input: odd pages must never throw and never get a badge.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { detectPage } from '../../src/core/detect';
import { urlShape } from '../../src/core/detect/classify-page';

const DIR = resolve(import.meta.dirname, '../fixtures/detect');
interface Case { file: string; url: string; isProvincialNewsArticle: boolean; province: string | null; kind: string; why: string; maxConfidence?: number }
const cases = JSON.parse(readFileSync(resolve(DIR, 'cases.json'), 'utf8')) as Case[];

function parse(html: string, url = 'https://example.org/') {
  const window = new Window({ url: url.startsWith('http') ? url : 'https://example.org/' });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, window };
}

describe('detect fixtures', () => {
  it.each(cases.map((c) => [c.file, c] as const))('%s', (_file, c) => {
    const { doc, window } = parse(readFileSync(resolve(DIR, c.file), 'utf8'), c.url);
    try {
      const d = detectPage(doc, c.url);
      expect({ isProvincialNewsArticle: d.isProvincialNewsArticle, province: d.province, kind: d.kind }, `${c.why}: ${d.reasons.join('; ')}`).toEqual({
        isProvincialNewsArticle: c.isProvincialNewsArticle, province: c.province, kind: c.kind,
      });
      if (c.maxConfidence !== undefined) expect(d.confidence).toBeLessThanOrEqual(c.maxConfidence);
    } finally {
      window.close();
    }
  });
});

describe('bad input', () => {
  const article = readFileSync(resolve(DIR, 'no-title-article.html'), 'utf8');

  it.each(['about:blank', 'file:///home/u/page.html', 'view-source:https://tuyenquang.gov.vn/a-1.html', 'chrome://extensions/',
    'chrome-extension://abc/archive.html', 'moz-extension://abc/popup.html', 'edge://settings', 'data:text/html,<p>x</p>', 'not a url', ''])(
    'an article DOM at %s is not an article and does not throw', (url) => {
      const { doc, window } = parse(article);
      const d = detectPage(doc, url);
      expect(d.isProvincialNewsArticle).toBe(false);
      expect(d.kind).toBe('other');
      window.close();
    });

  it('handles an empty document and a document without <body>', () => {
    const { doc, window } = parse('');
    expect(detectPage(doc, 'https://tuyenquang.gov.vn/').isProvincialNewsArticle).toBe(false);
    const bare = window.document.implementation.createHTMLDocument() as unknown as Document;
    bare.documentElement.removeChild(bare.body);
    expect(() => detectPage(bare, 'https://tuyenquang.gov.vn/x-123.html')).not.toThrow();
    window.close();
  });

  it('handles a document whose methods throw', () => {
    const hostile = { documentElement: {}, querySelector() { throw new Error('boom'); } } as unknown as Document;
    const d = detectPage(hostile, 'https://tuyenquang.gov.vn/tin-tuc/a-123.html');
    expect(d.isProvincialNewsArticle).toBe(false);
    expect(d.reasons[0]).toMatch(/detection failed/);
  });

  it('bounds the work on a huge DOM', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `<div class="r"><a href="/t-${i}.html">Tin số ${i} về hoạt động của các sở, ngành trong tỉnh</a></div>`).join('');
    const { doc, window } = parse(`<html><head><title>Tin tức</title></head><body>${rows}</body></html>`, 'https://tuyenquang.gov.vn/tin-tuc');
    const t0 = performance.now();
    const d = detectPage(doc, 'https://tuyenquang.gov.vn/tin-tuc/tin-hoat-dong.html');
    const ms = performance.now() - t0;
    expect(d.isProvincialNewsArticle).toBe(false);
    expect(d.reasons.join(' ')).toMatch(/scan budget/);
    expect(ms).toBeLessThan(2000);
    window.close();
  });
});

describe('urlShape', () => {
  const shape = (u: string) => urlShape(new URL(u));
  it.each([
    'https://bdt.tuyenquang.gov.vn/tin-tuc/tin-hoat-dong/ban-dan-toc-to-chuc-hoi-nghi!-245.html',
    'https://sonoivu.tuyenquang.gov.vn/vi/tin-bai/quy-dinh-ve-thu-nop?id=130235&type=NEWS',
    'https://tuyenquang.gov.vn/noidung/tintuc/Lists/TinHoatDong/View_Detail.aspx?ItemID=4512',
    'https://baotuyenquang.com.vn/chu-dong-quyet-liet-trong-phong-chong-177245.html',
    'https://baohagiang.vn/van-hoa/202304/san-sang-cho-le-hoi-cho-phong-luu-khau-vai-nam-2023-813412/',
  ])('article-shaped: %s', (u) => expect(shape(u).article).toBe(true));
  it.each([
    'https://snntuyenquang.gov.vn/tin-tuc/thong-tin-tuyen-truyen/trang-16.html',
    'https://dienbien.gov.vn/portal/Pages/tin-tuc.aspx?PageIndex=3',
  ])('listing-shaped: %s', (u) => expect(shape(u).listing).toBe(true));
  it.each(['https://hagiang.gov.vn/', 'https://hagiang.gov.vn/index.php', 'https://x.gov.vn/vi/', 'https://x.gov.vn/Pages/default.aspx'])(
    'home-shaped: %s', (u) => expect(shape(u).home).toBe(true));
  it('reads hash routes of single-page apps', () => {
    expect(shape('https://tuyenquang.gov.vn/#/tin-tuc/chi-tiet?id=123').home).toBe(false);
    expect(shape('https://tuyenquang.gov.vn/#/tin-tuc/chi-tiet?id=123').article).toBe(true);
  });
});

describe('unlisted hosts', () => {
  const page = (siteName: string, footer: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Cao Bằng khai trương tuyến du lịch thác Bản Giốc mùa thu - ${siteName}</title></head><body>
<h1>Cao Bằng khai trương tuyến du lịch thác Bản Giốc mùa thu</h1><div class="meta">12/10/2024 08:00</div>
<div class="content"><p>Sáng 11/10, tỉnh Cao Bằng khai trương tuyến du lịch thác Bản Giốc mùa thu, thu hút đông đảo du khách trong nước và quốc tế đến tham quan.</p>
<p>Tuyến du lịch kết nối thác Bản Giốc với động Ngườm Ngao và các làng nghề truyền thống của đồng bào dân tộc Tày, Nùng trong khu vực.</p>
<p>Ngành du lịch tỉnh dự kiến đón hơn 200 nghìn lượt khách trong mùa thu năm nay, tăng mạnh so với cùng kỳ năm trước.</p></div>
<footer>${footer}</footer></body></html>`;
  const url = 'https://tin-caobang.example.vn/du-lich/cao-bang-khai-truong-tuyen-du-lich-thac-ban-gioc-mua-thu-8812.html';

  it('takes a "Báo <province>" site as a likely provincial newspaper, with lower confidence', () => {
    const { doc, window } = parse(page('Báo Cao Bằng điện tử', '© Báo Cao Bằng'), url);
    const d = detectPage(doc, url);
    expect([d.isProvincialNewsArticle, d.province, d.kind]).toEqual([true, 'Cao Bằng', 'newspaper']);
    expect(d.confidence).toBeLessThan(0.6);
    window.close();
  });

  it('does not take an unlisted non-.gov.vn site for provincial because the headline names a province', () => {
    const { doc, window } = parse(page('Tin nhanh 24h', 'Địa chỉ: tỉnh Cao Bằng'), url);
    const d = detectPage(doc, url);
    expect([d.isProvincialNewsArticle, d.province, d.kind]).toEqual([false, null, 'other']);
    window.close();
  });

  it('resolves an unlisted .gov.vn district site by its e-mail domain', () => {
    const govUrl = url.replace('tin-caobang.example.vn', 'trungkhanh.gov.vn');
    const { doc, window } = parse(page('Trang thông tin điện tử', 'Email: vanphong@caobang.gov.vn'), govUrl);
    const d = detectPage(doc, govUrl);
    expect([d.isProvincialNewsArticle, d.province, d.kind]).toEqual([true, 'Cao Bằng', 'government-portal']);
    window.close();
  });
});
