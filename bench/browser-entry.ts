// What the Chromium benchmarks run inside a page: our detector and extractor, and Readability as the baseline.
import { Readability } from '@mozilla/readability';
import { detectPage } from '../src/core/detect';
import { extractArticle } from '../src/core/extract';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median ms per call. The page clock is coarsened (0.1 ms), so each sample batches enough calls to last ≥ 2 ms. */
function time(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 3; i++) fn();
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    if (performance.now() - t0 >= 2 || batch >= 4096) break;
    batch *= 2;
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) fn();
    times.push((performance.now() - t0) / batch);
  }
  return median(times);
}

function walkElements(): number {
  const walker = document.createTreeWalker(document.body ?? document.documentElement, 1);
  let n = 0;
  while (walker.nextNode()) n++;
  return n;
}

(globalThis as Record<string, unknown>).__pnaBench = {
  detect(runs: number) {
    return {
      detectMs: time(() => detectPage(document, location.href), runs),
      // Baseline: one TreeWalker pass over every element, the least any DOM classifier must do.
      walkMs: time(walkElements, runs),
    };
  },
  extract(runs: number) {
    let ok = true;
    const ours = time(() => { try { extractArticle(document, location.href); } catch { ok = false; } }, runs);
    // The generic path alone (what an unknown site and "save anyway" get).
    const generic = time(() => { try { extractArticle(document, location.href, { useSiteRules: false }); } catch { /* timed anyway */ } }, runs);
    // Readability mutates its input, so it gets a clone, and so is timed with the clone included.
    const readability = time(() => new Readability(document.cloneNode(true) as Document).parse(), runs);
    const cloneOnly = time(() => document.cloneNode(true), runs);
    return { oursMs: ours, genericMs: generic, readabilityMs: readability, cloneMs: cloneOnly, ok };
  },
};
