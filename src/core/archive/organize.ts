// Tags, notes and bulk changes. Tags live on the article (multi-entry index); deletions go with their index rows.
import type { Article } from '../types';
import type { ArchiveDb } from './db';
import { SEARCH_TABLES } from '../search/schema';
import { indexArticlesInTx, unindexArticleInTx } from '../search/index-writer';
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

/** Deletes articles and their index rows together; returns them so that the deletion can be undone. */
export function deleteMany(db: ArchiveDb, ids: readonly string[]): Promise<Article[]> {
  return guarded(() => db.transaction('rw', ['articles', ...SEARCH_TABLES], async () => {
    const found = (await db.articles.bulkGet([...ids])).filter((a): a is Article => !!a);
    await db.articles.bulkDelete(found.map((a) => a.id));
    for (const a of found) await unindexArticleInTx(db, a.id);
    return found;
  }));
}

/** Puts deleted articles back (undo), searchable again. */
export function restoreArticles(db: ArchiveDb, articles: readonly Article[]): Promise<void> {
  return guarded(() => db.transaction('rw', ['articles', ...SEARCH_TABLES], async () => {
    await db.articles.bulkPut([...articles]);
    await indexArticlesInTx(db, [...articles]);
  }));
}
