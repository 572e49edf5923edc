// The settings page's backup section: how often the archive page reminds about a backup (0 = never), and the way
// to the archive page, where the backup and restore buttons are (next to export and import).
import browser from 'webextension-polyfill';
import { openArchiveDb } from '../core/archive/db';
import { getReminderEvery, setReminderEvery } from '../core/archive/backup-reminder';
import { t } from '../shared/i18n';

export async function initBackupSettings(): Promise<void> {
  const db = openArchiveDb();
  const input = document.getElementById('reminder-every') as HTMLInputElement;
  const status = document.getElementById('reminder-status')!;
  input.value = String(await getReminderEvery(db));
  input.addEventListener('change', async () => {
    // The input's own min/step only hint; the stored value is cleaned by the core (integer, 0..100000).
    input.value = String(await setReminderEvery(db, Number(input.value)));
    status.textContent = t('optionsReminderSaved');
  });
  document.getElementById('open-archive-backup')!.addEventListener('click', () => {
    void browser.tabs.create({ url: browser.runtime.getURL('archive/archive.html') });
  });
}
