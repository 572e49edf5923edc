// Exports as a sequence of text chunks, read from the archive a page at a time, so memory does not grow with the
// archive: the page turns the chunks into a Blob (which browsers may keep on disk) or a file stream.
import type { Article } from '../types';
import type { ArchiveDb } from './db';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFilter } from './export-json';
import { toVietnamIso } from './build-article';
import { csvHeader, csvRow } from './formats/csv';
import { toCslItem } from './formats/csl-json';
import { pickArticle } from './validate-article';

export type ExportFormat = 'json' | 'ndjson' | 'csv' | 'csl-json';

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { json: 'json', ndjson: 'ndjson', csv: 'csv', 'csl-json': 'csl.json' };
export const EXPORT_MIME: Record<ExportFormat, string> = {
  json: 'application/json', ndjson: 'application/x-ndjson', csv: 'text/csv;charset=utf-8', 'csl-json': 'application/vnd.citationstyles.csl+json',
};

export interface ExportProgress { done: number; total: number }

const PAGE = 500;

/**
 * Articles matching the filter, oldest capture first, a page at a time. Keyset paging on capturedAt with plain
 * range reads (one getAll each; offset() would force a slow cursor walk): a page ending inside a run of equal
 * capture times is completed with the rest of that run, which the index keeps in primary-key order.
 */
export async function* articlesForExport(db: ArchiveDb, filter: ExportFilter | null): AsyncGenerator<Article[]> {
  if (filter?.ids) {
    for (let i = 0; i < filter.ids.length; i += PAGE) {
      const page = (await db.articles.bulkGet(filter.ids.slice(i, i + PAGE))).filter((a): a is Article => !!a);
      if (page.length) yield page;
    }
    return;
  }
  const province = filter?.province;
  const wanted = (page: Article[]) => (province ? page.filter((a) => a.site.province === province) : page);
  let after: string | null = null;
  for (;;) {
    const page: Article[] = await (after === null ? db.articles.orderBy('capturedAt') : db.articles.where('capturedAt').above(after)).limit(PAGE).toArray();
    if (!page.length) return;
    const last = page[page.length - 1];
    after = last.capturedAt;
    if (page.length < PAGE) {
      if (wanted(page).length) yield wanted(page);
      return;
    }
    // The page may end inside a run of equal capture times: give the rest of that run before moving past it.
    const inPage = page.filter((a) => a.capturedAt === last.capturedAt).length;
    const runLength = await db.articles.where('capturedAt').equals(last.capturedAt).count();
    if (runLength - inPage <= PAGE) {
      if (runLength > inPage) page.push(...(await db.articles.where('capturedAt').equals(last.capturedAt).offset(inPage).toArray()));
      if (wanted(page).length) yield wanted(page);
      continue;
    }
    if (wanted(page).length) yield wanted(page);
    for (let done = inPage; done < runLength; done += PAGE) {
      const slice = await db.articles.where('capturedAt').equals(last.capturedAt).offset(done).limit(PAGE).toArray();
      if (wanted(slice).length) yield wanted(slice);
    }
  }
}

export async function countForExport(db: ArchiveDb, filter: ExportFilter | null): Promise<number> {
  if (filter?.ids) return db.articles.where(':id').anyOf(filter.ids).count();
  if (filter?.province) return db.articles.where('site.province').equals(filter.province).count();
  return db.articles.count();
}

/**
 * Yields the export file as text chunks. `onProgress` after every page; `signal` cancels between pages.
 * JSON keeps the documented single-object format, with `articles` written one page at a time.
 */
export async function* exportChunks(
  db: ArchiveDb,
  options: { format: ExportFormat; filter?: ExportFilter | null; generator: string; now?: Date; signal?: AbortSignal; onProgress?: (p: ExportProgress) => void },
): AsyncGenerator<string> {
  const filter = options.filter ?? null;
  const total = await countForExport(db, filter);
  let done = 0;
  const exportedAt = toVietnamIso(options.now ?? new Date());
  if (options.format === 'json') {
    // `count` is written after the articles: it is the number actually written, even if the archive changed meanwhile.
    const head = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, generator: options.generator, filter };
    yield `${JSON.stringify(head).slice(0, -1)},"articles":[`;
  } else if (options.format === 'csv') yield csvHeader();
  else if (options.format === 'csl-json') yield '[';
  for await (const page of articlesForExport(db, filter)) {
    if (options.signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
    const parts: string[] = [];
    for (const a of page) {
      const listSep = done > 0 ? ',\n' : '\n';
      if (options.format === 'json') parts.push(listSep + JSON.stringify(pickArticle(a)));
      else if (options.format === 'csl-json') parts.push(listSep + JSON.stringify(toCslItem(a)));
      else if (options.format === 'ndjson') parts.push(`${JSON.stringify(pickArticle(a))}\n`);
      else parts.push(csvRow(a));
      done++;
    }
    yield parts.join('');
    options.onProgress?.({ done, total });
  }
  if (options.format === 'json') yield `\n],"count":${done}}\n`;
  else if (options.format === 'csl-json') yield '\n]\n';
}
