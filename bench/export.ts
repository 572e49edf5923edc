// npm run bench -- export: fills an archive in real Chromium, exports JSON and NDJSON, clears, re-imports each,
// checks every article came back byte-for-byte (the re-export is identical), and prints figures.
//
// Environment:
//   BENCH_DOCS=N              articles (default 100,000), ~600 words each
//   BENCH_FILL=articles-only  EXPORT MEASUREMENT ONLY: write the generated articles straight to the articles table
//                             (no search index), so that big archives fill in seconds. The import figures are still
//                             measured through the real import, but are not compared with this fill.
//   BENCH_EXPORT_RUNS=K       export each format K times (default 1) and report every run and the median
//   BENCH_ROUNDTRIP=0         skip clear → import → re-export (the import takes long on big archives)
//   BENCH_EXPORT_SINK=blob    export into one Blob, as a download (smaller exports, Firefox) instead of into a file as
//                             the archive page does from 5,000 articles in Chromium (default `file`: written through a
//                             writable file stream, the write to disk timed; the download's copy is not)
//   BENCH_JS_FLAGS='--trace-gc'  extra V8 flags for the bench page (diagnosis; Chromium's output shows with
//                             DEBUG=pw:browser)
import { fillArchive, openBenchPage, type BenchPage } from './chromium-archive';

interface ExportResult { ms: number; count: number; bytes: number; peakHeapMB: number; sha256: string }
interface ImportResult { ms: number; validateMs: number; compactMs: number; merges: number; report: { added: number; updated: number; skipped: number; rejected: number }; peakHeapMB: number; timeline: Array<[rows: number, ms: number]> }

/** Apply rate over each tenth of the rows: shows how writing slows as the archive grows. */
function ratesByTenth(imp: ImportResult): string {
  const step = Math.max(1, Math.floor(imp.timeline.length / 10));
  const out: string[] = [];
  let prev: [number, number] = [0, imp.validateMs];
  for (let i = step - 1; i < imp.timeline.length; i += step) {
    const [rows, ms] = imp.timeline[i];
    out.push(`${(rows - prev[0]) / ((ms - prev[1]) / 1000) | 0}`);
    prev = [rows, ms];
  }
  return out.join(', ');
}

async function fillArticlesOnly(b: BenchPage, docs: number, bodyWords: number, log: (s: string) => void): Promise<number> {
  const step = 2000;
  let ms = 0;
  for (let from = 0; from < docs; from += step) {
    ms += await b.call<number>('fillArticlesOnly', from, Math.min(docs, from + step), bodyWords);
    if ((from / step) % 10 === 0) log(`  wrote ${Math.min(docs, from + step)} / ${docs} articles, articles table only (${(ms / 1000).toFixed(1)} s)`);
  }
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export async function benchExport(docs = Number(process.env.BENCH_DOCS ?? 100_000)): Promise<void> {
  const log = (s: string) => console.log(s);
  const articlesOnly = process.env.BENCH_FILL === 'articles-only';
  const runs = Math.max(1, Number(process.env.BENCH_EXPORT_RUNS ?? 1));
  const roundTrip = process.env.BENCH_ROUNDTRIP !== '0';
  const sink = process.env.BENCH_EXPORT_SINK === 'blob' ? 'blob' : 'file';
  const b = await openBenchPage();
  try {
    log(`export bench: ${docs} articles of ~600 words in ${b.browser}, exported ${sink === 'file' ? 'into a file (as the archive page does from 5,000 articles)' : 'into one Blob (as a download)'}`);
    let fillMs: number;
    if (articlesOnly) {
      fillMs = await fillArticlesOnly(b, docs, 600, log);
      log(`wrote ${docs} articles to the articles table only in ${(fillMs / 1000).toFixed(1)} s (BENCH_FILL=articles-only: for the export figures; no search index, no import baseline)`);
    } else {
      fillMs = await fillArchive(b, docs, 600, log);
      log(`filled in ${(fillMs / 1000).toFixed(1)} s (${(docs / (fillMs / 1000)).toFixed(0)} articles/s, baseline for the ratios below)`);
    }
    const results: Record<string, { exp: ExportResult; imp?: ImportResult; again?: ExportResult }> = {};
    const exports: Record<string, ExportResult> = {};
    const rates: Record<string, number[]> = { json: [], ndjson: [] };
    for (let run = 0; run < runs; run++) {
      for (const format of ['json', 'ndjson'] as const) {
        // Without the round trip no file is needed after its checksum: keep only one export in the browser at a time.
        if (!roundTrip) await b.call('forgetFiles');
        const exp = await b.call<ExportResult>('exportTo', `first.${format}`, format, sink);
        const rate = exp.count / (exp.ms / 1000);
        rates[format].push(rate);
        log(`${format}: exported ${exp.count} in ${(exp.ms / 1000).toFixed(1)} s = ${rate.toFixed(0)}/s, ${(exp.bytes / 1_048_576).toFixed(0)} MB, peak heap ${exp.peakHeapMB.toFixed(0)} MB`);
        if (exports[format] && exports[format].sha256 !== exp.sha256) throw new Error(`${format}: two exports of the same archive differ`);
        exports[format] = { ...exp, peakHeapMB: Math.max(exp.peakHeapMB, exports[format]?.peakHeapMB ?? 0) };
      }
    }
    if (runs > 1) for (const format of ['json', 'ndjson'] as const) log(`${format}: median of ${runs} runs ${median(rates[format]).toFixed(0)}/s (${rates[format].map((r) => r.toFixed(0)).join(', ')})`);
    for (const format of ['json', 'ndjson'] as const) {
      const exp = exports[format];
      results[format] = { exp };
      if (!roundTrip) continue;
      await b.call('clear');
      await b.page.evaluate(() => (globalThis as any).gc?.());
      const imp = await b.call<ImportResult>('importFrom', `first.${format}`);
      const ratio = articlesOnly ? '' : `; ratio to the fill ${((imp.report.added / imp.ms) / (docs / fillMs)).toFixed(2)}`;
      log(`${format}: imported ${imp.report.added} in ${(imp.ms / 1000).toFixed(1)} s = ${(imp.report.added / (imp.ms / 1000)).toFixed(0)}/s (${JSON.stringify(imp.report)}), peak heap ${imp.peakHeapMB.toFixed(0)} MB${ratio}`);
      log(`${format}: of which the validation pass (every row parsed and checked before anything is written; the page then asks about duplicates) ${(imp.validateMs / 1000).toFixed(1)} s, applying ${((imp.ms - imp.validateMs) / 1000).toFixed(1)} s = ${(imp.report.added / ((imp.ms - imp.validateMs) / 1000)).toFixed(0)}/s`);
      log(`${format}: applying, articles/s over each tenth of the file: ${ratesByTenth(imp)}`);
      log(`${format}: then the index's ${imp.merges} segment merges in the background took ${(imp.compactMs / 1000).toFixed(1)} s (import and merges together ${(imp.report.added / ((imp.ms + imp.compactMs) / 1000)).toFixed(0)}/s)`);
      const again = await b.call<ExportResult>('exportTo', `again.${format}`, format, sink);
      log(`${format}: re-export after import is ${again.sha256 === exp.sha256 ? 'identical' : 'DIFFERENT'} (${again.count} articles)`);
      results[format] = { exp, imp, again };
    }
    const { json, ndjson } = results;
    const lost = json.imp && json.again && ndjson.imp && ndjson.again
      ? Math.max(0, docs - json.imp.report.added) + (json.again.sha256 === json.exp.sha256 ? 0 : Math.max(1, docs - json.again.count))
        + Math.max(0, docs - ndjson.imp.report.added) + (ndjson.again.sha256 === ndjson.exp.sha256 ? 0 : 1)
      : null;
    console.log(JSON.stringify({
      docs,
      fill: articlesOnly ? 'articles-only' : 'import',
      exportPerSec: Math.round(median(rates.json)),
      ndjsonExportPerSec: Math.round(median(rates.ndjson)),
      importPerSec: json.imp ? Math.round(json.imp.report.added / (json.imp.ms / 1000)) : null,
      ndjsonImportPerSec: ndjson.imp ? Math.round(ndjson.imp.report.added / (ndjson.imp.ms / 1000)) : null,
      importWithMergesPerSec: json.imp ? Math.round(json.imp.report.added / ((json.imp.ms + json.imp.compactMs) / 1000)) : null,
      exportPeakHeapMB: Math.round(Math.max(json.exp.peakHeapMB, ndjson.exp.peakHeapMB)),
      exportInto: sink,
      heapCapMB: Number(process.env.BENCH_MAX_HEAP_MB) || null,
      fileMB: Math.round(json.exp.bytes / 1_048_576),
      lost,
      browser: b.browser,
    }));
  } finally {
    await b.close();
  }
}
