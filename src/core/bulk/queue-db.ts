// The bulk queue's own IndexedDB database. Kept apart from the archive: it is work in progress, not archived content,
// so backups, exports and the archive's migrations never carry or wait for it, and it can change on its own schedule.
import Dexie, { type EntityTable } from 'dexie';
import { DEFAULT_RUN_SETTINGS, TERMINAL_STATES, progressOf, type BulkRun, type QueueItem, type RunProgress, type RunSettings, type RunState } from './queue-types';
import { hostKey } from './page-number';
import type { RunnerStore } from './runner';

const QUEUE_DB_NAME = 'provincial-news-bulk-queue';

export type QueueDb = Dexie & {
  runs: EntityTable<BulkRun, 'id'>;
  items: EntityTable<QueueItem, 'id'>;
};

/** Every schema change is a new version with its upgrade, as for the archive; version 1 is the first. */
export function openQueueDb(options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange; name?: string } = {}): QueueDb {
  const injected = options.indexedDB ? { indexedDB: options.indexedDB, IDBKeyRange: options.IDBKeyRange } : {};
  const db = new Dexie(options.name ?? QUEUE_DB_NAME, injected) as QueueDb;
  db.version(1).stores({
    runs: 'id, state, createdAt',
    items: '++id, runId, [runId+state], state, url',
  });
  return db;
}

interface NewItem { url: string; title: string }

/**
 * Starts a run over `pages` (in listing order). A URL already waiting or in flight in a live run is not queued twice.
 * Returns the run and how many pages it holds.
 */
export async function createRun(db: QueueDb, listingUrl: string, pages: readonly NewItem[], settings: Partial<RunSettings> = {}, now = Date.now()): Promise<{ run: BulkRun; queued: number }> {
  return addRun(db, newRun(listingUrl, settings, now), pages);
}

/** Starts a re-check of archived articles (each fetched again at its archived address). */
export async function createRecheckRun(db: QueueDb, articles: ReadonlyArray<{ id: string; url: string; title: string }>, settings: Partial<RunSettings> = {}, now = Date.now()): Promise<{ run: BulkRun; queued: number }> {
  return addRun(db, { ...newRun('', settings, now), kind: 'recheck' }, articles.map((a) => ({ url: a.url, title: a.title, articleId: a.id })));
}

function newRun(listingUrl: string, settings: Partial<RunSettings>, now: number): BulkRun {
  return { id: `run-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`, listingUrl, createdAt: now, state: 'running', settings: { ...DEFAULT_RUN_SETTINGS, ...settings } };
}

async function addRun(db: QueueDb, run: BulkRun, pages: ReadonlyArray<NewItem & { articleId?: string }>): Promise<{ run: BulkRun; queued: number }> {
  let queued = 0;
  await db.transaction('rw', db.runs, db.items, async () => {
    const live = new Set<string>(await db.runs.where('state').anyOf('running', 'paused').primaryKeys());
    const pending = await db.items.where('state').anyOf('queued', 'fetching').toArray();
    const seen = new Set(pending.filter((i) => live.has(i.runId)).map((i) => i.url));
    const rows: QueueItem[] = [];
    for (const page of pages) {
      if (seen.has(page.url)) continue;
      seen.add(page.url);
      let host: string;
      try { host = hostKey(new URL(page.url).hostname); } catch { continue; }
      const recheck = run.kind === 'recheck' ? { kind: 'recheck' as const, articleId: page.articleId, queuedAt: run.createdAt } : {};
      rows.push({ runId: run.id, url: page.url, host, title: page.title, listingUrl: run.listingUrl, state: 'queued', attempts: 0, notBefore: 0, order: rows.length, ...recheck });
    }
    await db.runs.add(run);
    await db.items.bulkAdd(rows);
    queued = rows.length;
  });
  return { run, queued };
}

/**
 * After the service worker or the browser stopped mid-request: what was in flight is queued again, and the try the
 * stop cut short does not count against the page (the site did not fail it).
 */
export async function requeueInterrupted(db: QueueDb): Promise<number> {
  return db.items.where('state').equals('fetching').modify((item) => {
    item.state = 'queued';
    item.attempts = Math.max(0, item.attempts - 1);
    item.interrupted = true;
  });
}

export async function setRunState(db: QueueDb, runId: string, state: Exclude<RunState, 'done'>): Promise<BulkRun | null> {
  return db.transaction('rw', db.runs, db.items, async () => {
    const run = await db.runs.get(runId);
    if (!run || run.state === 'done' || run.state === 'cancelled') return run ?? null;
    await db.runs.update(runId, { state });
    // Cancelled pages say so; pages already fetched keep their outcome.
    if (state === 'cancelled') await db.items.where('[runId+state]').equals([runId, 'queued']).modify({ state: 'failed', reason: 'cancelled', detail: '' });
    return { ...run, state };
  });
}

export async function runProgress(db: QueueDb, runId: string): Promise<RunProgress | null> {
  const run = await db.runs.get(runId);
  if (!run) return null;
  return progressOf(run, await db.items.where('runId').equals(runId).toArray());
}

/** The newest run (what the popup shows), or null. */
export async function latestRun(db: QueueDb): Promise<BulkRun | null> {
  return (await db.runs.orderBy('createdAt').last()) ?? null;
}

export async function runItems(db: QueueDb, runId: string): Promise<QueueItem[]> {
  return db.items.where('runId').equals(runId).sortBy('order');
}

/** The store the runner works on: queued items of running runs, scheduled with the newest running run's settings. */
export function queueStore(db: QueueDb): RunnerStore {
  return {
    async ready() {
      const running = await db.runs.where('state').equals('running').sortBy('createdAt');
      if (!running.length) return null;
      const items = (await Promise.all(running.map((r) => db.items.where('[runId+state]').equals([r.id, 'queued']).toArray()))).flat();
      // Runs go in the order they were started: later runs' pages come after earlier ones'.
      const rank = new Map(running.map((r, i) => [r.id, i]));
      const ordered = items.map((i) => ({ ...i, order: rank.get(i.runId)! * 1e6 + i.order }));
      return { items: ordered, settings: running[running.length - 1].settings };
    },
    async update(id, patch) {
      await db.items.update(id, patch);
    },
    async settle() {
      await db.transaction('rw', db.runs, db.items, async () => {
        for (const run of await db.runs.where('state').equals('running').toArray()) {
          const open = await db.items.where('runId').equals(run.id).filter((i) => !TERMINAL_STATES.includes(i.state)).count();
          if (!open) await db.runs.update(run.id, { state: 'done' });
        }
      });
    },
  };
}
