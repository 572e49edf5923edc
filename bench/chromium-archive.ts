// A page of the real extension in Debian Chromium, with the archive bench API (bench/archive-entry.ts) loaded.
import { bundleForBrowser } from './browser-bundle';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionSession } from '../tests/e2e/helpers/extension-browser';
import { loadCorpus } from '../tests/helpers/corpus';


const STARTUP_SETTLE_MS = 8000;

export interface BenchPage { session: ExtensionSession; page: Page; browser: string; call<T>(fn: string, ...args: unknown[]): Promise<T>; close(): Promise<void> }

/** `entry` is the bench API bundled into the page (default the archive bench's); `openArgs` follow the corpus texts in its `open`. */
export async function openBenchPage(options: { entry?: string; global?: string; openArgs?: unknown[]; realNetwork?: boolean } = {}): Promise<BenchPage> {
  const global = options.global ?? '__pnaArchiveBench';
  const code = await bundleForBrowser(options.entry ?? 'archive-entry.ts', global.replace(/^__/, ''));
  // BENCH_MAX_HEAP_MB caps V8's old generation: a run that completes under the cap shows the work fits in it, which
  // sampling usedJSHeapSize cannot (it also counts garbage that the next collection would free).
  const cap = Number(process.env.BENCH_MAX_HEAP_MB) || 0;
  const jsFlags = ['--expose-gc', ...(cap ? [`--max-old-space-size=${cap}`] : []), ...(process.env.BENCH_JS_FLAGS ?? '').split(' ').filter(Boolean)].join(' ');
  // Playwright's --disable-renderer-backgrounding leaves the extension's renderer (started for the service worker)
  // at background priority after its page opens: V8 then collects in memory-reducing mode, ~75 full collections per
  // 10,000 imported articles instead of ~15, import and export 1.2-1.3× slower than in a user's visible tab.
  const session = await launchWithExtension({ extraArgs: ['--enable-precise-memory-info', `--js-flags=${jsFlags}`], withoutDefaultArgs: ['--disable-renderer-backgrounding'] });
  // Chromium sizes its blob storage in a low-priority task after start-up (until then, blobs past 500 MB in all
  // fail); a fill that starts at once can starve that task, and the 800 MB export of 100,000 articles then fails.
  await new Promise((resolve) => setTimeout(resolve, STARTUP_SETTLE_MS));
  // The E2E launcher answers every http(s) request itself (one pixel for any image); a bench that serves its own
  // images on 127.0.0.1 needs the real network.
  if (options.realNetwork) await session.context.unrouteAll({ behavior: 'ignoreErrors' });
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/archive/archive.html`);
  await page.waitForSelector('body[data-ready="true"]');
  // The IIFE bundle leaves CommonJS packages' `typeof require === 'function'` checks to the page (the extension's
  // build answers them with its require shim): uuid-random (warcio's) then exports nothing and the WACZ export fails.
  await page.evaluate(() => { (globalThis as any).require ??= () => { throw new Error('no require in a page'); }; });
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not apply.
  await page.evaluate(code);
  // Texts of the corpus, so that generated articles use the vocabulary and phrasing of real provincial news.
  const texts = loadCorpus().flatMap((p) => [p.truth.title, p.truth.lead, p.truth.bodyText].filter((x): x is string => !!x));
  await page.evaluate(([g, t, more]) => (globalThis as any)[g].open(t, ...more), [global, texts, options.openArgs ?? []] as const);
  const version = session.context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown'));
  return {
    session,
    page,
    browser: `chromium ${version}`,
    call: <T>(fn: string, ...args: unknown[]) => page.evaluate(([g, f, a]) => (globalThis as any)[g][f](...(a)), [global, fn, args] as const) as Promise<T>,
    close: () => session.close(),
  };
}

export async function fillArchive(b: BenchPage, docs: number, bodyWords: number, log: (s: string) => void): Promise<number> {
  const step = 2000;
  let ms = 0;
  for (let from = 0; from < docs; from += step) {
    ms += await b.call<number>('fill', from, Math.min(docs, from + step), bodyWords);
    if ((from / step) % 10 === 0) log(`  filled ${Math.min(docs, from + step)} / ${docs} (${(ms / 1000).toFixed(1)} s)`);
  }
  ms += await b.call<number>('flush');
  return ms;
}
