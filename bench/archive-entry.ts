// Runs inside the extension's own archive page (same origin, same IndexedDB): fills the archive with generated
// articles and times export, import and search through the extension's own modules.
import { openArchiveDb, type ArchiveDb } from '../src/core/archive/db';
import { applyImport } from '../src/core/archive/import-apply';
import { exportChunks, type ExportFormat } from '../src/core/archive/export-stream';
import { importRowsFromLines, linesOf, textChunksOf } from '../src/core/archive/import-stream';
import { saveArticle } from '../src/core/archive/save-article';
import { flushSearchIndex } from '../src/core/search/index-writer';
import { searchArchive, type SearchFilters } from '../src/core/search';
import { chainSource, generateArticle, type WordSource } from './search-corpus';
import { sanitizeImportedHtml } from '../src/archive/imported-html';

let db: ArchiveDb | null = null;
let source: WordSource | undefined;
const files = new Map<string, Blob>();

const heapMB = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1_048_576;

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
  /** The archive page's import path: a validation pass over the file, then the rows applied with their HTML sanitized. */
  async importFrom(name: string) {
    const blob = files.get(name)!;
    let peak = heapMB();
    const t0 = performance.now();
    let total = 0;
    for await (const batch of importRowsFromLines(linesOf(textChunksOf(blob)))) total += batch.length;
    const report = await applyImport(db!, importRowsFromLines(linesOf(textChunksOf(blob))), {
      total, onDuplicate: 'skip', sanitizeHtml: sanitizeImportedHtml, onProgress: () => { peak = Math.max(peak, heapMB()); },
    });
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
