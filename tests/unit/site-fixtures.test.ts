// The project's own pages (tests/fixtures/site) are what the end-to-end main path and `npm start`'s demo rely on:
// detection must call each what its truth says, and the article must extract to its ground truth.
import { parseHtml } from '../../eval/parse-html';
import { f1, foldWs, precisionRecall } from '../../eval/score';
import { detectPage } from '../../src/core/detect';
import { extractArticle } from '../../src/core/extract';
import { loadSitePages } from '../helpers/site-fixtures';

const pages = loadSitePages();

describe('site fixtures', () => {
  it('hold an article, a listing, a home page and a non-article page', () => {
    expect(pages.map((p) => p.truth.pageKind).sort()).toEqual(['article', 'home', 'listing', 'other']);
  });
  for (const page of pages) {
    it(`${page.id} is detected as ${String(page.truth.pageKind)}`, () => {
      const d = detectPage(parseHtml(page.html, page.truth.url), page.truth.url);
      expect({ article: d.isProvincialNewsArticle, pageKind: d.pageKind, province: d.province }, d.reasons.join('; '))
        .toEqual({ article: page.truth.isProvincialNewsArticle, pageKind: page.truth.pageKind, province: page.truth.province });
    });
  }
  it('the article extracts to its ground truth', () => {
    const page = pages.find((p) => p.truth.isProvincialNewsArticle)!;
    const t = page.truth;
    const a = extractArticle(parseHtml(page.html, t.url), t.url);
    const { precision, recall } = precisionRecall(t.bodyText!, a.bodyText);
    expect(f1(precision, recall)).toBeGreaterThanOrEqual(0.97);
    for (const s of t.mustNotContain) expect(a.bodyText).not.toContain(s);
    expect([foldWs(a.title), a.publishedAt, a.author, foldWs(a.lead)]).toEqual([foldWs(t.title), t.publishedAt, t.author, foldWs(t.lead)]);
    expect(a.images.map((i) => i.caption)).toEqual([t.imageCaption]);
  });
});
