// The popup's tags and note fields: filled from the archived copy (so "update" edits rather than forgets them),
// read back as the cleaned values the save message carries. Text only, never HTML.
import { parseTagInput } from '../core/archive/organize';
import { MAX_SAVE_NOTE_CHARS, MAX_SAVE_TAGS, type ArchivedRef, type CollectionRef } from '../shared/messages';
import { t } from '../shared/i18n';

const tagsInput = () => document.getElementById('tags') as HTMLInputElement;
const noteInput = () => document.getElementById('note') as HTMLTextAreaElement;
const collectionSelect = () => document.getElementById('collection') as HTMLSelectElement;
/** The collection saved into last: a researcher usually clips a run of articles into the same one. */
const LAST_COLLECTION = 'pna:popup-collection';

/** Offers the archive's collections (none: the choice is hidden), the one saved into last chosen again. */
export function fillCollections(collections: readonly CollectionRef[] | undefined): void {
  if (!collections?.length) return;
  const select = collectionSelect();
  select.replaceChildren(new Option(t('popupNoCollection'), ''), ...collections.map((c) => new Option(c.name, c.id)));
  const last = localStorage.getItem(LAST_COLLECTION);
  select.value = last && collections.some((c) => c.id === last) ? last : '';
  document.getElementById('collection-row')!.hidden = false;
}

/** The name of the collection chosen for the save ('' for none). */
export function chosenCollectionName(): string {
  const select = collectionSelect();
  return select.value ? select.selectedOptions[0]?.textContent ?? '' : '';
}

/** Takes a collection that no longer exists off the choice (and off "saved into last"). */
export function forgetCollection(id: string): void {
  const select = collectionSelect();
  [...select.options].find((o) => o.value === id)?.remove();
  select.value = '';
  if (localStorage.getItem(LAST_COLLECTION) === id) localStorage.removeItem(LAST_COLLECTION);
  if (select.options.length <= 1) document.getElementById('collection-row')!.hidden = true;
}

/** Shows the fields, with the archived tags and note when there are some, and offers the archive's tags. */
export function fillOrganize(archived: ArchivedRef | null, knownTags?: readonly string[]): void {
  document.getElementById('organize')!.hidden = false;
  if (archived) {
    tagsInput().value = (archived.tags ?? []).join(', ');
    noteInput().value = archived.note ?? '';
  }
  if (knownTags) {
    const list = document.getElementById('known-tags')!;
    list.replaceChildren(...knownTags.map((tag) => Object.assign(document.createElement('option'), { value: tag })));
  }
}

/** The fields as the save message sends them: tags split at commas and cleaned, the note as typed. */
export function organizeEdits(): { tags: string[]; note: string; collection?: string } {
  const collection = collectionSelect().value;
  localStorage.setItem(LAST_COLLECTION, collection);
  // Capped to what the background's message check accepts, so a long paste cannot make the save vanish.
  return { tags: parseTagInput(tagsInput().value).slice(0, MAX_SAVE_TAGS), note: noteInput().value.slice(0, MAX_SAVE_NOTE_CHARS), ...(collection ? { collection } : {}) };
}
