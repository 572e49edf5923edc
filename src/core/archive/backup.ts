// Full backup and restore of the archive with dexie-export-import: articles, earlier versions and the settings
// table, plus a snapshot of the extension's storage.local (the user's site list) that the caller hands in.
// The search index is not in the file: it is derived data, rebuilt from the restored articles.
//
// Restore is atomic because it is ONE IndexedDB transaction over every table: clear, add every row, rebuild the
// index. IndexedDB cannot rename a database, so "import into a temporary database, then swap" is impossible, and
// "export a safety copy, restore it on failure" can itself fail half way; an aborted transaction cannot.
// (dexie-export-import's importInto is not used for restoring: it reads the first part of the file inside the
// transaction without keeping it alive, which Chromium ends at once; and it clears tables before validating.)
import Dexie from 'dexie';
import { exportDB, peakImportFile } from 'dexie-export-import';
import { BackupRowScanner, BackupShapeError, scanBackupFile } from './backup-stream';
import { JOURNAL_PREFIX } from './import-apply';
import type { ArchiveDb, SettingRow, VersionRow } from './db';
import { toArchiveError } from './errors';
import { articleProblems, pickArticle } from './validate-article';
import { writeArchive } from './store';
import { SEARCH_TABLES } from '../search';
import { noteBackedUp } from './backup-reminder';
import type { Article } from '../types';
import { MEDIA_TABLES } from './media-rows';

/** The settings row that carries the storage.local snapshot inside a backup file (never left in the archive). */
const STORAGE_SNAPSHOT_KEY = 'backup:storageLocal';
const RESTORABLE_TABLES = new Set(['articles', 'settings', 'versions']);

type BackupErrorCode = 'not-backup' | 'newer' | 'invalid-row';
export class BackupError extends Error {
  constructor(readonly code: BackupErrorCode, message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

interface BackupInfo { articles: number; versions: number; databaseVersion: number; rowCounts: Record<string, number> }

/** The backup as a Blob (JSON in dexie-export-import's format). */
export async function createBackup(db: ArchiveDb, options: { storage?: Record<string, unknown> } = {}): Promise<Blob> {
  if (options.storage) await db.settings.put({ key: STORAGE_SNAPSHOT_KEY, value: options.storage });
  try {
    // Images and original pages are not in a backup (JSON would carry them as base64): the ZIP export carries them.
    const blob = await exportDB(db, { skipTables: [...SEARCH_TABLES, ...MEDIA_TABLES] });
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

interface RestoreResult extends BackupInfo { storage: Record<string, unknown> | null }

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

export type RestorePhase = 'check' | 'write' | 'index';

interface RestoreOptions {
  sanitizeHtml?: (html: string, baseUrl: string) => string;
  /** check: bytes of the file read; write: rows written; index: articles indexed. */
  onProgress?: (phase: RestorePhase, done: number, total: number) => void;
  /** Stops the check, or the writing (which then leaves the archive as it was): an AbortError. */
  signal?: AbortSignal;
  /** The file's check already done (checkBackup): it is not read twice before writing. */
  checked?: CheckedBackup;
  /** Bytes read at a time (BACKUP_CHUNK_BYTES). */
  chunkBytes?: number;
}

interface CheckedBackup extends BackupInfo { storage: Record<string, unknown> | null }

function parsedRow(table: string, text: string, sanitize?: (html: string, baseUrl: string) => string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupError('invalid-row', `${table}: a row is not valid JSON`);
  }
  return checkedRow(table, plainRow(value), sanitize);
}

function shapeError(error: unknown): unknown {
  if (!(error instanceof BackupShapeError)) return error;
  return error.kind === 'truncated' ? new BackupError('invalid-row', error.message) : new BackupError('not-backup', error.message);
}

/** The header's row counts are the check that nothing was cut out of the file. */
function checkRowCounts(info: BackupInfo, counts: Map<string, number>): void {
  for (const [name, expected] of Object.entries(info.rowCounts)) {
    const got = counts.get(name) ?? 0;
    if (got !== expected) throw new BackupError('invalid-row', `${name}: ${got} rows in the file, its header lists ${expected}`);
  }
  for (const name of counts.keys()) if (!(name in info.rowCounts)) throw new BackupError('not-backup', `rows of an unlisted table ${name}`);
}

/**
 * Reads the whole file a slice at a time and checks every row, writing nothing and keeping no row: a damaged,
 * cut-short or foreign file is refused here, before anyone is asked to replace the archive.
 */
export async function checkBackup(db: ArchiveDb, file: Blob, options: Pick<RestoreOptions, 'onProgress' | 'signal' | 'chunkBytes'> = {}): Promise<CheckedBackup> {
  const info = await inspectBackup(db, file);
  const counts = new Map<string, number>();
  let storage: Record<string, unknown> | null = null;
  const scanner = new BackupRowScanner((table, text) => {
    const row = parsedRow(table, text);
    counts.set(table, (counts.get(table) ?? 0) + 1);
    if (table === 'settings' && (row as SettingRow).key === STORAGE_SNAPSHOT_KEY) {
      const value = (row as SettingRow).value;
      storage = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    }
  });
  options.onProgress?.('check', 0, file.size);
  try {
    await scanBackupFile(file, scanner, {
      chunkBytes: options.chunkBytes,
      afterChunk: (read) => {
        options.signal?.throwIfAborted();
        options.onProgress?.('check', read, file.size);
      },
    });
  } catch (error) {
    throw shapeError(error);
  }
  checkRowCounts(info, counts);
  return { ...info, storage };
}

/**
 * Replaces the whole archive with the backup. The file is checked whole first (checkBackup, unless done already);
 * then it is read again, a slice at a time, and written in ONE transaction (clear, add, rebuild the index), each
 * row checked again as it goes. A failure anywhere (bad row, a file changed since its check, full disk, cancel,
 * closed page) aborts it and the archive is as it was. IndexedDB ends a transaction that waits for anything else,
 * so each read of the file goes through Dexie.waitFor, which keeps the transaction busy meanwhile: only a slice and
 * a batch of rows are in memory at a time. Returns the storage.local snapshot for the caller to write back.
 */
export async function restoreBackup(db: ArchiveDb, file: Blob, options: RestoreOptions = {}): Promise<RestoreResult> {
  const checked = options.checked ?? (await checkBackup(db, file, options));
  const total = Object.values(checked.rowCounts).reduce((a, b) => a + Math.max(0, b), 0);
  const report = options.onProgress;
  try {
    // One store write: cleared, added and re-indexed together.
    await writeArchive(db, (w) => w.replaceAll(async (add) => {
      let pending: { articles: Article[]; versions: VersionRow[]; settings: SettingRow[] } = { articles: [], versions: [], settings: [] };
      const counts = new Map<string, number>();
      // Rows read from the file so far (the few settings rows left out below count too: the total is the file's).
      let read = 0;
      const scanner = new BackupRowScanner((table, text) => {
        const row = parsedRow(table, text, options.sanitizeHtml);
        counts.set(table, (counts.get(table) ?? 0) + 1);
        read++;
        // An import journal in a backup belongs to an import that was running elsewhere when it was taken: restored,
        // it would make the next opening undo articles that the backup holds.
        if (table === 'settings' && (row as SettingRow).key === STORAGE_SNAPSHOT_KEY) return;
        if (table === 'settings' && (row as SettingRow).key.startsWith(JOURNAL_PREFIX)) return;
        (pending[table as keyof typeof pending] as unknown[]).push(row);
      });
      // The rows of each slice (a megabyte of file) are written before the next slice is read.
      const flush = async () => {
        const rows = pending;
        pending = { articles: [], versions: [], settings: [] };
        await add(rows);
        report?.('write', Math.min(read, total), total);
      };
      report?.('write', 0, total);
      await scanBackupFile(file, scanner, {
        chunkBytes: options.chunkBytes,
        read: (slice) => Dexie.waitFor(slice.arrayBuffer()),
        afterChunk: () => {
          options.signal?.throwIfAborted();
          return flush();
        },
      });
      await flush();
      checkRowCounts(checked, counts);
    }, { onIndexProgress: report && ((done, all) => report('index', done, all)) }), { origin: 'restore' });
  } catch (error) {
    // Dexie hands a cancel back as its own AbortError: the caller gets the signal's.
    if (options.signal?.aborted) throw options.signal.reason;
    const e = shapeError(error);
    if (e instanceof BackupError) throw e;
    throw toArchiveError(e);
  }
  // The archive now equals a backup: nothing to remind about.
  await noteBackedUp(db).catch(() => undefined);
  return { ...checked, articles: await db.articles.count(), versions: await db.versions.count(), storage: checked.storage };
}
