// npm run bench -- search
// Runs in real Chromium (bench/search-chromium.ts) when it is installed, else in Node on fake-indexeddb.
// Builds an archive of generated Vietnamese articles (syllable chains of the shared corpus, ~600 words each)
// through the archive's own code, then times a mix of queries. For now it runs in Node on fake-indexeddb
// (pure JS, so absolute figures are pessimistic for IndexedDB work and heap includes the database itself).
// Environment: SEARCH_BENCH_DOCS (default 10000), SEARCH_BENCH_WORDS (600), SEARCH_BENCH_QUERIES (240).
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openArchiveDb, type ArchiveDb } from '../src/core/archive/db';
import { saveArticle } from '../src/core/archive/save-article';
import { searchArchive, SEARCH_TABLES } from '../src/core/search';
import { flushSearchIndex, indexArticlesInTx } from '../src/core/search/index-writer';
import { generateArticle, VOCABULARY, zipfSource } from './search-corpus';
import { corpusSource } from './search-corpus-node';
import type { Article } from '../src/core/types';
import { makeBenchQueries } from './search-queries';
import { benchSearchChromium, type SearchBenchFigures } from './search-chromium';
import { existsSync } from 'node:fs';

let gc: (() => void) | null = null;
try {
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
} catch {
  gc = null;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const r2 = (x: number) => Math.round(x * 100) / 100;

function approxBytes(v: unknown): number {
  if (v == null) return 1;
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (typeof v === 'number' || typeof v === 'boolean') return 8;
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + approxBytes(x), 8);
  if (typeof v === 'object') return Object.entries(v).reduce((n, [k, x]) => n + k.length + approxBytes(x), 8);
  return 8;
}

async function tableBytes(db: ArchiveDb, name: string): Promise<number> {
  let n = 0;
  await db.table(name).each((row) => (n += approxBytes(row)));
  return n;
}

/**
 * npm run bench -- search. Environment:
 *   SEARCH_BENCH_BROWSER  chromium (default when /usr/bin/chromium or CHROMIUM_PATH exists) | node (fake-indexeddb)
 *   SEARCH_BENCH_DOCS     comma-separated sizes (default: chromium 10000,100000; node 10000)
 *   SEARCH_BENCH_WORDS    words per body (600); SEARCH_BENCH_QUERIES queries per size (240)
 * Prints per-step figures, one JSON line per size, and the largest size's JSON as the last line.
 */
export async function benchSearch(): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = process.env.SEARCH_BENCH_BROWSER ?? (existsSync(chromiumPath) ? 'chromium' : 'node');
  const sizes = (process.env.SEARCH_BENCH_DOCS ?? (browser === 'chromium' ? '10000,100000' : '10000'))
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((x) => x > 0);
  const bodyWords = Number(process.env.SEARCH_BENCH_WORDS) || 600;
  const queryCount = Number(process.env.SEARCH_BENCH_QUERIES) || 240;
  const all: SearchBenchFigures[] = [];
  for (const docs of sizes) {
    const figures = browser === 'chromium' ? await benchSearchChromium(docs, bodyWords, queryCount) : await benchSearchNode(docs, bodyWords, queryCount);
    console.log(JSON.stringify(figures));
    all.push(figures);
  }
  if (all.length > 1) console.log(JSON.stringify(all[all.length - 1]));
}

async function benchSearchNode(docs: number, bodyWords: number, queryCount: number): Promise<SearchBenchFigures> {
  const source = corpusSource() ?? zipfSource(VOCABULARY);
  const name = `bench-search-${process.pid}-${Date.now()}`;
  console.log(`search bench: ${docs} articles × ~${bodyWords} words, ${queryCount} queries, node + fake-indexeddb`);

  // 1. Bulk import (the import path): articles and index in the same transaction, 500 per batch.
  let db = openArchiveDb({ indexedDB, IDBKeyRange, name });
  const saveSample = Math.min(200, Math.floor(docs / 10));
  const bulkCount = docs - saveSample;
  let t0 = performance.now();
  let genMs = 0;
  const sample: Article[] = [];
  for (let i = 0; i < bulkCount; i += 500) {
    const g0 = performance.now();
    const batch = Array.from({ length: Math.min(500, bulkCount - i) }, (_, k) => generateArticle(i + k, { bodyWords, source, seed: 1 }));
    genMs += performance.now() - g0;
    if (sample.length < 50) sample.push(...batch.slice(0, 10));
    await db.transaction('rw', ['articles', ...SEARCH_TABLES], async () => {
      await db.articles.bulkAdd(batch);
      await indexArticlesInTx(db, batch);
    });
    if ((i / 500) % 4 === 3) console.log(`  bulk: ${i + batch.length} articles, ${Math.round(performance.now() - t0 - genMs)} ms`);
  }
  const bulkMs = performance.now() - t0 - genMs;
  console.log(`bulk import: ${bulkCount} articles in ${Math.round(bulkMs)} ms (${r2(bulkMs / bulkCount)} ms/article, generation excluded)`);

  // 2. Adding one article at a time (the save path: article + index in one transaction).
  const saveTimes: number[] = [];
  for (let i = 0; i < saveSample; i++) {
    const a = generateArticle(bulkCount + i, { bodyWords, source, seed: 1 });
    const { id: _id, site, contentHash: _h, capturedAt, tags: _t, note: _n, ...extracted } = a;
    const s0 = performance.now();
    await saveArticle(db, extracted, site, { now: new Date(Date.parse(capturedAt)) });
    saveTimes.push(performance.now() - s0);
  }
  t0 = performance.now();
  await flushSearchIndex(db);
  const flushMs = performance.now() - t0;
  const indexPerArticleMs = percentile(saveTimes, 50);
  console.log(`save one article: p50 ${r2(indexPerArticleMs)} ms, p95 ${r2(percentile(saveTimes, 95))} ms (n=${saveSample}); flush of the rest ${Math.round(flushMs)} ms`);

  const idbBytes: Record<string, number> = {};
  for (const t of ['articles', ...SEARCH_TABLES]) idbBytes[t] = await tableBytes(db, t);
  const idbMB = Object.values(idbBytes).reduce((a, b) => a + b, 0) / 1e6;
  console.log(`stored (approx.): ${Object.entries(idbBytes).map(([k, v]) => `${k} ${r2(v / 1e6)} MB`).join(', ')}; bucket rows ${await db.table('searchBuckets').count()}, vocabulary rows ${await db.table('searchVocab').count()}`);

  // 3. Cold first query on a fresh connection (what the archive page pays on opening).
  db.close();
  db = openArchiveDb({ indexedDB, IDBKeyRange, name });
  await db.open();
  gc?.();
  t0 = performance.now();
  await searchArchive(db, 'ủy ban nhân dân tỉnh');
  const coldFirstQueryMs = performance.now() - t0;
  console.log(`cold first query: ${r2(coldFirstQueryMs)} ms`);

  // 4. Query mix.
  const queries = makeBenchQueries(sample, queryCount);
  const times: number[] = [];
  const byForm = new Map<string, number[]>();
  let hits = 0;
  for (const q of queries) {
    const s0 = performance.now();
    const res = await searchArchive(db, q.text, { filters: q.filters, limit: 20 });
    const ms = performance.now() - s0;
    times.push(ms);
    if (!byForm.has(q.form)) byForm.set(q.form, []);
    byForm.get(q.form)!.push(ms);
    hits += res.total ? 1 : 0;
  }
  for (const [form, xs] of byForm) console.log(`  ${form.padEnd(18)} p50 ${r2(percentile(xs, 50))} ms  p95 ${r2(percentile(xs, 95))} ms  max ${r2(Math.max(...xs))} ms`);
  console.log(`queries with hits: ${hits}/${queries.length}`);
  gc?.();
  const heapMB = process.memoryUsage().heapUsed / 1e6;
  console.log(`heap ${r2(heapMB)} MB (includes fake-indexeddb's whole database, which lives in the JS heap)`);
  db.close();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  return {
    docs,
    queries: queries.length,
    p50Ms: r2(percentile(times, 50)),
    p95Ms: r2(percentile(times, 95)),
    coldFirstQueryMs: r2(coldFirstQueryMs),
    indexPerArticleMs: r2(indexPerArticleMs),
    heapMB: r2(heapMB),
    idbMB: r2(idbMB),
    browser: 'node-fake-indexeddb',
  };
}
