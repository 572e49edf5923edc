// npm run bench -- bulk: bulk capture from a listing page in real Chromium with the built extension, against a local
// site (bench/bulk-site.ts) of N article pages in the CMS families of the project's fixtures, politeness delay 0.
// The run is started as a person starts it (the popup on the listing, "Lưu các bài đã chọn") and measured from that
// click to the run's end: articles per second, the per-page split (fetch, parse+extract, save: timings the runner
// keeps on each queue item), the peak JavaScript heap of the service worker plus the offscreen document, and the
// archive afterwards (each article exactly once). Then the same run in a fresh profile, with the browser's process
// group killed (SIGKILL) in the middle and started again on the same profile: `lost` counts articles of the listing
// that never reached the archive. Baseline of the same run: saving single articles by a click in the popup.
//
// Environment: BENCH_BULK_ARTICLES (default 1000), BENCH_BULK_CLICKS (click saves for the baseline, default 10),
// BENCH_BULK_KILL_AT (share done when the browser is killed, default 0.4).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { BENCH_HOST, BENCH_LISTING, makeSite, serveBenchSite, type BenchArticle, type BenchSite } from './bulk-site';
import { extensionWithHost, launchBenchBrowser, sampleHeap, type BenchBrowser } from './bulk-browser';

declare const chrome: any;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};
const round = (x: number, d = 1) => +x.toFixed(d);
const say = (s: string) => process.stderr.write(`  … ${s}\n`);

interface QueueCounts { state: string | null; total: number; done: number; saved: number }
interface ItemRow { url: string; state: string; reason?: string; detail?: string; timing?: { fetchMs: number; extractMs: number; saveMs: number } }

// Code evaluated in the service worker is sent as text: tsx's helpers (__name) do not exist there.
const OPEN_DB = `(name) => new Promise((ok, ko) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); })`;
const QUEUE_STATE = `async (all) => {
  const db = await (${OPEN_DB})('provincial-news-bulk-queue');
  const get = (store) => new Promise((ok, ko) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
  try {
    const runs = await get('runs');
    const run = runs.sort((a, c) => a.createdAt - c.createdAt).at(-1);
    const items = run ? (await get('items')).filter((i) => i.runId === run.id) : [];
    const done = items.filter((i) => i.state !== 'queued' && i.state !== 'fetching').length;
    const counts = { state: run ? run.state : null, total: items.length, done, saved: items.filter((i) => i.state === 'saved').length };
    return { counts, items: all ? items.map(({ url, state, reason, detail, timing }) => ({ url, state, reason, detail, timing })) : [] };
  } finally {
    db.close();
  }
}`;
const ARCHIVED_URLS = `async () => {
  const db = await (${OPEN_DB})('provincial-news-archive');
  try {
    return await new Promise((ok, ko) => {
      const out = [];
      const r = db.transaction('articles').objectStore('articles').index('url').openKeyCursor();
      r.onsuccess = () => { const c = r.result; if (!c) return ok(out); out.push(String(c.key)); c.continue(); };
      r.onerror = () => ko(r.error);
    });
  } finally {
    db.close();
  }
}`;

/** Reads the bulk queue's own database from the service worker (no message to the extension, no extra work for it). */
async function queueState(b: BenchBrowser, withItems: boolean): Promise<{ counts: QueueCounts; items: ItemRow[] }> {
  return (await b.worker()).evaluate(`(${QUEUE_STATE})(${withItems})`) as Promise<{ counts: QueueCounts; items: ItemRow[] }>;
}

/** The URL of every archived article (one entry per article row), read from the archive's `url` index. */
async function archivedUrls(b: BenchBrowser): Promise<string[]> {
  return (await b.worker()).evaluate(`(${ARCHIVED_URLS})()`) as Promise<string[]>;
}

async function tabIdOf(b: BenchBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  return (await b.worker()).evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
}

async function popupFor(b: BenchBrowser, page: Page): Promise<Page> {
  const tabId = await tabIdOf(b, page);
  const popup = await b.browser.newPage();
  await popup.setViewport({ width: 400, height: 360 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup/popup.html?tab=${tabId}`);
  await popup.waitForSelector('main[data-state="ready"], main[data-state="error"]', { timeout: 30_000 });
  return popup;
}

/** Opens the listing, the popup on it, and clicks "Lưu các bài đã chọn" (all chosen); returns the time of the click. */
async function startFromPopup(b: BenchBrowser, expected: number): Promise<number> {
  const listing = await b.browser.newPage();
  await listing.goto(BENCH_LISTING, { waitUntil: 'load' });
  const popup = await popupFor(b, listing);
  await popup.waitForSelector('[data-testid=bulk-panel]:not([hidden])', { timeout: 30_000 });
  const listed = await popup.$$eval('[data-testid=bulk-list] li input:checked', (xs) => xs.length);
  if (listed !== expected) throw new Error(`the popup lists ${listed} articles to save, the listing has ${expected}`);
  const at = Date.now();
  await popup.click('[data-testid=bulk-save]');
  await popup.waitForSelector('[data-testid=bulk-run]:not([hidden])', { timeout: 30_000 });
  // A person closes the popup; the run goes on in the background.
  await popup.close();
  await listing.close();
  return at;
}

async function waitForRun(b: BenchBrowser, until: (c: QueueCounts) => boolean, timeoutMs: number): Promise<QueueCounts> {
  const start = Date.now();
  let lastSaid = start;
  for (;;) {
    const { counts } = await queueState(b, false).catch((e: unknown) => { say(String(e)); return { counts: { state: null, total: 0, done: 0, saved: 0 } }; });
    if (Date.now() - lastSaid > 10_000) { lastSaid = Date.now(); say(`queue: ${JSON.stringify(counts)}`); }
    if (until(counts)) return counts;
    if (Date.now() - start > timeoutMs) throw new Error(`run not finished after ${timeoutMs / 1000} s: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** "saved 990, failed/http 404 2, …": the queue's end states, with the reasons and details of failures. */
function stateCounts(items: ItemRow[]): string {
  const n = new Map<string, number>();
  for (const i of items) { const k = [i.state, i.reason, i.state === 'saved' ? '' : i.detail].filter(Boolean).join(' '); n.set(k, (n.get(k) ?? 0) + 1); }
  return [...n].map(([k, v]) => `${k}: ${v}`).join(', ');
}

function archiveCheck(urls: string[], expected: BenchArticle[]): { saved: number; duplicates: number; lost: number } {
  const count = new Map<string, number>();
  for (const u of urls) count.set(u, (count.get(u) ?? 0) + 1);
  const saved = expected.filter((a) => count.has(a.url)).length;
  const duplicates = [...count.values()].reduce((s, n) => s + n - 1, 0);
  return { saved, duplicates, lost: expected.length - saved };
}

/** Click saves of single articles through the popup (the path a person takes without bulk capture). */
async function clickSaves(b: BenchBrowser, articles: BenchArticle[]): Promise<number[]> {
  const ms: number[] = [];
  for (const a of articles) {
    const page = await b.browser.newPage();
    await page.goto(a.url, { waitUntil: 'load' });
    const popup = await popupFor(b, page);
    const t = performance.now();
    await popup.click('[data-testid=save-button]');
    // Saved; a warning says some picture could not be kept (one on another host).
    await popup.waitForSelector('#status.ok, #status.warn', { timeout: 30_000 });
    ms.push(performance.now() - t);
    await popup.close();
    await page.close();
  }
  return ms;
}

async function setDelayZero(b: BenchBrowser): Promise<void> {
  await (await b.worker()).evaluate(() => chrome.storage.local.set({ bulkSettings: { delayMs: 0 } }));
}

interface Opts { ext: string; site: BenchSite }

async function uninterrupted(o: Opts, articles: BenchArticle[], clicks: BenchArticle[]) {
  const profile = mkdtempSync(join(tmpdir(), 'pna-bulkbench-'));
  const b = await launchBenchBrowser({ extensionDir: o.ext, profile, host: BENCH_HOST, port: o.site.port });
  try {
    await setDelayZero(b);
    const heap = sampleHeap(b);
    const t0 = await startFromPopup(b, articles.length);
    say('run started from the popup');
    await waitForRun(b, (c) => c.state === 'done', 30 * 60_000);
    say('run done');
    const seconds = (Date.now() - t0) / 1000;
    const mem = heap.stop();
    const { items } = await queueState(b, true);
    const check = archiveCheck(await archivedUrls(b), articles);
    const clickMs = await clickSaves(b, clicks);
    return { b, seconds, mem, items, check, clickMs };
  } finally {
    await b.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function restarted(o: Opts, articles: BenchArticle[], killAt: number) {
  const profile = mkdtempSync(join(tmpdir(), 'pna-bulkbench-restart-'));
  try {
    const first = await launchBenchBrowser({ extensionDir: o.ext, profile, host: BENCH_HOST, port: o.site.port });
    await setDelayZero(first);
    const t0 = await startFromPopup(first, articles.length);
    const atKill = await waitForRun(first, (c) => c.done >= articles.length * killAt, 30 * 60_000);
    await first.kill();
    say(`browser killed at ${atKill.done} done`);
    const killedAt = Date.now();
    // Started again on the same profile; nothing is opened: the extension resumes the run by itself.
    const second = await launchBenchBrowser({ extensionDir: o.ext, profile, host: BENCH_HOST, port: o.site.port });
    try {
      const end = await waitForRun(second, (c) => c.state === 'done', 30 * 60_000);
      const check = archiveCheck(await archivedUrls(second), articles);
      const { items } = await queueState(second, true);
      return { atKill, end, check, states: stateCounts(items), seconds: (Date.now() - t0) / 1000, resumeSeconds: (Date.now() - killedAt) / 1000 };
    } finally {
      await second.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function benchBulk(): Promise<void> {
  const n = Number(process.env.BENCH_BULK_ARTICLES) || 1000;
  const clicks = Number(process.env.BENCH_BULK_CLICKS ?? 10);
  const killAt = Number(process.env.BENCH_BULK_KILL_AT) || 0.4;
  const site = makeSite(n, clicks);
  const server = await serveBenchSite(site.articles, site.extra);
  const ext = extensionWithHost(BENCH_HOST);
  try {
    const a = await uninterrupted({ ext, site: server }, site.articles, site.extra);
    const fetchesBefore = new Map(server.fetches);
    const r = await restarted({ ext, site: server }, site.articles, killAt);
    report(n, site.families.length, a, r, fetchesBefore, site.articles);
  } finally {
    await server.close();
    rmSync(ext, { recursive: true, force: true });
  }
}

type Uninterrupted = Awaited<ReturnType<typeof uninterrupted>>;
type Restarted = Awaited<ReturnType<typeof restarted>>;

function report(n: number, families: number, a: Uninterrupted, r: Restarted, fetches: Map<string, number>, articles: BenchArticle[]): void {
  const timed = a.items.filter((i) => i.timing);
  const fetchMs = median(timed.map((i) => i.timing!.fetchMs));
  const extractMs = median(timed.map((i) => i.timing!.extractMs));
  const saveMs = median(timed.map((i) => i.timing!.saveMs));
  const perSec = n / a.seconds;
  const states = new Map<string, number>();
  for (const i of a.items) states.set(i.state + (i.reason ? `/${i.reason}` : ''), (states.get(i.state + (i.reason ? `/${i.reason}` : '')) ?? 0) + 1);
  const maxFetches = Math.max(...articles.map((x) => fetches.get(new URL(x.url).pathname + new URL(x.url).search) ?? 0));
  const clickMs = median(a.clickMs);
  console.log(`bulk capture (${a.b.version}; ${n} articles of ${families} CMS families on one host, politeness delay 0)`);
  console.log(`  run             ${a.seconds.toFixed(1)} s from the click to the run's end → ${perSec.toFixed(1)} articles/s (${(1000 / perSec).toFixed(1)} ms an article)`);
  console.log(`  per page        fetch ${fetchMs.toFixed(1)} ms | parse+extract ${extractMs.toFixed(1)} ms | save ${saveMs.toFixed(1)} ms (medians of ${timed.length} pages)`);
  console.log(`  queue           ${[...states].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const family = new Map(articles.map((x) => [x.url, x.family]));
  const notSaved = new Map<string, number>();
  for (const i of a.items) if (i.state !== 'saved') { const k = `${family.get(i.url)} ${i.state} ${i.reason ?? ''} ${i.detail ?? ''}`; notSaved.set(k, (notSaved.get(k) ?? 0) + 1); }
  for (const [k, v] of notSaved) console.log(`  not saved       ${k}: ${v}`);
  console.log(`  archive         saved ${a.check.saved} / ${n}, duplicates ${a.check.duplicates}; most requests for one page: ${maxFetches}`);
  console.log(`  peak heap       ${a.mem.peakMB} MB (service worker ${a.mem.peakWorkerMB} MB, offscreen document ${a.mem.peakOffscreenMB} MB; ${a.mem.samples} samples)`);
  console.log(`  restart queue   ${r.states}`);
  console.log(`  restart         killed (SIGKILL) at ${r.atKill.done} / ${n} done, relaunched on the same profile: ${r.end.state}, saved ${r.check.saved}, lost ${r.check.lost}, duplicates ${r.check.duplicates} (${r.seconds.toFixed(1)} s in all, ${r.resumeSeconds.toFixed(1)} s after the kill)`);
  if (a.clickMs.length) console.log(`  baseline        a click save in the popup: median ${clickMs.toFixed(0)} ms an article (${a.clickMs.length} saves) → bulk ${(clickMs / (1000 / perSec)).toFixed(1)}× faster an article`);
  console.log(JSON.stringify({
    articles: n, perSec: round(perSec), fetchMsMedian: round(fetchMs), extractMsMedian: round(extractMs), saveMsMedian: round(saveMs), peakHeapMB: a.mem.peakMB,
    saved: a.check.saved, duplicates: a.check.duplicates + r.check.duplicates, lost: r.check.lost, browser: a.b.version,
  }));
}
