// Import: read the file, validate all of it, let the user choose what happens to duplicates, apply in
// transactions (undone on failure), and report what was added, updated, skipped and rejected, row by row.
import { applyImport, type DuplicatePolicy } from '../core/archive/import-apply';
import { noteArticlesSaved } from '../core/archive/backup-reminder';
import { ImportFileError, MAX_JSON_BYTES, parseImportText, type ImportRow } from '../core/archive/import-parse';
import { importRowsFromLines, linesOf, NotStreamableError, textChunksOf } from '../core/archive/import-stream';
import { sanitizeImportedHtml } from './imported-html';
import { t } from '../shared/i18n';
import { $, db, notify, notifyError } from './page-kit';

const FILE_ERROR_KEYS: Record<string, string> = {
  empty: 'importErrorEmpty', 'not-json': 'importErrorNotJson', truncated: 'importErrorTruncated',
  'wrong-shape': 'importErrorWrongShape', 'future-version': 'importErrorFutureVersion', 'too-large': 'importErrorTooLarge',
};

/** A whole-file problem: what is wrong, in the user's language, and that nothing was changed. */
function showFileError(error: unknown): void {
  const key = error instanceof ImportFileError ? FILE_ERROR_KEYS[error.code] ?? 'importErrorNotJson' : 'importErrorUnreadable';
  notify(`${t(key)} ${t('importNothingChanged')}`, { error: true, details: [error instanceof Error ? error.message : String(error)] });
}

/** A file we can read line by line (NDJSON, our JSON export), or else its rows parsed whole. */
type Source = { streamed: true; rows: number; valid: number } | { streamed: false; rows: ImportRow[]; valid: number };

/** The validation pass: every row is checked before anything is written. */
async function readSource(file: File): Promise<Source> {
  try {
    let rows = 0, valid = 0;
    for await (const batch of importRowsFromLines(linesOf(textChunksOf(file)))) {
      rows += batch.length;
      valid += batch.filter((r) => r.ok).length;
    }
    return { streamed: true, rows, valid };
  } catch (error) {
    if (!(error instanceof NotStreamableError)) throw error;
  }
  if (file.size > MAX_JSON_BYTES) throw new ImportFileError('too-large', `${(file.size / 1_073_741_824).toFixed(1)} GB`);
  const { rows } = parseImportText(await file.text());
  return { streamed: false, rows, valid: rows.filter((r) => r.ok).length };
}

function askPolicy(file: File, source: Source): Promise<DuplicatePolicy | null> {
  const dialog = $<HTMLDialogElement>('import-dialog');
  const total = source.streamed ? source.rows : source.rows.length;
  $('import-summary').textContent = t('importSummary', file.name, String(source.valid), String(total - source.valid));
  return new Promise((resolve) => {
    const form = $<HTMLFormElement>('import-form');
    const onClose = () => {
      dialog.removeEventListener('close', onClose);
      if (dialog.returnValue !== 'import') return resolve(null);
      resolve((new FormData(form).get('duplicates') as DuplicatePolicy) ?? 'skip');
    };
    dialog.addEventListener('close', onClose);
    dialog.returnValue = '';
    dialog.showModal();
  });
}

export async function importFile(file: File, onDone: () => Promise<void>): Promise<void> {
  let source: Source;
  try {
    source = await readSource(file);
  } catch (error) {
    showFileError(error);
    return;
  }
  const policy = await askPolicy(file, source);
  if (!policy) return notify(t('importCancelled'));
  const total = source.streamed ? source.rows : source.rows.length;
  const progress = $<HTMLProgressElement>('export-progress');
  $('export-progress-text').textContent = t('importProgress', '0', String(total));
  $('export-status').hidden = false;
  try {
    const rows = source.streamed ? importRowsFromLines(linesOf(textChunksOf(file))) : source.rows;
    const report = await applyImport(db, rows, {
      total,
      onDuplicate: policy,
      sanitizeHtml: sanitizeImportedHtml,
      onProgress: (done, total) => {
        progress.max = Math.max(total, 1);
        progress.value = done;
        $('export-progress-text').textContent = t('importProgress', String(done), String(total));
      },
    });
    // Imported articles count towards the backup reminder like saved ones; the count is no reason to fail.
    await noteArticlesSaved(db, report.added).catch(() => undefined);
    notify(t('importReport', String(report.added), String(report.updated), String(report.skipped), String(report.rejected)), {
      error: report.rejected > 0,
      details: report.problems.map((p) => `${t('importRow', String(p.row))}: ${p.reason}`),
    });
    await onDone();
  } catch (error) {
    if (error instanceof ImportFileError) showFileError(error);
    else notifyError(error);
  } finally {
    $('export-status').hidden = true;
  }
}

export function initImportControls(onDone: () => Promise<void>): void {
  const input = $<HTMLInputElement>('import-file');
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void importFile(file, onDone);
  });
}
