// Import: read the file, validate all of it, let the user choose what happens to duplicates, apply in
// transactions (undone on failure), and report what was added, updated, skipped and rejected, row by row.
import { applyImport, type DuplicatePolicy, type ImportReport } from '../core/archive/import-apply';
import { importLockName } from '../core/archive/recovery';
import { archiveRecovered } from './recovery-notice';
import { noteArticlesSaved } from '../core/archive/backup-reminder';
import { addToNamedCollections } from '../core/archive/collections';
import { ImportFileError } from '../core/archive/import-parse';
import {
  canGather, collectionMembers, fileErrorNotice, gatheredSentence, gatherText, importReportNotice, importSummary, rowCount, type Words,
} from './import-report';
import type { ImportSource } from '../core/archive/import-read';
import { openImport, type ImportPlan } from '../core/archive/import-package';
import { sanitizeImportedHtml } from './imported-html';
import { compactIndex } from '../core/archive/store';
import { etaSuffix, formatCount, t } from '../shared/i18n';
import { createEtaEstimator } from '../core/progress-eta';
import { $, db, notify, notifyError, onFilePicked, progressDisplay } from './page-kit';
import { guardUnload } from './unload-guard';

const words: Words = { t, count: formatCount };

/** A whole-file problem: what is wrong, in the user's language, and that nothing was changed. */
function showFileError(error: unknown): void {
  const { message, details } = fileErrorNotice(error, words);
  notify(message, { error: true, details });
}

interface ImportChoice {
  policy: DuplicatePolicy;
  /**
   * Gather the articles into the collections the file names again (the user may decline): the one it was exported
   * from, and those each article says it is in.
   */
  gather: boolean;
}

function askPolicy(file: File, source: ImportSource): Promise<ImportChoice | null> {
  const dialog = $<HTMLDialogElement>('import-dialog');
  $('import-summary').textContent = importSummary(file.name, source, words);
  const gatherable = canGather(source);
  $('import-collection-row').hidden = !gatherable;
  $<HTMLInputElement>('import-collection').checked = true;
  $('import-collection-text').textContent = gatherable ? gatherText(source, words) : '';
  return new Promise((resolve) => {
    const form = $<HTMLFormElement>('import-form');
    const onClose = () => {
      dialog.removeEventListener('close', onClose);
      if (dialog.returnValue !== 'import') return resolve(null);
      const data = new FormData(form);
      resolve({ policy: (data.get('duplicates') as DuplicatePolicy) ?? 'skip', gather: gatherable && !!data.get('collection') });
    };
    dialog.addEventListener('close', onClose);
    dialog.returnValue = '';
    dialog.showModal();
  });
}

/** The running import's, for the progress bar's cancel button (shared with exports). */
let importController: AbortController | null = null;

/**
 * Merges the index segments an import left (one per batch) while the page stays open; searches work meanwhile.
 * A failure or a closed page loses nothing: the next flush of saved articles, or the next page, merges what is due.
 */
export function compactIndexInBackground(): void {
  void compactIndex(db).catch(() => undefined);
}

/**
 * Puts the imported articles into the collections the file names, after the import's own transactions: should this
 * fail, the articles are in and only the grouping is not. Returns the sentence for the import's report.
 */
async function gather(source: ImportSource, report: ImportReport): Promise<string> {
  const members = collectionMembers(source, report);
  if (!members.size) return '';
  try {
    await addToNamedCollections(db, members);
    return gatheredSentence(source, report, members, true, words);
  } catch {
    return gatheredSentence(source, report, members, false, words);
  }
}

/** Display updates while the file is checked: the file arrives in many small pieces. */
const CHECK_SHOWN_EVERY_MS = 100;

/**
 * The validation pass, with its progress (by bytes: the rows are only counted at the end) and the cancel button:
 * on a big file it takes a while before there is anything to ask. Null when it failed or was cancelled (said so).
 */
async function checkFile(file: File): Promise<ImportPlan | null> {
  const progress = $<HTMLProgressElement>('export-progress');
  const text = $('export-progress-text');
  const eta = createEtaEstimator();
  let shownAt = -Infinity;
  const show = (read: number, bytes: number) => {
    progress.max = Math.max(bytes, 1);
    progress.value = read;
    text.textContent = t('importChecking', formatCount(Math.floor((read / Math.max(bytes, 1)) * 100))) + etaSuffix(eta(read, bytes, performance.now()));
  };
  show(0, file.size);
  $('export-status').hidden = false;
  const controller = (importController = new AbortController());
  try {
    // JSON, NDJSON, or a ZIP / WACZ with images and original pages (every entry checked before anything is written).
    return await openImport(file, {
      signal: controller.signal,
      onProgress: (read, bytes) => {
        const now = performance.now();
        if (now - shownAt < CHECK_SHOWN_EVERY_MS) return;
        shownAt = now;
        show(read, bytes);
      },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') notify(t('importCancelled'));
    else showFileError(error);
    return null;
  } finally {
    importController = null;
    $('export-status').hidden = true;
  }
}

export async function importFile(file: File, onDone: () => Promise<void>): Promise<void> {
  const plan = await checkFile(file);
  if (!plan) return;
  try {
    await applyChecked(file, plan, onDone);
  } finally {
    await plan.close().catch(() => undefined);
  }
}

async function applyChecked(file: File, plan: ImportPlan, onDone: () => Promise<void>): Promise<void> {
  const { source } = plan;
  const choice = await askPolicy(file, source);
  if (!choice) return notify(t('importCancelled'));
  const total = rowCount(source);
  // The bar still holds the check's bytes: it starts again at 0 rows.
  const show = progressDisplay($<HTMLProgressElement>('export-progress'), $('export-progress-text'), 'importProgress');
  show(0, total);
  $('export-status').hidden = false;
  const release = guardUnload();
  const controller = (importController = new AbortController());
  try {
    const rows = plan.rows();
    // An import cut off earlier is undone before this one writes.
    await archiveRecovered();
    const journalId = crypto.randomUUID();
    // Held while it runs, so that no other context takes its journal for an interrupted import's.
    const report = await navigator.locks.request(importLockName(journalId), () => applyImport(db, rows, {
      journalId,
      total,
      onDuplicate: choice.policy,
      media: plan.media,
      batchSize: plan.batchSize,
      keepIds: choice.gather,
      sanitizeHtml: sanitizeImportedHtml,
      signal: controller.signal,
      onProgress: show,
    }));
    compactIndexInBackground();
    // Imported articles count towards the backup reminder like saved ones; the count is no reason to fail.
    await noteArticlesSaved(db, report.added).catch(() => undefined);
    const gathered = choice.gather ? await gather(source, report) : '';
    const { message, error, details } = importReportNotice(report, gathered, words);
    notify(message, { error, details });
    await onDone();
  } catch (error) {
    // Cancelled: applyImport has undone every batch it wrote.
    if (error instanceof DOMException && error.name === 'AbortError') notify(t('importCancelled'));
    else if (error instanceof ImportFileError) showFileError(error);
    else notifyError(error);
  } finally {
    importController = null;
    release();
    $('export-status').hidden = true;
  }
}

export function initImportControls(onDone: () => Promise<void>): void {
  $('export-cancel').addEventListener('click', () => importController?.abort());
  onFilePicked('import-file', (file) => void importFile(file, onDone));
}
