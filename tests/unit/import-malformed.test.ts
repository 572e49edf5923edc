// Malformed import files, many kinds in one place, each through the archive page's own import path
// (readImportSource: the whole-file validation pass; then applyImport with the page's sanitizer).
// What a user must see: a message naming the problem (and the row, for row errors), and an archive that a
// refused file left exactly as it was — every table, search index included.
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport } from '../../src/core/archive/import-apply';
import { ImportFileError, MAX_JSON_BYTES } from '../../src/core/archive/import-parse';
import { importRowsOf, readImportSource } from '../../src/core/archive/import-read';
import { exportChunks } from '../../src/core/archive/export-stream';
import { saveArticle } from '../../src/core/archive/save-article';
import { sanitizeArticleHtml } from '../../src/core/extract/sanitize-html';
import { searchArchive } from '../../src/core/search';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

type Db = ReturnType<typeof freshDb>;
type Raw = Record<string, unknown>;

const window = new Window();
/** The archive page's sanitizer, on happy-dom instead of the page's DOMParser. */
const sanitizeHtml = (html: string, url: string) => {
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return sanitizeArticleHtml(doc.body, url);
};
afterAll(() => window.happyDOM.close());

/** Every table of the archive, in key order: a refused file must leave all of them as they were. */
async function snapshot(db: Db): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const table of db.tables) out[table.name] = await table.toCollection().primaryKeys().then(async (keys) => [keys, await table.toArray()]);
  return JSON.stringify(out);
}

async function seeded(): Promise<Db> {
  const db = freshDb();
  for (let i = 0; i < 3; i++) {
    await saveArticle(db, sampleExtracted({ url: `https://bdt.tuyenquang.gov.vn/tin-tuc/hoi-nghi!-${i}.html`, title: `Hội nghị số ${i} về cải cách hành chính`, bodyText: `Đoạn văn bản số ${i}.` }), TUYEN_QUANG_SITE, { now: new Date(Date.UTC(2026, 0, 1, 0, i)) });
  }
  await db.settings.put({ key: 'ui', value: { lang: 'vi' } });
  return db;
}

async function exportText(db: Db): Promise<string> {
  let text = '';
  for await (const c of exportChunks(db, { format: 'json', generator: 'test' })) text += c;
  return text;
}

// Filled in beforeAll from a real export of the seeded archive.
let exported = '';
let existing: Raw[] = [];
/** A valid article that is not in the archive (a new page of the same site). */
let fresh: Raw = {};

const head = (extra: Raw = {}) => JSON.stringify({ format: 'provincial-news-archive', version: 1, exportedAt: '2026-11-28T10:00:00+07:00', generator: 'test', filter: null, ...extra });
/** Our JSON export layout (one article a line), as the exporter writes it. */
const jsonFile = (articles: unknown[], extra: Raw = {}) => `${head(extra).slice(0, -1)},"articles":[\n${articles.map((a) => JSON.stringify(a)).join(',\n')}\n],"count":${articles.length}}`;
const ndjson = (rows: Array<unknown>) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');
const without = (a: Raw, key: string) => Object.fromEntries(Object.entries(a).filter(([k]) => k !== key));
/** Row 1 is an article already in the archive (skipped, unchanged), so a row error is reported as row 2. */
const badRow = (mutate: (a: Raw) => unknown) => () => ndjson([existing[0], mutate({ ...fresh })]);

type Case =
  | { kind: string; file: () => string | Uint8Array | Blob; error: ImportFileError['code']; message: RegExp }
  | { kind: string; file: () => string | Uint8Array | Blob; rejects: Array<{ row: number; reason: RegExp }> }
  | { kind: string; file: () => string | Uint8Array | Blob; accepts: (db: Db) => Promise<void> };

const cases: Case[] = [
  // Nothing to read.
  { kind: 'empty file', file: () => '', error: 'empty', message: /empty/ },
  { kind: 'only whitespace', file: () => ' \n\t\r\n  ', error: 'empty', message: /empty/ },
  { kind: 'byte-order mark only', file: () => '\uFEFF', error: 'empty', message: /empty/ },
  // Cut short.
  { kind: 'export truncated after its head', file: () => exported.slice(0, exported.indexOf('[') + 2), error: 'truncated', message: /truncated/ },
  { kind: 'export truncated mid-article', file: () => exported.slice(0, Math.floor(exported.length / 2)), error: 'truncated', message: /truncated/ },
  { kind: 'export truncated before its last brace', file: () => exported.trimEnd().slice(0, -1), error: 'truncated', message: /truncated/ },
  { kind: 'pretty-printed export truncated', file: () => JSON.stringify(JSON.parse(exported), null, 2).slice(0, -40), error: 'truncated', message: /truncated/ },
  // Valid JSON, not an export.
  { kind: 'a JSON list', file: () => JSON.stringify(existing), error: 'wrong-shape', message: /holds a list/ },
  { kind: 'a JSON string', file: () => '"provincial-news-archive"', error: 'wrong-shape', message: /not hold an export/ },
  { kind: 'a JSON number', file: () => '42', error: 'wrong-shape', message: /not hold an export/ },
  { kind: 'JSON null', file: () => 'null', error: 'wrong-shape', message: /not hold an export/ },
  { kind: 'JSON true', file: () => 'true', error: 'wrong-shape', message: /not hold an export/ },
  { kind: 'wrong "format"', file: () => jsonFile(existing, { format: 'zotero-library' }), error: 'wrong-shape', message: /"format" is "zotero-library"/ },
  { kind: 'no "format"', file: () => JSON.stringify({ version: 1, articles: existing }), error: 'wrong-shape', message: /"format" is null/ },
  { kind: 'future "version"', file: () => jsonFile(existing, { version: 99 }), error: 'future-version', message: /newer version of the format \(99\)/ },
  { kind: '"version" as a string', file: () => jsonFile(existing, { version: '1' }), error: 'wrong-shape', message: /"version" is missing or not a positive whole number/ },
  { kind: '"version" zero', file: () => jsonFile(existing, { version: 0 }), error: 'wrong-shape', message: /"version"/ },
  { kind: 'no "articles"', file: () => head(), error: 'wrong-shape', message: /"articles" is missing or not a list/ },
  { kind: '"articles" an object', file: () => `${head().slice(0, -1)},"articles":{"a":1}}`, error: 'wrong-shape', message: /"articles" is missing or not a list/ },
  // Not JSON at all.
  { kind: 'binary garbage with NUL bytes', file: () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 97 + 13) % 256 & (i % 7 ? 0xff : 0)), error: 'not-json', message: /not valid JSON/ },
  { kind: 'UTF-16 text', file: () => utf16le(`\uFEFF${exported}`), error: 'not-json', message: /not valid JSON/ },
  { kind: 'a CSV file', file: () => '\uFEFFid,title,url\r\nabc,Hội nghị,https://x.gov.vn/a\r\n', error: 'not-json', message: /not valid JSON/ },
  { kind: 'an HTML page', file: () => '<!doctype html><html><body><h1>Tin tức</h1></body></html>', error: 'not-json', message: /not valid JSON/ },
  { kind: 'a huge single line (12 MB, not JSON)', file: () => `{"format":"provincial-news-archive","articles":[${'x'.repeat(12_000_000)}`, error: 'not-json', message: /not valid JSON/ },
  { kind: 'data after the end of the export', file: () => `${exported}\n${exported}`, error: 'not-json', message: /continues after the end|not valid JSON/ },
  { kind: 'an export with a broken article line', file: () => exported.replace('"title":"', '"title":"\u0000oops'), error: 'not-json', message: /not valid JSON/ },
  { kind: 'NDJSON with an export head as its first line', file: () => ndjson([{ format: 'other-tool', version: 1 }, existing[0], existing[1]]), error: 'not-json', message: /not valid JSON/ },
  { kind: 'deeply nested JSON (100 000 levels)', file: () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, error: 'wrong-shape', message: /holds a list/ },
  { kind: '2 GB JSON file (not streamable)', file: () => hugeBlob(), error: 'too-large', message: /too large.*2\.0 GB.*NDJSON/ },
  // Row errors: the file is read, the row is rejected with its number and reason; the rest of the file applies.
  { kind: 'article missing "id"', file: badRow((a) => without(a, 'id')), rejects: [{ row: 2, reason: /missing field "id"/ }] },
  { kind: 'article missing "url"', file: badRow((a) => without(a, 'url')), rejects: [{ row: 2, reason: /missing field "url"/ }] },
  { kind: 'article missing "title"', file: badRow((a) => without(a, 'title')), rejects: [{ row: 2, reason: /missing field "title"/ }] },
  { kind: 'article missing "site"', file: badRow((a) => without(a, 'site')), rejects: [{ row: 2, reason: /missing field "site"/ }] },
  { kind: 'article missing "bodyHtml"', file: badRow((a) => without(a, 'bodyHtml')), rejects: [{ row: 2, reason: /missing field "bodyHtml"/ }] },
  { kind: 'article missing "contentHash"', file: badRow((a) => without(a, 'contentHash')), rejects: [{ row: 2, reason: /missing field "contentHash"/ }] },
  { kind: 'article missing "capturedAt"', file: badRow((a) => without(a, 'capturedAt')), rejects: [{ row: 2, reason: /missing field "capturedAt"/ }] },
  { kind: 'article missing "tags"', file: badRow((a) => without(a, 'tags')), rejects: [{ row: 2, reason: /missing field "tags"/ }] },
  { kind: 'article missing "extractor"', file: badRow((a) => without(a, 'extractor')), rejects: [{ row: 2, reason: /missing field "extractor"/ }] },
  { kind: 'title a number', file: badRow((a) => ({ ...a, title: 42 })), rejects: [{ row: 2, reason: /field "title" must be a string, not number/ }] },
  { kind: 'title empty', file: badRow((a) => ({ ...a, title: '   ' })), rejects: [{ row: 2, reason: /field "title" is empty/ }] },
  { kind: 'publishedAt not ISO (05/07/2023)', file: badRow((a) => ({ ...a, publishedAt: '05/07/2023 08:12' })), rejects: [{ row: 2, reason: /"publishedAt" is not an ISO 8601 date/ }] },
  { kind: 'capturedAt not ISO ("hôm qua")', file: badRow((a) => ({ ...a, capturedAt: 'hôm qua' })), rejects: [{ row: 2, reason: /"capturedAt" is not an ISO 8601 date-time/ }] },
  { kind: 'url javascript:', file: badRow((a) => ({ ...a, url: 'javascript:alert(1)' })), rejects: [{ row: 2, reason: /"url" is not an http\(s\) URL/ }] },
  { kind: 'canonicalUrl ftp:', file: badRow((a) => ({ ...a, canonicalUrl: 'ftp://bdt.tuyenquang.gov.vn/a' })), rejects: [{ row: 2, reason: /"canonicalUrl" is not an http\(s\) URL/ }] },
  { kind: 'image src data:', file: badRow((a) => ({ ...a, images: [{ src: 'data:image/svg+xml,<svg onload=alert(1)>', caption: null, alt: null }] })), rejects: [{ row: 2, reason: /images\[0\]\.src is not an http\(s\) URL/ }] },
  { kind: 'tags a string', file: badRow((a) => ({ ...a, tags: 'du lịch' })), rejects: [{ row: 2, reason: /"tags" must be a list of strings/ }] },
  { kind: 'wordCount a string', file: badRow((a) => ({ ...a, wordCount: '17' })), rejects: [{ row: 2, reason: /"wordCount" must be a whole number/ }] },
  { kind: 'unknown site kind', file: badRow((a) => ({ ...a, site: { ...(a.site as Raw), kind: 'blog' } })), rejects: [{ row: 2, reason: /"site.kind" is not a known kind/ }] },
  { kind: 'an article that is a list', file: badRow(() => []), rejects: [{ row: 2, reason: /not an object/ }] },
  { kind: 'NDJSON with a broken line in the middle', file: () => ndjson([existing[0], '{"id":"x","title":', existing[1]]), rejects: [{ row: 2, reason: /not valid JSON/ }] },
  { kind: 'the same id twice in one file', file: () => ndjson([existing[0], existing[1], { ...existing[1] }]), rejects: [{ row: 3, reason: /duplicate id ".+" \(also row 2\)/ }] },
  { kind: 'row errors inside our JSON layout', file: () => jsonFile([existing[0], without(fresh, 'title'), existing[2]]), rejects: [{ row: 2, reason: /missing field "title"/ }] },
  // Hostile content that is well-formed: accepted, made harmless.
  {
    kind: 'bodyHtml with scripts and handlers',
    file: () => ndjson([{ ...fresh, bodyHtml: '<p onclick="alert(1)">Nội dung</p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">x</a>' }]),
    accepts: async (db) => {
      const stored = await db.articles.get(fresh.id as string);
      expect(stored?.bodyHtml).toContain('Nội dung');
      expect(stored?.bodyHtml).not.toMatch(/<script|onclick|onerror|javascript:/i);
    },
  },
  {
    kind: 'prototype-pollution keys (__proto__, constructor)',
    file: () => `${JSON.stringify(fresh).slice(0, -1)},"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"site":{"host":"bdt.tuyenquang.gov.vn","name":"Ban","province":"Tuyên Quang","kind":"department-site","__proto__":{"polluted":"yes"}}}`,
    accepts: async (db) => {
      const stored = (await db.articles.get(fresh.id as string)) as unknown as Raw;
      expect(({} as Raw).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(stored, '__proto__')).toBe(false);
      expect(Object.prototype.hasOwnProperty.call(stored, 'constructor')).toBe(false);
      expect(Object.keys(stored.site as Raw)).toEqual(['host', 'name', 'province', 'kind']);
    },
  },
];

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) { out[2 * i] = text.charCodeAt(i) & 0xff; out[2 * i + 1] = text.charCodeAt(i) >> 8; }
  return out;
}

/** Reads of the simulated 2 GB file: the import must decide from its size and first line, never read it whole. */
const hugeReads = { chunks: 0, whole: 0 };
function hugeBlob(): Blob {
  const prettyHead = new TextEncoder().encode('{\n  "format": "provincial-news-archive",\n  "version": 1,\n  "articles": [\n');
  const filler = new TextEncoder().encode('    {"id": "x"},\n'.repeat(4096));
  const empty = new Blob([]);
  // Only what the import uses of a File: its size, its stream, and (never, we assert) its whole text.
  class HugeBlob extends Blob {
    override get size() { return 2 * 1024 ** 3; }
    override get type() { return 'application/json'; }
    // An endless stream: reading it whole would never finish.
    override stream() { return new ReadableStream<Uint8Array>({ pull(c) { hugeReads.chunks++; c.enqueue(hugeReads.chunks === 1 ? prettyHead : filler); } }) as ReturnType<Blob['stream']>; }
    override text() { hugeReads.whole++; return empty.text(); }
    override arrayBuffer() { hugeReads.whole++; return empty.arrayBuffer(); }
  }
  return new HugeBlob([]);
}

const asBlob = (f: string | Uint8Array | Blob) => (f instanceof Blob ? f : new Blob([f as BlobPart]));

beforeAll(async () => {
  const db = await seeded();
  exported = await exportText(db);
  existing = JSON.parse(exported).articles;
  fresh = { ...existing[0], id: 'moi-0001', url: 'https://bdt.tuyenquang.gov.vn/tin-tuc/moi!-9.html', canonicalUrl: 'https://bdt.tuyenquang.gov.vn/tin-tuc/moi!-9.html', title: 'Khánh thành cầu treo Khuổi Nhi' };
  db.close();
});

describe('malformed import files', () => {
  it(`covers at least 30 kinds (${cases.length})`, () => {
    expect(new Set(cases.map((c) => c.kind)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('$kind', async (c) => {
    const db = await seeded();
    const before = await snapshot(db);
    const file = asBlob(c.file());

    if ('error' in c) {
      // Refused as a whole: a named problem, and not one table changed.
      const error = await readImportSource(file).then(() => null, (e: unknown) => e);
      expect(error, 'the file must be refused').toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).code).toBe(c.error);
      expect((error as ImportFileError).message).toMatch(c.message);
      expect(await snapshot(db)).toBe(before);
    } else {
      const source = await readImportSource(file);
      const report = await applyImport(db, importRowsOf(file, source), { sanitizeHtml, onDuplicate: 'skip', total: source.valid });
      if ('rejects' in c) {
        // Row errors: each named by row and reason; the other rows (already archived) are skipped, so nothing changes.
        expect(report.problems.filter((p) => p.kind === 'rejected').map((p) => p.row)).toEqual(c.rejects.map((r) => r.row));
        c.rejects.forEach((r, i) => expect(report.problems.filter((p) => p.kind === 'rejected')[i].reason).toMatch(r.reason));
        expect(report.added + report.updated).toBe(0);
        expect(await snapshot(db)).toBe(before);
      } else {
        expect(report).toMatchObject({ added: 1, rejected: 0 });
        await c.accepts(db);
        // Accepted means fully archived: searchable like any saved article.
        expect((await searchArchive(db, 'khuổi nhi')).hits.map((h) => h.id)).toEqual([fresh.id]);
      }
    }
    db.close();
  }, 60_000);

  it('decides on a 2 GB JSON file from its size and first lines, without reading it whole', async () => {
    hugeReads.chunks = 0;
    hugeReads.whole = 0;
    await expect(readImportSource(hugeBlob())).rejects.toMatchObject({ code: 'too-large' });
    expect(hugeReads.whole).toBe(0);
    expect(hugeReads.chunks).toBeLessThan(5);
    expect(2 * 1024 ** 3).toBeGreaterThan(MAX_JSON_BYTES);
  });
});
