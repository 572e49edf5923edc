// The web-bench part of `npm run eval`: trafilatura's 990-page evaluation set (../shared/web-bench), scored with its own
// snippet metric, for our generic path (no site rules: what an unknown site and "save anyway" get) and Mozilla
// Readability on the same happy-dom documents. The tarball is unpacked once into .cache/web-bench (git-ignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/core/extract';
import { decodeHtml } from './charset';
import { closeParser, parseHtml } from './parse-html';
import { REPO_ROOT } from './pages';
import { scoreSnippets, snippetTotals, sumCounts, type SnippetCounts } from './snippet-score';

export const WEB_BENCH_TARBALL = resolve(REPO_ROOT, '../shared/web-bench/trafilatura-eval.tar.xz');
export const WEB_BENCH_DIR = resolve(REPO_ROOT, '.cache/web-bench');

export interface BenchPage {
  url: string;
  file: string;
  path: string;
  with: string[];
  without: string[];
}

/** The unpacked set's folder, unpacking it on first use; null (with the reason) when the tarball is absent. */
export function ensureUnpacked(dir = WEB_BENCH_DIR): { dir: string } | { missing: string } {
  if (existsSync(join(dir, 'evaldata.json'))) return { dir };
  if (!existsSync(WEB_BENCH_TARBALL)) return { missing: `web-bench not found at ${WEB_BENCH_TARBALL}: skipping the web-bench section.` };
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xJf', WEB_BENCH_TARBALL, '-C', dir]);
  return { dir };
}

/** Every page of evaldata.json whose file is in eval/ or cache/ (looked up in that order). */
export function loadBenchPages(dir: string): { pages: BenchPage[]; missingFiles: string[] } {
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, { file: string; with?: string[]; without?: string[] }>;
  const pages: BenchPage[] = [];
  const missingFiles: string[] = [];
  for (const [url, e] of Object.entries(data)) {
    const path = [join(dir, 'eval', e.file), join(dir, 'cache', e.file)].find((p) => existsSync(p));
    if (!path) missingFiles.push(e.file);
    else pages.push({ url, file: e.file, path, with: e.with ?? [], without: e.without ?? [] });
  }
  return { pages, missingFiles };
}

/** Our generic path's scored text (lead + body), or null when it gives no article. */
export function oursGenericText(doc: Document, url: string): string | null {
  try {
    const a = extractArticle(doc, url, { useSiteRules: false });
    const text = [a.lead, a.bodyText].filter(Boolean).join('\n');
    return text.trim() ? text : null;
  } catch {
    return null;
  }
}

/** Readability's article text, or null when it finds none. Mutates doc: run it last. */
export function readabilityText(doc: Document): string | null {
  try {
    const text = new Readability(doc).parse()?.textContent ?? '';
    return text.trim() ? text : null;
  } catch {
    return null;
  }
}

export interface BenchRow {
  file: string;
  ours: SnippetCounts;
  readability: SnippetCounts;
  oursEmpty: boolean;
  readabilityEmpty: boolean;
  /** `with` snippets Readability finds and we miss, and `without` snippets we keep and Readability drops. */
  oursMissed: string[];
  oursLeaked: string[];
}

export function runBenchPage(p: BenchPage): BenchRow {
  const doc = parseHtml(decodeHtml(readFileSync(p.path)), p.url);
  const o = oursGenericText(doc, p.url);
  const r = readabilityText(doc);
  const has = (t: string | null, s: string) => t !== null && t.replace(/\s+/g, ' ').includes(s.replace(/\s+/g, ' ').trim());
  return {
    file: p.file,
    ours: scoreSnippets(o, p.with, p.without),
    readability: scoreSnippets(r, p.with, p.without),
    oursEmpty: o === null,
    readabilityEmpty: r === null,
    oursMissed: p.with.filter((s) => !has(o, s) && has(r, s)),
    oursLeaked: p.without.filter((s) => has(o, s) && !has(r, s)),
  };
}

function line(name: string, rows: BenchRow[], pick: (r: BenchRow) => SnippetCounts, empty: (r: BenchRow) => boolean): string {
  const c = sumCounts(rows.map(pick));
  const t = snippetTotals(c);
  return `${name.padEnd(26)} F1=${t.f1.toFixed(4)} P=${t.precision.toFixed(4)} R=${t.recall.toFixed(4)} (tp=${c.tp} fp=${c.fp} fn=${c.fn} tn=${c.tn}) no article: ${rows.filter(empty).length}`;
}

/** Every page, with a fresh happy-dom window every few pages (a window keeps the documents it parsed). */
export async function runBenchPages(pages: BenchPage[], onPage?: (done: number) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const p of pages) {
    rows.push(runBenchPage(p));
    if (rows.length % 20 === 0) await closeParser();
    onPage?.(rows.length);
  }
  await closeParser();
  return rows;
}

/** Runs and prints the web-bench section; returns the summary lines (or the skip message). */
export async function runWebBench(): Promise<string[]> {
  const where = ensureUnpacked();
  if ('missing' in where) {
    console.log(`\n${where.missing}`);
    return [where.missing];
  }
  const t0 = performance.now();
  const { pages, missingFiles } = loadBenchPages(where.dir);
  const rows = await runBenchPages(pages);
  const secs = (performance.now() - t0) / 1000;
  writeFileSync(join(where.dir, 'last-run.json'), JSON.stringify(rows, null, 1));
  const lost = rows.filter((r) => r.oursEmpty && !r.readabilityEmpty);
  console.log(`\n## web-bench (trafilatura evaluation set, snippet metric): ${rows.length} pages in ${secs.toFixed(0)} s`);
  if (missingFiles.length) console.log(`files not found: ${missingFiles.length} (${missingFiles.slice(0, 5).join(', ')})`);
  const summary = [
    line('web-bench: ours (generic)', rows, (r) => r.ours, (r) => r.oursEmpty),
    line('web-bench: Readability', rows, (r) => r.readability, (r) => r.readabilityEmpty),
    `web-bench: pages where Readability finds an article and we do not: ${lost.length}${lost.length ? ` (${lost.map((r) => r.file).join(', ')})` : ''}`,
  ];
  console.log(`(per-page rows: ${join(where.dir, 'last-run.json')}; the summary follows at the end)`);
  return summary;
}
