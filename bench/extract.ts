// Time per page: our extractor (site rules on, and generic) vs Mozilla Readability, same pages, same DOM library
// (happy-dom), same run. Each page is parsed fresh for every timed run, parse time excluded.
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/core/extract';
import { closeParser, parseHtml } from '../eval/parse-html';
import { CORPUS_DIR, corpusAvailable, loadPages } from '../eval/pages';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeIt(html: string, url: string, fn: (doc: Document) => void, reps: number): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const doc = parseHtml(html, url);
    const t0 = performance.now();
    try {
      fn(doc);
    } catch {
      /* errors (e.g. no-content on negatives) still count their time */
    }
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function benchExtract(): Promise<void> {
  if (!corpusAvailable()) console.log(`Corpus not found at ${CORPUS_DIR}: timing tests/fixtures/extract only.`);
  const pages = loadPages().filter((p) => p.truth.isProvincialNewsArticle);
  if (!pages.length) {
    console.log('No pages to time.');
    return;
  }
  const reps = Number(process.env.BENCH_REPS ?? 15);
  // Warm-up (JIT) on every page once.
  for (const p of pages) {
    timeIt(p.html, p.truth.url, (d) => extractArticle(d, p.truth.url), 2);
    timeIt(p.html, p.truth.url, (d) => new Readability(d.cloneNode(true) as never).parse(), 2);
  }
  console.log(`extract bench: ${pages.length} pages, median of ${reps} runs each, happy-dom, parse excluded`);
  console.log('page'.padEnd(34), 'ours ms  generic ms  readability ms  (no clone)  ratio');
  const ours: number[] = [];
  const gen: number[] = [];
  const rd: number[] = [];
  const rdRaw: number[] = [];
  for (const p of pages) {
    const a = timeIt(p.html, p.truth.url, (d) => extractArticle(d, p.truth.url), reps);
    const g = timeIt(p.html, p.truth.url, (d) => extractArticle(d, p.truth.url, { useSiteRules: false }), reps);
    // Readability mutates its input; on a live page it must get a clone, as our extractor makes itself.
    const r = timeIt(p.html, p.truth.url, (d) => new Readability(d.cloneNode(true) as never).parse(), reps);
    const rRaw = timeIt(p.html, p.truth.url, (d) => new Readability(d).parse(), reps);
    rdRaw.push(rRaw);
    ours.push(a);
    gen.push(g);
    rd.push(r);
    console.log(p.id.padEnd(34), a.toFixed(2).padStart(7), g.toFixed(2).padStart(10), r.toFixed(2).padStart(15), rRaw.toFixed(2).padStart(12), (a / r).toFixed(2).padStart(6));
  }
  const mo = median(ours);
  const mg = median(gen);
  const mr = median(rd);
  console.log(`median per page: ours ${mo.toFixed(2)} ms, generic ${mg.toFixed(2)} ms, Readability ${mr.toFixed(2)} ms`);
  const mrr = median(rdRaw);
  console.log(`Readability without the clone a live page needs: ${mrr.toFixed(2)} ms (ours/that = ${(mo / mrr).toFixed(2)})`);
  console.log(`ratio ours/Readability = ${(mo / mr).toFixed(2)} (generic/Readability = ${(mg / mr).toFixed(2)})`);
  await closeParser();
}
