// Exports as a sequence of text parts, read from the archive a page at a time, so memory does not grow with the
// archive: the archive page turns each page's parts into a Blob (which browsers may keep on disk) or a file stream.
import type { Article } from '../types';
import type { ArchiveDb } from './db';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFilter } from './export-json';
import { toVietnamIso } from './build-article';
import { csvHeader, csvRow } from './formats/csv';
import { toCslItem } from './formats/csl-json';
import { pickArticle } from './validate-article';
import type { ExportedArticle } from '../shapes/article';
import type { ExportFile } from '../shapes/export-file';
import { collectionNamesByArticle } from './collections';
import { formerProvinceNamed, siteInProvince } from '../detect/province-of-time';

export type ExportFormat = 'json' | 'ndjson' | 'csv' | 'csl-json';

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { json: 'json', ndjson: 'ndjson', csv: 'csv', 'csl-json': 'csl.json' };
export const EXPORT_MIME: Record<ExportFormat, string> = {
  json: 'application/json', ndjson: 'application/x-ndjson', csv: 'text/csv;charset=utf-8', 'csl-json': 'application/vnd.citationstyles.csl+json',
};

interface ExportProgress { done: number; total: number }

/** Articles read at a time: big enough that each read's fixed cost is small, small enough to keep the heap low. */
const EXPORT_PAGE = 250;

interface ExportPaging {
  /** Articles per read (tests use small pages to cross page edges cheaply). */
  pageSize?: number;
  /** Read the next page while the caller works on this one (default true). */
  readAhead?: boolean;
}

/** Where the next page starts in capturedAt order: at (or after) a capture time, or inside a long run of one. */
type PageStart = { run?: undefined; key: string | null; inclusive: boolean } | { run: string; offset: number };

function readPage(db: ArchiveDb, at: PageStart, size: number): Promise<Article[]> {
  if (at.run !== undefined) return db.articles.where('capturedAt').equals(at.run).offset(at.offset).limit(size).toArray();
  if (at.key === null) return db.articles.orderBy('capturedAt').limit(size).toArray();
  const from = db.articles.where('capturedAt');
  return (at.inclusive ? from.aboveOrEqual(at.key) : from.above(at.key)).limit(size).toArray();
}

/** Starts a read now; if the caller stops before awaiting it, its failure is not reported as unhandled. */
function started<T>(read: () => Promise<T>): Promise<T> {
  const pending = read();
  pending.catch(() => undefined);
  return pending;
}

/**
 * Articles matching the filter, oldest capture first (ties in primary-key order, as the index keeps them), a page
 * at a time, the next page read while the caller works on this one. Keyset paging on capturedAt with plain range
 * reads (one getAll each; offset() would force a slow cursor walk): a full page that ends inside a run of equal
 * capture times gives the articles before that run, and the next page starts at the run, so no page needs a count;
 * only a run longer than a page is walked with offsets.
 */
export async function* articlesForExport(db: ArchiveDb, filter: ExportFilter | null, paging: ExportPaging = {}): AsyncGenerator<Article[]> {
  const size = Math.max(1, paging.pageSize ?? EXPORT_PAGE);
  const ahead = paging.readAhead ?? true;
  if (filter?.ids) {
    const ids = filter.ids;
    const read = (i: number) => async () => (await db.articles.bulkGet(ids.slice(i, i + size))).filter((a): a is Article => !!a);
    for (let i = 0, next = ahead ? started(read(0)) : null; i < ids.length; i += size) {
      const page: Article[] = await (next ?? read(i)());
      next = ahead && i + size < ids.length ? started(read(i + size)) : null;
      if (page.length) yield page;
    }
    return;
  }
  const province = filter?.province;
  let at: PageStart | null = { key: null, inclusive: true };
  let next: Promise<Article[]> | null = null;
  while (at) {
    let page: Article[] = await (next ?? readPage(db, at, size));
    let after: PageStart | null = null;
    if (at.run !== undefined) after = page.length < size ? { key: at.run, inclusive: false } : { run: at.run, offset: at.offset + size };
    else if (page.length === size) {
      const last = page[size - 1].capturedAt;
      let runStart = size - 1;
      while (runStart > 0 && page[runStart - 1].capturedAt === last) runStart--;
      if (runStart === 0) after = { run: last, offset: size };
      else {
        // The run of `last` may go on past this page: it starts the next page instead.
        page = page.slice(0, runStart);
        after = { key: last, inclusive: true };
      }
    }
    at = after;
    const from = after;
    next = ahead && from ? started(() => readPage(db, from, size)) : null;
    if (province) page = page.filter((a) => siteInProvince(a.site, province));
    if (page.length) yield page;
  }
}

export async function countForExport(db: ArchiveDb, filter: ExportFilter | null): Promise<number> {
  if (filter?.ids) return db.articles.where(':id').anyOf(filter.ids).count();
  if (filter?.province) {
    const former = formerProvinceNamed(filter.province);
    if (!former) return db.articles.where('site.province').equals(filter.province).count();
    const name = former.former;
    return db.articles.where('site.province').anyOf([former.current, former.former]).filter((a) => siteInProvince(a.site, name)).count();
  }
  return db.articles.count();
}

interface ExportOptions extends ExportPaging {
  format: ExportFormat;
  filter?: ExportFilter | null;
  generator: string;
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
}

/**
 * Yields the export file as lists of text parts, one list per page (`new Blob(parts)` takes them without joining
 * them first). `onProgress` after every page; `signal` cancels between pages. JSON keeps the documented
 * single-object format, with `articles` written one page at a time.
 */
export async function* exportParts(db: ArchiveDb, options: ExportOptions): AsyncGenerator<string[]> {
  const filter = options.filter ?? null;
  const total = await countForExport(db, filter);
  let done = 0;
  const exportedAt = toVietnamIso(options.now ?? new Date());
  const { format } = options;
  if (format === 'json') {
    // `count` is written after the articles: it is the number actually written, even if the archive changed meanwhile.
    const head: Omit<ExportFile, 'articles' | 'count'> = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, generator: options.generator, filter };
    yield [`${JSON.stringify(head).slice(0, -1)},"articles":[`];
  } else if (format === 'csv') yield [csvHeader()];
  else if (format === 'csl-json') yield ['['];
  // Our own formats say which named collections each article is in, so an import elsewhere can gather them again
  // (and a spreadsheet shows them).
  const memberOf = format === 'csl-json' ? null : await collectionNamesByArticle(db);
  const asExported = memberOf?.size ? (a: Article) => {
    const out: ExportedArticle = pickArticle(a);
    const names = memberOf.get(a.id);
    if (names) out.collections = names;
    return out;
  } : pickArticle;
  for await (const page of articlesForExport(db, filter, options)) {
    if (options.signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
    const parts = new Array<string>(page.length);
    for (let i = 0; i < page.length; i++) {
      const a = page[i];
      const listSep = done > 0 ? ',\n' : '\n';
      if (format === 'json') parts[i] = listSep + JSON.stringify(asExported(a));
      else if (format === 'ndjson') parts[i] = `${JSON.stringify(asExported(a))}\n`;
      else if (format === 'csl-json') parts[i] = listSep + JSON.stringify(toCslItem(a));
      else parts[i] = csvRow(a, memberOf?.get(a.id));
      done++;
    }
    yield parts;
    options.onProgress?.({ done, total });
  }
  if (format === 'json') yield [`\n],"count":${done}}\n`];
  else if (format === 'csl-json') yield ['\n]\n'];
}

/** The same file as text chunks, one a page. */
export async function* exportChunks(db: ArchiveDb, options: ExportOptions): AsyncGenerator<string> {
  for await (const parts of exportParts(db, options)) yield parts.join('');
}
