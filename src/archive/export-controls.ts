// Export of the whole archive, the current search's results or the selection, in four formats, streamed with a
// progress bar and a cancel button.
import browser from 'webextension-polyfill';
import { exportFileName, type ExportFilter } from '../core/archive/export-json';
import { countForExport, exportParts, EXPORT_EXTENSIONS, EXPORT_MIME, type ExportFormat } from '../core/archive/export-stream';
import { toVietnamIso } from '../core/archive/build-article';
import { downloadBlob } from '../shared/download';
import { formatCount, t } from '../shared/i18n';
import { noteBackedUp } from '../core/archive/backup-reminder';
import { $, db, notify, notifyError, progressDisplay } from './page-kit';
import { guardUnload } from './unload-guard';
import { chooseExportFile } from './export-file';
import { isPackageFormat, PACKAGE_FILES, packageSink, writePackage, type PackageFormat } from './package-export';

let controller: AbortController | null = null;

function exportLabel(format: ExportFormat | PackageFormat): string {
  return t('archiveExportAs', format === 'csl-json' ? 'CSL-JSON' : format.toUpperCase());
}

async function exportArchive(filter: ExportFilter | null): Promise<void> {
  const button = $<HTMLButtonElement>('export-json');
  const format = $<HTMLSelectElement>('export-format').value as ExportFormat | PackageFormat;
  const { extension, mime } = isPackageFormat(format) ? PACKAGE_FILES[format] : { extension: EXPORT_EXTENSIONS[format], mime: EXPORT_MIME[format] };
  const progress = $<HTMLProgressElement>('export-progress');
  controller = new AbortController();
  button.disabled = true;
  button.textContent = t('archiveExporting');
  const showProgress = setTimeout(() => { $('export-status').hidden = false; }, 300);
  const release = guardUnload();
  let file: FileSystemWritableFileStream | null = null;
  try {
    const now = new Date();
    const name = exportFileName(toVietnamIso(now), filter, extension);
    const choice = await chooseExportFile(await countForExport(db, filter), name, mime);
    if (choice.kind === 'cancelled') {
      notify(t('archiveExportCancelled'));
      return;
    }
    if (choice.kind === 'file') file = choice.stream;
    // For a download, each page's parts become one Blob at once (no joining first): the browser keeps blob data
    // outside the JS heap, so the page's heap does not grow with the archive (the browser's memory does, which is why
    // big exports go to a file where the browser can).
    const parts: Blob[] = [];
    let count = 0;
    const show = progressDisplay(progress, $('export-progress-text'), 'archiveExportProgress');
    const generator = `Provincial News Archiver ${browser.runtime.getManifest().version}`;
    if (isPackageFormat(format)) {
      // The ZIP and WACZ carry the stored images and original pages (a stream of bytes, not text parts).
      count = await writePackage(db, format, packageSink(file, parts), { filter, generator, now, signal: controller.signal, onProgress: ({ done, total }) => show(done, total), title: name.replace(/\.[a-z]+$/, '') });
    } else for await (const page of exportParts(db, {
      format,
      filter,
      generator,
      now,
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        count = done;
        show(done, total);
      },
    })) {
      if (file) await file.write(new Blob(page));
      else parts.push(new Blob(page));
    }
    if (file) {
      await file.close();
      file = null;
    } else downloadBlob(new Blob(parts, { type: mime }), name);
    // An export of the whole archive is a backup of its articles: the reminder starts counting again.
    if (!filter) {
      await noteBackedUp(db).catch(() => undefined);
      $('reminder').hidden = true;
    }
    notify(t('archiveExported', formatCount(count)));
  } catch (error) {
    // A cancelled or failed export leaves no half-written file behind.
    await file?.abort().catch(() => undefined);
    if (error instanceof DOMException && error.name === 'AbortError') notify(t('archiveExportCancelled'));
    else notifyError(error);
  } finally {
    release();
    clearTimeout(showProgress);
    $('export-status').hidden = true;
    controller = null;
    button.disabled = false;
    button.textContent = exportLabel(format);
  }
}

export function initExportControls(scopeFilter: () => Promise<ExportFilter | null>): void {
  $('export-json').addEventListener('click', async () => {
    try {
      await exportArchive(await scopeFilter());
    } catch (error) {
      notifyError(error);
    }
  });
  $('export-format').addEventListener('change', () => {
    $('export-json').textContent = exportLabel($<HTMLSelectElement>('export-format').value as ExportFormat | PackageFormat);
  });
  $('export-cancel').addEventListener('click', () => controller?.abort());
}
