// Acting on many articles: select all results of a search, tag them, delete them (with undo).
import { deleteMany, restoreArticles, tagMany } from '../core/archive/organize';
import { formatCount, t } from '../shared/i18n';
import { $, db, notify, notifyError } from './page-kit';
import { allResultIds, resultTotal, selection } from './search-view';
import { updateCollectionControls } from './collection-actions';
import { updateRecheckButton } from './recheck-controls';

export function updateSelectionBar(): void {
  const count = selection.size;
  $('selected-count').textContent = count ? t('archiveSelected', formatCount(count)) : '';
  for (const id of ['bulk-tag-apply', 'bulk-delete', 'bulk-drop-images', 'bulk-drop-originals']) $<HTMLButtonElement>(id).disabled = count === 0;
  const all = $<HTMLInputElement>('select-all');
  all.checked = count > 0 && count >= resultTotal();
  all.indeterminate = count > 0 && count < resultTotal();
  for (const box of Array.from(document.querySelectorAll<HTMLInputElement>('#results input[type=checkbox]'))) {
    const id = box.closest('li')?.querySelector('a')?.getAttribute('href')?.replace('#/article/', '');
    if (id) box.checked = selection.has(decodeURIComponent(id));
  }
  updateCollectionControls();
  updateRecheckButton();
}

export function initBulkActions(onChange: () => Promise<void>): void {
  $<HTMLInputElement>('bulk-tag').placeholder = t('archiveBulkTagPlaceholder');
  $('select-all').addEventListener('change', async () => {
    if ($<HTMLInputElement>('select-all').checked) for (const id of await allResultIds()) selection.add(id);
    else selection.clear();
    updateSelectionBar();
  });
  $('bulk-tag-apply').addEventListener('click', async () => {
    const tag = $<HTMLInputElement>('bulk-tag').value.trim();
    if (!tag || !selection.size) return;
    try {
      const changed = await tagMany(db, [...selection], tag);
      notify(t('archiveTagged', tag, formatCount(changed)));
      $<HTMLInputElement>('bulk-tag').value = '';
      await onChange();
    } catch (error) {
      notifyError(error);
    }
  });
  $('bulk-delete').addEventListener('click', async () => {
    if (!selection.size) return;
    try {
      const deleted = await deleteMany(db, [...selection]);
      selection.clear();
      notify(t('archiveDeleted', formatCount(deleted.articles.length)), {
        action: { label: t('archiveUndo'), run: () => void restoreArticles(db, deleted).then(onChange, notifyError) },
      });
      await onChange();
    } catch (error) {
      notifyError(error);
    }
  });
}
