// The export file ("provincial-news-archive", JSON), declared once: its TypeScript types and
// schemas/export.schema.json (scripts/write-schemas.ts) derive from this.
import * as v from 'valibot';
import { ExportedArticleSchema } from './article';

export const EXPORT_FORMAT = 'provincial-news-archive';
export const EXPORT_VERSION = 1;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/;

const ExportFilterSchema = v.strictObject({
  ids: v.optional(v.array(v.string())),
  province: v.optional(v.string()),
  /** The search (text and filters, as in the archive page's URL) whose results `ids` are. */
  query: v.optional(v.string()),
  /** The named collection whose articles `ids` are. */
  collection: v.optional(v.string()),
});

/** Keys in the order the exporter writes them (`count` last in the file, after the articles it counts). */
export const ExportFileSchema = v.pipe(v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.pipe(v.string(), v.regex(ISO_DATE_TIME)),
  generator: v.pipe(v.string(), v.minLength(1)),
  filter: v.nullable(ExportFilterSchema),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  articles: v.array(ExportedArticleSchema),
}), v.title('Provincial News Archiver export file'));

export type ExportFilter = v.InferOutput<typeof ExportFilterSchema>;
export type ExportFile = v.InferOutput<typeof ExportFileSchema>;
