// Import: read the file, validate all of it, let the user choose what happens to duplicates, apply in
// transactions (undone on failure), and report what was added, updated, skipped and rejected, row by row.
import { applyImport, type DuplicatePolicy } from '../core/archive/import-apply';
import { ImportFileError, MAX_JSON_BYTES, parseImportText, type ParsedImport } from '../core/archive/import-parse';
import { sanitizeArticleHtml } from '../core/extract/sanitize-html';
import { t } from '../shared/i18n';
import { $, db, notify, notifyError } from './page-kit';

const FILE_ERROR_KEYS: Record<string, string> = {
  empty: 'importErrorEmpty', 'not-json': 'importErrorNotJson', truncated: 'importErrorTruncated',
  'wrong-shape': 'importErrorWrongShape', 'future-version': 'importErrorFutureVersion', 'too-large': 'importErrorTooLarge',
};

function sanitizeHtml(html: string, baseUrl: string): string {
  return sanitizeArticleHtml(new DOMParser().parseFromString(html, 'text/html').body, baseUrl);
}

function askPolicy(file: File, parsed: ParsedImport): Promise<DuplicatePolicy | null> {
  const dialog = $<HTMLDialogElement>('import-dialog');
  const valid = parsed.rows.filter((r) => r.ok).length;
  $('import-summary').textContent = t('importSummary', file.name, String(valid), String(parsed.rows.length - valid));
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
  let parsed: ParsedImport;
  try {
    if (file.size > MAX_JSON_BYTES) throw new ImportFileError('too-large', `${(file.size / 1_073_741_824).toFixed(1)} GB`);
    parsed = parseImportText(await file.text());
  } catch (error) {
    if (error instanceof ImportFileError) {
      notify(`${t(FILE_ERROR_KEYS[error.code] ?? 'importErrorNotJson')} ${t('importNothingChanged')}`, { error: true, details: [error.message] });
    } else {
      notify(`${t('importErrorUnreadable')} ${t('importNothingChanged')}`, { error: true, details: [String(error)] });
    }
    return;
  }
  const policy = await askPolicy(file, parsed);
  if (!policy) return notify(t('importCancelled'));
  const progress = $<HTMLProgressElement>('export-progress');
  $('export-progress-text').textContent = t('importProgress', '0', String(parsed.rows.length));
  $('export-status').hidden = false;
  try {
    const report = await applyImport(db, parsed.rows, {
      onDuplicate: policy,
      sanitizeHtml,
      onProgress: (done, total) => {
        progress.max = Math.max(total, 1);
        progress.value = done;
        $('export-progress-text').textContent = t('importProgress', String(done), String(total));
      },
    });
    notify(t('importReport', String(report.added), String(report.updated), String(report.skipped), String(report.rejected)), {
      error: report.rejected > 0,
      details: report.problems.map((p) => `${t('importRow', String(p.row))}: ${p.reason}`),
    });
    await onDone();
  } catch (error) {
    notifyError(error);
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
