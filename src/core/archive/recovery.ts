// Recovery of the archive after a crash, run first wherever the archive is opened (background, archive page, the
// popup's requests through the background): imports cut off with their page or browser are undone from their
// journal before anything reads the archive as it stands or writes to it. One routine, one exclusive lock across
// the extension's contexts (Web Locks), so that two contexts never undo at once and a save waits until it is done.
import type { ArchiveDb } from './db';
import { journalIds, undoInterruptedImports } from './import-journal';
import { writeArchive } from './store';
import { RecoveryReportSchema, storedSetting } from '../shapes/settings';

/** The Web Locks the recovery needs, passed in (the core runs in Node too). */
export interface ArchiveLocks {
  /** Runs `work` holding the exclusive lock `name`, shared by every context of the extension. */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Names of the locks held now, in any context. */
  held(): Promise<Set<string>>;
}

/** Held while interrupted imports are undone. */
export const RECOVERY_LOCK = 'pna-archive-recovery';

/** Held by an import while it runs, so that its journal is not taken for an interrupted one's. */
export const importLockName = (journalId: string) => `pna-import-${journalId}`;

/** ArchiveLocks over navigator.locks (service worker, extension pages; Chromium and Firefox). */
export function webLocks(locks: LockManager): ArchiveLocks {
  return {
    exclusive: <T>(name: string, work: () => Promise<T>) => locks.request(name, { mode: 'exclusive' }, work) as Promise<T>,
    held: async () => new Set(((await locks.query()).held ?? []).flatMap((l) => (l.name ? [l.name] : []))),
  };
}

interface RecoveryOptions {
  /** Articles undone so far, of all the interrupted imports (once at 0, then after each batch). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Undoes every interrupted import (journal on disk, its import's lock not held), under RECOVERY_LOCK. Cheap when
 * there is nothing to do: one key read. Returns the number of articles taken out or put back here (0 when another
 * context did it: this one waited for it).
 */
export async function recoverArchive(db: ArchiveDb, locks: ArchiveLocks, options: RecoveryOptions = {}): Promise<number> {
  let undone = 0;
  const pending = await journalIds(db);
  if (pending.size) {
    const held = await locks.held();
    if ([...pending].some((id) => !held.has(importLockName(id)))) {
      undone = await locks.exclusive(RECOVERY_LOCK, () => undoInterruptedImports(db, async (id) => (await locks.held()).has(importLockName(id)), options));
    }
  }
  if (undone) await noteUndone(db, undone);
  await sweepOrphanVersionsOnce(db);
  return undone;
}

/** Articles undone by recoveries the archive page has not told of yet (the background may have run them). */
const RECOVERY_REPORT_KEY = 'recovery-report';

async function noteUndone(db: ArchiveDb, undone: number): Promise<void> {
  await writeArchive(db, async (w) => {
    const before = storedSetting(RecoveryReportSchema, (await w.read.settings.get(RECOVERY_REPORT_KEY))?.value);
    await w.putSetting(RECOVERY_REPORT_KEY, before + undone);
  }, { origin: 'recovery' });
}

/** The articles undone since the last call (by any context), for the archive page to say so once. */
export function takeRecoveryReport(db: ArchiveDb): Promise<number> {
  return writeArchive(db, async (w) => {
    const undone = storedSetting(RecoveryReportSchema, (await w.read.settings.get(RECOVERY_REPORT_KEY))?.value);
    if (undone) await w.deleteSetting(RECOVERY_REPORT_KEY);
    return undone;
  }, { origin: 'recovery' });
}

/** Set once the versions table was checked for rows whose article is gone (left by builds before this one). */
const ORPHANS_SWEPT_KEY = 'versions-orphans-swept';
const swept = new WeakSet<ArchiveDb>();

async function sweepOrphanVersionsOnce(db: ArchiveDb): Promise<void> {
  if (swept.has(db)) return;
  // Read first: once swept, a context's start-up needs no write transaction for it.
  if (await db.settings.get(ORPHANS_SWEPT_KEY)) {
    swept.add(db);
    return;
  }
  await writeArchive(db, async (w) => {
    if (await w.read.settings.get(ORPHANS_SWEPT_KEY)) return;
    const owners = (await w.read.versions.orderBy('articleId').uniqueKeys()) as string[];
    const present = new Set(await w.read.articles.where(':id').anyOf(owners).primaryKeys());
    const gone = owners.filter((id) => !present.has(id));
    if (gone.length) await w.deleteVersions((await w.read.versions.where('articleId').anyOf(gone).primaryKeys()) as number[]);
    await w.putSetting(ORPHANS_SWEPT_KEY, true);
  }, { origin: 'recovery' });
  swept.add(db);
}
