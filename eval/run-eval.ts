// npm run eval — body F1 (ScrapingHub metric), leaks, title/date/author for our extractor with site rules,
// the generic path alone, and Mozilla Readability, all on happy-dom-parsed pages.
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/core/extract';
import { closeParser, parseHtml } from './parse-html';
import { CORPUS_DIR, corpusAvailable, loadPages, scoredPages, type EvalPage } from './pages';
import { aggregate, f1, foldWs, precisionRecall, type PR } from './score';
import { detectionResults, loadVnReal, printDetection, VN_REAL_DIR, vnRealScored } from './vn-real';
import { checkVnRealFloors } from './vn-real-floors';

export interface PageResult {
  id: string;
  pr: PR;
  leaks: string[];
  title: boolean;
  date: boolean | null;
  author: boolean | null;
  lead?: boolean | null;
  category?: boolean | null;
  error?: string;
}

export type Runner = (page: EvalPage) => { bodyText: string; title: string | null; publishedAt: string | null; author: string | null; lead?: string | null; category?: string | null };

export function ours(useSiteRules: boolean): Runner {
  return (page) => {
    const doc = parseHtml(page.html, page.truth.url);
    const a = extractArticle(doc, page.truth.url, { useSiteRules });
    return a;
  };
}

export const readability: Runner = (page) => {
  const doc = parseHtml(page.html, page.truth.url);
  const r = new Readability(doc).parse();
  const text = r?.textContent ?? '';
  return { bodyText: text, title: r?.title ?? null, publishedAt: r?.publishedTime ?? null, author: r?.byline ?? null };
};

export function dateOk(truth: string | null, got: string | null): boolean | null {
  if (truth === null) return got === null ? null : null;
  if (!got) return false;
  return got.startsWith(truth);
}

/**
 * A truth written as a path ("Kinh doanh > Tài chính") must match the whole path; a truth naming one category (the
 * corpus's "most specific category the page shows") must match the path's last level.
 */
export function categoryOk(truth: string | null, got: string | null): boolean {
  if (truth === null || got === null) return truth === got;
  const last = (s: string) => foldWs(s.split(' > ').pop());
  return truth.includes(' > ') ? foldWs(truth) === foldWs(got) : last(got) === foldWs(truth);
}

export function scorePage(page: EvalPage, run: Runner): PageResult {
  const t = page.truth;
  try {
    const out = run(page);
    const body = out.bodyText.normalize('NFC');
    const pr = precisionRecall(t.bodyText!, body);
    const leaks = (t.mustNotContain ?? []).filter((s) => body.includes(s.normalize('NFC')));
    return {
      id: page.id,
      pr,
      leaks,
      title: foldWs(out.title) === foldWs(t.title),
      date: t.publishedAt === null ? null : dateOk(t.publishedAt, out.publishedAt),
      author: t.author === null ? (out.author === null ? true : false) : foldWs(out.author) === foldWs(t.author),
      lead: out.lead === undefined ? null : foldWs(out.lead) === foldWs(t.lead),
      category: out.category === undefined ? null : categoryOk(t.category, out.category),
    };
  } catch (e) {
    return { id: page.id, pr: { precision: 0, recall: 0 }, leaks: [], title: false, date: false, author: false, error: String((e as Error).message ?? e) };
  }
}

export interface Totals {
  n: number;
  precision: number;
  recall: number;
  f1: number;
  leaks: number;
  title: number;
  date: number;
  author: number;
  lead: number;
  category: number;
}

export function totals(results: PageResult[]): Totals {
  const agg = aggregate(results.map((r) => r.pr));
  const pct = (xs: (boolean | null)[]) => {
    const v = xs.filter((x): x is boolean => x !== null);
    return v.length ? v.filter(Boolean).length / v.length : NaN;
  };
  return {
    n: results.length,
    ...agg,
    leaks: results.reduce((s, r) => s + r.leaks.length, 0),
    title: pct(results.map((r) => r.title)),
    date: pct(results.map((r) => r.date)),
    author: pct(results.map((r) => r.author)),
    lead: pct(results.map((r) => r.lead ?? null)),
    category: pct(results.map((r) => r.category ?? null)),
  };
}

const mark = (b: boolean | null) => (b === null ? '·' : b ? '✓' : '✗');
const pc = (x: number, d = 1) => (Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(d)}%`);

function printRun(name: string, results: PageResult[]): Totals {
  console.log(`\n## ${name}`);
  console.log('page'.padEnd(36), 'P     R     F1    title date author lead cat  leaks');
  for (const r of results) {
    const pf = f1(r.pr.precision, r.pr.recall);
    console.log(
      r.id.padEnd(36),
      r.pr.precision.toFixed(3),
      r.pr.recall.toFixed(3),
      pf.toFixed(3),
      ' ',
      mark(r.title).padEnd(4),
      mark(r.date).padEnd(4),
      mark(r.author).padEnd(6),
      mark(r.lead ?? null).padEnd(4),
      mark(r.category ?? null).padEnd(4),
      r.leaks.length ? `LEAK: ${r.leaks.map((s) => JSON.stringify(s.slice(0, 50))).join(', ')}` : '',
      r.error ? `ERROR: ${r.error}` : '',
    );
  }
  const t = totals(results);
  console.log(
    `TOTAL ${name}: pages=${t.n} P=${t.precision.toFixed(4)} R=${t.recall.toFixed(4)} F1=${t.f1.toFixed(4)} leaks=${t.leaks} ` +
      `title=${pc(t.title)} date=${pc(t.date)} author=${pc(t.author)} lead=${pc(t.lead)} category=${pc(t.category)}`,
  );
  return t;
}

async function main(): Promise<void> {
  if (!corpusAvailable()) console.log(`Corpus not found at ${CORPUS_DIR}: scoring only tests/fixtures/extract.`);
  const all = loadPages();
  const pages = scoredPages(all);
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const sel = only.length ? pages.filter((p) => only.some((o) => p.id.includes(o))) : pages;
  if (!sel.length) {
    console.log('No scored pages found.');
    return;
  }
  const sets = [...new Set(sel.map((p) => p.set))];
  const summary: [string, Totals][] = [];
  const real = loadVnReal();
  if (!real.length) console.log(`vn-real corpus not found at ${VN_REAL_DIR}: real-page scoring skipped.`);
  const realSel = only.length ? real.filter((p) => only.some((o) => p.id.includes(o))) : real;
  sel.push(...vnRealScored(realSel));
  if (realSel.length) sets.push('vn-real');
  for (const set of sets) {
    const ps = sel.filter((p) => p.set === set);
    summary.push([`${set}: ours (site rules)`, printRun(`${set}: ours (site rules on)`, ps.map((p) => scorePage(p, ours(true))))]);
    summary.push([`${set}: ours (generic)`, printRun(`${set}: ours (generic only, rules off)`, ps.map((p) => scorePage(p, ours(false))))]);
    summary.push([`${set}: Readability`, printRun(`${set}: Mozilla Readability 0.6`, ps.map((p) => scorePage(p, readability)))]);
  }
  let detected: [number, number] | null = null;
  if (realSel.length) detected = [printDetection('vn-real', detectionResults(realSel)), realSel.length];
  console.log('\n## Summary');
  for (const [name, t] of summary) {
    console.log(
      name.padEnd(30),
      `F1=${t.f1.toFixed(4)} (P=${t.precision.toFixed(3)} R=${t.recall.toFixed(3)}) leaks=${t.leaks} title=${pc(t.title, 0)} date=${pc(t.date, 0)} author=${pc(t.author, 0)} category=${pc(t.category, 0)} n=${t.n}`,
    );
  }
  if (detected) console.log(`vn-real detection`.padEnd(30), `${detected[0]}/${detected[1]}`);
  const failed = checkVnRealFloors(summary, detected);
  await closeParser();
  if (failed) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('run-eval.ts')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
