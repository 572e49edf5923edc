// The list: search box, filters as chips, ranked results with highlighted snippets, paging as you scroll,
// selection for bulk actions. The query lives in the URL so a search can be bookmarked.
import { searchArchive, searchArchiveIds, type SearchFilters, type SearchHit } from '../core/search';
import {
  FILTER_KEYS, collectionOf, filterChips, isArchiveEmpty, queryStringOf, searchFiltersOf, stateFromQueryString, withFilter,
  type FilterKey, type SearchState,
} from './search-state';
import { listCollections, type Collection } from '../core/archive/collections';
import { formatCount, formatDate, t } from '../shared/i18n';
import { articleProvinceText, provinceText } from '../shared/province-text';
import { formerProvinceOf } from '../core/detect/province-of-time';
import { lookupProvince } from '../core/detect/registry';
import { $, clearPassingNotice, db, el, highlighted, notifyError } from './page-kit';
import { releaseThumbnails, resultThumbnails, thumbnailBox } from './result-thumbnails';

// A first page the reader sees at once; scrolling loads the next (larger pages cost an article read each).
const PAGE = 20;
export const selection = new Set<string>();
let state: SearchState = { q: '', filters: {} };
let shown = 0;
let total = 0;
let run = 0;
let loading = false;
let onSelectionChange: () => void = () => {};
/** The archive's collections, as the filter and the bulk actions last read them. */
let collections: Collection[] = [];
/** Articles a re-check found gone, read when the filter is on (no index holds the mark); null until read again. */
let goneIds: string[] | null = null;

export function knownCollections(): Collection[] {
  return collections;
}

/** The collection the list is restricted to, if any. */
export function activeCollection(): Collection | null {
  return collectionOf(state, collections);
}

/** The page's filters as the search takes them: a collection becomes the list of its articles. */
function searchFilters(): SearchFilters {
  return searchFiltersOf(state, collections, goneIds);
}

function readGoneIds(): Promise<string[]> {
  return db.articles.filter((a) => !!a.goneAt).primaryKeys();
}

function writeUrl(): void {
  history.replaceState(null, '', `${location.pathname}${queryStringOf(state)}${location.hash}`);
}

function renderChips(): void {
  const chips = $('chips');
  chips.replaceChildren();
  for (const { key: k, shown } of filterChips(state, collections)) {
    const label = shown ? `${t(`filter_${k}`)}: ${shown}` : t(`filter_${k}`);
    const remove = el('button', { text: '×', className: 'chip-remove' });
    remove.type = 'button';
    remove.title = t('filterRemove');
    remove.setAttribute('aria-label', t('filterRemoveNamed', label));
    remove.addEventListener('click', () => void setFilter(k, ''));
    chips.append(el('span', { className: 'chip', testid: 'filter-chip' }, label, remove));
  }
}

export async function setFilter(key: FilterKey, value: string): Promise<void> {
  state = withFilter(state, key, value);
  const input = filterField(key);
  if (input) setFieldValue(input, value);
  clearPassingNotice();
  await runSearch();
}

function resultItem(hit: SearchHit, thumb: string | undefined): HTMLLIElement {
  const box = el('input');
  box.type = 'checkbox';
  box.checked = selection.has(hit.id);
  box.setAttribute('aria-label', t('archiveSelectNamed', hit.title));
  box.addEventListener('change', () => {
    if (box.checked) selection.add(hit.id);
    else selection.delete(hit.id);
    onSelectionChange();
  });
  const link = el('a', { className: 'title' }, highlighted(hit.title, hit.highlights.title));
  link.href = `#/article/${encodeURIComponent(hit.id)}`;
  const meta = [hit.site.name || hit.site.host, articleProvinceText(hit.site, hit.publishedAt), hit.publishedAt ? formatDate(hit.publishedAt) : null,
    hit.checkedAt ? `${t('archiveCheckedAt')}: ${formatDate(hit.checkedAt)}` : null].filter(Boolean).join(' · ');
  const tags = hit.tags.map((tag) => {
    const chip = el('button', { text: tag, className: 'tag' });
    chip.type = 'button';
    chip.setAttribute('aria-label', t('archiveFilterByTag', tag));
    chip.addEventListener('click', () => void setFilter('tag', tag));
    return chip;
  });
  return el('li', { className: 'result', testid: 'result-item' },
    box,
    el('div', { className: 'result-body' },
      link,
      el('div', { className: 'meta', text: meta }),
      ...(hit.goneAt ? [el('div', { className: 'gone-mark', testid: 'gone-mark', text: t('archiveGoneMark', formatDate(hit.goneAt)) })] : []),
      el('p', { className: 'snippet' }, highlighted(hit.snippet, hit.highlights.snippet)),
      ...(tags.length ? [el('div', { className: 'tags' }, ...tags)] : [])),
    // After the text: rows with and without a picture keep their titles in one column.
    ...(thumb ? [thumbnailBox(thumb)] : []));
}

async function loadMore(token: number): Promise<void> {
  if (loading || shown >= total) return;
  loading = true;
  try {
    const result = await searchArchive(db, state.q, { filters: searchFilters(), offset: shown, limit: PAGE });
    const thumbs = await resultThumbnails(result.hits.map((h) => h.id));
    if (token !== run) return;
    $('results').append(...result.hits.map((hit) => resultItem(hit, thumbs.get(hit.id))));
    shown += result.hits.length;
  } finally {
    loading = false;
  }
}

/** Runs the current search from the first page; a newer run makes older answers stale. */
export async function runSearch(): Promise<void> {
  const token = ++run;
  writeUrl();
  renderChips();
  try {
    if (state.filters.gone && !goneIds) goneIds = await readGoneIds();
    const result = await searchArchive(db, state.q, { filters: searchFilters(), limit: PAGE });
    const thumbs = await resultThumbnails(result.hits.map((h) => h.id));
    if (token !== run) return;
    total = result.total;
    shown = result.hits.length;
    $('result-count').textContent = formatCount(total);
    announceCount();
    releaseThumbnails();
    $('results').replaceChildren(...result.hits.map((hit) => resultItem(hit, thumbs.get(hit.id))));
    const archiveEmpty = isArchiveEmpty(state, total);
    $('empty').hidden = !archiveEmpty;
    // Nothing to select or act on in an empty archive.
    $('result-bar').hidden = archiveEmpty;
    $('no-results').hidden = archiveEmpty || total > 0;
    onSelectionChange();
  } catch (error) {
    if (token === run) notifyError(error);
  }
}

/** The count after each search, in the page's polite live region: "2 kết quả cho ‘nông thôn’". */
function announceCount(): void {
  const q = state.q.trim();
  $('result-announce').textContent = q ? t('archiveResultsFor', formatCount(total), q) : t('archiveResultsAll', formatCount(total));
}

/** Ids of every hit of the current search (for "select all results"). */
export async function allResultIds(): Promise<string[]> {
  const result = await searchArchiveIds(db, state.q, { filters: searchFilters(), limit: Math.max(total, 1) });
  return result.ids;
}

export function resultTotal(): number {
  return total;
}

/** Names the current search and its result count: equal keys, equal results (barring a write in between). */
export function searchKey(): string {
  return JSON.stringify([state.q, searchFilters(), total]);
}

async function fillFilterOptions(): Promise<void> {
  const fill = async (id: string, keys: Promise<unknown[]>) => {
    const select = $<HTMLSelectElement>(id);
    const values = (await keys).filter((k): k is string => typeof k === 'string' && !!k).sort((a, b) => a.localeCompare(b, 'vi'));
    select.replaceChildren(new Option(t('filterAny'), ''), ...values.map((v) => new Option(v, v)));
  };
  collections = await listCollections(db);
  const collection = $<HTMLSelectElement>('filter-collection');
  collection.replaceChildren(new Option(t('filterAny'), ''), ...collections.map((c) => new Option(c.name, c.id)));
  // Distinct values come from the indexes' keys: no article is read.
  const hosts = db.articles.orderBy('site.host').uniqueKeys() as Promise<unknown[]>;
  await Promise.all([
    fillProvinces(db.articles.orderBy('site.province').uniqueKeys() as Promise<unknown[]>, hosts),
    fill('filter-site', hosts),
    fill('filter-tag', db.articles.orderBy('tags').uniqueKeys() as Promise<unknown[]>),
  ]);
}

/** Current provinces, and the former ones the archive's hosts belonged to ("Hà Giang (nay thuộc Tuyên Quang)"). */
async function fillProvinces(current: Promise<unknown[]>, hosts: Promise<unknown[]>): Promise<void> {
  const names = new Map<string, string>();
  for (const p of await current) if (typeof p === 'string' && p) names.set(p, p);
  for (const host of await hosts) {
    if (typeof host !== 'string') continue;
    const former = formerProvinceOf({ host, province: null });
    const now = lookupProvince(host)?.current;
    if (former && now && !names.has(former)) names.set(former, provinceText({ then: former, now }));
  }
  const sorted = [...names].sort((a, b) => a[0].localeCompare(b[0], 'vi'));
  $<HTMLSelectElement>('filter-province').replaceChildren(new Option(t('filterAny'), ''), ...sorted.map(([v, label]) => new Option(label, v)));
}

export async function initSearchView(options: { onSelectionChange: () => void }): Promise<void> {
  onSelectionChange = options.onSelectionChange;
  state = stateFromQueryString(location.search);
  const input = $<HTMLInputElement>('q');
  input.placeholder = t('searchPlaceholder');
  input.value = state.q;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      state = { ...state, q: input.value };
      clearPassingNotice();
      void runSearch();
    }, 120);
  });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(debounce);
    state = { ...state, q: input.value };
    clearPassingNotice();
    void runSearch();
  });
  await refreshFilters();
  for (const k of FILTER_KEYS) {
    const field = filterField(k);
    field?.addEventListener('change', () => void setFilter(k, fieldValue(field)));
  }
  new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) void loadMore(run);
  }, { rootMargin: '600px' }).observe($('more-sentinel'));
  await runSearch();
}

/** After the archive changed: new filter options, with the current choices kept. */
export async function refreshFilters(): Promise<void> {
  goneIds = null;
  await fillFilterOptions().catch(() => undefined);
  for (const k of FILTER_KEYS) {
    const field = filterField(k);
    if (field) setFieldValue(field, state.filters[k] ?? '');
  }
}

// A checkbox filter (the gone mark) is "1" when ticked.
const isCheckbox = (field: HTMLInputElement | HTMLSelectElement): field is HTMLInputElement => field instanceof HTMLInputElement && field.type === 'checkbox';
const fieldValue = (field: HTMLInputElement | HTMLSelectElement) => (isCheckbox(field) ? (field.checked ? '1' : '') : field.value.trim());

function setFieldValue(field: HTMLInputElement | HTMLSelectElement, value: string): void {
  if (isCheckbox(field)) field.checked = !!value;
  else if (field.value !== value) field.value = value;
}

function filterField(key: FilterKey): HTMLInputElement | HTMLSelectElement | null {
  return document.getElementById(`filter-${key}`) as HTMLInputElement | HTMLSelectElement | null;
}
