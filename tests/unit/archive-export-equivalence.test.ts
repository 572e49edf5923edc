// The paged, read-ahead export must write exactly what a plain "read everything, sort, stringify" export writes,
// whatever the page size and however capture times repeat. The reference below is written here on purpose, not
// taken from the module under test.
import { exportChunks, exportParts, type ExportFormat } from '../../src/core/archive/export-stream';
import { csvHeader, csvRow } from '../../src/core/archive/formats/csv';
import { toCslItem } from '../../src/core/archive/formats/csl-json';
import type { ExportFilter } from '../../src/core/archive/export-json';
import type { Article } from '../../src/core/types';
import { freshDb } from '../helpers/sample-article';

const KEYS = ['id', 'url', 'canonicalUrl', 'site', 'title', 'category', 'lead', 'author', 'source', 'publishedAt', 'language', 'bodyHtml', 'bodyText', 'images', 'wordCount', 'contentHash', 'capturedAt', 'updatedAt', 'extractor', 'tags', 'note'];

/** The documented fields in the documented order, nested objects rebuilt, unknown fields dropped. */
function referencePick(a: Record<string, any>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of KEYS) {
    if (a[k] === undefined) continue;
    if (k === 'site') out.site = { host: a.site.host, name: a.site.name, province: a.site.province, kind: a.site.kind };
    else if (k === 'images') out.images = a.images.map((i: Record<string, unknown>) => ({ src: i.src, caption: i.caption ?? null, alt: i.alt ?? null }));
    else if (k === 'extractor') out.extractor = { version: a.extractor.version, method: a.extractor.method };
    else out[k] = a[k];
  }
  return out;
}

async function referenceExport(db: ReturnType<typeof freshDb>, format: ExportFormat, filter: ExportFilter | null, exportedAt: string): Promise<string> {
  let rows: Article[];
  if (filter?.ids) rows = (await Promise.all(filter.ids.map((id) => db.articles.get(id)))).filter((a): a is Article => !!a);
  else {
    rows = (await db.articles.toArray()).sort((x, y) => (x.capturedAt < y.capturedAt ? -1 : x.capturedAt > y.capturedAt ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    if (filter?.province) rows = rows.filter((a) => a.site.province === filter.province);
  }
  if (format === 'ndjson') return rows.map((a) => `${JSON.stringify(referencePick(a))}\n`).join('');
  if (format === 'csv') return csvHeader() + rows.map((a) => csvRow(a)).join('');
  if (format === 'csl-json') return `[${rows.map((a) => `\n${JSON.stringify(toCslItem(a))}`).join(',')}\n]\n`;
  const head = JSON.stringify({ format: 'provincial-news-archive', version: 1, exportedAt, generator: 'test', filter });
  return `${head.slice(0, -1)},"articles":[${rows.map((a) => `\n${JSON.stringify(referencePick(a))}`).join(',')}\n],"count":${rows.length}}\n`;
}

/** Deterministic articles with repeated capture times (runs of 1 to 40), odd but storable field shapes. */
function makeArticles(n: number): Article[] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: Article[] = [];
  let minute = 0;
  let left = 0;
  for (let i = 0; i < n; i++) {
    if (left-- <= 0) { minute += 1 + Math.floor(rnd() * 3); left = rnd() < 0.2 ? 20 + Math.floor(rnd() * 20) : Math.floor(rnd() * 3); }
    const id = `a-${Math.floor(rnd() * 1e9).toString(36)}-${i}`;
    const base: Record<string, unknown> = {
      note: rnd() < 0.1 ? 'ghi chú "trích dẫn"\n' : '',
      tags: rnd() < 0.3 ? ['tag', 'nhãn'] : [],
      extractor: { method: 'generic', version: '1', extra: 'dropped' },
      capturedAt: `2026-01-01T${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+07:00`,
      contentHash: 'f'.repeat(64),
      wordCount: i,
      images: rnd() < 0.3 ? [{ alt: 'ảnh', src: `https://a.vn/${i}.jpg` }, { src: 'https://a.vn/b.jpg', caption: 'Chú thích', alt: null }] : [],
      bodyText: `Nội dung ${i}\u2028 ký tự lạ \u0007 ${'chữ '.repeat(i % 17)}`,
      bodyHtml: `<p>Nội dung ${i} &amp; "x"</p>`,
      language: 'vi',
      publishedAt: rnd() < 0.3 ? null : '2025-12-31',
      author: rnd() < 0.5 ? null : 'Tác giả',
      lead: null,
      category: rnd() < 0.5 ? null : 'Tin tức',
      title: `Bài ${i} — Tuyên Quang`,
      site: { kind: 'government-portal', province: i % 3 === 0 ? null : i % 3 === 1 ? 'Tuyên Quang' : 'Thái Nguyên', name: 'Cổng', host: 'tuyenquang.gov.vn', more: 1 },
      canonicalUrl: `https://tuyenquang.gov.vn/${i}`,
      url: `https://tuyenquang.gov.vn/${i}?a`,
      id,
      unknownField: 'dropped',
    };
    if (rnd() < 0.5) base.source = rnd() < 0.5 ? null : 'Nguồn: Báo';
    if (rnd() < 0.2) base.updatedAt = '2026-02-01T00:00:00+07:00';
    out.push(base as unknown as Article);
  }
  // One run longer than any page size used below.
  for (let i = 0; i < 130; i++) out[i].capturedAt = '2026-01-01T12:00:00.500+07:00';
  return out;
}

async function exported(db: ReturnType<typeof freshDb>, format: ExportFormat, filter: ExportFilter | null, pageSize?: number, readAhead?: boolean) {
  let text = '';
  for await (const chunk of exportChunks(db, { format, filter, generator: 'test', now: new Date('2026-11-28T01:00:00Z'), pageSize, readAhead })) text += chunk;
  return text;
}

describe('paged export equals a plain read-sort-stringify export', () => {
  const articles = makeArticles(420);
  const exportedAt = '2026-11-28T08:00:00+07:00';

  it.each(['json', 'ndjson', 'csv', 'csl-json'] as const)('%s, byte for byte, at every page size', async (format) => {
    const db = freshDb();
    await db.articles.bulkAdd(articles);
    const want = await referenceExport(db, format, null, exportedAt);
    for (const pageSize of [1, 2, 7, 64, 129, 130, 131, undefined]) {
      for (const readAhead of [true, false]) expect(await exported(db, format, null, pageSize, readAhead)).toBe(want);
    }
  });

  it('with a province or a selection as the filter', async () => {
    const db = freshDb();
    await db.articles.bulkAdd(articles);
    const ids = [...articles.slice(200, 260).map((a) => a.id).reverse(), 'missing', articles[5].id];
    for (const filter of [{ province: 'Tuyên Quang' }, { ids }] as ExportFilter[]) {
      for (const format of ['json', 'ndjson'] as const) {
        const want = await referenceExport(db, format, filter, exportedAt);
        for (const pageSize of [1, 7, 130, undefined]) expect(await exported(db, format, filter, pageSize)).toBe(want);
      }
    }
  });

  it('gives the file as parts whose concatenation is the chunked text, with progress per page', async () => {
    const db = freshDb();
    await db.articles.bulkAdd(articles);
    const done: number[] = [];
    let text = '';
    for await (const parts of exportParts(db, { format: 'json', generator: 'test', now: new Date('2026-11-28T01:00:00Z'), pageSize: 100, onProgress: (p) => done.push(p.done) })) text += parts.join('');
    expect(text).toBe(await referenceExport(db, 'json', null, exportedAt));
    expect(done.at(-1)).toBe(articles.length);
    expect(done.length).toBeGreaterThan(4);
  });

  it('cancels between pages while the next page is being read ahead', async () => {
    const db = freshDb();
    await db.articles.bulkAdd(articles);
    const controller = new AbortController();
    const run = (async () => {
      for await (const chunk of exportChunks(db, { format: 'ndjson', generator: 't', pageSize: 50, signal: controller.signal, onProgress: () => controller.abort() })) void chunk;
    })();
    await expect(run).rejects.toThrow(/cancelled/);
  });
});
