// The export file's format, version and filter are declared in core/shapes/export-file.ts.
import type { ExportFilter } from '../shapes/export-file';
export { EXPORT_FORMAT, EXPORT_VERSION, type ExportFilter } from '../shapes/export-file';

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** "archive-2026-11-28.json", "archive-tuyen-quang-2026-11-28.csv", "archive-selection-2026-11-28.ndjson", "archive-cai-cach-2026-11-28.json" (a collection). */
export function exportFileName(exportedAt: string, filter: ExportFilter | null, extension = 'json'): string {
  const what = filter?.province ? `${slug(filter.province)}-` : filter?.collection && slug(filter.collection) ? `${slug(filter.collection)}-` : filter?.ids ? 'selection-' : '';
  return `archive-${what}${exportedAt.slice(0, 10)}.${extension}`;
}
