// Runs inside the extension's own archive page (same origin, same IndexedDB): fills the archive with generated
// articles and times export, import and search through the extension's own modules.
import { openArchiveDb, type ArchiveDb } from '../src/core/archive/db';
import { applyImport } from '../src/core/archive/import-apply';
import { articlesForExport, exportChunks, type ExportFormat } from '../src/core/archive/export-stream';
import { pickArticle } from '../src/core/archive/validate-article';
import { importRowsFromLines, linesOf } from '../src/core/archive/import-stream';
import { saveArticle } from '../src/core/archive/save-article';
import { flushSearchIndex } from '../src/core/search/index-writer';
import { searchArchive, type SearchFilters } from '../src/core/search';
import { chainSource, generateArticle, type WordSource } from './search-corpus';

let db: ArchiveDb | null = null;
let source: WordSource | undefined;
const files = new Map<string, Blob>();

const heapMB = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1_048_576;

async function* textOf(blob: Blob): AsyncGenerator<string> {
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const api = {
  async open(texts: string[]) {
    db = openArchiveDb();
    await db.open();
    source = chainSource(texts) ?? undefined;
    return db.articles.count();
  },
  /** Adds generated articles [from, to) in one import batch stream (article and index together). */
  async fill(from: number, to: number, bodyWords: number) {
    const rows = [];
    for (let i = from; i < to; i++) rows.push({ row: i + 1, ok: true as const, article: generateArticle(i, { source, bodyWords }) });
    const t0 = performance.now();
    await applyImport(db!, rows, { batchSize: 500 });
    return performance.now() - t0;
  },
  /** Baseline: the same articles written with a plain bulkPut, no index and no duplicate checks. */
  async fillRaw(from: number, to: number, bodyWords: number) {
    const articles = [];
    for (let i = from; i < to; i++) articles.push(generateArticle(i, { source, bodyWords }));
    const t0 = performance.now();
    await db!.articles.bulkPut(articles);
    return performance.now() - t0;
  },
  async genOnly(from: number, to: number, bodyWords: number) {
    const t0 = performance.now();
    for (let i = from; i < to; i++) generateArticle(i, { source, bodyWords });
    return performance.now() - t0;
  },
  async indexOnly(from: number, to: number, bodyWords: number) {
    const articles = [];
    for (let i = from; i < to; i++) articles.push(generateArticle(i, { source, bodyWords }));
    const { indexArticlesInTx } = await import('../src/core/search/index-writer');
    const { SEARCH_TABLES } = await import('../src/core/search/schema');
    const t0 = performance.now();
    for (let k = 0; k < articles.length; k += 500) {
      await db!.transaction('rw', ['articles', ...SEARCH_TABLES], async () => { await indexArticlesInTx(db!, articles.slice(k, k + 500)); });
    }
    return performance.now() - t0;
  },
  async readOnly() {
    const t0 = performance.now();
    let n = 0, strMs = 0, pickMs = 0;
    for await (const page of articlesForExport(db!, null)) {
      n += page.length;
      const t1 = performance.now();
      const picked = page.map((a) => pickArticle(a));
      const t2 = performance.now();
      for (const a of picked) JSON.stringify(a);
      strMs += performance.now() - t2;
      pickMs += t2 - t1;
    }
    return { n, ms: performance.now() - t0, strMs, pickMs };
  },
  async readById() {
    const t0 = performance.now();
    let n = 0;
    let last: string | null = null;
    for (;;) {
      const page: any[] = await (last === null ? db!.articles.orderBy(':id') : db!.articles.where(':id').above(last)).limit(500).toArray();
      if (!page.length) break;
      n += page.length;
      last = page[page.length - 1].id;
    }
    return { n, ms: performance.now() - t0 };
  },
  async readByCapturedNoOffset() {
    const t0 = performance.now();
    let n = 0;
    let last: string | null = null;
    for (;;) {
      const page: any[] = await (last === null ? db!.articles.orderBy('capturedAt') : db!.articles.where('capturedAt').above(last)).limit(500).toArray();
      if (!page.length) break;
      n += page.length;
      last = page[page.length - 1].capturedAt;
    }
    return { n, ms: performance.now() - t0 };
  },
  async flush() {
    const t0 = performance.now();
    await flushSearchIndex(db!);
    return performance.now() - t0;
  },
  async saveOne(i: number, bodyWords: number) {
    const a = generateArticle(i, { source, bodyWords });
    const t0 = performance.now();
    await saveArticle(db!, { ...a, url: `${a.url}?one`, canonicalUrl: `${a.canonicalUrl}?one` }, a.site, { now: new Date() });
    return performance.now() - t0;
  },
  async exportTo(name: string, format: ExportFormat) {
    let peak = heapMB();
    const parts: Blob[] = [];
    const t0 = performance.now();
    let count = 0;
    for await (const chunk of exportChunks(db!, { format, generator: 'bench', now: new Date(0), onProgress: (p) => { count = p.done; peak = Math.max(peak, heapMB()); } })) {
      parts.push(new Blob([chunk]));
      peak = Math.max(peak, heapMB());
    }
    const blob = new Blob(parts, { type: 'application/octet-stream' });
    files.set(name, blob);
    return { ms: performance.now() - t0, count, bytes: blob.size, peakHeapMB: peak, sha256: await sha256(blob) };
  },
  async clear() {
    await db!.delete();
    db = openArchiveDb();
    await db.open();
    return db.articles.count();
  },
  async importFrom(name: string) {
    const blob = files.get(name)!;
    let peak = heapMB();
    const t0 = performance.now();
    const report = await applyImport(db!, importRowsFromLines(linesOf(textOf(blob))), { onDuplicate: 'skip', onProgress: () => { peak = Math.max(peak, heapMB()); } });
    return { ms: performance.now() - t0, report: { added: report.added, updated: report.updated, skipped: report.skipped, rejected: report.rejected }, peakHeapMB: peak };
  },
  async search(query: string, filters?: SearchFilters) {
    const t0 = performance.now();
    const result = await searchArchive(db!, query, { filters, limit: 20 });
    return { ms: performance.now() - t0, total: result.total };
  },
  count: () => db!.articles.count(),
  heapMB,
  async idbMB() {
    const estimate = await navigator.storage.estimate();
    return (estimate.usage ?? 0) / 1_048_576;
  },
};

(globalThis as Record<string, unknown>).__pnaArchiveBench = api;
export type ArchiveBenchApi = typeof api;
