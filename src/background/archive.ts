import { openArchiveDb, type ArchiveDb } from '../core/archive/db';

let db: ArchiveDb | null = null;

/** One Dexie instance per context; opened lazily so a service-worker wake-up stays cheap. */
export function archiveDb(): ArchiveDb {
  db ??= openArchiveDb();
  return db;
}
