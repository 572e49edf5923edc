// Full backup (download) and restore (file input, confirmation, one transaction) in the archive page, and the
// gentle reminder to back up after every N new articles. Text only into the DOM; file names shown as text.
import browser from 'webextension-polyfill';
import { BackupError, createBackup, inspectBackup, restoreBackup } from '../core/archive/backup';
import { dismissReminder, getReminderState, noteBackedUp, reminderDue } from '../core/archive/backup-reminder';
import { toVietnamIso } from '../core/archive/build-article';
import { downloadBlob } from '../shared/download';
import { formatCount, t } from '../shared/i18n';
import { USER_SITES_KEY } from '../shared/user-sites';
import { saveUserRules, USER_RULES_KEY } from '../shared/user-rules';
import { cleanUserRules } from '../core/extract/user-rules';
import { $, db, notify, notifyError } from './page-kit';
import { sanitizeImportedHtml } from './imported-html';

export function backupFileName(now: Date): string {
  return `provincial-news-backup-${toVietnamIso(now).slice(0, 16).replace(/[T:]/g, '-')}.json`;
}

export async function backupNow(): Promise<void> {
  const button = $<HTMLButtonElement>('backup');
  button.disabled = true;
  button.textContent = t('archiveBackingUp');
  try {
    // The site list and other preferences live in storage.local, outside IndexedDB: they ride along as a snapshot.
    const storage = await browser.storage.local.get(null);
    const file = await createBackup(db, { storage });
    downloadBlob(file, backupFileName(new Date()));
    await noteBackedUp(db);
    $('reminder').hidden = true;
    notify(t('archiveBackedUp', formatCount(await db.articles.count())));
  } catch (error) {
    notifyError(error);
  } finally {
    button.disabled = false;
    button.textContent = t('archiveBackup');
  }
}

function confirmRestore(file: File, backupArticles: number, currentArticles: number): Promise<boolean> {
  const dialog = $<HTMLDialogElement>('restore-dialog');
  $('restore-summary').textContent = t('restoreConfirm', file.name, formatCount(currentArticles), formatCount(backupArticles));
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'restore'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}

function restoreErrorSentence(error: unknown, fileName: string): string {
  if (error instanceof BackupError && error.code === 'not-backup') return t('restoreNotBackup', fileName);
  if (error instanceof BackupError && error.code === 'newer') return t('restoreNewer', fileName);
  return t('restoreFailed', error instanceof Error ? error.message : String(error));
}

export async function restoreFile(file: File, onDone: (message: string) => void): Promise<void> {
  try {
    const info = await inspectBackup(db, file);
    if (!(await confirmRestore(file, info.articles, await db.articles.count()))) return notify(t('restoreCancelled'));
    notify(t('restoring'));
    const result = await restoreBackup(db, file, { sanitizeHtml: sanitizeImportedHtml });
    // Only the site list (and the content rules) are written back: other storage.local keys are caches this browser rebuilds itself.
    if (result.storage && USER_SITES_KEY in result.storage) await browser.storage.local.set({ [USER_SITES_KEY]: result.storage[USER_SITES_KEY] });
    // The content rules picked per host too, each checked as an imported one (a backup file is a file like any other).
    if (result.storage && USER_RULES_KEY in result.storage) await saveUserRules(cleanUserRules(result.storage[USER_RULES_KEY]).rules);
    onDone(t('restoreDone', formatCount(result.articles)));
  } catch (error) {
    notify(restoreErrorSentence(error, file.name), { error: true, details: [error instanceof Error ? error.message : String(error)] });
  }
}

/** Shows the reminder when enough new articles came since the last backup. */
export async function showReminderIfDue(): Promise<void> {
  if (!(await reminderDue(db))) return;
  $('reminder-text').textContent = t('reminderText', formatCount((await getReminderState(db)).sinceBackup));
  $('reminder').hidden = false;
}

export function initBackupControls(onDone: (message: string) => void): void {
  $('backup').addEventListener('click', () => void backupNow());
  $('reminder-backup').addEventListener('click', () => void backupNow());
  $('reminder-dismiss').addEventListener('click', () => {
    $('reminder').hidden = true;
    dismissReminder(db).catch(notifyError);
  });
  const input = $<HTMLInputElement>('restore-file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void restoreFile(file, onDone);
  });
}
