// Runs the detector and extractor inside real Chromium pages (Debian's /usr/bin/chromium), corpus pages served at
// their real URLs, and prints per-page medians with ratios against baselines measured in the same run.
import { bundleForBrowser } from './browser-bundle';
import { chromium } from 'playwright-core';
import { loadCorpus, corpusPresent, CORPUS_SKIP_MESSAGE } from '../tests/helpers/corpus';


const bundle = () => bundleForBrowser('browser-entry.ts', 'pnaBench');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function hugePage(rows: number): string {
  const cells = Array.from({ length: rows }, (_, i) => `<div class="item"><a href="/tin-${i}.html">Tin số ${i}</a><p>Đoạn văn ${i} về tỉnh Tuyên Quang.</p></div>`).join('');
  return `<!doctype html><html><head><title>Trang lớn</title></head><body><h1>Trang rất lớn</h1>${cells}</body></html>`;
}

export async function benchChromium(which: Array<'detect' | 'extract'>, runs = 30): Promise<void> {
  if (!corpusPresent) {
    console.warn(CORPUS_SKIP_MESSAGE);
    return;
  }
  const code = await bundle();
  const pages = loadCorpus().map((p) => ({ id: p.id, url: p.truth.url, html: p.html, article: p.truth.isProvincialNewsArticle }));
  pages.push({ id: 'huge-200k-nodes', url: 'https://bench.tuyenquang.gov.vn/trang-lon.html', html: hugePage(50_000), article: false });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const version = browser.version();
  const context = await browser.newContext({ javaScriptEnabled: true });
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  await context.route(/^https?:\/\//, (route) => {
    const p = byUrl.get(route.request().url());
    return p ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: p.html }) : route.fulfill({ status: 404, body: '' });
  });
  const page = await context.newPage();
  const rows: Array<{ id: string; article: boolean; detectMs?: number; walkMs?: number; oursMs?: number; genericMs?: number; readabilityMs?: number }> = [];
  for (const p of pages) {
    await page.goto(p.url, { waitUntil: 'load' });
    await page.addScriptTag({ content: code });
    const row: (typeof rows)[number] = { id: p.id, article: p.article };
    if (which.includes('detect')) Object.assign(row, await page.evaluate((n) => (globalThis as any).__pnaBench.detect(n), p.id.startsWith('huge') ? 3 : runs));
    if (which.includes('extract') && !p.id.startsWith('huge')) Object.assign(row, await page.evaluate((n) => (globalThis as any).__pnaBench.extract(n), runs));
    rows.push(row);
  }
  await browser.close();

  console.log(`Chromium ${version}, ${pages.length} pages, median of ${runs} runs each`);
  if (which.includes('detect')) {
    console.log('\ndetectPage per page (ms) | baseline: querySelectorAll("*") walk (ms) | ratio');
    for (const r of rows) console.log(`  ${r.id.padEnd(36)} ${r.detectMs!.toFixed(3).padStart(8)} ${r.walkMs!.toFixed(3).padStart(8)} ${(r.detectMs! / r.walkMs!).toFixed(1).padStart(7)}×`);
    const normal = rows.filter((r) => !r.id.startsWith('huge'));
    const med = median(normal.map((r) => r.detectMs!));
    const max = Math.max(...normal.map((r) => r.detectMs!));
    console.log(`detect: median ${med.toFixed(3)} ms/page, slowest ${max.toFixed(3)} ms (target < 5 ms); huge page ${rows.find((r) => r.id.startsWith('huge'))!.detectMs!.toFixed(1)} ms`);
    console.log(JSON.stringify({ bench: 'detect', browser: `chromium ${version}`, pages: normal.length, medianMs: +med.toFixed(3), maxMs: +max.toFixed(3), ratioToWalk: +(med / median(normal.map((r) => r.walkMs!))).toFixed(2) }));
  }
  if (which.includes('extract')) {
    const arts = rows.filter((r) => r.article && r.oursMs !== undefined);
    console.log('\nextractArticle vs Readability per article page (ms) | ratio');
    for (const r of arts) console.log(`  ${r.id.padEnd(36)} ${r.oursMs!.toFixed(3).padStart(8)} ${r.readabilityMs!.toFixed(3).padStart(8)} ${(r.oursMs! / r.readabilityMs!).toFixed(2).padStart(7)}`);
    const ours = median(arts.map((r) => r.oursMs!)), theirs = median(arts.map((r) => r.readabilityMs!));
    console.log(`extract: median ours ${ours.toFixed(3)} ms, Readability ${theirs.toFixed(3)} ms, ratio ${(ours / theirs).toFixed(2)} (target ≤ 1.0, < 20 ms)`);
    const generic = median(arts.map((r) => r.genericMs!));
    console.log(`extract (generic path, no site rules): median ${generic.toFixed(3)} ms, ratio to Readability ${(generic / theirs).toFixed(2)}`);
    console.log(JSON.stringify({ bench: 'extract-chromium', browser: `chromium ${version}`, pages: arts.length, oursMedianMs: +ours.toFixed(3), readabilityMedianMs: +theirs.toFixed(3), ratio: +(ours / theirs).toFixed(2) }));
  }
}
