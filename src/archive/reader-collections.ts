// The reader's line of collections: the ones the article is in (each removable) and a choice to add it to another.
import { listCollections, removeFromCollection } from '../core/archive/collections';
import { t } from '../shared/i18n';
import { $, db, el, notify } from './page-kit';
import { addToChosen, collectionChoices, report } from './collection-actions';

let shownFor: string | null = null;
let afterChange: () => Promise<void> = async () => {};

export async function showReaderCollections(articleId: string): Promise<void> {
  shownFor = articleId;
  const all = await listCollections(db);
  const chips = all.filter((c) => c.ids.includes(articleId)).map((c) => {
    const remove = el('button', { text: '×', className: 'chip-remove' });
    remove.type = 'button';
    remove.title = t('archiveRemoveFromCollection');
    remove.setAttribute('aria-label', t('archiveRemoveFromNamedCollection', c.name));
    remove.addEventListener('click', async () => {
      try {
        await removeFromCollection(db, c.id, [articleId]);
        notify(t('archiveRemovedFromCollection', '1', c.name));
        await refresh();
      } catch (error) {
        report(error);
      }
    });
    return el('span', { className: 'chip', testid: 'reader-collection' }, c.name, remove);
  });
  $('reader-collections').replaceChildren(...(chips.length ? chips : [el('span', { className: 'muted', text: t('popupNoCollection') })]));
  collectionChoices($<HTMLSelectElement>('reader-collection-add'), all.filter((c) => !c.ids.includes(articleId)));
}

async function refresh(): Promise<void> {
  if (shownFor) await showReaderCollections(shownFor);
  await afterChange();
}

export function initReaderCollections(onChange: () => Promise<void>): void {
  afterChange = onChange;
  const select = $<HTMLSelectElement>('reader-collection-add');
  select.addEventListener('change', async () => {
    const chosen = select.value;
    select.value = '';
    if (chosen && shownFor && (await addToChosen(chosen, [shownFor]))) await refresh().catch(report);
  });
}
