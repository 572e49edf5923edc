import {
  cleanReminderEvery, DEFAULT_REMINDER_EVERY, dismissReminder, getReminderState, isReminderDue, noteArticlesSaved,
  noteBackedUp, reminderDue, setReminderEvery,
} from '../../src/core/archive/backup-reminder';
import { freshDb } from '../helpers/sample-article';

describe('backup reminder counter', () => {
  it('is due after N new articles, snoozes N more after a dismissal, and is off with N = 0', () => {
    expect(isReminderDue({ sinceBackup: 49, dismissedAt: 0 }, 50)).toBe(false);
    expect(isReminderDue({ sinceBackup: 50, dismissedAt: 0 }, 50)).toBe(true);
    expect(isReminderDue({ sinceBackup: 60, dismissedAt: 60 }, 50)).toBe(false);
    expect(isReminderDue({ sinceBackup: 109, dismissedAt: 60 }, 50)).toBe(false);
    expect(isReminderDue({ sinceBackup: 110, dismissedAt: 60 }, 50)).toBe(true);
    expect(isReminderDue({ sinceBackup: 1000, dismissedAt: 0 }, 0)).toBe(false);
  });

  it('cleans the interval typed in the settings page', () => {
    expect(cleanReminderEvery('20')).toBe(20);
    expect(cleanReminderEvery(0)).toBe(0);
    expect(cleanReminderEvery('0')).toBe(0);
    for (const bad of [-1, 1.5, 'abc', '', null, undefined, {}, NaN]) expect(cleanReminderEvery(bad)).toBe(DEFAULT_REMINDER_EVERY);
    expect(cleanReminderEvery(10 ** 9)).toBe(100_000);
  });

  it('counts saves and imports, resets on backup, and survives concurrent increments', async () => {
    const db = freshDb();
    await setReminderEvery(db, 3);
    expect(await reminderDue(db)).toBe(false);
    await Promise.all([noteArticlesSaved(db, 1), noteArticlesSaved(db, 1), noteArticlesSaved(db, 1)]);
    expect(await getReminderState(db)).toEqual({ sinceBackup: 3, dismissedAt: 0 });
    expect(await reminderDue(db)).toBe(true);
    await dismissReminder(db);
    expect(await reminderDue(db)).toBe(false);
    await noteArticlesSaved(db, 5); // an import of five new articles
    expect(await reminderDue(db)).toBe(true);
    await noteBackedUp(db);
    expect(await getReminderState(db)).toEqual({ sinceBackup: 0, dismissedAt: 0 });
    expect(await reminderDue(db)).toBe(false);
  });

  it('treats a damaged stored state as zero and never throws', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'backupReminderState', value: { sinceBackup: 'lots', dismissedAt: -4 } });
    expect(await getReminderState(db)).toEqual({ sinceBackup: 0, dismissedAt: 0 });
    await noteArticlesSaved(db, -7);
    expect((await getReminderState(db)).sinceBackup).toBe(0);
  });
});
