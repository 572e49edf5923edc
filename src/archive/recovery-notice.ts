// Opening the archive undoes imports cut off by a closed page or a crashed browser before anything else
// (core/archive/recovery.ts). The page shows how far the undo has come (count and time left), whether it runs here or
// in the background (which then reports its progress), and says what was undone, wherever that ran.
import browser from 'webextension-polyfill';
import { recoverArchive, takeRecoveryReport, webLocks } from '../core/archive/recovery';
import { parseRepairProgress, type RepairProgress } from '../shared/messages';
import { formatCount, t } from '../shared/i18n';
import { $, db, el, notify, progressDisplay } from './page-kit';

let recovered: Promise<void> | null = null;

/** Resolves once this page's recovery ran (imports and other writes of the page wait for it). */
export function archiveRecovered(): Promise<void> {
  return recovered ?? Promise.resolve();
}

/** The progress bar in the notice line, made on the first report. */
function repairDisplay(): (done: number, total: number) => void {
  let show: ((done: number, total: number) => void) | null = null;
  return (done, total) => {
    if (!show) {
      notify(t('archiveRepairing'));
      const bar = el('progress', { testid: 'repair-progress' });
      const text = el('span', { testid: 'repair-progress-text' });
      $('notice').append(' ', bar, ' ', text);
      show = progressDisplay(bar, text, 'archiveRepairProgress');
    }
    show(done, total);
  };
}

const TELL_EVERY_MS = 250;

/** Undoes interrupted imports (waiting for another context that does it), with progress; says what was undone. */
export function recoverOnOpen(): Promise<void> {
  recovered ??= (async () => {
    const display = repairDisplay();
    const fromElsewhere = (message: unknown): undefined => {
      const progress = parseRepairProgress(message);
      if (progress) display(progress.done, progress.total);
      return undefined;
    };
    let toldAt = 0;
    // The popup waiting for the same repair hears how far it is.
    const tellOthers = (done: number, total: number) => {
      const now = Date.now();
      if (done > 0 && done < total && now - toldAt < TELL_EVERY_MS) return;
      toldAt = now;
      browser.runtime.sendMessage({ type: 'repair-progress', done, total } satisfies RepairProgress).catch(() => undefined);
    };
    browser.runtime.onMessage.addListener(fromElsewhere);
    try {
      await recoverArchive(db, webLocks(navigator.locks), { onProgress: (done, total) => { display(done, total); tellOthers(done, total); } });
    } finally {
      browser.runtime.onMessage.removeListener(fromElsewhere);
    }
    // Undone here, or by the background before this page opened (after a crash, the first thing that woke it).
    const undone = await takeRecoveryReport(db);
    if (undone) notify(t('importInterruptedUndone', formatCount(undone)));
  })();
  return recovered;
}
