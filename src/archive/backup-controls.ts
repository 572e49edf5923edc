// Full backup (download) and restore (file input, confirmation, one transaction) in the archive page, and the
// gentle reminder to back up after every N new articles. Text only into the DOM; file names shown as text.
import browser from 'webextension-polyfill';
import { BackupError, checkBackup, createBackup, inspectBackup, restoreBackup, type RestorePhase } from '../core/archive/backup';
import { createEtaEstimator } from '../core/progress-eta';
import { dismissReminder, getReminderState, noteBackedUp, reminderDue } from '../core/archive/backup-reminder';
import { toVietnamIso } from '../core/archive/build-article';
import { downloadBlob } from '../shared/download';
import { etaSuffix, formatCount, t } from '../shared/i18n';
import { USER_SITES_KEY } from '../shared/user-sites';
import { $, db, notify, notifyError, onFilePicked, progressDisplay } from './page-kit';
import { guardUnload } from './unload-guard';
import { saveUserRules, USER_RULES_KEY } from '../shared/user-rules';
import { cleanUserRules } from '../core/extract/user-rules';
import { sanitizeImportedHtml } from './imported-html';

function backupFileName(now: Date): string {
  return `provincial-news-backup-${toVietnamIso(now).slice(0, 16).replace(/[T:]/g, '-')}.json`;
}

async function backupNow(): Promise<void> {
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

/** Display updates while the file is checked: it is read a megabyte at a time, often faster than a screen refresh. */
const CHECK_SHOWN_EVERY_MS = 100;

let restoreController: AbortController | null = null;

/** The check's line says how far through the file it is (rows are only counted at the end), with the time left. */
function checkDisplay(): (read: number, bytes: number) => void {
  const bar = $<HTMLProgressElement>('export-progress');
  const eta = createEtaEstimator();
  let shownAt = -Infinity;
  return (read, bytes) => {
    const now = performance.now();
    if (read < bytes && now - shownAt < CHECK_SHOWN_EVERY_MS) return;
    shownAt = now;
    bar.max = Math.max(bytes, 1);
    bar.value = read;
    $('export-progress-text').textContent = t('restoreChecking', formatCount(Math.floor((read / Math.max(bytes, 1)) * 100))) + etaSuffix(eta(read, bytes, now));
  };
}

/** Writing, then indexing: each phase its own bar from 0 and its own pace for the time left. */
function writeDisplay(): (phase: RestorePhase, done: number, total: number) => void {
  const bar = $<HTMLProgressElement>('export-progress');
  const line = $('export-progress-text');
  const shows = { write: progressDisplay(bar, line, 'restoreProgress'), index: progressDisplay(bar, line, 'restoreIndexing') };
  return (phase, done, total) => {
    if (phase !== 'check') shows[phase](done, total);
  };
}

/** Head, then the whole file checked (with progress, cancellable), then the question, then the write (with progress). */
async function restoreFile(file: File, onDone: (message: string) => void): Promise<void> {
  const controller = (restoreController = new AbortController());
  const release = guardUnload();
  let message: string | null = null;
  try {
    await inspectBackup(db, file);
    $('export-status').hidden = false;
    const showCheck = checkDisplay();
    const checked = await checkBackup(db, file, { signal: controller.signal, onProgress: (_phase, read, bytes) => showCheck(read, bytes) });
    $('export-status').hidden = true;
    if (!(await confirmRestore(file, checked.articles, await db.articles.count()))) return notify(t('restoreCancelled'));
    $('export-status').hidden = false;
    const result = await restoreBackup(db, file, { checked, sanitizeHtml: sanitizeImportedHtml, signal: controller.signal, onProgress: writeDisplay() });
    // Only the site list (and the content rules) are written back: other storage.local keys are caches this browser rebuilds itself.
    if (result.storage && USER_SITES_KEY in result.storage) await browser.storage.local.set({ [USER_SITES_KEY]: result.storage[USER_SITES_KEY] });
    // The content rules picked per host too, each checked as an imported one (a backup file is a file like any other).
    if (result.storage && USER_RULES_KEY in result.storage) await saveUserRules(cleanUserRules(result.storage[USER_RULES_KEY]).rules);
    message = t('restoreDone', formatCount(result.articles));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') notify(t('restoreCancelled'));
    else notify(restoreErrorSentence(error, file.name), { error: true, details: [error instanceof Error ? error.message : String(error)] });
  } finally {
    restoreController = null;
    $('export-status').hidden = true;
    release();
  }
  // After the guard is gone: the page reloads onto the restored archive.
  if (message) onDone(message);
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
  $('export-cancel').addEventListener('click', () => restoreController?.abort());
  onFilePicked('restore-file', (file) => void restoreFile(file, onDone));
}
