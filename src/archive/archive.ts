import { openArchiveDb } from '../core/archive/db';
import { listArticles } from '../core/archive/save-article';
import { exportFileName } from '../core/archive/export-json';
import { exportChunks, EXPORT_EXTENSIONS, EXPORT_MIME, type ExportFormat } from '../core/archive/export-stream';
import { toVietnamIso } from '../core/archive/build-article';
import { showInReaderFrame } from './reader-frame';
import type { Article } from '../core/types';
import { applyI18n, errorSentence, formatDate, t } from '../shared/i18n';
import { toArchiveError } from '../core/archive/errors';
import browser from 'webextension-polyfill';

const db = openArchiveDb();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function notify(text: string, isError = false): void {
  const notice = $('notice');
  notice.hidden = !text;
  notice.textContent = text;
  notice.className = isError ? 'notice error' : 'notice';
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

async function renderList(): Promise<void> {
  $('list-view').hidden = false;
  $('reader-view').hidden = true;
  const total = await db.articles.count();
  $('count').textContent = t('archiveCount', String(total));
  $('empty').hidden = total > 0;
  $('list').hidden = total === 0;
  const rows = $('rows');
  rows.replaceChildren();
  for (const article of await listArticles(db, { limit: 500 })) {
    const tr = document.createElement('tr');
    tr.dataset.testid = 'result-item';
    const titleCell = document.createElement('td');
    const link = document.createElement('a');
    link.href = `#/article/${encodeURIComponent(article.id)}`;
    link.textContent = article.title;
    titleCell.append(link);
    tr.append(titleCell, cell(article.site.name || article.site.host), cell(article.site.province ?? '—'), cell(formatDate(article.publishedAt) || '—', 'date'));
    rows.append(tr);
  }
}

async function renderReader(id: string): Promise<void> {
  const article = await db.articles.get(id);
  if (!article) {
    notify(t('archiveNotFound'), true);
    location.hash = '';
    return;
  }
  $('list-view').hidden = true;
  $('reader-view').hidden = false;
  document.title = article.title;
  $('reader-category').textContent = article.category ?? '';
  $('reader-title').textContent = article.title;
  const meta = [article.site.name || article.site.host, article.site.province, formatDate(article.publishedAt),
    article.author ? `${t('archiveAuthor')}: ${article.author}` : null, `${t('archiveCapturedAt')}: ${formatDate(article.capturedAt)}`];
  $('reader-meta').textContent = meta.filter(Boolean).join(' · ');
  $('reader-lead').textContent = article.lead ?? '';
  await showInReaderFrame($<HTMLIFrameElement>('reader-frame'), article.bodyHtml, article.url);
  const original = $<HTMLAnchorElement>('reader-original');
  original.href = /^https?:/.test(article.url) ? article.url : '#';
  window.scrollTo(0, 0);
}

let exportController: AbortController | null = null;

function exportLabel(format: ExportFormat): string {
  return t('archiveExportAs', format === 'csl-json' ? 'CSL-JSON' : format.toUpperCase());
}

/** Streams the archive out a page at a time, with progress and a cancel button for long runs. */
async function exportArchive(): Promise<void> {
  const button = $<HTMLButtonElement>('export-json');
  const format = $<HTMLSelectElement>('export-format').value as ExportFormat;
  const progress = $<HTMLProgressElement>('export-progress');
  exportController = new AbortController();
  button.disabled = true;
  button.textContent = t('archiveExporting');
  const showProgress = setTimeout(() => { $('export-status').hidden = false; }, 300);
  try {
    const chunks: string[] = [];
    const now = new Date();
    let count = 0;
    for await (const chunk of exportChunks(db, {
      format,
      generator: `Provincial News Archiver ${browser.runtime.getManifest().version}`,
      now,
      signal: exportController.signal,
      onProgress: ({ done, total }) => {
        count = done;
        progress.max = Math.max(total, 1);
        progress.value = done;
        $('export-progress-text').textContent = t('archiveExportProgress', String(done), String(total));
      },
    })) chunks.push(chunk);
    const blob = new Blob(chunks, { type: EXPORT_MIME[format] });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(toVietnamIso(now), null, EXPORT_EXTENSIONS[format]);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    notify(t('archiveExported', String(count)));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') notify(t('archiveExportCancelled'));
    else {
      const e = toArchiveError(error);
      notify(errorSentence({ code: e.code, message: e.message }), true);
    }
  } finally {
    clearTimeout(showProgress);
    $('export-status').hidden = true;
    exportController = null;
    button.disabled = false;
    button.textContent = exportLabel(format);
  }
}

async function showStorage(): Promise<void> {
  const estimate = await navigator.storage?.estimate?.();
  if (!estimate?.usage) return;
  const mb = estimate.usage / 1_048_576;
  $('storage').textContent = t('archiveStorage', mb < 1 ? `${Math.ceil(estimate.usage / 1024)} KB` : `${mb.toFixed(1)} MB`);
}

async function route(): Promise<void> {
  const match = /^#\/article\/(.+)$/.exec(location.hash);
  try {
    if (match) await renderReader(decodeURIComponent(match[1]));
    else {
      document.title = t('archiveTitle');
      await renderList();
    }
  } catch (error) {
    const e = toArchiveError(error);
    notify(errorSentence({ code: e.code, message: e.message }), true);
  }
}

applyI18n(document);
$('export-json').addEventListener('click', () => void exportArchive());
$('export-format').addEventListener('change', () => {
  $('export-json').textContent = exportLabel($<HTMLSelectElement>('export-format').value as ExportFormat);
});
$('export-cancel').addEventListener('click', () => exportController?.abort());
window.addEventListener('hashchange', () => void route());
void route().then(() => { document.body.dataset.ready = 'true'; });
void showStorage();
