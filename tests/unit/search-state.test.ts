import {
  filterChips, isArchiveEmpty, queryStringOf, searchFiltersOf, stateFromQueryString, withFilter, type SearchState,
} from '../../src/archive/search-state';
import type { Collection } from '../../src/core/archive/collections';

const collections: Collection[] = [{ id: 'c1', name: 'Nông thôn mới', createdAt: '2026-01-01T00:00:00.000Z', ids: ['a', 'b'] }];

describe('the archive search as the URL keeps it', () => {
  it('a bookmarked URL restores the same query and filters', () => {
    const state: SearchState = { q: 'nông thôn "mới"', filters: { province: 'Hà Giang', tag: 'a&b=c', savedFrom: '2026-01-01', collection: 'c1' } };
    const url = `chrome-extension://x/archive.html${queryStringOf(state)}`;
    expect(stateFromQueryString(new URL(url).search)).toEqual(state);
  });

  it('an empty search leaves the URL bare and reads back empty', () => {
    expect(queryStringOf({ q: '', filters: {} })).toBe('');
    expect(stateFromQueryString('')).toEqual({ q: '', filters: {} });
  });

  it('ignores parameters that are no filter, and empty ones', () => {
    expect(stateFromQueryString('?q=lũ&site=&foo=bar&tag=bão')).toEqual({ q: 'lũ', filters: { tag: 'bão' } });
  });

  it('removing a filter (empty value) takes it out of the URL', () => {
    const state = withFilter(withFilter({ q: 'lũ', filters: {} }, 'site', 'baohagiang.vn'), 'site', '');
    expect(queryStringOf(state)).toBe('?q=l%C5%A9');
  });
});

describe('filters shown and searched', () => {
  it('shows one chip per filter, a collection by its name', () => {
    const chips = filterChips({ q: '', filters: { tag: 'bão', collection: 'c1', province: 'Tuyên Quang' } }, collections);
    expect(chips.map((c) => [c.key, c.shown])).toEqual([['collection', 'Nông thôn mới'], ['province', 'Tuyên Quang'], ['tag', 'bão']]);
  });

  it('a deleted collection shows its id and finds nothing', () => {
    const state: SearchState = { q: '', filters: { collection: 'gone' } };
    expect(filterChips(state, collections)[0].shown).toBe('gone');
    expect(searchFiltersOf(state, collections)).toEqual({ ids: [] });
  });

  it('a collection restricts the search to its articles, other filters pass as they are', () => {
    expect(searchFiltersOf({ q: '', filters: { collection: 'c1', tag: 'bão' } }, collections)).toEqual({ tag: 'bão', ids: ['a', 'b'] });
  });

  it('the archive is empty only when nothing is found with no query and no filter', () => {
    expect(isArchiveEmpty({ q: '  ', filters: {} }, 0)).toBe(true);
    expect(isArchiveEmpty({ q: 'lũ', filters: {} }, 0)).toBe(false);
    expect(isArchiveEmpty({ q: '', filters: { tag: 'bão' } }, 0)).toBe(false);
    expect(isArchiveEmpty({ q: '', filters: {} }, 3)).toBe(false);
  });
  it('"original gone" narrows to the articles a re-check found gone, within the collection when one is chosen; in the URL as gone=1', () => {
    const state = stateFromQueryString('?gone=1&collection=c1');
    expect(state.filters).toEqual({ collection: 'c1', gone: '1' });
    expect(queryStringOf(withFilter(state, 'collection', ''))).toBe('?gone=1');
    expect(searchFiltersOf({ q: '', filters: { gone: '1' } }, collections, ['b', 'z'])).toEqual({ ids: ['b', 'z'] });
    expect(searchFiltersOf(state, collections, ['b', 'z'])).toEqual({ ids: ['b'] });
    // Not read yet (or none gone): nothing matches.
    expect(searchFiltersOf({ q: '', filters: { gone: '1' } }, collections)).toEqual({ ids: [] });
    expect(filterChips(state, collections).map((c) => [c.key, c.shown])).toEqual([['collection', collections[0].name], ['gone', '']]);
  });
});
