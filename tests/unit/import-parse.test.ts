import { parseImportText, ImportFileError } from '../../src/core/archive/import-parse';
import { buildArticle } from '../../src/core/archive/build-article';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';
import type { Article } from '../../src/core/types';

const fileOf = (articles: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'provincial-news-archive', version: 1, exportedAt: '2026-11-28T08:00:00+07:00', generator: 'test', filter: null, count: articles.length, articles, ...extra });

let good: Article;
beforeAll(async () => { good = await buildArticle(sampleExtracted(), TUYEN_QUANG_SITE); });

function fileError(text: string): ImportFileError {
  try {
    parseImportText(text);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

describe('reading import files', () => {
  it('reads our JSON export, also with a byte-order mark', () => {
    const parsed = parseImportText(`\uFEFF${fileOf([good])}`);
    expect(parsed.format).toBe('json');
    expect(parsed.rows).toEqual([{ row: 1, ok: true, article: good }]);
  });

  it('reads NDJSON, one article a line, and rejects only the broken lines', () => {
    const other = { ...good, id: 'other-id' };
    const parsed = parseImportText([JSON.stringify(good), '{"id": "half', JSON.stringify(other), ''].join('\n'));
    expect(parsed.format).toBe('ndjson');
    expect(parsed.rows.map((r) => r.ok)).toEqual([true, false, true]);
    expect(parsed.rows[1]).toMatchObject({ row: 2, ok: false, reason: expect.stringMatching(/^not valid JSON/) });
  });

  it.each([
    ['an empty file', '', 'empty'],
    ['only whitespace', '  \n\t ', 'empty'],
    ['a truncated export', fileOf([{ x: 1 }]).slice(0, -15), 'truncated'],
    ['text that is not JSON', 'Tin cùng chuyên mục', 'not-json'],
    ['an HTML page', '<!doctype html><html><body>Tin</body></html>', 'not-json'],
    ['a JSON list', '[1,2,3]', 'wrong-shape'],
    ['a JSON number', '42', 'wrong-shape'],
    ['a JSON string', '"archive"', 'wrong-shape'],
    ['JSON null', 'null', 'wrong-shape'],
    ['an object of another program', '{"items": []}', 'wrong-shape'],
    ['a Zotero CSL file', '[{"type": "article-newspaper", "title": "x"}]', 'wrong-shape'],
    ['another format name', fileOf([], { format: 'pocket-export' }), 'wrong-shape'],
    ['a missing version', fileOf([], { version: undefined }), 'wrong-shape'],
    ['a version that is not a number', fileOf([], { version: '1' }), 'wrong-shape'],
    ['a future version', fileOf([], { version: 99 }), 'future-version'],
    ['articles that are not a list', fileOf([], { articles: { a: 1 } }), 'wrong-shape'],
  ])('rejects %s as a whole, naming the problem', (_what, text, code) => {
    const error = fileError(text);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('names the row and the field of each broken article and keeps the good ones', () => {
    const broken: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...good, id: 'a', title: undefined }, /missing field "title"/],
      [{ ...good, id: 'b', title: 42 }, /field "title" must be a string/],
      [{ ...good, id: 'c', url: 'javascript:alert(1)' }, /field "url" is not an http\(s\) URL/],
      [{ ...good, id: 'd', publishedAt: 'hôm qua' }, /publishedAt/],
      [{ ...good, id: 'e', wordCount: '12' }, /wordCount/],
      [{ ...good, id: 'f', tags: 'a,b' }, /tags/],
      [{ ...good, id: 'g', images: [{ src: 'data:image/png;base64,AA', caption: null, alt: null }] }, /images\[0\]\.src/],
      [{ ...good, id: 'h', site: { host: 'x', name: 'x', province: 5, kind: 'other' } }, /site\.province/],
      [{ ...good, id: 'i', contentHash: 'abc' }, /contentHash/],
      [{ ...good, id: 'j', capturedAt: '2026-13-45' }, /capturedAt/],
      [{ ...good, id: '' }, /field "id" is empty/],
    ];
    const parsed = parseImportText(fileOf([good, ...broken.map(([a]) => a)]));
    expect(parsed.rows[0].ok).toBe(true);
    broken.forEach(([, reason], i) => {
      const row = parsed.rows[i + 1];
      expect(row.ok).toBe(false);
      expect(row.row).toBe(i + 2);
      if (!row.ok) expect(row.reason).toMatch(reason);
    });
  });

  it('rejects a second article with the same id inside one file, naming both rows', () => {
    const parsed = parseImportText(fileOf([good, { ...good, title: 'Bản khác' }]));
    expect(parsed.rows[1]).toEqual({ row: 2, ok: false, reason: `duplicate id "${good.id}" (also row 1)` });
  });

  it('drops fields the format does not know, so nothing unknown rides into the archive', () => {
    const parsed = parseImportText(fileOf([{ ...good, __proto_hack: 1, site: { ...good.site, extra: 'x' } }]));
    const row = parsed.rows[0];
    expect(row.ok).toBe(true);
    if (row.ok) {
      expect(Object.keys(row.article)).not.toContain('__proto_hack');
      expect(Object.keys(row.article.site).sort()).toEqual(['host', 'kind', 'name', 'province']);
    }
  });
});
