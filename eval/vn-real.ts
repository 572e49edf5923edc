// vn-real: real pages as the sites served them (../shared/corpus/vn-real). Scores every page that has a body
// (national articles are "save anyway" pages: the extractor must still get them right) and the detection of all pages.
import { resolve } from 'node:path';
import { detectPage } from '../src/core/detect';
import { parseHtml } from './parse-html';
import { loadPageDir, REPO_ROOT, type EvalPage } from './pages';

export const VN_REAL_DIR = resolve(REPO_ROOT, '../shared/corpus/vn-real');

export function loadVnReal(): EvalPage[] {
  return loadPageDir(VN_REAL_DIR, 'vn-real');
}

/** Pages whose body is scored: every page with a bodyText in its truth. */
export function vnRealScored(pages: EvalPage[]): EvalPage[] {
  return pages.filter((p) => typeof p.truth.bodyText === 'string' && p.truth.bodyText.length > 0);
}

/** The corpus names a newspaper's home page a listing; detection's 'home' is the same decision (not an article). */
const sameKind = (truth: string, got: string) => truth === got || (truth === 'listing' && got === 'home');

export interface DetectionResult { id: string; ok: boolean; got: string; want: string; reasons: string }

export function detectionResults(pages: EvalPage[]): DetectionResult[] {
  return pages.map((p) => {
    const d = detectPage(parseHtml(p.html, p.truth.url), p.truth.url);
    // A page with a body in its truth is an article, whatever the site: its page kind must say so too.
    const isArticle = typeof p.truth.bodyText === 'string' && p.truth.bodyText.length > 0;
    const ok = d.isProvincialNewsArticle === p.truth.isProvincialNewsArticle && sameKind(p.truth.kind, d.kind) && (d.pageKind === 'article') === isArticle;
    return {
      id: p.id,
      ok,
      got: `${d.isProvincialNewsArticle ? 'provincial ' : ''}${d.kind}/${d.pageKind}`,
      want: `${p.truth.isProvincialNewsArticle ? 'provincial ' : ''}${p.truth.kind}`,
      reasons: d.reasons.join('; '),
    };
  });
}

export function printDetection(name: string, results: DetectionResult[]): number {
  console.log(`\n## ${name}: detection`);
  for (const r of results) console.log(r.id.padEnd(36), r.ok ? '✓' : '✗', `got ${r.got}`.padEnd(34), `want ${r.want}`, r.ok ? '' : `(${r.reasons})`);
  const ok = results.filter((r) => r.ok).length;
  console.log(`TOTAL ${name} detection: ${ok}/${results.length}`);
  return ok;
}
