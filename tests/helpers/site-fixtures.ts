import { resolve } from 'node:path';
import { loadPageDir } from '../../eval/pages';
import type { CorpusPage } from './corpus';

/** The project's own pages (tests/fixtures/site): an article, a listing, a home page and a contact page of one portal. */
export const SITE_FIXTURE_DIR = resolve(import.meta.dirname, '../fixtures/site');

export function loadSitePages(): CorpusPage[] {
  return loadPageDir(SITE_FIXTURE_DIR, 'fixtures').map(({ id, dir, html, truth }) => ({ id, dir, html, truth }));
}

export function sitePage(prefix: string): CorpusPage {
  const page = loadSitePages().find((p) => p.id.startsWith(prefix));
  if (!page) throw new Error(`no site fixture ${prefix}`);
  return page;
}

/** The project's own pages for the end-to-end suites: the site fixtures and the extractor's article fixtures. */
export function loadOwnPages(): CorpusPage[] {
  const extract = loadPageDir(resolve(import.meta.dirname, '../fixtures/extract'), 'fixtures');
  return [...loadSitePages(), ...extract.map(({ id, dir, html, truth }) => ({ id, dir, html, truth }))];
}

export function ownPage(prefix: string): CorpusPage {
  const page = loadOwnPages().find((p) => p.id.startsWith(prefix));
  if (!page) throw new Error(`no fixture ${prefix}`);
  return page;
}
