// Shapes no site rule knows: the generic path must still come out clean.
import { parseHtml } from '../../eval/parse-html';
import { extractArticle } from '../../src/core/extract';

const URL_ = 'https://xa-moi.example.gov.vn/tin-tuc/bai-viet-123.html';
const para = (i: number) =>
  `<p>Đoạn ${i}: Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ, các sở, ngành, địa phương tham dự, thảo luận và thống nhất giải pháp thực hiện trong thời gian tới.</p>`;
const run = (html: string) => extractArticle(parseHtml(html, URL_), URL_, { useSiteRules: false });

describe('generic extractor', () => {
  it('paragraphs directly under <body>', () => {
    const a = run(`<html><head><title>Tiêu đề bài - Cổng</title></head><body><h1>Tiêu đề bài</h1>${para(1)}${para(2)}${para(3)}</body></html>`);
    expect(a.title).toBe('Tiêu đề bài');
    expect(a.bodyText.split('\n\n')).toHaveLength(3);
  });

  it('body split by an ad box, sidebar link lists left out', () => {
    const a = run(
      `<html><body><h1>Tiêu đề bài viết tách đôi</h1><div class="content"><div>${para(1)}${para(2)}</div><div class="ads"><img src="/qc.jpg"> Quảng cáo</div><div>${para(3)}${para(4)}</div></div>` +
        `<div class="sidebar"><div>Tin đọc nhiều</div><ul><li><a href="/1">Tin một rất dài để thử</a></li><li><a href="/2">Tin hai rất dài để thử</a></li></ul></div></body></html>`,
    );
    expect(a.bodyText).toMatch(/Đoạn 1[\s\S]*Đoạn 4/);
    expect(a.bodyText).not.toMatch(/Quảng cáo|Tin một/);
  });

  it('closing labelled byline inside the body stays in bodyText and becomes the author', () => {
    const a = run(`<html><body><h1>Bài có dòng bài và ảnh</h1><div class="content">${para(1)}${para(2)}<p><strong>Bài, ảnh: Thu Hà</strong></p></div></body></html>`);
    expect(a.author).toBe('Thu Hà');
    expect(a.bodyText.endsWith('Bài, ảnh: Thu Hà')).toBe(true);
  });

  it('"PV" byline', () => {
    const a = run(`<html><body><h1>Bài có PV ký tên</h1><div class="content">${para(1)}${para(2)}<p style="text-align:right"><b>PV</b></p></div></body></html>`);
    expect(a.author).toBe('PV');
  });

  it('"Tác giả:" before the body is the author and not in bodyText', () => {
    const a = run(`<html><body><h1>Bài có tác giả phía trên</h1><div class="meta">Tác giả: <b>Hoàng Anh</b></div><div class="content">${para(1)}${para(2)}</div></body></html>`);
    expect(a.author).toBe('Hoàng Anh');
    expect(a.bodyText).not.toContain('Tác giả');
  });

  it('an event date in the body is not the publication date; the dated line under the title is', () => {
    const a = run(`<html><body><h1>Bài có ngày trong thân bài</h1><div class="info">Cập nhật: 19/11/2019</div><div class="content"><p>Ngày 18-11-2019, đoàn công tác đã khảo sát vùng sản xuất, làm việc với các hợp tác xã trên địa bàn huyện và các hộ dân.</p>${para(2)}</div></body></html>`);
    expect(a.publishedAt).toBe('2019-11-19');
  });

  it('lead by class is kept out of bodyText', () => {
    const a = run(`<html><body><h1>Bài có sapo</h1><div class="sapo">Sapo của bài viết nói tóm tắt nội dung chính của sự kiện trong ngày hôm nay.</div><div class="content">${para(1)}${para(2)}</div></body></html>`);
    expect(a.lead).toBe('Sapo của bài viết nói tóm tắt nội dung chính của sự kiện trong ngày hôm nay.');
    expect(a.bodyText).not.toContain('Sapo');
  });

  it('relative URLs resolve against <base href>', () => {
    const html = `<html><head><base href="https://cdn.example.gov.vn/site/"></head><body><h1>Bài có ảnh tương đối</h1><div class="content">${para(1)}<p><img src="img/a.jpg" alt="a"></p>${para(2)}</div></body></html>`;
    const a = run(html);
    expect(a.images[0].src).toBe('https://cdn.example.gov.vn/site/img/a.jpg');
    expect(a.bodyHtml).toContain('https://cdn.example.gov.vn/site/img/a.jpg');
  });

  it('canonical URL from <link rel=canonical>', () => {
    const a = run(`<html><head><link rel="canonical" href="/tin-tuc/bai-viet-123.html?amp=0"></head><body><h1>Bài có canonical</h1><div class="content">${para(1)}${para(2)}</div></body></html>`);
    expect(a.canonicalUrl).toBe('https://xa-moi.example.gov.vn/tin-tuc/bai-viet-123.html?amp=0');
  });

  it('teaser grid with summaries and reader comments inside the body container are removed', () => {
    const card = (i: number) =>
      `<div class="col"><a href="/tin/${i}"><img src="/t${i}.jpg"></a><h4><a href="/tin/${i}">Tin liên quan số ${i} về y tế</a></h4><p>Tóm tắt tin ${i}: các lực lượng chức năng phối hợp kiểm tra y tế, bố trí khu cách ly tạm thời và phương tiện vận chuyển người bệnh khi cần thiết, bảo đảm an toàn.</p></div>`;
    const a = run(
      `<html><body><h1>Bài có lưới tin và bình luận</h1><div class="article">${para(1)}${para(2)}${para(3)}` +
        `<h3>Tin liên quan</h3><div class="grid">${card(1)}${card(2)}${card(3)}</div>` +
        `<div class="comment-list"><div class="item"><b>Bạn đọc A</b><p>Tôi rất đồng tình với chủ trương này, mong các điểm tiêm bố trí thêm thời gian buổi tối để người đi làm đưa con em đi tiêm thuận tiện hơn.</p></div></div></div></body></html>`,
    );
    expect(a.bodyText).toMatch(/Đoạn 3/);
    expect(a.bodyText).not.toMatch(/Tóm tắt tin|Tin liên quan|đồng tình/);
  });
});

describe('dates in HTML5 article headers', () => {
  it('a <time> inside the article <header> is taken, the site <header> date is not', () => {
    const html = `<html><body><header class="site"><span>Thứ Hai, 02/12/2024</span></header><article><header><h1>Bài có header riêng của bài viết</h1><time datetime="2024-11-30T09:00:00+07:00">30/11/2024 09:00</time></header><div class="content">${para(1)}${para(2)}</div></article></body></html>`;
    const a = run(html);
    expect(a.publishedAt).toBe('2024-11-30T09:00:00+07:00');
  });

  it('a truncated title as the last breadcrumb is not the category', () => {
    const html = `<html><body><div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/kt">Kinh tế</a> › <span>Bài viết có tiêu đề rất dài về kinh tế...</span></div><h1>Bài viết có tiêu đề rất dài về kinh tế của tỉnh năm nay</h1><div class="content">${para(1)}${para(2)}</div></body></html>`;
    expect(run(html).category).toBe('Kinh tế');
  });
});

describe('publication vs update date', () => {
  it('prefers "Ngày đăng" over a nearer "Cập nhật" line', () => {
    const html = `<html><body><h1>Bài có cả ngày đăng và ngày cập nhật</h1><div class="dates"><span class="upd">Cập nhật: 05/07/2023 16:00</span><br><span class="pub">Ngày đăng: 04/07/2023 15:30</span></div><div class="content">${para(1)}${para(2)}</div></body></html>`;
    expect(run(html).publishedAt).toBe('2023-07-04T15:30:00+07:00');
  });
});

describe('date and time split across elements', () => {
  it('joins "<span>date</span> - <span>time</span>"', () => {
    const html = `<html><body><h1>Bài có ngày giờ tách rời nhau</h1><div class="meta"><span class="d">27/03/2025</span> - <span class="t">09:50</span></div><div class="content">${para(1)}${para(2)}</div></body></html>`;
    expect(run(html).publishedAt).toBe('2025-03-27T09:50:00+07:00');
  });
});
