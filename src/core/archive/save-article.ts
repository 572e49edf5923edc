import type { Article, ExtractedArticle, SiteInfo } from '../types';
import type { ArchiveDb } from './db';
import { buildArticle, toVietnamIso, type Provenance } from './build-article';
import { toArchiveError } from './errors';
import { cleanTags, deleteMany } from './organize';
import { SEARCH_TABLES } from '../search/schema';
import { indexArticleInTx, maybeFlushSearchIndex } from '../search/index-writer';

export type SaveMode = 'if-new' | 'update';

export type SaveResult =
  | { status: 'created'; article: Article }
  | { status: 'duplicate'; article: Article }
  | { status: 'updated'; article: Article }
  | { status: 'unchanged'; article: Article };

export async function findArchivedByUrl(db: ArchiveDb, url: string, canonicalUrl?: string): Promise<Article | undefined> {
  const keys = [...new Set([url, canonicalUrl].filter((u): u is string => !!u))];
  return (
    (await db.articles.where('canonicalUrl').anyOf(keys).first()) ??
    (await db.articles.where('url').anyOf(keys).first())
  );
}

/**
 * Saves one extracted article. The same URL (or canonical URL) is stored once: with mode 'if-new' a second
 * save reports the archived copy; with 'update' it replaces the content and keeps id, tags, note and first capture time.
 * Runs in one transaction, so a failure (a full disk) leaves the archive as it was.
 */
export async function saveArticle(
  db: ArchiveDb,
  extracted: ExtractedArticle,
  site: SiteInfo | null,
  options: { mode?: SaveMode; now?: Date; tags?: string[]; note?: string; provenance?: Provenance } = {},
): Promise<SaveResult> {
  const mode = options.mode ?? 'if-new';
  const fresh = await buildArticle(extracted, site, { now: options.now, tags: cleanTags(options.tags ?? []), note: options.note ?? '', provenance: options.provenance });
  let pending = 0;
  try {
    const result = await db.transaction('rw', ['articles', 'versions', ...SEARCH_TABLES], async (): Promise<SaveResult> => {
      const existing = await findArchivedByUrl(db, extracted.url, extracted.canonicalUrl);
      if (!existing) {
        await db.articles.add(fresh);
        pending = await indexArticleInTx(db, fresh);
        return { status: 'created', article: fresh };
      }
      if (mode === 'if-new') return { status: 'duplicate', article: existing };
      if (existing.contentHash === fresh.contentHash) return { status: 'unchanged', article: existing };
      const now = toVietnamIso(options.now ?? new Date());
      const updated: Article = {
        ...fresh,
        id: existing.id,
        tags: cleanTags([...existing.tags, ...fresh.tags]),
        note: fresh.note || existing.note,
        capturedAt: existing.capturedAt,
        updatedAt: now,
      };
      // The replaced content is kept as an earlier version: what a portal changed or took down is history.
      await db.versions.add({ articleId: existing.id, replacedAt: now, article: existing });
      await db.articles.put(updated);
      pending = await indexArticleInTx(db, updated);
      return { status: 'updated', article: updated };
    });
    maybeFlushSearchIndex(db, pending);
    return result;
  } catch (error) {
    throw toArchiveError(error);
  }
}

/** Removes an article, its earlier versions and its index entries in one transaction. False when it was not there. */
export async function deleteArticle(db: ArchiveDb, id: string): Promise<boolean> {
  return (await deleteMany(db, [id])).articles.length > 0;
}

/** Newest capture first. */
export async function listArticles(db: ArchiveDb, options: { offset?: number; limit?: number } = {}): Promise<Article[]> {
  return db.articles.orderBy('capturedAt').reverse().offset(options.offset ?? 0).limit(options.limit ?? 200).toArray();
}
