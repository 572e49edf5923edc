// Byline forms the Vietnamese press prints, as small fixtures of our own: labelled lines, closing right-aligned or
// bold names, team bylines, agency sources, header bylines with a date, author boxes after the body, JSON-LD and
// meta author. Stored as the name(s) only, without the label.
import { parseHtml } from '../../eval/parse-html';
import { extractArticle } from '../../src/core/extract';
import { parseAuthorLabel, parseSourceLine } from '../../src/core/extract/metadata/byline';

describe('labelled bylines', () => {
  it.each([
    ['Tin, ảnh: P.Y', 'P.Y'],
    ['Bài và ảnh: Thu Hà', 'Thu Hà'],
    ['Bài, ảnh: KHÁNH TRUNG', 'KHÁNH TRUNG'],
    ['Tin/ảnh: Minh Đức', 'Minh Đức'],
    ['Tác giả: Lê Đăng Hạnh', 'Lê Đăng Hạnh'],
    ['Thực hiện: Nhóm PV Đô thị', 'Nhóm PV Đô thị'],
    ['Nội dung: Minh Anh - Ảnh: Quang Huy', 'Minh Anh'],
    ['Phóng viên: Hoàng Anh | Nguồn: Báo Tuyên Quang', 'Hoàng Anh'],
  ])('%s → %s', (line, name) => expect(parseAuthorLabel(line)).toBe(name));

  it('does not read a sentence as a byline', () => {
    expect(parseAuthorLabel('Tin: Sáng nay, Ủy ban nhân dân tỉnh đã tổ chức hội nghị tổng kết năm.')).toBeNull();
  });

  it.each([['Theo TTXVN', 'TTXVN'], ['(Theo Vietnam+)', 'Vietnam+'], ['Nguồn: Báo Tuyên Quang', 'Báo Tuyên Quang']])('%s is a source: %s', (line, src) =>
    expect(parseSourceLine(line)).toBe(src));
});

const URL_ = 'https://baocantho.com.vn/vu-dong-xuan-thang-loi-a196670.html';
const P = (n: number) => `<p>Đoạn ${n}: vụ lúa Đông Xuân năm nay toàn thành phố gieo sạ hơn 76.000 ha, năng suất bình quân đạt 7,4 tấn mỗi héc ta, tăng so với cùng kỳ.</p>`;
const run = (html: string) => extractArticle(parseHtml(html, URL_), URL_);
const page = (head: string, before: string, closing: string, after = '') =>
  `<html><head><title>Vụ Đông Xuân thắng lợi</title>${head}</head><body><h1>Vụ Đông Xuân thắng lợi ở Cần Thơ</h1>${before}<div class="content">${P(1)}${P(2)}${closing}</div>${after}</body></html>`;

describe('bylines on the page', () => {
  it('a closing right-aligned name is the author and stays the body\'s last line', () => {
    const a = run(page('', '<p>07/03/2026</p>', '<p style="text-align: right;">Thanh Tâm</p>'));
    expect(a.author).toBe('Thanh Tâm');
    expect(a.bodyText.endsWith('Thanh Tâm')).toBe(true);
  });

  it('a closing bold team byline ("NHÓM PV")', () => {
    expect(run(page('', '<p>07/03/2026</p>', '<p><strong>NHÓM PV</strong></p>')).author).toBe('NHÓM PV');
  });

  it('a closing "Tin, ảnh:" line gives the name without the label', () => {
    expect(run(page('', '<p>07/03/2026</p>', '<p><em>Tin, ảnh: P.Y</em></p>')).author).toBe('P.Y');
  });

  it('a header byline with the date ("Nguyên Minh - 07/03/2026 08:47")', () => {
    const a = run(page('', '<div class="author-share-top"><a href="" class="author">Nguyên Minh </a><span class="post-time"> - 07/03/2026 08:47</span></div>', ''));
    expect(a.author).toBe('Nguyên Minh');
    expect(a.publishedAt).toBe('2026-03-07T08:47:00+07:00');
  });

  it('an author box after the body', () => {
    const box = '<div class="detail-author"><div class="author-info"><p class="name" data-role="author">Minh Chiến </p></div></div>';
    expect(run(page('', '<p>07/03/2026</p>', '', box)).author).toBe('Minh Chiến');
  });

  it('JSON-LD authors, several of them, HTML-escaped, never the publisher', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"NH&#7852;T XUÂN"},{"@type":"Person","name":"NGHI VŨ"}],"publisher":{"@type":"Organization","name":"Tuổi Trẻ"}}</script>';
    expect(run(page(ld, '<p>07/03/2026</p>', '')).author).toBe('NHẬT XUÂN - NGHI VŨ');
    const org = '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Báo Cần Thơ"}}</script>';
    expect(run(page(org, '<p>07/03/2026</p>', '')).author).toBeNull();
  });

  it('meta author when it names a person, not when it names the outlet', () => {
    expect(run(page('<meta name="author" content="Hoàng Yến">', '<p>07/03/2026</p>', '')).author).toBe('Hoàng Yến');
    expect(run(page('<meta name="author" content="TUOI TRE ONLINE">', '<p>07/03/2026</p>', '')).author).toBeNull();
    expect(run(page('<meta name="author" content="Dân Trí"><meta property="og:site_name" content="Báo điện tử Dân Trí">', '<p>07/03/2026</p>', '')).author).toBeNull();
  });
});
