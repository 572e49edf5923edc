// Tags, notes and bulk changes, each one store write (store.ts: the article and its index entries together).
import type { Article } from '../types';
import type { ArchiveDb, VersionRow } from './db';
import { tagIdentity } from '../text/normalize';
import { writeArchive, type KeptMedia } from './store';

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

/** Tags are filter terms of the search index: an article whose tags change is indexed again with them (the store). */
export function setTags(db: ArchiveDb, id: string, tags: readonly string[]): Promise<number> {
  return writeArchive(db, async (w) => {
    const article = await w.read.articles.get(id);
    if (!article) return 0;
    await w.putArticle({ ...article, tags: cleanTags(tags) });
    return 1;
  });
}

export function setNote(db: ArchiveDb, id: string, note: string): Promise<number> {
  return writeArchive(db, (w) => w.setNote(id, note.normalize('NFC').slice(0, 100_000)));
}

/** Adds (or with remove: true, takes away) one tag on many articles in one transaction. */
export function tagMany(db: ArchiveDb, ids: readonly string[], tag: string, options: { remove?: boolean } = {}): Promise<number> {
  const [clean] = cleanTags([tag]);
  if (!clean) return Promise.resolve(0);
  const key = tagIdentity(clean);
  return writeArchive(db, async (w) => {
    const changed: Article[] = [];
    for (const article of (await w.read.articles.bulkGet([...ids])).filter((a): a is Article => !!a)) {
      const has = article.tags.some((t) => tagIdentity(t) === key);
      if (options.remove ? !has : has) continue;
      changed.push({ ...article, tags: options.remove ? article.tags.filter((t) => tagIdentity(t) !== key) : [...article.tags, clean] });
    }
    // The changed articles are indexed again, as one segment.
    await w.putArticles(changed);
    return changed.length;
  });
}

/** What a deletion took away, kept so that it can be undone. */
export interface Deleted {
  articles: Article[];
  versions: VersionRow[];
  /** Their stored images and original pages. */
  media: KeptMedia;
}

/** Deletes articles with their earlier versions and index rows, in one transaction. */
export function deleteMany(db: ArchiveDb, ids: readonly string[]): Promise<Deleted> {
  return writeArchive(db, (w) => w.deleteArticles(ids));
}

/** Puts deleted articles and their versions back (undo), searchable again. */
export function restoreArticles(db: ArchiveDb, deleted: Deleted): Promise<void> {
  return writeArchive(db, async (w) => {
    await w.putArticles(deleted.articles);
    await w.putVersions(deleted.versions);
    await w.putMedia(deleted.media.media);
    await w.putArticleMedia(deleted.media.articleMedia);
    await w.putOriginals(deleted.media.originals);
  });
}

/** Earlier versions of an article, the most recently replaced first. */
export async function versionsOf(db: ArchiveDb, id: string): Promise<VersionRow[]> {
  const rows = await db.versions.where('articleId').equals(id).toArray();
  return rows.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
}
