// Whether opening the archive will upgrade its schema first. The upgrade of a big archive re-indexes every article
// (minutes at 100,000) inside IndexedDB's version change, and a page that opens the archive meanwhile would show
// nothing: it asks here first, so that it can say what is happening.

interface PendingUpgrade {
  /** Schema version on disk. */
  from: number;
  /** Schema version this build opens it with. */
  to: number;
}

/**
 * `current` is the Dexie schema version this build declares (db.verno). Null when nothing is to upgrade: no archive
 * yet, one already current (or newer), or a browser without IDBFactory.databases().
 */
export async function pendingUpgrade(factory: IDBFactory, name: string, current: number): Promise<PendingUpgrade | null> {
  if (typeof factory.databases !== 'function') return null;
  const stored = (await factory.databases()).find((d) => d.name === name)?.version;
  if (!stored) return null;
  // Dexie stores schema version n as IndexedDB version n × 10.
  const from = Math.floor(stored / 10);
  return from < current ? { from, to: current } : null;
}
