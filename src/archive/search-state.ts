// The archive list's query and filters as the URL holds them (so a search can be bookmarked), and what follows from
// them: the filters the search takes, the chips shown. No DOM: the page (search-view.ts) reads and writes it.
import type { SearchFilters } from '../core/search';
import type { Collection } from '../core/archive/collections';

export const FILTER_KEYS = ['collection', 'province', 'site', 'tag', 'category', 'savedFrom', 'savedTo', 'publishedFrom', 'publishedTo', 'gone'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface SearchState { q: string; filters: Partial<Record<FilterKey, string>> }

/** The state a URL's query string (`location.search`) describes; unknown and empty parameters are ignored. */
export function stateFromQueryString(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  return { q: params.get('q') ?? '', filters };
}

/** The query string (with its `?`, or empty) that restores the state. */
export function queryStringOf(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const k of FILTER_KEYS) if (state.filters[k]) params.set(k, state.filters[k]);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The state with one filter set; an empty value removes it. */
export function withFilter(state: SearchState, key: FilterKey, value: string): SearchState {
  return { ...state, filters: { ...state.filters, [key]: value || undefined } };
}

export function collectionOf(state: SearchState, collections: readonly Collection[]): Collection | null {
  return collections.find((c) => c.id === state.filters.collection) ?? null;
}

/**
 * The filters as the search takes them: a collection becomes the list of its articles (none if it is gone), and
 * "original gone" (`gone=1`) the list of articles a re-check found gone, `goneIds` as the page read them (no index
 * holds the mark); with both, the articles in both.
 */
export function searchFiltersOf(state: SearchState, collections: readonly Collection[], goneIds: readonly string[] | null = null): SearchFilters {
  const { collection, gone, ...rest } = state.filters;
  let ids: readonly string[] | null = collection ? (collectionOf(state, collections)?.ids ?? []) : null;
  if (gone) {
    const isGone = new Set(goneIds ?? []);
    ids = ids ? ids.filter((id) => isGone.has(id)) : [...isGone];
  }
  return ids ? { ...rest, ids } : rest;
}

interface FilterChip { key: FilterKey; value: string; shown: string }

/** One chip per filter set, in the filters' order; a collection shows its name (its id if it is gone). */
export function filterChips(state: SearchState, collections: readonly Collection[]): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (!value) continue;
    // The gone filter is on or off: its chip is its name alone.
    const shown = key === 'collection' ? (collectionOf(state, collections)?.name ?? value) : key === 'gone' ? '' : value;
    chips.push({ key, value, shown });
  }
  return chips;
}

/** No hit with no query and no filter: the archive itself is empty (the page shows its welcome, not "no results"). */
export function isArchiveEmpty(state: SearchState, total: number): boolean {
  return total === 0 && !state.q.trim() && !Object.values(state.filters).some(Boolean);
}
