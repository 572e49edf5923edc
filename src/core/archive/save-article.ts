import type { Article, ExtractedArticle, SiteInfo } from '../types';
import type { ArchiveDb } from './db';
import { buildArticle, toVietnamIso, type Provenance } from './build-article';
import { cleanTags, deleteMany } from './organize';
import { writeArchive, type ArchiveReader, type ArchiveWriter } from './store';

type SaveMode = 'if-new' | 'update';

export type SaveResult =
  | { status: 'created'; article: Article }
  | { status: 'duplicate'; article: Article }
  | { status: 'updated'; article: Article }
  | { status: 'unchanged'; article: Article };

export async function findArchivedByUrl(db: Pick<ArchiveReader, 'articles'>, url: string, canonicalUrl?: string): Promise<Article | undefined> {
  const keys = [...new Set([url, canonicalUrl].filter((u): u is string => !!u))];
  return (
    (await db.articles.where('canonicalUrl').anyOf(keys).first()) ??
    (await db.articles.where('url').anyOf(keys).first())
  );
}

/**
 * Saves one extracted article. The same URL (or canonical URL) is stored once: with mode 'if-new' a second
 * save reports the archived copy; with 'update' it replaces the content and keeps id, tags, note and first capture time.
 * Runs in one store transaction, so a failure (a full disk) leaves the archive as it was.
 */
export async function saveArticle(
  db: ArchiveDb,
  extracted: ExtractedArticle,
  site: SiteInfo | null,
  options: { mode?: SaveMode; now?: Date; tags?: string[]; note?: string; provenance?: Provenance } = {},
): Promise<SaveResult> {
  const mode = options.mode ?? 'if-new';
  const fresh = await buildArticle(extracted, site, { now: options.now, tags: cleanTags(options.tags ?? []), note: options.note ?? '', provenance: options.provenance });
  return writeArchive(db, async (w): Promise<SaveResult> => {
    const existing = await findArchivedByUrl(w.read, extracted.url, extracted.canonicalUrl);
    if (!existing) {
      await w.addArticle(fresh);
      return { status: 'created', article: fresh };
    }
    if (mode === 'if-new') return { status: 'duplicate', article: existing };
    if (existing.contentHash === fresh.contentHash) return { status: 'unchanged', article: existing };
    return { status: 'updated', article: await replaceContent(w, existing, fresh, toVietnamIso(options.now ?? new Date())) };
  });
}

/**
 * Writes `fresh` content over `existing` (same id, tags merged, note and first capture time kept) and keeps the
 * replaced content as an earlier version: what a portal changed or took down is history. Used by a save in 'update'
 * mode and by a re-check that found the page changed.
 */
export async function replaceContent(w: ArchiveWriter, existing: Article, fresh: Article, now: string): Promise<Article> {
  const updated: Article = {
    ...fresh,
    id: existing.id,
    tags: cleanTags([...existing.tags, ...fresh.tags]),
    note: fresh.note || existing.note,
    capturedAt: existing.capturedAt,
    updatedAt: now,
  };
  await w.addVersions([{ articleId: existing.id, replacedAt: now, article: existing }]);
  await w.putArticle(updated);
  return updated;
}

/** Removes an article, its earlier versions and its index entries in one transaction. False when it was not there. */
export async function deleteArticle(db: ArchiveDb, id: string): Promise<boolean> {
  return (await deleteMany(db, [id])).articles.length > 0;
}

/** Newest capture first. */
export async function listArticles(db: ArchiveDb, options: { offset?: number; limit?: number } = {}): Promise<Article[]> {
  return db.articles.orderBy('capturedAt').reverse().offset(options.offset ?? 0).limit(options.limit ?? 200).toArray();
}
