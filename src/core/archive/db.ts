import Dexie, { type EntityTable } from 'dexie';
import type { Article } from '../types';
import { RETIRED_V2_STORES, SEARCH_STORES, type SearchBucketRow, type SearchDocRow, type SearchListRow, type SearchMetaRow, type SearchQueueRow, type SearchStatsRow, type SearchVocabRow } from '../search/schema';
import { searchIndexWriter, type SegmentLayout, type WithSegmentLayout } from '../search/writer';
import { MEDIA_STORES, type ArticleMediaRow, type MediaRow, type OriginalRow } from './media-rows';

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
  // Search index (version 4), see src/core/search/schema.ts.
  searchMeta: EntityTable<SearchMetaRow, 'key'>;
  searchDocs: EntityTable<SearchDocRow, 'docNo'>;
  searchStats: EntityTable<SearchStatsRow, 'block'>;
  searchQueue: EntityTable<SearchQueueRow, 'docNo'>;
  searchBuckets: Dexie.Table<SearchBucketRow, [number, number]>;
  searchLists: Dexie.Table<SearchListRow, [number, number]>;
  searchVocab: EntityTable<SearchVocabRow, 'head'>;
  // Stored images and original pages (version 5), see media-rows.ts.
  media: EntityTable<MediaRow, 'sha256'>;
  articleMedia: EntityTable<ArticleMediaRow, 'articleId'>;
  originals: EntityTable<OriginalRow, 'articleId'>;
};

/**
 * Every schema change is a new `db.version(n)` with an upgrade function: stored archives are migrated,
 * never wiped. Version 1 is the first shipped schema.
 */
export function openArchiveDb(options: {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  name?: string;
  /** Articles indexed so far while an upgrade rebuilds the search index (it can take minutes on a big archive). */
  onUpgradeProgress?: (done: number, total: number) => void;
  /**
   * Write transactions are flushed to disk before they are reported done ('strict', the default here): a save the
   * user was told about survives a power cut. Browsers without the option ignore it. 'default' is for measuring.
   */
  durability?: 'strict' | 'relaxed' | 'default';
  /** How the search index lays out its segments (tests try other layouts); the index's default otherwise. */
  segmentLayout?: SegmentLayout;
} = {}): ArchiveDb {
  // Passing `indexedDB: undefined` would hide the global one from Dexie: only hand over what was given.
  const injected = options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {};
  // Dexie 4 takes durability per database, not per transaction: every write of this archive is strict (read-only
  // transactions have nothing to flush).
  const db = new Dexie(options.name ?? DB_NAME, { ...injected, chromeTransactionDurability: options.durability ?? 'strict' }) as ArchiveDb;
  if (options.segmentLayout) (db as ArchiveDb & WithSegmentLayout).segmentLayout = { ...options.segmentLayout };
  db.version(1).stores({
    articles: 'id, url, canonicalUrl, capturedAt, publishedAt, contentHash, site.host, site.province',
    settings: 'key',
  });
  // Version 2: the first search index (one postings row per term), and a multi-entry index on tags for the tag
  // filter. Its upgrade used to build that index; version 4 replaced the index and builds it from the articles,
  // so an archive coming from version 1 is indexed once, by version 4's upgrade.
  db.version(2).stores({
    articles: 'id, url, canonicalUrl, capturedAt, publishedAt, contentHash, site.host, site.province, *tags',
    searchMeta: 'key',
    searchDocs: 'docNo, &id',
    searchStats: 'block, gen',
    searchPending: 'docNo',
    searchPostings: '[term+seg]',
    searchTerms: 'term',
  });
  // Version 3: earlier versions of articles whose content changed. New table only; nothing to migrate.
  db.version(3).stores({ versions: '++seq, articleId' });
  // Version 4: postings in hash buckets (a few thousand rows per segment instead of one per term). The index is
  // derived data: its old tables go and it is rebuilt from the articles in the upgrade transaction.
  db.version(4)
    .stores({ ...RETIRED_V2_STORES, ...SEARCH_STORES })
    .upgrade((tx) => searchIndexWriter.rebuild(tx, { onProgress: options.onUpgradeProgress }));
  // Version 5: images and original pages kept with the articles. New tables only; nothing to migrate (articles saved
  // before keep their image addresses and are read as before).
  db.version(5).stores({ ...MEDIA_STORES });
  // Version 6: originals indexed by the hash of their HTML, so that an export can tell the few originals several
  // articles share without remembering every one it wrote. IndexedDB builds the index; nothing else changes.
  db.version(6).stores({ originals: 'articleId, sha256' });
  return db;
}
