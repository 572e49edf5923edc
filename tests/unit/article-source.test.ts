// The Article's optional `source` ("Theo TTXVN"): read by the extractor, accepted the same way by the message
// validator, the archive's import check and the published export schema.
import { parseHtml } from '../../eval/parse-html';
import { extractArticle } from '../../src/core/extract';
import { buildArticle } from '../../src/core/archive/build-article';
import { articleProblems } from '../../src/core/archive/validate-article';
import { isExtractedArticle } from '../../src/shared/messages';
import { exportSchemaErrors } from '../helpers/export-schema';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

const URL_ = 'https://baotuyenquang.com.vn/xa-hoi/202403/hoi-nghi-tong-ket-cong-tac-dan-toc-nam-2023-190215.html';
const P = (n: number) => `<p>Đoạn ${n}: hội nghị đánh giá kết quả thực hiện các chương trình mục tiêu quốc gia vùng đồng bào dân tộc thiểu số và miền núi trong năm qua.</p>`;

const exportFile = (article: unknown) => ({
  format: 'provincial-news-archive', version: 1, exportedAt: '2026-12-02T00:00:00+07:00', generator: 'test', filter: null, count: 1, articles: [article],
});

describe('Article.source', () => {
  it('the extractor keeps "Theo TTXVN" as the source, not the author, and the line stays in the body', () => {
    const html = `<html><body><h1>Hội nghị tổng kết công tác dân tộc năm 2023</h1><p>09/03/2024</p><div class="content">${P(1)}${P(2)}<p style="text-align:right"><b>Theo TTXVN</b></p></div></body></html>`;
    const a = extractArticle(parseHtml(html, URL_), URL_);
    expect(a.source).toBe('TTXVN');
    expect(a.author).toBeNull();
    expect(a.bodyText.endsWith('Theo TTXVN')).toBe(true);
  });

  it.each([['with a source', 'TTXVN'], ['with none', null], ['without the field (archived before it existed)', undefined]])(
    'an article %s passes the message validator, the import check and the export schema', async (_what, source) => {
      const extracted = sampleExtracted({ source });
      if (source === undefined) delete extracted.source;
      expect(isExtractedArticle(extracted)).toBe(true);
      const article = await buildArticle(extracted, TUYEN_QUANG_SITE);
      expect(articleProblems(article)).toEqual([]);
      expect(exportSchemaErrors(exportFile(article))).toEqual([]);
    });

  it('a source that is not text is refused by all three', async () => {
    const extracted = { ...sampleExtracted(), source: 42 } as unknown as ReturnType<typeof sampleExtracted>;
    expect(isExtractedArticle(extracted)).toBe(false);
    const article = { ...(await buildArticle(sampleExtracted(), TUYEN_QUANG_SITE)), source: 42 };
    expect(articleProblems(article).join()).toMatch(/source/);
    expect(exportSchemaErrors(exportFile(article)).join()).toMatch(/source/);
  });
});
