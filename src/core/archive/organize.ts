// Tags, notes and bulk changes. Tags live on the article (multi-entry index); deletions go with their index rows.
import type { Article } from '../types';
import type { ArchiveDb, VersionRow } from './db';
import { SEARCH_TABLES } from '../search/schema';
import { indexArticlesInTx, unindexArticlesInTx } from '../search/index-writer';
import { toArchiveError } from './errors';

const MAX_TAG = 100;

/** Trimmed, NFC, de-duplicated case-insensitively, in the order given; empty ones dropped. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_TAG);
    const key = tag.toLocaleLowerCase('vi');
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

export function setTags(db: ArchiveDb, id: string, tags: readonly string[]): Promise<number> {
  return guarded(() => db.articles.update(id, { tags: cleanTags(tags) }));
}

export function setNote(db: ArchiveDb, id: string, note: string): Promise<number> {
  return guarded(() => db.articles.update(id, { note: note.normalize('NFC').slice(0, 100_000) }));
}

/** Adds (or with remove: true, takes away) one tag on many articles in one transaction. */
export function tagMany(db: ArchiveDb, ids: readonly string[], tag: string, options: { remove?: boolean } = {}): Promise<number> {
  const [clean] = cleanTags([tag]);
  if (!clean) return Promise.resolve(0);
  const key = clean.toLocaleLowerCase('vi');
  return guarded(() => db.transaction('rw', db.articles, async () => {
    let changed = 0;
    for (const article of (await db.articles.bulkGet([...ids])).filter((a): a is Article => !!a)) {
      const has = article.tags.some((t) => t.toLocaleLowerCase('vi') === key);
      if (options.remove ? !has : has) continue;
      const tags = options.remove ? article.tags.filter((t) => t.toLocaleLowerCase('vi') !== key) : [...article.tags, clean];
      await db.articles.update(article.id, { tags });
      changed++;
    }
    return changed;
  }));
}

/** What a deletion took away, kept so that it can be undone. */
export interface Deleted {
  articles: Article[];
  versions: VersionRow[];
}

/** Deletes articles with their earlier versions and index rows, in one transaction. */
export function deleteMany(db: ArchiveDb, ids: readonly string[]): Promise<Deleted> {
  return guarded(() => db.transaction('rw', ['articles', 'versions', ...SEARCH_TABLES], async () => {
    const articles = (await db.articles.bulkGet([...ids])).filter((a): a is Article => !!a);
    const gone = articles.map((a) => a.id);
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
