// Every scored corpus/fixture article against its truth, with site rules on and with the generic path alone.
import { parseHtml } from '../../eval/parse-html';
import { CORPUS_DIR, corpusAvailable, loadPages, scoredPages } from '../../eval/pages';
import { f1, foldWs, precisionRecall } from '../../eval/score';
import { extractArticle, ExtractionError } from '../../src/core/extract';
import { SITE_RULES } from '../../src/core/extract/sites';
import { loadSitePages } from '../helpers/site-fixtures';

const pages = loadPages();
const scored = scoredPages(pages);

if (!corpusAvailable()) {
  console.warn(`[extract-corpus] ${CORPUS_DIR} is absent: corpus pages skipped, only tests/fixtures/extract are checked.`);
}

describe.each([
  ['site rules on', true],
  ['generic only', false],
] as const)('extract (%s)', (_name, useSiteRules) => {
  it('has pages to check', () => expect(scored.length).toBeGreaterThan(0));
  for (const page of scored) {
    it(`${page.id}`, () => {
      const t = page.truth;
      const doc = parseHtml(page.html, t.url);
      const a = extractArticle(doc, t.url, { useSiteRules });
      const { precision, recall } = precisionRecall(t.bodyText!, a.bodyText);
      expect(f1(precision, recall), `body F1 of ${page.id}`).toBeGreaterThanOrEqual(useSiteRules ? 0.97 : 0.93);
      for (const s of t.mustNotContain ?? []) expect(a.bodyText.normalize('NFC'), `leak in ${page.id}`).not.toContain(s.normalize('NFC'));
      expect(foldWs(a.title)).toBe(foldWs(t.title));
      if (t.publishedAt) expect(a.publishedAt ?? '').toMatch(new RegExp('^' + t.publishedAt.replace(/[+.]/g, '\\$&')));
      if (t.author) expect(foldWs(a.author)).toBe(foldWs(t.author));
      else expect(a.author).toBeNull();
      if (t.lead !== undefined) expect(foldWs(a.lead)).toBe(foldWs(t.lead));
      expect(a.bodyText).toBe(a.bodyText.normalize('NFC'));
      expect(a.bodyHtml).not.toMatch(/<script|on\w+=|javascript:/i);
    });
  }
});

describe('site rules', () => {
  const ids = new Set(pages.map((p) => p.id));
  for (const rule of SITE_RULES) {
    it(`${rule.id} names fixtures, and each present fixture is extracted by that rule`, () => {
      expect(rule.fixtures.length).toBeGreaterThan(0);
      for (const fx of rule.fixtures) {
        const page = pages.find((p) => p.id === fx);
        if (!page) {
          // Corpus fixtures are absent when ../shared/corpus is not checked out.
          if (corpusAvailable() || fx.startsWith('f')) expect(ids.has(fx), `fixture ${fx} of ${rule.id} exists`).toBe(true);
          continue;
        }
        const a = extractArticle(parseHtml(page.html, page.truth.url), page.truth.url);
        expect(a.extractor.method, `${fx} uses a site rule`).toBe('site-rule');
      }
    });
  }
});

// The project's own listing, home and contact pages are always there; the corpus adds its own when present.
describe('negative pages', () => {
  const negatives = [...pages, ...loadSitePages()].filter((p) => !p.truth.isProvincialNewsArticle);
  it('has pages to check', () => expect(negatives.length).toBeGreaterThanOrEqual(3));
  for (const page of negatives) {
    it(`${page.id}: a result or an ExtractionError, never a crash`, () => {
      const doc = parseHtml(page.html, page.truth.url);
      try {
        const a = extractArticle(doc, page.truth.url);
        expect(typeof a.bodyText).toBe('string');
      } catch (e) {
        expect(e).toBeInstanceOf(ExtractionError);
      }
    });
  }
});
