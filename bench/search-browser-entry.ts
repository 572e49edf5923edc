// What the Chromium search benchmark runs inside a page: the archive's own Dexie schema, save path,
// bulk index path and searchArchive, on the page's real IndexedDB.
import { openArchiveDb, type ArchiveDb } from '../src/core/archive/db';
import { saveArticle } from '../src/core/archive/save-article';
import { searchArchive, SEARCH_TABLES } from '../src/core/search';
import { flushSearchIndex, indexArticlesInTx } from '../src/core/search/index-writer';
import { chainSource, generateArticle, VOCABULARY, zipfSource, type WordSource } from './search-corpus';
import { makeBenchQueries } from './search-queries';
import type { Article } from '../src/core/types';

const NAME = 'pna-search-bench';
let db: ArchiveDb | null = null;
let source: WordSource = zipfSource(VOCABULARY);
let bodyWords = 600;
const sample: Article[] = [];

function archive(): ArchiveDb {
  if (!db) db = openArchiveDb({ name: NAME });
  return db;
}

(globalThis as any).__pnaSearchBench = {
  async reset(texts: string[], words: number): Promise<void> {
    source = chainSource(texts) ?? zipfSource(VOCABULARY);
    bodyWords = words;
    db?.close();
    db = null;
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(NAME);
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    });
  },
  /** Bulk-imports articles [from, to) in batches of 500; returns ms spent in IndexedDB work (generation excluded). */
  async bulk(from: number, to: number): Promise<number> {
    const d = archive();
    let ms = 0;
    for (let i = from; i < to; i += 500) {
      const batch = Array.from({ length: Math.min(500, to - i) }, (_, k) => generateArticle(i + k, { bodyWords, source, seed: 1 }));
      if (sample.length < 50) sample.push(...batch.slice(0, 10));
      const t0 = performance.now();
      await d.transaction('rw', ['articles', ...SEARCH_TABLES], async () => {
        await d.articles.bulkAdd(batch);
        await indexArticlesInTx(d, batch);
      });
      ms += performance.now() - t0;
    }
    return ms;
  },
  /** Saves articles [from, to) one by one through saveArticle; returns each save's ms. */
  async saves(from: number, to: number): Promise<number[]> {
    const d = archive();
    const times: number[] = [];
    for (let i = from; i < to; i++) {
      const a = generateArticle(i, { bodyWords, source, seed: 1 });
      const { id: _id, site, contentHash: _h, capturedAt, tags: _t, note: _n, ...extracted } = a;
      const t0 = performance.now();
      await saveArticle(d, extracted, site, { now: new Date(Date.parse(capturedAt)) });
      times.push(performance.now() - t0);
    }
    return times;
  },
  async flush(): Promise<number> {
    const t0 = performance.now();
    await flushSearchIndex(archive());
    return performance.now() - t0;
  },
  async storageMB(): Promise<number> {
    const e = await navigator.storage.estimate();
    return (e.usage ?? 0) / 1e6;
  },
  /** On a freshly loaded page: open the archive and run the first query. */
  async cold(query: string): Promise<number> {
    const t0 = performance.now();
    await searchArchive(archive(), query);
    return performance.now() - t0;
  },
  async queries(count: number, texts: string[]): Promise<Array<{ form: string; ms: number; total: number }>> {
    const d = archive();
    let s = sample;
    if (!s.length) {
      // A reloaded page: regenerate the sample the queries draw their words from.
      source = chainSource(texts) ?? zipfSource(VOCABULARY);
      s = Array.from({ length: 50 }, (_, i) => generateArticle(i * 7, { bodyWords, source, seed: 1 }));
    }
    const out: Array<{ form: string; ms: number; total: number }> = [];
    for (const q of makeBenchQueries(s, count)) {
      const t0 = performance.now();
      const r = await searchArchive(d, q.text, { filters: q.filters, limit: 20 });
      out.push({ form: q.form, ms: performance.now() - t0, total: r.total });
    }
    return out;
  },
};
