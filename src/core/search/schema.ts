// Tables of the search index (Dexie schema version 2) and their rows.
//
// Documents get a numeric doc number (docNo). Deleting or updating an article never rewrites postings:
// the old docNo is marked dead in its stats block (a tombstone) and an update indexes the new content
// under a new docNo. Postings of new documents first live in `searchPending` (one row per document:
// its sorted term list), so a save writes a handful of rows; `flushSearchIndex` moves pending documents
// into posting segments (one row per term and flush) and merges a term's segments when they pile up,
// dropping dead docNos on the way.
import type { Table } from 'dexie';

/** Postings are keyed by term; kinds of term share the table, told apart by their first character. */
export const EXACT_PREFIX = '=';
export const FILTER_PREFIX = '\u0001';
/** Folded syllable pairs (for phrases) live apart from single syllables, so a prefix scan sees words only. */
export const BIGRAM_PREFIX = '\u0002';

export interface SearchMetaRow {
  key: 'meta';
  /** Changes when the index is rebuilt from scratch; readers then drop everything they cached. */
  epoch: string;
  nextDocNo: number;
  /** Bumped on every index change; readers reload what changed since the generation they hold. */
  gen: number;
  aliveCount: number;
  /** Sum of weighted lengths of alive docs (for BM25's average length). */
  sumLength: number;
  pendingCount: number;
  flushSeq: number;
}

export interface SearchDocRow {
  docNo: number;
  id: string;
}

export const STATS_BLOCK = 1024;

export interface SearchStatsRow {
  block: number;
  gen: number;
  /** Epoch ms of capturedAt; NaN for unused slots. */
  captured: Float64Array;
  /** Epoch ms of publishedAt; NaN when the article has none. */
  published: Float64Array;
  /** Weighted length (title and lead count more). */
  length: Float32Array;
  /** 1 while the docNo holds the current content of an article. */
  alive: Uint8Array;
}

export interface SearchPendingRow {
  docNo: number;
  /** Sorted, unique. */
  terms: string[];
  /** Weighted term frequency per term, capped at 255. */
  tf: Uint8Array;
}

export interface SearchPostingRow {
  term: string;
  seg: number;
  docs: Uint32Array;
  tf: Uint8Array;
}

export interface SearchTermRow {
  term: string;
  /** Postings stored in segments (dead docs included until a merge drops them). */
  df: number;
  segs: number;
  /** [seg, postings] of each stored segment, for size-tiered merging. */
  segList?: Array<[number, number]>;
}

export const SEARCH_TABLES = ['searchMeta', 'searchDocs', 'searchStats', 'searchPending', 'searchPostings', 'searchTerms'] as const;

/** Dexie store definitions added by schema version 2. */
export const SEARCH_STORES: Record<(typeof SEARCH_TABLES)[number], string> = {
  searchMeta: 'key',
  searchDocs: 'docNo, &id',
  searchStats: 'block, gen',
  searchPending: 'docNo',
  searchPostings: '[term+seg]',
  searchTerms: 'term',
};

/** Anything that hands out tables: the Dexie instance (inside a transaction) or an upgrade transaction. */
export interface TableSource {
  table(name: string): Table;
}

export interface SearchTables {
  meta: Table<SearchMetaRow, string>;
  docs: Table<SearchDocRow, number>;
  stats: Table<SearchStatsRow, number>;
  pending: Table<SearchPendingRow, number>;
  postings: Table<SearchPostingRow, [string, number]>;
  terms: Table<SearchTermRow, string>;
}

export function searchTables(src: TableSource): SearchTables {
  return {
    meta: src.table('searchMeta') as Table<SearchMetaRow, string>,
    docs: src.table('searchDocs') as Table<SearchDocRow, number>,
    stats: src.table('searchStats') as Table<SearchStatsRow, number>,
    pending: src.table('searchPending') as Table<SearchPendingRow, number>,
    postings: src.table('searchPostings') as Table<SearchPostingRow, [string, number]>,
    terms: src.table('searchTerms') as Table<SearchTermRow, string>,
  };
}

export function emptyMeta(): SearchMetaRow {
  return { key: 'meta', epoch: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`, nextDocNo: 0, gen: 0, aliveCount: 0, sumLength: 0, pendingCount: 0, flushSeq: 0 };
}

export function emptyStats(block: number, gen: number): SearchStatsRow {
  return {
    block,
    gen,
    captured: new Float64Array(STATS_BLOCK).fill(NaN),
    published: new Float64Array(STATS_BLOCK).fill(NaN),
    length: new Float32Array(STATS_BLOCK),
    alive: new Uint8Array(STATS_BLOCK),
  };
}
