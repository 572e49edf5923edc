// The search benchmark in real Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH): our core code bundled
// into a page of an https origin, the archive in that page's IndexedDB.
import { bundleForBrowser } from './browser-bundle';
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusTexts } from './search-corpus-node';

const ORIGIN = 'https://bench-search.local/';

const bundle = () => bundleForBrowser('search-browser-entry.ts', 'pnaSearchBench');

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const r2 = (x: number) => Math.round(x * 100) / 100;

export interface SearchBenchFigures {
  docs: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  coldFirstQueryMs: number;
  indexPerArticleMs: number;
  heapMB: number;
  idbMB: number;
  browser: string;
}

/** Runs one size; prints per-step figures and returns the summary. */
export async function benchSearchChromium(docs: number, bodyWords: number, queryCount: number): Promise<SearchBenchFigures> {
  const code = await bundle();
  const texts = corpusTexts();
  const userDataDir = mkdtempSync(join(tmpdir(), 'pna-search-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const browser = `chromium ${context.browser()?.version() ?? ''}`.trim();
  await context.route(/^https?:\/\//, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>search bench</title>' }),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const load = async () => {
    await page.goto(ORIGIN, { waitUntil: 'load' });
    await page.addScriptTag({ content: code });
  };
  await load();
  console.log(`${browser}: ${docs} articles × ~${bodyWords} words`);
  await page.evaluate(([t, w]) => (globalThis as any).__pnaSearchBench.reset(t, w), [texts, bodyWords] as const);

  const saveSample = Math.min(200, Math.floor(docs / 10));
  const bulkCount = docs - saveSample;
  let bulkMs = 0;
  const step = 5000;
  const started = Date.now();
  for (let i = 0; i < bulkCount; i += step) {
    const to = Math.min(bulkCount, i + step);
    bulkMs += await page.evaluate(([a, b]) => (globalThis as any).__pnaSearchBench.bulk(a, b), [i, to] as const);
    console.log(`  bulk: ${to} articles, ${Math.round(bulkMs)} ms in IndexedDB work, ${Math.round((Date.now() - started) / 1000)} s wall`);
  }
  console.log(`bulk import: ${bulkCount} articles, ${r2(bulkMs / bulkCount)} ms/article`);
  const saves: number[] = await page.evaluate(([a, b]) => (globalThis as any).__pnaSearchBench.saves(a, b), [bulkCount, docs] as const);
  const flushMs: number = await page.evaluate(() => (globalThis as any).__pnaSearchBench.flush());
  const indexPerArticleMs = percentile(saves, 50);
  console.log(`save one article: p50 ${r2(indexPerArticleMs)} ms, p95 ${r2(percentile(saves, 95))} ms, max ${r2(Math.max(...saves))} ms (n=${saves.length}); flush ${Math.round(flushMs)} ms`);
  const idbMB: number = await page.evaluate(() => (globalThis as any).__pnaSearchBench.storageMB());
  console.log(`storage estimate: ${r2(idbMB)} MB`);

  // Cold: a fresh page load, then the first query.
  await load();
  const coldFirstQueryMs: number = await page.evaluate(() => (globalThis as any).__pnaSearchBench.cold('ủy ban nhân dân tỉnh'));
  console.log(`cold first query (fresh page): ${r2(coldFirstQueryMs)} ms`);
  const results: Array<{ form: string; ms: number; total: number }> = await page.evaluate(
    ([n, t]) => (globalThis as any).__pnaSearchBench.queries(n, t),
    [queryCount, texts] as const,
  );
  const byForm = new Map<string, number[]>();
  for (const r of results) {
    if (!byForm.has(r.form)) byForm.set(r.form, []);
    byForm.get(r.form)!.push(r.ms);
  }
  for (const [form, xs] of byForm) console.log(`  ${form.padEnd(18)} p50 ${r2(percentile(xs, 50))} ms  p95 ${r2(percentile(xs, 95))} ms  max ${r2(Math.max(...xs))} ms`);
  console.log(`queries with hits: ${results.filter((r) => r.total > 0).length}/${results.length}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const heapMB = heap.usedSize / 1e6;
  console.log(`page JS heap after the queries: ${r2(heapMB)} MB`);
  await context.close();
  const times = results.map((r) => r.ms);
  return {
    docs,
    queries: results.length,
    p50Ms: r2(percentile(times, 50)),
    p95Ms: r2(percentile(times, 95)),
    coldFirstQueryMs: r2(coldFirstQueryMs),
    indexPerArticleMs: r2(indexPerArticleMs),
    heapMB: r2(heapMB),
    idbMB: r2(idbMB),
    browser,
  };
}
