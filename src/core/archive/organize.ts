// Tags, notes and bulk changes. Tags live on the article and are filter terms of the search index, so every tag
// change goes through here (or another path that re-indexes the article); deletions go with their index rows.
import type { Article } from '../types';
import type { ArchiveDb, VersionRow } from './db';
import { SEARCH_TABLES } from '../search/schema';
import { indexArticleInTx, indexArticlesInTx, maybeFlushSearchIndex, unindexArticlesInTx } from '../search/index-writer';
import { toArchiveError } from './errors';
import { tagIdentity } from '../text/normalize';
import { releaseFromJournals } from './import-journal';

const MAX_TAG = 100;

/** Trimmed, NFC, de-duplicated case-insensitively, in the order given; empty ones dropped. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_TAG);
    const key = tagIdentity(tag);
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** "cải cách, hội nghị;  Tuyên Quang" → ["cải cách", "hội nghị", "Tuyên Quang"]. */
export function parseTagInput(text: string): string[] {
  return cleanTags(text.split(/[,;\n]/));
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toArchiveError(error);
  }
}

/** Tags are filter terms of the search index: an article whose tags change is indexed again with them. */
export async function setTags(db: ArchiveDb, id: string, tags: readonly string[]): Promise<number> {
  let queued = 0;
  const changed = await guarded(() => db.transaction('rw', ['articles', 'settings', ...SEARCH_TABLES], async () => {
    const article = await db.articles.get(id);
    if (!article) return 0;
    await releaseFromJournals(db, [id]);
    const updated = { ...article, tags: cleanTags(tags) };
    await db.articles.put(updated);
    queued = await indexArticleInTx(db, updated);
    return 1;
  }));
  maybeFlushSearchIndex(db, queued);
  return changed;
}

export function setNote(db: ArchiveDb, id: string, note: string): Promise<number> {
  return guarded(() => db.transaction('rw', ['articles', 'settings'], async () => {
    const changed = await db.articles.update(id, { note: note.normalize('NFC').slice(0, 100_000) });
    if (changed) await releaseFromJournals(db, [id]);
    return changed;
  }));
}

/** Adds (or with remove: true, takes away) one tag on many articles in one transaction. */
export function tagMany(db: ArchiveDb, ids: readonly string[], tag: string, options: { remove?: boolean } = {}): Promise<number> {
  const [clean] = cleanTags([tag]);
  if (!clean) return Promise.resolve(0);
  const key = tagIdentity(clean);
  return guarded(() => db.transaction('rw', ['articles', 'settings', ...SEARCH_TABLES], async () => {
    const changed: Article[] = [];
    for (const article of (await db.articles.bulkGet([...ids])).filter((a): a is Article => !!a)) {
      const has = article.tags.some((t) => tagIdentity(t) === key);
      if (options.remove ? !has : has) continue;
      changed.push({ ...article, tags: options.remove ? article.tags.filter((t) => tagIdentity(t) !== key) : [...article.tags, clean] });
    }
    await releaseFromJournals(db, changed.map((a) => a.id));
    await db.articles.bulkPut(changed);
    // Tags are filter terms of the search index: the changed articles are indexed again, as one segment.
    await indexArticlesInTx(db, changed);
    return changed.length;
  }));
}

/** What a deletion took away, kept so that it can be undone. */
export interface Deleted {
  articles: Article[];
  versions: VersionRow[];
}

/** Deletes articles with their earlier versions and index rows, in one transaction. */
export function deleteMany(db: ArchiveDb, ids: readonly string[]): Promise<Deleted> {
  return guarded(() => db.transaction('rw', ['articles', 'versions', 'settings', ...SEARCH_TABLES], async () => {
    const articles = (await db.articles.bulkGet([...ids])).filter((a): a is Article => !!a);
    const gone = articles.map((a) => a.id);
    // Deleted by the user: an import's undo must not bring them back.
    await releaseFromJournals(db, gone);
    const versions = await db.versions.where('articleId').anyOf(gone).toArray();
    await db.articles.bulkDelete(gone);
    await db.versions.bulkDelete(versions.map((v) => v.seq!));
    await unindexArticlesInTx(db, [...ids]);
    return { articles, versions };
  }));
}

/** Puts deleted articles and their versions back (undo), searchable again. */
export function restoreArticles(db: ArchiveDb, deleted: Deleted): Promise<void> {
  return guarded(() => db.transaction('rw', ['articles', 'versions', ...SEARCH_TABLES], async () => {
    await db.articles.bulkPut(deleted.articles);
    await db.versions.bulkPut(deleted.versions);
    await indexArticlesInTx(db, deleted.articles);
  }));
}

/** Earlier versions of an article, the most recently replaced first. */
export async function versionsOf(db: ArchiveDb, id: string): Promise<VersionRow[]> {
  const rows = await db.versions.where('articleId').equals(id).toArray();
  return rows.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
}
