// The explanation crosses from the page's content script to the popup: it is checked and rebuilt before it is shown.
import { parseHtml } from '../../eval/parse-html';
import { explainPage } from '../../src/core/extract/explain';
import { parseExplainReply } from '../../src/shared/messages';

const URL_ = 'https://baocantho.com.vn/gia-hoa-nhap-khau-tang-manh-a196670.html';
const P = (n: number) => `<p>Đoạn ${n}: giá hoa nhập khẩu tăng mạnh trong dịp lễ năm nay do chi phí vận chuyển đội lên và nguồn hàng khan hiếm.</p>`;
const html = `<html><head><title>Giá hoa tăng</title></head><body><h1>Giá hoa nhập khẩu tăng mạnh dịp lễ</h1><p>07/03/2026</p><div class="content">${P(1)}<div><a href="/gia-vang-tang-manh-hom-nay-a196671.html">Giá vàng hôm nay tăng mạnh trở lại</a><p>Giá vàng tăng theo thế giới.</p></div>${P(2)}${P(3)}<p style="text-align:right">Thanh Tâm</p></div></body></html>`;

describe('explanation message', () => {
  it('an explanation of a real extraction survives the check unchanged', () => {
    const { explain, error } = explainPage(parseHtml(html, URL_), URL_, false);
    expect(error).toBeNull();
    expect(explain.path).toBe('generic');
    expect(explain.detection?.decision).toMatch(/^provincial news article/);
    expect(explain.metadata.author).toEqual({ value: 'Thanh Tâm', via: expect.stringMatching(/closing line/) });
    expect(explain.removed.map((r) => r.reason)).toEqual(['one-item related card (a link to another article and its teaser)']);
    const reply = JSON.parse(JSON.stringify({ ok: true, explain, error }));
    expect(parseExplainReply(reply)).toEqual(reply);
  });

  it('an unreadable page gives an explanation with its error, not an exception', () => {
    const { explain, error } = explainPage(parseHtml('<html><body></body></html>', URL_), URL_, false);
    expect(error).toMatch(/no text/i);
    expect(explain.detection).not.toBeNull();
  });

  it.each([
    ['a wrong path', { path: 'eval' }],
    ['a metadata value that is not text', { metadata: { title: { value: 42, via: 'x' } } }],
    ['too many removed blocks', { removed: Array.from({ length: 201 }, () => ({ reason: 'r', text: 't' })) }],
    ['reasons that are not text', { detection: { decision: 'd', reasons: [{}] } }],
  ])('refuses %s', (_what, bad) => {
    const { explain } = explainPage(parseHtml(html, URL_), URL_, false);
    expect(parseExplainReply({ ok: true, error: null, explain: { ...JSON.parse(JSON.stringify(explain)), ...bad } })).toBeNull();
  });
});
