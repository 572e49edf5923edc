// The archive store: every write to the archive goes through writeArchive, which owns the transaction (articles,
// versions, settings and the search index together) and keeps the index in step with each article write. The
// invariant "every committed article write is indexed in the same transaction" lives here, not in each caller.
// A user's write also takes the articles it touches out of every import journal (import-journal.ts), so that no
// undo of an import takes it back.
import Dexie from 'dexie';
import type { Article } from '../types';
import type { ArchiveDb, SettingRow, VersionRow } from './db';
import { searchIndexWriter } from '../search/writer';
import type { DocTerms } from '../search/doc-terms';
import { releaseFromJournals } from './import-journal';
import { isQuotaError, toArchiveError } from './errors';
import type { ArticleMediaRow, MediaRow, OriginalRow } from './media-rows';

/** The tables every store write spans. */
const ARCHIVE_WRITE_TABLES = ['articles', 'versions', 'settings', 'media', 'articleMedia', 'originals', ...searchIndexWriter.tables] as const;

type ReadableTable = ArchiveDb['articles' | 'versions' | 'settings' | 'media' | 'articleMedia' | 'originals'];
type ReadTable<T extends ReadableTable> = Pick<T, 'get' | 'bulkGet' | 'where' | 'orderBy' | 'count' | 'toArray' | 'toCollection'>;

/** What a write reads inside its transaction. */
export interface ArchiveReader {
  articles: ReadTable<ArchiveDb['articles']>;
  versions: ReadTable<ArchiveDb['versions']>;
  settings: ReadTable<ArchiveDb['settings']>;
  media: ReadTable<ArchiveDb['media']>;
  articleMedia: ReadTable<ArchiveDb['articleMedia']>;
  originals: ReadTable<ArchiveDb['originals']>;
}

/** An article's stored images and original page, as a deletion took them (so that an undo puts them back). */
export interface KeptMedia {
  articleMedia: ArticleMediaRow[];
  originals: OriginalRow[];
  /** The stored images no other article needed, deleted with it. */
  media: MediaRow[];
}

/** The fields a re-check writes on an article that did not change. */
export type CheckDates = Pick<Article, 'checkedAt' | 'goneAt'>;

/** Who writes: a user's write is theirs (no import undo takes it back); the import and its undo are not. */
type WriteOrigin = 'user' | 'import' | 'recovery' | 'restore';

/** The writes a store transaction offers. Each keeps the search index in step in the same transaction. */
/** Rows a restore adds to the emptied archive, a batch at a time. */
interface ReplacementRows {
  articles?: Article[]; versions?: VersionRow[]; settings?: SettingRow[];
  media?: MediaRow[]; articleMedia?: ArticleMediaRow[]; originals?: OriginalRow[];
}

export interface ArchiveWriter {
  readonly read: ArchiveReader;
  /** A new article (fails if its id is taken), indexed through the queue. */
  addArticle(article: Article): Promise<void>;
  /** An article written again (new content, tags), indexed through the queue. */
  putArticle(article: Article): Promise<void>;
  /** Articles written again (or back), indexed as one segment (`terms` when known; `merge: false` leaves merging for later). */
  putArticles(articles: Article[], options?: { terms?: DocTerms[]; merge?: boolean }): Promise<void>;
  /** New articles whose terms are known (an import batch): written while their segment is built. */
  addFreshArticles(articles: Article[], terms: DocTerms[]): Promise<void>;
  /**
   * Articles gone, with their earlier versions and index entries. Returns what went, unless `unread` (an undo of
   * 1,000 imported articles need not read them first).
   */
  deleteArticles(ids: readonly string[], options?: { unread?: boolean }): Promise<{ articles: Article[]; versions: VersionRow[]; media: KeptMedia }>;
  /** The note only (not indexed): the index's generation moves all the same. 0 when the article is not there. */
  setNote(id: string, note: string): Promise<number>;
  /**
   * A re-check's dates only (not indexed; `goneAt: undefined` clears the mark): the index's generation moves all the
   * same. 0 when the article is not there.
   */
  setCheckDates(id: string, dates: CheckDates): Promise<number>;
  /** Earlier versions kept (their seqs), or put back, or dropped. */
  addVersions(rows: VersionRow[]): Promise<number[]>;
  putVersions(rows: VersionRow[]): Promise<void>;
  deleteVersions(seqs: number[]): Promise<void>;
  /** Stored images, once per content: a row whose hash is already stored is left as it is. */
  putMedia(rows: MediaRow[]): Promise<void>;
  /** Which images an article shows (replacing what it showed before); images no article needs any more go. */
  putArticleMedia(rows: ArticleMediaRow[]): Promise<void>;
  putOriginals(rows: OriginalRow[]): Promise<void>;
  /** Drops the stored images and/or original pages of articles (the text stays); returns what went. */
  dropMedia(ids: readonly string[], what: { images?: boolean; originals?: boolean }): Promise<KeptMedia>;
  putSetting(key: string, value: unknown): Promise<void>;
  deleteSetting(key: string): Promise<void>;
  /** Every setting whose key starts with `prefix` (an import's journal). */
  deleteSettings(prefix: string): Promise<void>;
  /**
   * Everything replaced (a backup restored): the tables cleared, `fill` adds the rows (a slice of a file at a time,
   * so a big backup never sits in memory whole), then the index is rebuilt from the articles. Stored images and
   * originals stay for the articles that are there afterwards.
   */
  replaceAll(fill: (add: (rows: ReplacementRows) => Promise<void>) => Promise<void>, options?: { onIndexProgress?: (done: number, total: number) => void }): Promise<void>;
}

function writerFor(db: ArchiveDb, origin: WriteOrigin, queued: { n: number }): ArchiveWriter {
  const idx = searchIndexWriter;
  const mine = (ids: readonly string[]) => (origin === 'user' ? releaseFromJournals(db, ids) : Promise.resolve());
  return {
    read: db,
    async addArticle(article) {
      await mine([article.id]);
      await db.articles.add(article);
      queued.n = await idx.indexOne(db, article);
    },
    async putArticle(article) {
      await mine([article.id]);
      await db.articles.put(article);
      queued.n = await idx.indexOne(db, article);
    },
    async putArticles(articles, options = {}) {
      await mine(articles.map((a) => a.id));
      await db.articles.bulkPut(articles);
      await idx.index(db, articles, options);
    },
    async addFreshArticles(articles, terms) {
      await mine(articles.map((a) => a.id));
      await idx.index(db, articles, { fresh: true, terms, merge: false, alongside: () => db.articles.bulkPut(articles) });
    },
    async deleteArticles(ids, options = {}) {
      if (options.unread) {
        await mine(ids);
        const versions = await db.versions.where('articleId').anyOf([...ids]).primaryKeys();
        await db.articles.bulkDelete([...ids]);
        await db.versions.bulkDelete(versions);
        await idx.unindex(db, [...ids]);
        await dropMediaOf(db, ids, { images: true, originals: true });
        return { articles: [], versions: [], media: { articleMedia: [], originals: [], media: [] } };
      }
      const articles = (await db.articles.bulkGet([...ids])).filter((a): a is Article => !!a);
      const gone = articles.map((a) => a.id);
      await mine(gone);
      const versions = await db.versions.where('articleId').anyOf(gone).toArray();
      await db.articles.bulkDelete(gone);
      await db.versions.bulkDelete(versions.map((v) => v.seq!));
      await idx.unindex(db, [...ids]);
      return { articles, versions, media: await dropMediaOf(db, ids, { images: true, originals: true }) };
    },
    async setNote(id, note) {
      const changed = await db.articles.update(id, { note });
      if (!changed) return 0;
      await mine([id]);
      await idx.touch(db);
      return changed;
    },
    async setCheckDates(id, dates) {
      const changed = await db.articles.update(id, dates);
      if (!changed) return 0;
      await mine([id]);
      await idx.touch(db);
      return changed;
    },
    ...rowWritesOf(db),
    async replaceAll(fill, options = {}) {
      await Promise.all([db.articles.clear(), db.versions.clear(), db.settings.clear()]);
      await fill(async (rows) => {
        if (rows.articles?.length) await db.articles.bulkAdd(rows.articles);
        if (rows.versions?.length) await db.versions.bulkAdd(rows.versions);
        if (rows.settings?.length) await db.settings.bulkAdd(rows.settings);
        if (rows.media?.length) await db.media.bulkPut(rows.media);
        if (rows.articleMedia?.length) await db.articleMedia.bulkPut(rows.articleMedia);
        if (rows.originals?.length) await db.originals.bulkPut(rows.originals);
      });
      // A backup holds text only: the stored images and originals of the articles it brings back stay.
      await dropMediaOfAbsent(db);
      await idx.rebuild(db, { onProgress: options.onIndexProgress });
    },
  };
}

/** The writes of rows the search index does not hold: earlier versions, stored media, settings. */
type RowWrites = Pick<ArchiveWriter, 'addVersions' | 'putVersions' | 'deleteVersions' | 'putMedia' | 'putArticleMedia' | 'putOriginals' | 'dropMedia' | 'putSetting' | 'deleteSetting' | 'deleteSettings'>;

function rowWritesOf(db: ArchiveDb): RowWrites {
  return {
    addVersions: async (rows) => (await db.versions.bulkAdd(rows, { allKeys: true })) as number[],
    async putVersions(rows) {
      await db.versions.bulkPut(rows);
    },
    deleteVersions: (seqs) => db.versions.bulkDelete(seqs),
    async putMedia(rows) {
      const have = await db.media.bulkGet(rows.map((r) => r.sha256));
      const fresh = new Map(rows.filter((_, i) => !have[i]).map((r) => [r.sha256, r]));
      if (fresh.size) await db.media.bulkAdd([...fresh.values()]);
    },
    async putArticleMedia(rows) {
      const before = await db.articleMedia.bulkGet(rows.map((r) => r.articleId));
      await db.articleMedia.bulkPut(rows);
      await sweepMedia(db, before.flatMap((r) => r?.hashes ?? []));
    },
    async putOriginals(rows) {
      await db.originals.bulkPut(rows);
    },
    dropMedia: (ids, what) => dropMediaOf(db, ids, what),
    async putSetting(key, value) {
      await db.settings.put({ key, value });
    },
    deleteSetting: (key) => db.settings.delete(key),
    async deleteSettings(prefix) {
      await db.settings.where('key').startsWith(prefix).delete();
    },
  };
}

/** Deletes stored images no article shows any more, among `hashes`; returns them (an undo puts them back). */
async function sweepMedia(db: ArchiveDb, hashes: readonly string[]): Promise<MediaRow[]> {
  const orphans: string[] = [];
  for (const hash of new Set(hashes)) {
    if (!(await db.articleMedia.where('hashes').equals(hash).count())) orphans.push(hash);
  }
  if (!orphans.length) return [];
  const rows = (await db.media.bulkGet(orphans)).filter((r): r is MediaRow => !!r);
  await db.media.bulkDelete(orphans);
  return rows;
}

async function dropMediaOfAbsent(db: ArchiveDb): Promise<void> {
  const holders = new Set([...await db.articleMedia.toCollection().primaryKeys(), ...await db.originals.toCollection().primaryKeys()]);
  const ids = [...holders];
  const present = await db.articles.bulkGet(ids);
  const absent = ids.filter((_, i) => !present[i]);
  if (absent.length) await dropMediaOf(db, absent, { images: true, originals: true });
}

async function dropMediaOf(db: ArchiveDb, ids: readonly string[], what: { images?: boolean; originals?: boolean }): Promise<KeptMedia> {
  const kept: KeptMedia = { articleMedia: [], originals: [], media: [] };
  if (what.originals) {
    kept.originals = (await db.originals.bulkGet([...ids])).filter((r): r is OriginalRow => !!r);
    await db.originals.bulkDelete([...ids]);
  }
  if (what.images) {
    kept.articleMedia = (await db.articleMedia.bulkGet([...ids])).filter((r): r is ArticleMediaRow => !!r);
    await db.articleMedia.bulkDelete([...ids]);
    kept.media = await sweepMedia(db, kept.articleMedia.flatMap((r) => r.hashes));
  }
  return kept;
}

/**
 * Runs `work` in one read-write transaction over the whole archive (articles, versions, settings, search index):
 * it all commits or none of it does. Storage errors come out as ArchiveErrors (a full disk says so). After the commit,
 * queued index documents are merged in the background when enough are waiting.
 */
export async function writeArchive<T>(db: ArchiveDb, work: (w: ArchiveWriter) => Promise<T>, options: { origin?: WriteOrigin } = {}): Promise<T> {
  const queued = { n: 0 };
  try {
    // An async scope function keeps Dexie's transaction zone across native awaits.
    const result = await db.transaction('rw', [...ARCHIVE_WRITE_TABLES], async () => await work(writerFor(db, options.origin ?? 'user', queued)));
    searchIndexWriter.settle(db, queued.n);
    return result;
  } catch (error) {
    // A storage failure (a full disk, a closed database) says so; what `work` threw itself goes through as it is.
    throw fromStorage(error) ? toArchiveError(error) : error;
  }
}

const fromStorage = (error: unknown) =>
  error instanceof Dexie.DexieError || (typeof DOMException !== 'undefined' && error instanceof DOMException) || isQuotaError(error);

/** The search index's generation, read in a store transaction (an import checks whether the archive changed). */
export const indexGeneration = (db: ArchiveDb) => searchIndexWriter.generation(db);

/** Merges the index segments an import left (one per batch); searches work meanwhile. */
export const compactIndex = (db: ArchiveDb) => searchIndexWriter.compact(db);
