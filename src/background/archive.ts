import browser from 'webextension-polyfill';
import { openArchiveDb, type ArchiveDb } from '../core/archive/db';
import type { UpgradeProgress } from '../shared/messages';

let db: ArchiveDb | null = null;

/** One Dexie instance per context; opened lazily so a service-worker wake-up stays cheap. */
export function archiveDb(): ArchiveDb {
  db ??= openArchiveDb({ onUpgradeProgress: broadcastUpgrade });
  return db;
}

const BROADCAST_EVERY_MS = 250;
let lastBroadcast = 0;

/**
 * Tells the open popup and archive page how far the upgrade after an update has come, when the background is the
 * one running it (a tab's detection or a save opened the archive first). Each call to an extension API also restarts
 * the service worker's idle timer, which would otherwise stop it (and abort the upgrade) after 30 s.
 */
function broadcastUpgrade(done: number, total: number): void {
  const now = Date.now();
  if (done < total && now - lastBroadcast < BROADCAST_EVERY_MS) return;
  lastBroadcast = now;
  // Rejected when no extension page is open to listen: nothing to tell then.
  browser.runtime.sendMessage({ type: 'upgrade-progress', done, total } satisfies UpgradeProgress).catch(() => undefined);
}
