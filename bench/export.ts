// npm run bench -- export [--docs N]: fills an archive in real Chromium, exports JSON and NDJSON, clears,
// re-imports each, checks every article came back byte-for-byte (the re-export is identical), and prints figures.
import { fillArchive, openBenchPage } from './chromium-archive';

interface ExportResult { ms: number; count: number; bytes: number; peakHeapMB: number; sha256: string }
interface ImportResult { ms: number; report: { added: number; updated: number; skipped: number; rejected: number }; peakHeapMB: number }

export async function benchExport(docs = Number(process.env.BENCH_DOCS ?? 100_000)): Promise<void> {
  const log = (s: string) => console.log(s);
  const b = await openBenchPage();
  try {
    log(`export bench: ${docs} articles of ~600 words in ${b.browser}`);
    const fillMs = await fillArchive(b, docs, 600, log);
    log(`filled in ${(fillMs / 1000).toFixed(1)} s (${(docs / (fillMs / 1000)).toFixed(0)} articles/s, baseline for the ratios below)`);
    const results: Record<string, { exp: ExportResult; imp: ImportResult; again: ExportResult }> = {};
    const exports: Record<string, ExportResult> = {};
    for (const format of ['json', 'ndjson'] as const) {
      await b.page.evaluate(() => (globalThis as any).gc?.());
      const exp = await b.call<ExportResult>('exportTo', `first.${format}`, format);
      log(`${format}: exported ${exp.count} in ${(exp.ms / 1000).toFixed(1)} s = ${(exp.count / (exp.ms / 1000)).toFixed(0)}/s, ${(exp.bytes / 1_048_576).toFixed(0)} MB, peak heap ${exp.peakHeapMB.toFixed(0)} MB`);
      exports[format] = exp;
    }
    for (const format of ['json', 'ndjson'] as const) {
      const exp = exports[format];
      await b.call('clear');
      await b.page.evaluate(() => (globalThis as any).gc?.());
      const imp = await b.call<ImportResult>('importFrom', `first.${format}`);
      log(`${format}: imported ${imp.report.added} in ${(imp.ms / 1000).toFixed(1)} s = ${(imp.report.added / (imp.ms / 1000)).toFixed(0)}/s (${JSON.stringify(imp.report)}), peak heap ${imp.peakHeapMB.toFixed(0)} MB; ratio to the fill ${((imp.report.added / imp.ms) / (docs / fillMs)).toFixed(2)}`);
      const again = await b.call<ExportResult>('exportTo', `again.${format}`, format);
      log(`${format}: re-export after import is ${again.sha256 === exp.sha256 ? 'identical' : 'DIFFERENT'} (${again.count} articles)`);
      results[format] = { exp, imp, again };
    }
    const json = results.json;
    const lost = Math.max(0, docs - json.imp.report.added) + (json.again.sha256 === json.exp.sha256 ? 0 : Math.max(1, docs - json.again.count))
      + Math.max(0, docs - results.ndjson.imp.report.added) + (results.ndjson.again.sha256 === results.ndjson.exp.sha256 ? 0 : 1);
    console.log(JSON.stringify({
      docs,
      exportPerSec: Math.round(json.exp.count / (json.exp.ms / 1000)),
      importPerSec: Math.round(json.imp.report.added / (json.imp.ms / 1000)),
      exportPeakHeapMB: Math.round(Math.max(json.exp.peakHeapMB, results.ndjson.exp.peakHeapMB)),
      fileMB: Math.round(json.exp.bytes / 1_048_576),
      lost,
      browser: b.browser,
    }));
  } finally {
    await b.close();
  }
}
