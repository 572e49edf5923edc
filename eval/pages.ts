// Loads the evaluation pages: ../shared/corpus/vn/* and tests/fixtures/extract/*.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A page's truth.json (see ../shared/corpus/vn/README.md). */
export interface Truth {
  url: string;
  isProvincialNewsArticle: boolean;
  province: string | null;
  site: string;
  kind: string;
  title: string | null;
  category: string | null;
  publishedAt: string | null;
  author: string | null;
  lead: string | null;
  bodyText: string | null;
  mustNotContain: string[];
  [k: string]: unknown;
}

export interface EvalPage {
  id: string;
  set: 'corpus' | 'fixtures' | 'vn-real';
  /** The page's folder (page.html and truth.json). */
  dir: string;
  html: string;
  truth: Truth;
}

export const REPO_ROOT = resolve(import.meta.dirname, '..');
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus/vn');
export const FIXTURE_DIR = resolve(REPO_ROOT, 'tests/fixtures/extract');

/** Every `<id>/page.html` + `<id>/truth.json` below `dir`, sorted by id; none when `dir` is absent. */
export function loadPageDir(dir: string, set: EvalPage['set']): EvalPage[] {
  if (!existsSync(dir)) return [];
  const out: EvalPage[] = [];
  for (const name of readdirSync(dir).sort()) {
    const d = join(dir, name);
    if (!statSync(d).isDirectory()) continue;
    const pageFile = join(d, 'page.html');
    const truthFile = join(d, 'truth.json');
    if (!existsSync(pageFile) || !existsSync(truthFile)) continue;
    out.push({ id: name, set, dir: d, html: readFileSync(pageFile, 'utf8'), truth: JSON.parse(readFileSync(truthFile, 'utf8')) });
  }
  return out;
}

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR);
}

export function loadPages(): EvalPage[] {
  return [...loadPageDir(CORPUS_DIR, 'corpus'), ...loadPageDir(FIXTURE_DIR, 'fixtures')];
}

/** Pages that are scored: provincial news articles with a bodyText. */
export function scoredPages(pages = loadPages()): EvalPage[] {
  return pages.filter((p) => p.truth.isProvincialNewsArticle && typeof p.truth.bodyText === 'string' && p.truth.bodyText.length > 0);
}
