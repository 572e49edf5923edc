// Collections in the archive page: add the selected articles to a collection (an existing one or a new one), take
// them out of the collection being viewed, rename it, delete it (with undo; its articles stay in the archive).
import { addToCollection, CollectionError, createCollection, deleteCollection, removeFromCollection, renameCollection, restoreCollection, type Collection } from '../core/archive/collections';
import { formatCount, t } from '../shared/i18n';
import { $, db, notify, notifyError } from './page-kit';
import { activeCollection, knownCollections, selection, setFilter } from './search-view';

const NEW = '__new__';

function collectionErrorText(error: unknown): string | null {
  if (!(error instanceof CollectionError)) return null;
  if (error.problem === 'empty-name') return t('collectionNameEmpty');
  if (error.problem === 'name-taken') return t('collectionNameTaken', error.collectionName);
  return t('collectionMissing');
}

/** Options of a "add to collection" select: a prompt line, the given collections, and "new collection…". */
export function collectionChoices(select: HTMLSelectElement, collections: readonly Collection[]): void {
  select.replaceChildren(new Option(t('archiveAddToCollection'), ''), ...collections.map((c) => new Option(c.name, c.id)), new Option(t('archiveNewCollection'), NEW));
}

/**
 * Adds articles to the collection chosen in such a select, asking for a name first for a new one; says what it did.
 * False when the person cancelled the name or a collection problem was reported.
 */
export async function addToChosen(chosen: string, articleIds: readonly string[]): Promise<boolean> {
  try {
    let id = chosen;
    if (chosen === NEW) {
      const typed = prompt(t('archiveCollectionNamePrompt'));
      if (typed === null) return false;
      id = (await createCollection(db, typed)).id;
    }
    const { collection, added } = await addToCollection(db, id, articleIds);
    notify(t('archiveAddedToCollection', formatCount(added), collection.name));
    return true;
  } catch (error) {
    report(error);
    return false;
  }
}

export function report(error: unknown): void {
  const text = collectionErrorText(error);
  if (text) notify(text, { error: true });
  else notifyError(error);
}

/** The bulk bar's collection controls, after the selection or the collections changed. */
export function updateCollectionControls(): void {
  const target = $<HTMLSelectElement>('bulk-collection');
  const chosen = target.value;
  collectionChoices(target, knownCollections());
  target.value = chosen && [...target.options].some((o) => o.value === chosen) ? chosen : '';
  target.disabled = selection.size === 0;
  const active = activeCollection();
  $<HTMLButtonElement>('bulk-uncollect').hidden = !active;
  $<HTMLButtonElement>('bulk-uncollect').disabled = selection.size === 0;
  $('collection-tools').hidden = !active;
  const scope = $<HTMLSelectElement>('export-scope').querySelector<HTMLOptionElement>('option[value=collection]')!;
  scope.disabled = !active;
  if (!active && $<HTMLSelectElement>('export-scope').value === 'collection') $<HTMLSelectElement>('export-scope').value = 'all';
}

export function initCollectionActions(onChange: () => Promise<void>): void {
  const target = $<HTMLSelectElement>('bulk-collection');
  target.addEventListener('change', async () => {
    const chosen = target.value;
    target.value = '';
    if (!chosen || !selection.size) return;
    if (await addToChosen(chosen, [...selection])) await onChange().catch(notifyError);
  });
  /** An action on the collection being viewed, then a refresh; false from the action means nothing was done. */
  const onViewed = (button: string, action: (active: Collection) => Promise<boolean | void>) =>
    $(button).addEventListener('click', async () => {
      const active = activeCollection();
      if (!active) return;
      try {
        if ((await action(active)) === false) return;
        await onChange();
      } catch (error) {
        report(error);
      }
    });
  onViewed('bulk-uncollect', async (active) => {
    if (!selection.size) return false;
    const removed = await removeFromCollection(db, active.id, [...selection]);
    selection.clear();
    notify(t('archiveRemovedFromCollection', formatCount(removed), active.name));
  });
  onViewed('collection-rename', async (active) => {
    const typed = prompt(t('archiveCollectionRenamePrompt'), active.name);
    if (typed === null) return false;
    await renameCollection(db, active.id, typed);
  });
  onViewed('collection-delete', async (active) => {
    const deleted = await deleteCollection(db, active.id);
    await setFilter('collection', '');
    notify(t('archiveCollectionDeleted', deleted.name), {
      action: { label: t('archiveUndo'), run: () => void restoreCollection(db, deleted).then(onChange, notifyError) },
    });
  });
}
