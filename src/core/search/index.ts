// Public entry of the search module: its reader. Its one writer (writer.ts) is the archive store's alone.
export { parseQuery, MAX_QUERY_CHARS, type ParsedQuery, type QueryUnit, type QuerySyllable, type TextFilters } from './query';
export { searchArchive, searchArchiveIds, boundMs, type SearchFilters, type SearchOptions, type SearchHit, type SearchResult } from './search';
export type { Range } from './snippet';
export { SEARCH_TABLES, SEARCH_STORES } from './schema';
export { articleTerms, type DocTerms } from './doc-terms';
export { searchCacheBytesFor, setSearchCacheBytes } from './index-reader';
