// Runs inside the extension's own archive page (same origin, same IndexedDB): fills the archive with generated
// articles and times export, import and search through the extension's own modules.
import { openArchiveDb, type ArchiveDb } from '../src/core/archive/db';
import { applyImport } from '../src/core/archive/import-apply';
import { exportParts, type ExportFormat } from '../src/core/archive/export-stream';
import { saveArticle } from '../src/core/archive/save-article';
import { compactSearchIndex, flushSearchIndex } from '../src/core/search/index-writer';
import { searchArchive, type SearchFilters } from '../src/core/search';
import { chainSource, generateArticle, type WordSource } from './search-corpus';
import { sanitizeImportedHtml } from '../src/archive/imported-html';
import { importRowsOf, readImportSource } from '../src/core/archive/import-read';

let db: ArchiveDb | null = null;
let source: WordSource | undefined;
const files = new Map<string, Blob>();

const heapMB = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1_048_576;

const hex = (buf: ArrayBuffer) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * SHA-256 of the SHA-256s of the file's 16 MB slices: the same for the same bytes, and read a slice at a time, so
 * that fingerprinting an 800 MB export does not put 800 MB into the page (and into the next run's heap figure).
 */
async function sha256(blob: Blob): Promise<string> {
  const SLICE = 16 << 20;
  const digests: string[] = [];
  for (let at = 0; at < blob.size; at += SLICE) digests.push(hex(await crypto.subtle.digest('SHA-256', await blob.slice(at, at + SLICE).arrayBuffer())));
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(digests.join('\n'))));
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
    // Stored HTML is what the sanitizer gives (as after a capture), so the round trip can compare bytes.
    await applyImport(db!, rows, { batchSize: 500, sanitizeHtml: sanitizeImportedHtml });
    return performance.now() - t0;
  },
  /**
   * EXPORT BENCH ONLY: writes generated articles straight to the articles table, without the search index, so that
   * the export can be measured on big archives quickly. Never use it to measure import or search.
   */
  async fillArticlesOnly(from: number, to: number, bodyWords: number) {
    const rows = [];
    for (let i = from; i < to; i++) {
      const a = generateArticle(i, { source, bodyWords });
      rows.push({ ...a, bodyHtml: sanitizeImportedHtml(a.bodyHtml, a.url) });
    }
    const t0 = performance.now();
    await db!.articles.bulkAdd(rows);
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
  /**
   * Exports as the archive page does: each page's parts become one Blob at once, written to a file (`file`: what a
   * Chromium-family browser does from 5,000 articles; here a file of the origin's private file system, written through
   * the same writable stream as a file the user picks) or kept until the whole export is one Blob (`blob`: a download,
   * as for smaller exports and in Firefox; the download's copy to disk is not timed).
   */
  async exportTo(name: string, format: ExportFormat, sink: 'file' | 'blob' = 'file') {
    await api.forgetFile(name);
    const dir = await navigator.storage.getDirectory();
    const file = sink === 'file' ? await (await dir.getFileHandle(name, { create: true })).createWritable() : null;
    (globalThis as { gc?: () => void }).gc?.();
    let peak = heapMB();
    const parts: Blob[] = [];
    const t0 = performance.now();
    let count = 0;
    for await (const page of exportParts(db!, { format, generator: 'bench', now: new Date(0), onProgress: (p) => { count = p.done; peak = Math.max(peak, heapMB()); } })) {
      if (file) await file.write(new Blob(page));
      else parts.push(new Blob(page));
      peak = Math.max(peak, heapMB());
    }
    await file?.close();
    const blob = file ? await (await dir.getFileHandle(name)).getFile() : new Blob(parts, { type: 'application/octet-stream' });
    const ms = performance.now() - t0;
    files.set(name, blob);
    return { ms, count, bytes: blob.size, peakHeapMB: peak, sha256: await sha256(blob) };
  },
  /** Lets go of exported files no longer needed (a user keeps one export, not several of 800 MB each). */
  async forgetFiles() {
    for (const name of [...files.keys()]) await api.forgetFile(name);
  },
  async forgetFile(name: string) {
    files.delete(name);
    await (await navigator.storage.getDirectory()).removeEntry(name).catch(() => undefined);
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
    const source = await readImportSource(blob);
    const validateMs = performance.now() - t0;
    const timeline: Array<[number, number]> = [];
    const report = await applyImport(db!, importRowsOf(blob, source), {
      total: source.streamed ? source.rows : source.rows.length, onDuplicate: 'skip', sanitizeHtml: sanitizeImportedHtml, onProgress: (done) => { peak = Math.max(peak, heapMB()); timeline.push([done, performance.now() - t0]); },
    });
    const ms = performance.now() - t0;
    // As the archive page does after an import: the batch segments are merged in the background afterwards.
    const t1 = performance.now();
    const merges = await compactSearchIndex(db!);
    return { ms, validateMs, compactMs: performance.now() - t1, merges, report: { added: report.added, updated: report.updated, skipped: report.skipped, rejected: report.rejected }, peakHeapMB: peak, timeline };
  },
  async search(query: string, filters?: SearchFilters) {
    const t0 = performance.now();
    const result = await searchArchive(db!, query, { filters, limit: 20 });
    return { ms: performance.now() - t0, total: result.total };
  },
  count: () => db!.articles.count(),
  /**
   * The cost of strict durability: in a scratch archive opened with `durability`, `saves` single saves (each its own
   * transaction, as a popup save) and an import of `batches` × `batchSize` articles with its journal (each batch one
   * transaction). Returns each save's ms and each batch's ms (from one batch's progress report to the next).
   */
  async durability(durability: 'strict' | 'default', saves: number, batches: number, batchSize: number, bodyWords: number) {
    const scratch = openArchiveDb({ name: `bench-durability-${durability}`, durability });
    await scratch.delete();
    await scratch.open();
    const saveMs: number[] = [];
    for (let i = 0; i < saves; i++) {
      const a = generateArticle(1_000_000 + i, { source, bodyWords });
      const t0 = performance.now();
      await saveArticle(scratch, a, a.site, { now: new Date() });
      saveMs.push(performance.now() - t0);
    }
    const rows = Array.from({ length: batches * batchSize }, (_, i) => ({ row: i + 1, ok: true as const, article: generateArticle(2_000_000 + i, { source, bodyWords }) }));
    const batchMs: number[] = [];
    let last = performance.now();
    await applyImport(scratch, rows, { batchSize, journalId: 'bench', onProgress: () => { const now = performance.now(); batchMs.push(now - last); last = now; } });
    await scratch.delete();
    return { saveMs, batchMs };
  },
  heapMB,
  async idbMB() {
    const estimate = await navigator.storage.estimate();
    return (estimate.usage ?? 0) / 1_048_576;
  },
};

(globalThis as Record<string, unknown>).__pnaArchiveBench = api;
export type ArchiveBenchApi = typeof api;
