// Shape checks for articles that come from outside (import files, backups): every problem named by its field.
// The shape itself is declared once in core/shapes/article.ts; this turns its verdict into sentences.
import * as v from 'valibot';
import { ArticleImageSchema, ARTICLE_ENTRIES, ExportedArticleSchema, ExtractorSchema, SiteInfoSchema } from '../shapes/article';
import { sentences } from '../shapes/wording';
import type { Article } from '../types';

/** Returns the problems with `v` as an Article (empty when it is one); one sentence per broken field. */
export function articleProblems(value: unknown): string[] {
  const result = v.safeParse(ExportedArticleSchema, value, { abortPipeEarly: true });
  return result.success ? [] : sentences(result.issues);
}

const KNOWN_KEYS = Object.keys(ARTICLE_ENTRIES) as (keyof Article)[];
const SITE_KEYS = Object.keys(SiteInfoSchema.entries);
const IMAGE_KEYS = Object.keys(ArticleImageSchema.entries);
const EXTRACTOR_KEYS = Object.keys(ExtractorSchema.entries);

function pick(src: Record<string, unknown>, keys: readonly string[], orNull = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (src[k] !== undefined || orNull) out[k] = src[k] ?? null;
  return out;
}

/**
 * A validated article with only the declared fields, in the declared order: nothing unknown rides into the
 * archive, and exports of the same archive are byte-identical however the rows were stored.
 */
export function pickArticle(value: Record<string, unknown> | Article): Article {
  const src = value as unknown as Record<string, unknown>;
  const out = pick(src, KNOWN_KEYS);
  out.site = pick(src.site as Record<string, unknown>, SITE_KEYS);
  out.images = (src.images as Array<Record<string, unknown>>).map((i) => pick(i, IMAGE_KEYS, true));
  out.extractor = pick(src.extractor as Record<string, unknown>, EXTRACTOR_KEYS);
  return out as unknown as Article;
}
