// One-item related cards inside the body go, wherever they sit; fact boxes, quoted sidebars and photo boxes stay.
import { parseHtml } from '../../eval/parse-html';
import { extractArticle } from '../../src/core/extract';

const URL_ = 'https://bao.example.vn/gia-hoa-nhap-khau-tang-manh-20260307075519174.htm';
const P = (n: number) => `<p>Đoạn ${n}: các cửa hàng hoa ghi nhận giá hoa nhập khẩu tăng mạnh trong dịp lễ năm nay do chi phí vận chuyển đội lên và nguồn hàng khan hiếm hơn mọi năm.</p>`;
const page = (inner: string) => `<html><head><title>Giá hoa nhập khẩu tăng mạnh</title></head><body><h1>Giá hoa nhập khẩu tăng mạnh</h1><p class="date">07/03/2026 08:00</p><div class="detail-content">${inner}</div></body></html>`;
const body = (inner: string) => extractArticle(parseHtml(page(inner), URL_), URL_).bodyText;

const CARD_TITLE = 'Xung đột ở Trung Đông khiến xuất khẩu Việt lao đao vì phụ phí logistics';
const card = `<div type="RelatedOneNews"><a href="/xung-dot-o-trung-dong-khien-xuat-khau-lao-dao-20260306231657525.htm"><img src="/t.jpg"></a><a href="/xung-dot-o-trung-dong-khien-xuat-khau-lao-dao-20260306231657525.htm">${CARD_TITLE}</a><p>Xung đột leo thang đang đẩy doanh nghiệp xuất khẩu vào thế khó khi cước vận tải biển tăng vọt.</p></div>`;

describe('one-item related cards', () => {
  it.each([['at the start', `${card}${P(1)}${P(2)}${P(3)}`], ['in the middle', `${P(1)}${card}${P(2)}${P(3)}`], ['at the end', `${P(1)}${P(2)}${P(3)}${card}`]])(
    'a linked title + teaser card %s is removed, the article text stays', (_where, inner) => {
      const text = body(inner);
      expect(text).not.toContain(CARD_TITLE);
      expect(text).not.toContain('cước vận tải biển tăng vọt');
      for (const n of [1, 2, 3]) expect(text).toContain(`Đoạn ${n}:`);
    });

  it('removes a card whose teaser starts with the outlet tag ("VOV.VN - …") and that has a heading', () => {
    const vov = `<div class="box"><div class="box-title">Tin liên quan</div><a href="/kinh-te/gia-xang-dau-tang-lan-thu-ba-1234567.vov">Giá xăng dầu tăng lần thứ ba liên tiếp trong tháng</a><p>VOV.VN - Giá xăng dầu hôm nay tiếp tục tăng theo giá thế giới.</p></div>`;
    const text = body(`${P(1)}${vov}${P(2)}`);
    expect(text).not.toContain('Giá xăng dầu tăng lần thứ ba');
    expect(text).toContain('Đoạn 2:');
  });

  it('keeps a fact box, a quoted sidebar and a photo box with article text', () => {
    const fact = '<div class="fact-box"><p><b>Con số</b></p><p>76.000 ha lúa Đông Xuân, năng suất bình quân 7,4 tấn/ha, tăng 0,2 tấn so với cùng kỳ năm trước.</p></div>';
    const quote = '<blockquote class="quote"><p>“Chúng tôi phải nhập hoa từ sớm để kịp mùa lễ” – chị Lan, chủ cửa hàng hoa ở quận 3.</p></blockquote>';
    const photo = '<div type="PhotoInContentBox"><a href="/images/hoa-tulip.jpg"><img src="/images/hoa-tulip.jpg"></a><p>Hoa tulip nhập khẩu được bày bán tại một cửa hàng trên đường Lê Văn Sỹ</p></div>';
    const linkedFact = '<div class="box-info"><p>Theo <a href="/thi-truong-hoa-tet-2026-a123456.html">báo cáo thị trường hoa</a>, lượng hoa nhập khẩu năm nay giảm 30% so với năm ngoái do chi phí vận chuyển tăng cao và nhiều chuyến bay bị hủy trong tháng qua.</p></div>';
    const text = body(`${P(1)}${fact}${quote}${photo}${linkedFact}${P(2)}`);
    expect(text).toContain('76.000 ha lúa Đông Xuân');
    expect(text).toContain('Chúng tôi phải nhập hoa từ sớm');
    expect(text).toContain('Hoa tulip nhập khẩu được bày bán');
    expect(text).toContain('lượng hoa nhập khẩu năm nay giảm 30%');
  });

  it('removes a "Xem thêm:" line', () => {
    const text = body(`${P(1)}<p>Xem thêm: <a href="/gia-vang-hom-nay-tang-manh-2495000.html">Giá vàng hôm nay tăng mạnh</a></p>${P(2)}`);
    expect(text).not.toContain('Giá vàng hôm nay');
  });
});
