// Full backup and restore of the archive with dexie-export-import: articles, earlier versions and the settings
// table, plus a snapshot of the extension's storage.local (the user's site list) that the caller hands in.
// The search index is not in the file: it is derived data, rebuilt from the restored articles.
//
// Restore is atomic because it is ONE IndexedDB transaction over every table: clear, add every row, rebuild the
// index. IndexedDB cannot rename a database, so "import into a temporary database, then swap" is impossible, and
// "export a safety copy, restore it on failure" can itself fail half way; an aborted transaction cannot.
// (dexie-export-import's importInto is not used for restoring: it reads the first part of the file inside the
// transaction without keeping it alive, which Chromium ends at once; and it clears tables before validating.)
import { exportDB, peakImportFile } from 'dexie-export-import';
import { JOURNAL_PREFIX } from './import-apply';
import type { ArchiveDb, SettingRow, VersionRow } from './db';
import { articleProblems, pickArticle } from './validate-article';
import { writeArchive } from './store';
import { SEARCH_TABLES } from '../search';
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

interface TableDump { tableName: string; rows: unknown[] }

/**
 * dexie-export-import encodes values JSON cannot hold with a "$types" map (typeson), path → type. Archive rows
 * hold JSON values only; typeson still marks every array ("arrayNonindexKeys", a no-op for a real JSON array) and
 * a field that was explicitly undefined ("undef", dropped here). Any other special type is refused.
 */
function plainRow(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || !('$types' in row)) return row;
  const { $types, ...rest } = row as Record<string, unknown>;
  if (typeof $types !== 'object' || $types === null) throw new BackupError('invalid-row', 'bad $types');
  for (const [path, type] of Object.entries($types)) {
    const parts = path.split('.');
    const parent = parts.slice(0, -1).reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined), rest);
    const last = parts[parts.length - 1];
    const holder = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>) : null;
    if (type === 'arrayNonindexKeys' && holder && Array.isArray(holder[last])) continue;
    if (type === 'undef' && holder && !Array.isArray(holder)) {
      delete holder[last];
      continue;
    }
    throw new BackupError('invalid-row', `unsupported value type ${String(type)} at ${path}`);
  }
  return rest;
}

/** The whole file parsed and every row checked, before anything is written. */
async function readBackupRows(file: Blob, info: BackupInfo, sanitize?: (html: string, baseUrl: string) => string): Promise<Map<string, unknown[]>> {
  let parsed: { data?: { data?: unknown } };
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new BackupError('invalid-row', 'the file is not complete JSON (truncated?)');
  }
  const dumps = parsed?.data?.data;
  if (!Array.isArray(dumps)) throw new BackupError('not-backup', 'no table data');
  const tables = new Map<string, unknown[]>();
  for (const dump of dumps as TableDump[]) {
    if (!dump || typeof dump.tableName !== 'string' || !Array.isArray(dump.rows) || !RESTORABLE_TABLES.has(dump.tableName)) {
      throw new BackupError('not-backup', 'unexpected table data');
    }
    const rows = tables.get(dump.tableName) ?? [];
    for (const row of dump.rows) rows.push(checkedRow(dump.tableName, plainRow(row), sanitize));
    tables.set(dump.tableName, rows);
  }
  // The header's row counts are the check that nothing was cut out of the file.
  for (const [name, expected] of Object.entries(info.rowCounts)) {
    const got = tables.get(name)?.length ?? 0;
    if (got !== expected) throw new BackupError('invalid-row', `${name}: ${got} rows in the file, its header lists ${expected}`);
  }
  return tables;
}

/**
 * Replaces the whole archive with the backup. Checks the file's head, then parses it and checks every row; only
 * then writes, in ONE transaction (clear, add, rebuild the index). A failure anywhere (bad row, full disk, closed
 * page) aborts it and the archive is as it was. The file is read whole into memory: IndexedDB transactions end
 * when they wait for anything but IndexedDB, so the rows must be at hand before the transaction starts.
 * Returns the storage.local snapshot for the caller to write back (storage.local is no IndexedDB table).
 */
export async function restoreBackup(db: ArchiveDb, file: Blob, options: { sanitizeHtml?: (html: string, baseUrl: string) => string } = {}): Promise<RestoreResult> {
  const info = await inspectBackup(db, file);
  const tables = await readBackupRows(file, info, options.sanitizeHtml);
  const settings = (tables.get('settings') ?? []) as SettingRow[];
  const snapshot = settings.find((row) => row.key === STORAGE_SNAPSHOT_KEY)?.value;
  const storage = typeof snapshot === 'object' && snapshot !== null && !Array.isArray(snapshot) ? (snapshot as Record<string, unknown>) : null;
  // One store write: cleared, added and re-indexed together.
  await writeArchive(db, (w) => w.replaceAll({
    articles: (tables.get('articles') ?? []) as Article[],
    versions: (tables.get('versions') ?? []) as VersionRow[],
    // An import journal in a backup belongs to an import that was running elsewhere when it was taken: restored,
    // it would make the next opening undo articles that the backup holds.
    settings: settings.filter((row) => row.key !== STORAGE_SNAPSHOT_KEY && !row.key.startsWith(JOURNAL_PREFIX)),
  }), { origin: 'restore' });
  // The archive now equals a backup: nothing to remind about.
  await noteBackedUp(db).catch(() => undefined);
  return { ...info, articles: await db.articles.count(), versions: await db.versions.count(), storage };
}
