import browser from 'webextension-polyfill';
import { DB_NAME, openArchiveDb, type ArchiveDb } from '../core/archive/db';
import { pendingUpgrade } from '../core/archive/schema-upgrade';
import { recoverArchive, webLocks } from '../core/archive/recovery';
import type { RepairProgress, UpgradeProgress } from '../shared/messages';

let db: ArchiveDb | null = null;

/** One Dexie instance per context; opened lazily so a service-worker wake-up stays cheap. */
export function archiveDb(): ArchiveDb {
  db ??= openArchiveDb({ onUpgradeProgress: broadcastUpgrade });
  return db;
}

let recovering: Promise<unknown> | null = null;

/**
 * The archive once interrupted imports are undone (recovery.ts): every use of the archive by the background (the
 * badge, the popup's preview and save) goes through here, so that no article of a cut-off import is shown as
 * archived and no write lands before the undo. Requests at the same time share one run; with nothing to undo a run
 * costs one key read.
 */
export async function readyArchive(): Promise<ArchiveDb> {
  const archive = archiveDb();
  recovering ??= recoverArchive(archive, webLocks(navigator.locks), { onProgress: broadcastRepair }).finally(() => {
    recovering = null;
  });
  await recovering;
  return archive;
}

/**
 * At start-up (after a crash, the first thing that runs): recovers an archive that is there and current. A missing
 * archive has nothing to recover, and an upgrade after an update is left to the first request that needs the
 * archive, as before (the pages then show its progress); that request recovers too.
 */
export async function recoverAtStartUp(): Promise<void> {
  if (typeof indexedDB.databases !== 'function') return;
  if (!(await indexedDB.databases()).some((d) => d.name === DB_NAME)) return;
  if (await pendingUpgrade(indexedDB, DB_NAME, archiveDb().verno)) return;
  await readyArchive();
}

const BROADCAST_EVERY_MS = 250;
let lastBroadcast = 0;

/**
 * Tells the open popup and archive page how far a long run of the background has come. Each call to an extension
 * API also restarts the service worker's idle timer, which would otherwise stop it (and the run) after 30 s.
 */
function broadcast(message: UpgradeProgress | RepairProgress): void {
  const now = Date.now();
  if (message.done < message.total && now - lastBroadcast < BROADCAST_EVERY_MS) return;
  lastBroadcast = now;
  // Rejected when no extension page is open to listen: nothing to tell then.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/** The upgrade after an update, when the background runs it (a tab's detection or a save opened the archive first). */
function broadcastUpgrade(done: number, total: number): void {
  broadcast({ type: 'upgrade-progress', done, total });
}

/** The undo of an interrupted import, when the background runs it: the popup says the archive is being repaired. */
function broadcastRepair(done: number, total: number): void {
  // The first report (0 of total) always goes out, so that a waiting popup says why at once.
  if (done === 0) lastBroadcast = 0;
  broadcast({ type: 'repair-progress', done, total });
}
