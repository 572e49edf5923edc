// The journal of import batches. Each batch records, in its own transaction, the articles it added and those it
// overwrote (their earlier content kept as a version), so that an import cut off (page closed, browser killed) can be
// undone exactly, one batch per transaction, by whichever context opens the archive next (recovery.ts).
// A user's own write to an article takes it out of every journal in the write's transaction: no undo can take a
// save, an update, a tag or a note back, whatever the timing.
import type { ArchiveDb } from './db';
import { writeArchive } from './store';
import { putBackReplacedMedia, type ReplacedMedia } from './import-media';
import type { JournalEntry as JournalText } from '../shapes/settings';

/** A batch's journal: the articles it added and overwrote, and the images and originals the overwritten ones had. */
export interface JournalEntry extends JournalText {
  media?: ReplacedMedia;
}

/** Settings keys of import journals: `${JOURNAL_PREFIX}${journalId}:${batch}`. */
export const JOURNAL_PREFIX = 'import-journal:';
export const journalKey = (journalId: string, batch: number) => `${JOURNAL_PREFIX}${journalId}:${batch}`;

/** A finished import's journal goes (one transaction): nothing of it is to be undone any more. */
export async function deleteJournal(db: ArchiveDb, journalId: string): Promise<void> {
  await writeArchive(db, (w) => w.deleteSettings(`${JOURNAL_PREFIX}${journalId}:`), { origin: 'import' });
}

interface JournalBatch { key: string; batch: number; size: number }

function parseKey(key: string): { journalId: string; batch: number } {
  const rest = key.slice(JOURNAL_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  return { journalId: rest.slice(0, colon), batch: Number(rest.slice(colon + 1)) };
}

/** The journals on disk by import, each import's batches last first (the order an undo takes). */
async function journalBatches(db: ArchiveDb): Promise<Map<string, JournalBatch[]>> {
  const byImport = new Map<string, JournalBatch[]>();
  await db.settings.where('key').startsWith(JOURNAL_PREFIX).each((row) => {
    const { journalId, batch } = parseKey(row.key);
    const entry = row.value as JournalEntry;
    const batches = byImport.get(journalId) ?? [];
    batches.push({ key: row.key, batch, size: entry.added.length + entry.replaced.length });
    byImport.set(journalId, batches);
  });
  for (const batches of byImport.values()) batches.sort((a, b) => b.batch - a.batch);
  return byImport;
}

/** The imports that have a journal on disk (keys only: one cheap read). */
export async function journalIds(db: ArchiveDb): Promise<Set<string>> {
  const keys = await db.settings.where('key').startsWith(JOURNAL_PREFIX).primaryKeys();
  return new Set(keys.map((key) => parseKey(key).journalId));
}

/**
 * Undoes one journalled batch in one transaction, read again inside it (another context may have undone it, or a
 * user's write released some of its articles): added articles go with their index entries and any versions a later
 * update gave them (no orphaned versions), overwritten ones come back. Returns the articles taken out or put back.
 */
function undoJournalBatch(db: ArchiveDb, key: string): Promise<number> {
  return writeArchive(db, async (w) => {
    const row = await w.read.settings.get(key);
    if (!row) return 0;
    const entry = row.value as JournalEntry;
    const kept = await w.read.versions.bulkGet(entry.replaced.map((r) => r.versionSeq));
    const restored = kept.flatMap((v) => (v ? [v.article] : []));
    await w.deleteVersions(entry.replaced.map((r) => r.versionSeq));
    await w.deleteArticles(entry.added, { unread: true });
    await w.putArticles(restored);
    // Only the articles still in the journal: one a user changed meanwhile keeps the images it has now.
    if (entry.media) await putBackReplacedMedia(w, entry.media, new Set(entry.replaced.map((r) => r.articleId)));
    await w.deleteSetting(key);
    return entry.added.length + restored.length;
  }, { origin: 'recovery' });
}

/** Undoes a whole import from its journal, last batch first; `onBatch` hears each batch's count. */
export async function undoJournal(db: ArchiveDb, journalId: string, onBatch?: (undone: number) => void): Promise<number> {
  const batches = (await journalBatches(db)).get(journalId) ?? [];
  let undone = 0;
  for (const { key } of batches) {
    const n = await undoJournalBatch(db, key);
    undone += n;
    onBatch?.(n);
  }
  return undone;
}

/**
 * Undoes imports whose journal is on disk but whose page is gone, except those `isLive` says still run. Reports
 * progress in articles (done, total) after each batch. Returns the number of articles taken out or put back.
 */
export async function undoInterruptedImports(
  db: ArchiveDb,
  isLive: (journalId: string) => boolean | Promise<boolean>,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const dead: Array<[string, JournalBatch[]]> = [];
  for (const [id, batches] of await journalBatches(db)) if (!(await isLive(id))) dead.push([id, batches]);
  const total = dead.reduce((sum, [, batches]) => sum + batches.reduce((s, b) => s + b.size, 0), 0);
  if (!dead.length) return 0;
  let done = 0;
  let undone = 0;
  options.onProgress?.(0, total);
  for (const [, batches] of dead) {
    for (const { key, size } of batches) {
      undone += await undoJournalBatch(db, key);
      done += size;
      options.onProgress?.(done, total);
    }
  }
  return undone;
}

/**
 * Call inside a user write's transaction (its scope includes `settings`): takes the articles it writes out of every
 * import journal, so that undoing that import (cancelled, or cut off and recovered) leaves them as the user made
 * them. An overwritten article's earlier content stays as its earlier version.
 */
export async function releaseFromJournals(db: ArchiveDb, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db.settings.where('key').startsWith(JOURNAL_PREFIX).toArray();
  if (!rows.length) return;
  const wanted = new Set(ids);
  for (const row of rows) {
    const entry = row.value as JournalEntry;
    const added = entry.added.filter((id) => !wanted.has(id));
    const replaced = entry.replaced.filter((r) => !wanted.has(r.articleId));
    if (added.length === entry.added.length && replaced.length === entry.replaced.length) continue;
    await db.settings.put({ key: row.key, value: { ...entry, added, replaced } satisfies JournalEntry });
  }
}
