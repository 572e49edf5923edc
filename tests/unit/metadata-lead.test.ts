// A sapo named only by a data attribute (utility-class templates: <h2 data-slot="sapo">) is the lead, not body text.
import { parseHtml } from '../../eval/parse-html';
import { extractArticle } from '../../src/core/extract';

const URL_ = 'https://bao.example.vn/kinh-doanh/gia-vang-giam-20260307080054340.htm';
const P = (n: number) => `<p>Đoạn ${n}: giá vàng miếng trong nước giảm theo giá thế giới nhưng vẫn cao hơn gần 20 triệu đồng mỗi lượng so với quy đổi.</p>`;

it.each(['data-slot', 'data-role'])('a sapo marked %s="sapo" is the lead and leaves the body', (attr) => {
  const html = `<html><body><h1 class="dt-text-3xl">Giá vàng giảm, vẫn cao hơn thế giới</h1><time>07/03/2026 08:07</time><h2 ${attr}="sapo" class="dt-font-arial dt-text-lg">(Dân trí) - Giá vàng trong nước tiếp tục giảm, xuống mức 183,8 triệu đồng mỗi lượng.</h2><div id="desktop-in-article">${P(1)}${P(2)}${P(3)}</div></body></html>`;
  const a = extractArticle(parseHtml(html, URL_), URL_);
  expect(a.lead).toBe('(Dân trí) - Giá vàng trong nước tiếp tục giảm, xuống mức 183,8 triệu đồng mỗi lượng.');
  expect(a.bodyText).not.toContain('(Dân trí)');
});
