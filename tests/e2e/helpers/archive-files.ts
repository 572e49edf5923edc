// Files and steps of the archive page's import, shared by the end-to-end tests that need an archive of some size.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildArticle } from '../../../src/core/archive/build-article';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../../helpers/sample-article';

/** `n` articles with long bodies (so that importing or exporting them takes a while) as an NDJSON file. */
export async function longArticlesFile(dir: string, o: { n: number; slug: string; title: string; body: string; month: number }): Promise<string> {
  const articles = await Promise.all(Array.from({ length: o.n }, (_, i) => buildArticle(
    sampleExtracted({ url: `https://bdt.tuyenquang.gov.vn/tin-tuc/${o.slug}-${i}.html`, title: `${o.title} ${i}`, bodyHtml: o.body, bodyText: `${o.title} ${i}.` }),
    TUYEN_QUANG_SITE, { now: new Date(Date.UTC(2026, o.month, 1, 0, 0, i)) },
  )));
  const file = join(dir, `${o.slug}.ndjson`);
  writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n'));
  return file;
}

/** Picks a file in the archive page's import input and confirms the dialog that asks about duplicates. */
export async function startImport(archive: Page, file: string): Promise<void> {
  await archive.setInputFiles('[data-testid=import-file]', file);
  await archive.waitForSelector('[data-testid=import-dialog][open]');
  await archive.click('[data-testid=import-confirm]');
}

