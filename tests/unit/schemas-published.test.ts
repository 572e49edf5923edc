// The published schema (schemas/export.schema.json) and the code hold an article to the same shape: the file is
// what the declaration in src/core/shapes produces, and the importer, the message guard and the schema give the
// same verdict on the same article.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { publishedSchemas } from '../../scripts/published-schemas';
import { articleProblems, pickArticle } from '../../src/core/archive/validate-article';
import { ARTICLE_LIMITS } from '../../src/core/shapes/article';
import { isExtractedArticle } from '../../src/shared/messages';
import { exportSchemaErrors } from '../helpers/export-schema';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

type Raw = Record<string, unknown>;

const good: Raw = {
  id: 'a1', ...sampleExtracted({ url: 'https://bdt.tuyenquang.gov.vn/tin-tuc/a-1.html', source: 'Theo Báo Tuyên Quang' }), site: TUYEN_QUANG_SITE,
  contentHash: 'ab'.repeat(32), capturedAt: '2026-11-28T08:00:00+07:00', updatedAt: '2026-11-29T08:00:00+07:00',
  tags: ['cải cách'], note: 'ghi chú', collections: ['Biên giới'],
};
const fileWith = (article: unknown) => ({
  format: 'provincial-news-archive', version: 1, exportedAt: '2026-11-28T08:00:00+07:00', generator: 'test', filter: null, count: 1, articles: [article],
});
/** Both verdicts on one article: the published schema's (as any other tool reads it) and the importer's. */
const verdicts = (article: unknown) => ({ schema: exportSchemaErrors(fileWith(article)).length === 0, importer: articleProblems(article).length === 0 });

function withPath(base: Raw, path: readonly (string | number)[], value: unknown): Raw {
  const copy = structuredClone(base);
  let at: Raw = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Raw;
  const last = path[path.length - 1];
  if (value === undefined) delete at[last]; else at[last] = value;
  return copy;
}

describe('the published export schema', () => {
  it('is what the declaration produces (run `npm run -s schemas` after changing a shape)', () => {
    for (const [name, schema] of Object.entries(publishedSchemas())) {
      const committed = readFileSync(resolve(import.meta.dirname, '../../schemas', name), 'utf8');
      expect(committed, `schemas/${name} is stale`).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });

  it('accepts the same article the importer and the message guard accept', () => {
    expect(verdicts(good)).toEqual({ schema: true, importer: true });
    const { id: _id, site: _site, contentHash: _h, capturedAt: _c, updatedAt: _u, tags: _t, note: _n, collections: _l, ...extracted } = good;
    expect(isExtractedArticle(extracted)).toBe(true);
  });

  const nearMisses: Array<[string, readonly (string | number)[], unknown]> = [
    ['no title', ['title'], undefined], ['a blank title', ['title'], ' \n '], ['a number for a title', ['title'], 42],
    ['an ftp URL', ['url'], 'ftp://bdt.tuyenquang.gov.vn/a'], ['a javascript: image', ['images', 0, 'src'], 'javascript:alert(1)'],
    ['a relative canonical URL', ['canonicalUrl'], '/tin-tuc/a.html'], ['an unknown site kind', ['site', 'kind'], 'blog'],
    ['a province that is a number', ['site', 'province'], 5], ['a date that is not ISO', ['publishedAt'], '05/07/2023'],
    ['a capture time without a time', ['capturedAt'], '2026-11-28'], ['a short hash', ['contentHash'], 'abc'],
    ['a negative word count', ['wordCount'], -1], ['a fractional word count', ['wordCount'], 1.5],
    ['an unknown extractor method', ['extractor', 'method'], 'magic'], ['a tag that is a number', ['tags', 0], 3],
    ['a blank collection name', ['collections', 0], '  '], ['a caption that is a number', ['images', 0, 'caption'], 1],
    ['a lead one character over the limit', ['lead'], 'x'.repeat(ARTICLE_LIMITS.metaText + 1)],
    ['an author one character over the limit', ['author'], 'x'.repeat(ARTICLE_LIMITS.metaText + 1)],
    ['a site that is a list', ['site'], []], ['no extractor', ['extractor'], undefined],
  ];
  it.each(nearMisses)('and both reject %s', (_what, path, value) => {
    expect(verdicts(withPath(good, path, value))).toEqual({ schema: false, importer: false });
  });

  it('holds one limit per field: the importer, the message guard and the schema take a lead and an author of 50 000 characters', () => {
    const long = 'x'.repeat(ARTICLE_LIMITS.metaText);
    const article = { ...good, lead: long, author: long, category: long };
    expect(verdicts(article)).toEqual({ schema: true, importer: true });
    expect(isExtractedArticle(sampleExtracted({ lead: long, author: long, category: long }))).toBe(true);
    expect(isExtractedArticle(sampleExtracted({ lead: `${long}x` }))).toBe(false);
    expect(articleProblems({ ...good, lead: `${long}x` })).toEqual(['field "lead" is too long']);
  });

  it('gives the same verdict as the importer on any value in any field (property)', () => {
    const paths: Array<readonly (string | number)[]> = [
      ...Object.keys(good).map((k) => [k]), ['site', 'host'], ['site', 'kind'], ['site', 'province'], ['images', 0],
      ['images', 0, 'src'], ['images', 0, 'alt'], ['extractor', 'version'], ['extractor', 'method'], ['tags', 0], ['collections', 0],
    ];
    fc.assert(fc.property(fc.constantFrom(...paths), fc.option(fc.jsonValue(), { nil: undefined }), (path, value) => {
      const { schema, importer } = verdicts(withPath(good, path, value));
      expect(importer, `${path.join('.')} = ${JSON.stringify(value)}`).toBe(schema);
    }), { numRuns: 400 });
  });

  it('lists the fields in the order exports write them, whatever order the row had', () => {
    const shuffled = Object.fromEntries(Object.entries(good).reverse());
    expect(Object.keys(pickArticle(shuffled))).toEqual(Object.keys(good).filter((k) => k !== 'collections')
      .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
  });
});

const ORDER = ['id', 'url', 'canonicalUrl', 'site', 'title', 'category', 'lead', 'author', 'source', 'publishedAt', 'language', 'bodyHtml', 'bodyText', 'images', 'wordCount', 'contentHash', 'capturedAt', 'updatedAt', 'extractor', 'tags', 'note'];
