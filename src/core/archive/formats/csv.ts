import type { Article } from '../../types';
import { articleProvince, provinceLabelVi } from '../../detect/province-of-time';

/** Excel reads UTF-8 (and so Vietnamese) only when the file starts with a byte-order mark. */
export const CSV_BOM = '\uFEFF';

const CSV_COLUMNS = [
  'id', 'url', 'title', 'site', 'host', 'province', 'provinceLabel', 'category', 'author', 'source', 'publishedAt', 'capturedAt',
  'updatedAt', 'tags', 'collections', 'note', 'wordCount', 'lead', 'bodyText',
] as const;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  // RFC 4180 quoting; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return `${CSV_BOM}${CSV_COLUMNS.join(',')}\r\n`;
}

/** `collections`: the names of the collections the article is in. */
export function csvRow(a: Article, collections: readonly string[] = []): string {
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    id: a.id, url: a.url, title: a.title, site: a.site.name, host: a.site.host, province: a.site.province,
    provinceLabel: provinceLabelVi(articleProvince(a.site, a.publishedAt)),
    category: a.category, author: a.author, source: a.source ?? null, publishedAt: a.publishedAt, capturedAt: a.capturedAt,
    updatedAt: a.updatedAt, tags: a.tags.join('; '), collections: collections.join('; '), note: a.note, wordCount: a.wordCount, lead: a.lead, bodyText: a.bodyText,
  };
  return `${CSV_COLUMNS.map((c) => cell(values[c])).join(',')}\r\n`;
}
