// The archive page: search and list, reader, bulk actions, export and import.
import type { ExportFilter } from '../core/archive/export-json';
import { searchCacheBytesFor, setSearchCacheBytes } from '../core/search';
import { applyI18n, formatCount, t } from '../shared/i18n';
import { initBackupControls, showReminderIfDue } from './backup-controls';
import { initBulkActions, updateSelectionBar } from './bulk-actions';
import { initExportControls } from './export-controls';
import { compactIndexInBackground, initImportControls } from './import-controls';
import { recoverOnOpen } from './recovery-notice';
import { $, clearPassingNotice, db, notify, notifyError } from './page-kit';
import { applyUserSites } from '../shared/user-sites';
import { initReaderView, renderReader } from './reader-view';
import { closeReaderOnEscape, focusOpenedResult, focusReaderTitle, initSkipLink } from './reader-focus';
import { activeCollection, allResultIds, initSearchView, refreshFilters, runSearch, selection } from './search-view';
import { initCollectionActions } from './collection-actions';
import { initRecheckControls } from './recheck-controls';
import { openArchiveWithUpgradeNotice } from './upgrade-notice';
import { watchBulkRun } from '../shared/bulk-run-view';
import { initMediaDropActions, storageUsageSentence } from './stored-media';

const AFTER_RELOAD_NOTICE = 'archiveNoticeAfterReload';

async function showCount(): Promise<void> {
  $('count').textContent = t('archiveCount', formatCount(await db.articles.count()));
}

async function showStorage(): Promise<void> {
  const estimate = await navigator.storage?.estimate?.();
  if (!estimate?.usage) return;
  const mb = estimate.usage / 1_048_576;
  $('storage').textContent = t('archiveStorage', mb < 1 ? `${Math.ceil(estimate.usage / 1024)} KB` : `${mb.toFixed(1)} MB`);
  // With images or original pages stored: what each takes (their sizes are on their rows).
  const usage = await storageUsageSentence(estimate.usage);
  if (usage) $('storage').textContent = usage;
}

/** After anything changed the archive: counts, filter options and the current results. */
async function refresh(): Promise<void> {
  // The space used is summed over the image and page rows: it never holds the list back.
  void showStorage().catch(() => undefined);
  await Promise.all([showCount(), refreshFilters()]);
  await runSearch();
}

/** What the export button exports: the whole archive, the current search's results, or the selection. */
async function exportScope(): Promise<ExportFilter | null> {
  const scope = $<HTMLSelectElement>('export-scope').value;
  if (scope === 'selection') {
    if (!selection.size) throw new Error(t('archiveNothingSelected'));
    return { ids: [...selection] };
  }
  if (scope === 'collection') {
    const collection = activeCollection();
    if (collection) return { ids: [...collection.ids], collection: collection.name };
  }
  if (scope === 'results') {
    const query = new URLSearchParams(location.search).toString();
    return { ids: await allResultIds(), ...(query ? { query } : {}) };
  }
  return null;
}

async function route(): Promise<void> {
  const match = /^#\/article\/(.+)$/.exec(location.hash);
  try {
    const id = match ? decodeURIComponent(match[1]) : null;
    if (id !== null && (await renderReader(id))) {
      $('list-view').hidden = true;
      $('reader-view').hidden = false;
      focusReaderTitle(id);
      return;
    }
    if (match) notify(t('archiveNotFound'), { error: true });
    document.title = t('archiveTitle');
    $('list-view').hidden = false;
    $('reader-view').hidden = true;
    focusOpenedResult();
  } catch (error) {
    notifyError(error);
  }
}

async function main(): Promise<void> {
  applyI18n(document);
  initExportControls(exportScope);
  initImportControls(refresh);
  // A restore replaced the archive under this page's open connection: reload for fresh lists and search caches,
  // and say what happened once the page is back.
  initBackupControls((message) => {
    sessionStorage.setItem(AFTER_RELOAD_NOTICE, message);
    location.hash = '';
    location.reload();
  });
  const pending = sessionStorage.getItem(AFTER_RELOAD_NOTICE);
  if (pending) {
    sessionStorage.removeItem(AFTER_RELOAD_NOTICE);
    notify(pending);
  }
  initReaderView(refresh);
  initBulkActions(refresh);
  initMediaDropActions(refresh);
  initCollectionActions(refresh);
  initRecheckControls(refresh);
  window.addEventListener('hashchange', () => {
    clearPassingNotice();
    void route();
  });
  closeReaderOnEscape();
  initSkipLink();
  $('reader-back').addEventListener('click', (e) => {
    e.preventDefault();
    location.hash = '';
  });
  // A machine with little memory keeps a smaller share of postings decoded between searches.
  setSearchCacheBytes(searchCacheBytesFor((navigator as Navigator & { deviceMemory?: number }).deviceMemory));
  await openArchiveWithUpgradeNotice().catch(notifyError);
  // Before anything reads or writes the archive: an import cut off by a crash is undone (with progress).
  await recoverOnOpen().catch(notifyError);
  // The user's own sites name former provinces too: the list shows them as the registry's do.
  await applyUserSites().catch(() => []);
  await Promise.all([showCount(), initSearchView({ onSelectionChange: updateSelectionBar })]);
  await route();
  void showStorage();
  void showReminderIfDue();
  // A bulk run going on (or paused) shows here too; when it ends, the list shows what it saved. A re-check run has
  // its own panel with each article's outcome.
  void watchBulkRun(true, () => void refresh(), { except: 'recheck' });
  compactIndexInBackground();
}

main().then(() => { document.body.dataset.ready = 'true'; }, notifyError);
