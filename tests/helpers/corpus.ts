import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The team's shared corpus lives beside the repo and is never copied into it. */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../../shared/corpus/vn');
export const corpusPresent = existsSync(CORPUS_DIR);
export const CORPUS_SKIP_MESSAGE = `shared corpus not found at ${CORPUS_DIR}: corpus tests skipped`;

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
}

export interface CorpusPage { id: string; dir: string; html: string; truth: Truth }

export function loadCorpus(): CorpusPage[] {
  if (!corpusPresent) return [];
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(resolve(CORPUS_DIR, d.name, 'truth.json')))
    .map((d) => {
      const dir = resolve(CORPUS_DIR, d.name);
      return {
        id: d.name,
        dir,
        html: readFileSync(resolve(dir, 'page.html'), 'utf8'),
        truth: JSON.parse(readFileSync(resolve(dir, 'truth.json'), 'utf8')) as Truth,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
