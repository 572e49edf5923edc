// The backup reminder: after every N new articles since the last backup (or whole-archive export), the archive
// page asks gently for a backup. The count lives in the settings table, so saves from the background, imports in
// the archive page and backups all change one row, each in its own small transaction (no lost increments).
import type { ArchiveDb } from './db';
import { writeArchive } from './store';
import { DEFAULT_REMINDER_EVERY, ReminderEverySchema, ReminderStateSchema, storedSetting, type ReminderState } from '../shapes/settings';

export { DEFAULT_REMINDER_EVERY };

const REMINDER_EVERY_KEY = 'backupReminderEvery';
const REMINDER_STATE_KEY = 'backupReminderState';
const count = (v: unknown): number => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : 0);

/** A stored or typed interval made safe: an integer in 0..MAX (0 = reminders off); anything else is the default. */
export function cleanReminderEvery(v: unknown): number {
  return storedSetting(ReminderEverySchema, v);
}

const cleanState = (v: unknown): ReminderState => storedSetting(ReminderStateSchema, v);

/**
 * Due once N articles came since the backup, and again N articles after each dismissal: dismissing snoozes,
 * it does not switch the reminder off (the settings page does that with N = 0).
 */
export function isReminderDue(state: ReminderState, every: number): boolean {
  return every > 0 && state.sinceBackup >= every && state.sinceBackup - state.dismissedAt >= every;
}

export async function getReminderEvery(db: ArchiveDb): Promise<number> {
  const row = await db.settings.get(REMINDER_EVERY_KEY);
  return row ? cleanReminderEvery(row.value) : DEFAULT_REMINDER_EVERY;
}

export async function setReminderEvery(db: ArchiveDb, every: number): Promise<number> {
  const value = cleanReminderEvery(every);
  await writeArchive(db, (w) => w.putSetting(REMINDER_EVERY_KEY, value));
  return value;
}

export async function getReminderState(db: ArchiveDb): Promise<ReminderState> {
  return cleanState((await db.settings.get(REMINDER_STATE_KEY))?.value);
}

async function updateState(db: ArchiveDb, change: (s: ReminderState) => ReminderState): Promise<ReminderState> {
  // Read and write in one transaction: the background and the archive page may count at the same moment.
  return writeArchive(db, async (w) => {
    const next = change(cleanState((await w.read.settings.get(REMINDER_STATE_KEY))?.value));
    await w.putSetting(REMINDER_STATE_KEY, next);
    return next;
  });
}

/** Counts newly archived articles (a save that created one, the articles an import added). */
export function noteArticlesSaved(db: ArchiveDb, added: number): Promise<ReminderState> {
  const n = count(added);
  return updateState(db, (s) => ({ ...s, sinceBackup: s.sinceBackup + n }));
}

/** After a full backup or an export of the whole archive: nothing is unsaved any more. */
export function noteBackedUp(db: ArchiveDb): Promise<ReminderState> {
  return updateState(db, () => ({ sinceBackup: 0, dismissedAt: 0 }));
}

export function dismissReminder(db: ArchiveDb): Promise<ReminderState> {
  return updateState(db, (s) => ({ ...s, dismissedAt: s.sinceBackup }));
}

/** Whether the archive page should show the reminder now. Never throws: a reminder is not worth an error. */
export async function reminderDue(db: ArchiveDb): Promise<boolean> {
  try {
    return isReminderDue(await getReminderState(db), await getReminderEvery(db));
  } catch {
    return false;
  }
}
