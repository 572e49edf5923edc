import Dexie, { type EntityTable } from 'dexie';
import type { Article } from '../types';
import { SEARCH_STORES, type SearchDocRow, type SearchMetaRow, type SearchPendingRow, type SearchPostingRow, type SearchStatsRow, type SearchTermRow } from '../search/schema';
import { rebuildSearchIndexInTx } from '../search/index-writer';

export const DB_NAME = 'provincial-news-archive';

/** The content an article had before a later save or import replaced it (government pages get edited). */
export interface VersionRow {
  seq?: number;
  articleId: string;
  /** When this content was replaced. */
  replacedAt: string;
  article: Article;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type ArchiveDb = Dexie & {
  articles: EntityTable<Article, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  versions: EntityTable<VersionRow, 'seq'>;
  // Search index (version 2), see src/core/search/schema.ts.
  searchMeta: EntityTable<SearchMetaRow, 'key'>;
  searchDocs: EntityTable<SearchDocRow, 'docNo'>;
  searchStats: EntityTable<SearchStatsRow, 'block'>;
  searchPending: EntityTable<SearchPendingRow, 'docNo'>;
  searchPostings: Dexie.Table<SearchPostingRow, [string, number]>;
  searchTerms: EntityTable<SearchTermRow, 'term'>;
};

/**
 * Every schema change is a new `db.version(n)` with an upgrade function: stored archives are migrated,
 * never wiped. Version 1 is the first shipped schema.
 */
export function openArchiveDb(options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange; name?: string } = {}): ArchiveDb {
  // Passing `indexedDB: undefined` would hide the global one from Dexie: only hand over what was given.
  const injected = options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {};
  const db = new Dexie(options.name ?? DB_NAME, injected) as ArchiveDb;
  db.version(1).stores({
    articles: 'id, url, canonicalUrl, capturedAt, publishedAt, contentHash, site.host, site.province',
    settings: 'key',
  });
  // Version 2: the search index, and a multi-entry index on tags for the tag filter.
  // The upgrade indexes every archived article in the upgrade transaction (nothing is dropped).
  db.version(2)
    .stores({
      articles: 'id, url, canonicalUrl, capturedAt, publishedAt, contentHash, site.host, site.province, *tags',
      ...SEARCH_STORES,
    })
    .upgrade((tx) => rebuildSearchIndexInTx(tx));
  // Version 3: earlier versions of articles whose content changed. New table only; nothing to migrate.
  db.version(3).stores({ versions: '++seq, articleId' });
  return db;
}
