// Full backup and restore of the archive with dexie-export-import: articles, earlier versions and the settings
// table, plus a snapshot of the extension's storage.local (the user's site list) that the caller hands in.
// The search index is not in the file: it is derived data, rebuilt from the restored articles.
//
// Restore is atomic because it is ONE IndexedDB transaction over every table: clear, import every row, rebuild the
// index. IndexedDB cannot rename a database, so "import into a temporary database, then swap" is impossible, and
// "export a safety copy, restore it on failure" can itself fail half way; an aborted transaction cannot.
// dexie-export-import keeps the transaction alive across the file reads with Dexie.waitFor.
import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import type { ArchiveDb } from './db';
import { articleProblems, pickArticle } from './validate-article';
import { SEARCH_TABLES } from '../search/schema';
import { rebuildSearchIndexInTx } from '../search/index-writer';
import { noteBackedUp } from './backup-reminder';
import type { Article } from '../types';

/** The settings row that carries the storage.local snapshot inside a backup file (never left in the archive). */
export const STORAGE_SNAPSHOT_KEY = 'backup:storageLocal';
const RESTORABLE_TABLES = new Set(['articles', 'settings', 'versions']);

export type BackupErrorCode = 'not-backup' | 'newer' | 'invalid-row';
export class BackupError extends Error {
  constructor(readonly code: BackupErrorCode, message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupInfo { articles: number; versions: number; databaseVersion: number; rowCounts: Record<string, number> }

/** The backup as a Blob (JSON in dexie-export-import's format). */
export async function createBackup(db: ArchiveDb, options: { storage?: Record<string, unknown> } = {}): Promise<Blob> {
  if (options.storage) await db.settings.put({ key: STORAGE_SNAPSHOT_KEY, value: options.storage });
  try {
    const blob = await exportDB(db, { skipTables: [...SEARCH_TABLES] });
    return new Blob([blob], { type: 'application/json' });
  } finally {
    if (options.storage) await db.settings.delete(STORAGE_SNAPSHOT_KEY);
  }
}

/** Reads only the head of the file: a dexie-export-import backup of this database, not from a newer schema. */
export async function inspectBackup(db: ArchiveDb, file: Blob): Promise<BackupInfo> {
  let meta: Awaited<ReturnType<typeof peakImportFile>>;
  try {
    meta = await peakImportFile(file);
  } catch {
    throw new BackupError('not-backup', 'not a dexie-export-import file');
  }
  const data = meta?.data;
  if (meta?.formatName !== 'dexie' || !data || data.databaseName !== db.name || !Array.isArray(data.tables)) {
    throw new BackupError('not-backup', `not a backup of ${db.name}`);
  }
  if (!Number.isInteger(data.databaseVersion) || data.databaseVersion < 1) throw new BackupError('not-backup', 'no database version');
  if (data.databaseVersion > db.verno) throw new BackupError('newer', `backup schema v${data.databaseVersion} is newer than v${db.verno}`);
  const names = data.tables.map((t) => t.name);
  if (!names.includes('articles') || names.some((n) => !RESTORABLE_TABLES.has(n))) {
    throw new BackupError('not-backup', `unexpected tables: ${names.join(', ')}`);
  }
  const rowCounts = Object.fromEntries(data.tables.map((t) => [t.name, Number.isInteger(t.rowCount) ? t.rowCount : -1]));
  return { articles: rowCounts.articles ?? 0, versions: rowCounts.versions ?? 0, databaseVersion: data.databaseVersion, rowCounts };
}

function checkedArticle(v: unknown, sanitize?: (html: string, baseUrl: string) => string): Article {
  const problems = articleProblems(v);
  if (problems.length) throw new BackupError('invalid-row', problems.slice(0, 3).join('; '));
  const article = pickArticle(v as Record<string, unknown>);
  return sanitize ? { ...article, bodyHtml: sanitize(article.bodyHtml, article.url) } : article;
}

/** Every row is checked as it streams in; one bad row aborts the whole restore. */
function checkedRow(table: string, value: unknown, sanitize?: (html: string, baseUrl: string) => string): unknown {
  const obj = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  if (table === 'articles') return checkedArticle(value, sanitize);
  if (table === 'versions') {
    if (!obj || typeof obj.articleId !== 'string' || typeof obj.replacedAt !== 'string') throw new BackupError('invalid-row', 'bad version row');
    return { ...(Number.isInteger(obj.seq) ? { seq: obj.seq } : {}), articleId: obj.articleId, replacedAt: obj.replacedAt, article: checkedArticle(obj.article, sanitize) };
  }
  if (table === 'settings') {
    if (!obj || typeof obj.key !== 'string' || obj.key.length > 200) throw new BackupError('invalid-row', 'bad settings row');
    return { key: obj.key, value: obj.value };
  }
  throw new BackupError('not-backup', `unexpected table ${table}`);
}

export interface RestoreResult extends BackupInfo { storage: Record<string, unknown> | null }

/**
 * Replaces the whole archive with the backup. Checks the file's head first, then every row while importing;
 * on any failure (bad row, full disk, truncated file) the transaction aborts and the archive is as it was.
 * Returns the storage.local snapshot for the caller to write back (storage.local is no IndexedDB table).
 */
export async function restoreBackup(db: ArchiveDb, file: Blob, options: { sanitizeHtml?: (html: string, baseUrl: string) => string } = {}): Promise<RestoreResult> {
  const info = await inspectBackup(db, file);
  let storage: Record<string, unknown> | null = null;
  await db.transaction('rw', db.tables.map((t) => t.name), async () => {
    await importInto(db, file, {
      noTransaction: true, // ours, above: clearing, importing and re-indexing commit together or not at all
      clearTablesBeforeImport: true,
      skipTables: [...SEARCH_TABLES],
      acceptVersionDiff: true, // older schemas hold a subset of today's tables with the same row shapes
      acceptMissingTables: true,
      transform: (table, value, key) => ({ value: checkedRow(table, value, options.sanitizeHtml), key }),
    });
    // A truncated file can end cleanly between rows: the header's row counts are the check that all arrived.
    for (const [name, expected] of Object.entries(info.rowCounts)) {
      const got = await db.table(name).count();
      if (got !== expected) throw new BackupError('invalid-row', `${name}: ${got} rows restored, the backup lists ${expected}`);
    }
    const snapshot = await db.settings.get(STORAGE_SNAPSHOT_KEY);
    if (snapshot) {
      const v = snapshot.value;
      storage = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
      await db.settings.delete(STORAGE_SNAPSHOT_KEY);
    }
    await rebuildSearchIndexInTx(db);
  });
  // The archive now equals a backup: nothing to remind about.
  await noteBackedUp(db).catch(() => undefined);
  return { ...info, articles: await db.articles.count(), versions: await db.versions.count(), storage };
}
