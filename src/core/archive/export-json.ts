import type { Article } from '../types';
import type { ArchiveDb } from './db';
import { toVietnamIso } from './build-article';

export const EXPORT_FORMAT = 'provincial-news-archive';
export const EXPORT_VERSION = 1;

export interface ExportFilter {
  ids?: string[];
  province?: string;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  generator: string;
  filter: ExportFilter | null;
  count: number;
  articles: Article[];
}

export async function collectExport(
  db: ArchiveDb,
  options: { filter?: ExportFilter | null; generator: string; now?: Date },
): Promise<ExportFile> {
  const filter = options.filter ?? null;
  let articles: Article[];
  if (filter?.ids) articles = (await db.articles.bulkGet(filter.ids)).filter((a): a is Article => !!a);
  else if (filter?.province) articles = await db.articles.where('site.province').equals(filter.province).toArray();
  else articles = await db.articles.orderBy('capturedAt').toArray();
  articles.sort((a, b) => (a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : a.id < b.id ? -1 : 1));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: toVietnamIso(options.now ?? new Date()),
    generator: options.generator,
    filter,
    count: articles.length,
    articles,
  };
}

/** "archive-2026-11-28.json", or "archive-tuyen-quang-2026-11-28.json" for one province. */
export function exportFileName(file: Pick<ExportFile, 'exportedAt' | 'filter'>): string {
  const day = file.exportedAt.slice(0, 10);
  const province = file.filter?.province
    ?.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `archive-${province ? `${province}-` : ''}${file.filter?.ids ? 'selection-' : ''}${day}.json`;
}
