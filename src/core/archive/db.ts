import Dexie, { type EntityTable } from 'dexie';
import type { Article } from '../types';

export const DB_NAME = 'provincial-news-archive';

export interface SettingRow {
  key: string;
  value: unknown;
}

export type ArchiveDb = Dexie & {
  articles: EntityTable<Article, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
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
  return db;
}
