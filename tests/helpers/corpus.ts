import { CORPUS_DIR, corpusAvailable, loadPageDir, type Truth } from '../../eval/pages';

/** The team's shared corpus lives beside the repo and is never copied into it. */
export { CORPUS_DIR };
export type { Truth };
export const corpusPresent = corpusAvailable();
export const CORPUS_SKIP_MESSAGE = `shared corpus not found at ${CORPUS_DIR}: corpus tests skipped`;

export interface CorpusPage { id: string; dir: string; html: string; truth: Truth }

export function loadCorpus(): CorpusPage[] {
  return loadPageDir(CORPUS_DIR, 'corpus').map(({ id, dir, html, truth }) => ({ id, dir, html, truth }));
}
