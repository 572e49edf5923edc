// npm run bench -- media: stored images and originals in real Chromium (the extension's archive page). Two archives
// of the same N generated articles: one with 3 images of ~150 KB (distinct random JPEG bytes) and the original page
// per article, one text only. Prints save cost with and without images (through the real save + capture path, the
// images fetched from a local HTTP server), storage per article, ZIP and WACZ export throughput and peak JS heap,
// and search p50/p95 on both archives (the ratio: p95 over queries of each query's median over the rounds; the ratio over
// all samples is printed beside it).
//
// Environment:
//   BENCH_DOCS=N            articles (default 10,000)
//   BENCH_SAVE_SAMPLE=K     articles saved through the save path in each archive (default 200); the other N − K are
//                           filled through the import path and the store's writer (images generated in the page)
//   BENCH_WACZ_OUT=FILE     also write a 100-article WACZ made by the extension's exporter to FILE
//   BENCH_SEARCH_ROUNDS=R   rounds of the 200 search queries on each archive (default 5)
//   BENCH_ROUNDTRIP=M       articles exported into a ZIP and a WACZ file and imported into a fresh archive (default 1,000)
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { openBenchPage } from './chromium-archive';

const IMAGE_BYTES = 150 * 1024;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Serves /img/<article>/<k>.jpg: fresh random bytes behind a JPEG header each time, any origin may read them. */
function imageServer(): Promise<{ server: Server; base: string; served: () => number }> {
  let served = 0;
  const server = createServer((req, res) => {
    if (!/^\/img\/\d+\/\d+\.jpg$/.test(req.url ?? '')) { res.writeHead(404).end(); return; }
    const body = randomBytes(IMAGE_BYTES);
    body.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], 0);
    served++;
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(body.length), 'access-control-allow-origin': '*', 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served: () => served })));
}

export async function benchMedia(): Promise<void> {
  const docs = Math.max(20, Number(process.env.BENCH_DOCS ?? 10_000));
  const sample = Math.min(Number(process.env.BENCH_SAVE_SAMPLE ?? 200), Math.floor(docs / 10));
  const bodyWords = 600;
  const log = (s: string) => console.log(s);
  const images = await imageServer();
  const b = await openBenchPage({ entry: 'media-entry.ts', global: '__pnaMediaBench', openArgs: [images.base], realNetwork: true });
  try {
    log(`media bench: N=${docs} articles of ~${bodyWords} words in ${b.browser}, 3 images of ${IMAGE_BYTES / 1024} KB each per article in one archive, text only in the other`);
    const before = await b.call<number>('storageMB');
    const bulk = docs - sample;
    let fillMs = 0;
    const step = 500;
    const started = Date.now();
    for (let from = 0; from < bulk; from += step) {
      fillMs += await b.call<number>('fill', from, Math.min(bulk, from + step), bodyWords, IMAGE_BYTES);
      if ((from / step) % 4 === 0) log(`  bulk fill (import path + store writer, images generated in the page): ${Math.min(bulk, from + step)} / ${bulk} (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    // The save path, alternating text-only and with-images in blocks so both see the same machine load.
    const saveMs: number[] = [];
    const textMs: number[] = [];
    for (let at = bulk; at < docs; at += 20) {
      const to = Math.min(docs, at + 20);
      textMs.push(...await b.call<number[]>('saves', at, to, bodyWords, false));
      saveMs.push(...await b.call<number[]>('saves', at, to, bodyWords, true));
    }
    await b.call('flush');
    log(`save path (${sample} articles each, one at a time): with images p50 ${r2(pct(saveMs, 50))} ms, p95 ${r2(pct(saveMs, 95))} ms | text only p50 ${r2(pct(textMs, 50))} ms, p95 ${r2(pct(textMs, 95))} ms; image server answered ${images.served()} requests`);
    const after = await b.call<number>('storageMB');
    const mbPerArticle = (after - before) / docs;
    log(`storage: navigator.storage.estimate() grew ${r2(after - before)} MB for both archives = ${r2(mbPerArticle)} MB per article (the text-only copy included: ~a few KB of it)`);

    const exports: Record<string, { ms: number; count: number; bytes: number; baseHeapMB: number; peakHeapMB: number; liveHeapMB: number }> = {};
    for (const format of ['zip', 'wacz'] as const) {
      // The JS heap as DevTools reads it (Runtime.getHeapUsage), every 200 ms while the export runs.
      const cdp = await b.session.context.newCDPSession(b.page);
      let cdpPeak = 0;
      const poll = setInterval(() => { void cdp.send('Runtime.getHeapUsage').then((u) => { cdpPeak = Math.max(cdpPeak, u.usedSize / 1_048_576); }, () => undefined); }, 200);
      const e = await b.call<typeof exports[string]>('exportPackage', format).finally(() => clearInterval(poll));
      await cdp.detach().catch(() => undefined);
      e.peakHeapMB = Math.max(e.peakHeapMB, cdpPeak);
      exports[format] = e;
      log(`${format}: ${e.count} articles in ${(e.ms / 1000).toFixed(1)} s = ${(e.count / (e.ms / 1000)).toFixed(0)}/s, ${(e.bytes / 1_048_576).toFixed(0)} MB (${(e.bytes / 1_048_576 / (e.ms / 1000)).toFixed(0)} MB/s) into a sink that drops them; JS heap ${e.baseHeapMB.toFixed(0)} MB before, peak ${e.peakHeapMB.toFixed(0)} MB sampled (performance.memory and CDP Runtime.getHeapUsage), ${e.liveHeapMB.toFixed(0)} MB at most after a full GC called from the progress callback every 1,000 articles (the page of articles in flight still referenced; what the export retains: npm run bench -- heap)`);
    }

    // Five rounds of the same 200 queries, alternating archives: one round's tail moves with the machine's load.
    const rounds = Number(process.env.BENCH_SEARCH_ROUNDS ?? 5);
    const s = await b.call<{ images: number[]; text: number[] }>('search', 200, [], rounds);
    const rawP95Ratio = pct(s.images, 95) / pct(s.text, 95);
    // Each query's median over the rounds, then the p95 over queries: what a slow query costs on each archive, without
    // the one-off pauses (a collection, a disk flush) that land on one archive's sample or the other's by chance.
    const perQuery = (xs: number[]) => Array.from({ length: xs.length / rounds }, (_, q) => pct(Array.from({ length: rounds }, (_, r) => xs[r * (xs.length / rounds) + q]), 50));
    const [qImages, qText] = [perQuery(s.images), perQuery(s.text)];
    const p95Ratio = pct(qImages, 95) / pct(qText, 95);
    log(`search (${s.images.length} queries each, alternating): with images p50 ${r2(pct(s.images, 50))} ms p95 ${r2(pct(s.images, 95))} ms | text only p50 ${r2(pct(s.text, 50))} ms p95 ${r2(pct(s.text, 95))} ms | p95 ratio ${r2(rawP95Ratio)} over all samples; over each query's median of ${rounds} rounds: p95 ${r2(pct(qImages, 95))} / ${r2(pct(qText, 95))} ms, ratio ${r2(p95Ratio)}`);

    // Each package written into a file and imported into a fresh archive, as a person moving an archive would.
    const roundTripN = Math.min(docs, Number(process.env.BENCH_ROUNDTRIP ?? 1000));
    const roundTrips: Record<string, { fileMB: number; exportMs: number; importMs: number; added: number; baseHeapMB: number; peakHeapMB: number; back: Record<string, number>; lost: number }> = {};
    for (const format of ['zip', 'wacz'] as const) {
      const r = await b.call<typeof roundTrips[string]>('roundTrip', format, roundTripN);
      roundTrips[format] = r;
      log(`${format} round trip of ${roundTripN} articles: a ${r.fileMB.toFixed(0)} MB file written in ${(r.exportMs / 1000).toFixed(1)} s, imported into a fresh archive in ${(r.importMs / 1000).toFixed(1)} s (${(roundTripN / (r.importMs / 1000)).toFixed(0)}/s), JS heap ${r.baseHeapMB.toFixed(0)} MB before, peak ${r.peakHeapMB.toFixed(0)} MB sampled; back: ${JSON.stringify(r.back)}, lost ${r.lost}`);
    }

    const c = await b.call<Record<string, number>>('counts');
    log(`counts: ${JSON.stringify(c)}`);
    const lost = Math.max(0, docs - c.imagesArticles) + Math.max(0, docs - c.textArticles) + Math.max(0, 3 * docs - c.imagesMedia) + Math.max(0, 3 * docs - c.imagesLinked)
      + Math.max(0, docs - exports.zip.count) + Math.max(0, docs - exports.wacz.count) + roundTrips.zip.lost + roundTrips.wacz.lost;

    const out = process.env.BENCH_WACZ_OUT;
    if (out) {
      const base64 = await b.call<string>('smallWacz', 100);
      writeFileSync(out, Buffer.from(base64, 'base64'));
      log(`wrote a 100-article WACZ made by the extension's exporter to ${out}`);
    }
    await b.call('drop');
    console.log(JSON.stringify({
      docs,
      savePerArticleMs: r2(pct(saveMs, 50)),
      textOnlySavePerArticleMs: r2(pct(textMs, 50)),
      mbPerArticle: r2(mbPerArticle),
      waczPerSec: Math.round(exports.wacz.count / (exports.wacz.ms / 1000)),
      zipPerSec: Math.round(exports.zip.count / (exports.zip.ms / 1000)),
      exportPeakHeapMB: Math.round(Math.max(exports.zip.peakHeapMB, exports.wacz.peakHeapMB)),
      searchP95Ratio: r2(p95Ratio),
      searchP95RatioAllSamples: r2(rawP95Ratio),
      zipImportPerSec: Math.round(roundTripN / (roundTrips.zip.importMs / 1000)),
      waczImportPerSec: Math.round(roundTripN / (roundTrips.wacz.importMs / 1000)),
      lost,
      browser: b.browser,
    }));
    void fillMs;
  } finally {
    await b.close();
    images.server.close();
  }
}
