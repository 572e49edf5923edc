// Tables of the search index (Dexie schema version 4) and their rows.
//
// Documents get a numeric doc number (docNo). Deleting or updating an article never rewrites postings:
// the old docNo is marked dead in its stats block (a tombstone) and an update indexes the new content
// under a new docNo. A saved document first waits in `searchQueue` (one row: its term keys), so a save writes
// a handful of rows; a flush (or an import batch) writes a segment: one `searchBuckets` row per hash bucket,
// holding the postings of every term of that bucket, so a segment costs BUCKETS rows however many
// distinct terms it has. A term with many postings in a segment (a common word) gets a `searchLists` row of its
// own, so that reading a bucket for a rare term does not drag the common words' postings along.
// Segments of similar size are merged, dropping dead docNos on the way.
import type { Table } from 'dexie';

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
  /** Stored segments: [seg, documents written to it, 1 when its rows hold GROUP buckets each (absent: 0)]. */
  segments: SegmentEntry[];
}

export type SegmentEntry = [seg: number, docs: number, grouped?: number];

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
  /**
   * Article id of each doc number ('' for unused slots), so that readers know every result's article without a
   * read per doc number. Blocks written before it existed lack it (readers then use searchDocs).
   */
  ids?: string[];
}

export interface SearchQueueRow {
  docNo: number;
  /** Sorted, unique term keys (see term-keys.ts). */
  keys: Float64Array;
  /** Weighted term frequency per key, capped at 255. */
  tf: Uint8Array;
  /** Distinct folded syllables, for prefix completion until the document is flushed. */
  words: string[];
}

/**
 * One segment's postings of every term in one hash bucket (encoding: posting-codec.ts), or in a small segment,
 * of GROUP consecutive buckets (bucket = groupRowOf(first bucket); `sub` and `longSub` split keys and long by bucket).
 */
export interface SearchBucketRow {
  bucket: number;
  seg: number;
  /** Sorted row keys (the 32 bits of a term key above its bucket bits). */
  keys: Uint32Array;
  /** Varint count of postings per key. */
  counts: Uint8Array;
  /** Doc numbers, key after key, as zigzag-delta varints. */
  docs: Uint8Array;
  /** Weighted term frequency per posting, capped at 255. */
  tf: Uint8Array;
  /** Row keys of this bucket whose postings in this segment are a searchLists row of their own. */
  long: Uint32Array;
  /** Grouped rows: keys of the group's i-th bucket are keys[sub[i] .. sub[i + 1]). */
  sub?: Uint32Array;
  /** Grouped rows: likewise for long. */
  longSub?: Uint32Array;
}

/** One segment's postings of one common term. */
export interface SearchListRow {
  key: number;
  seg: number;
  /** Zigzag-delta varints. */
  docs: Uint8Array;
  tf: Uint8Array;
}

/** Folded syllables sharing their first two letters, with the number of documents indexed with each. */
export interface SearchVocabRow {
  head: string;
  /** Sorted. */
  words: string[];
  df: number[];
}

export const SEARCH_TABLES = ['searchMeta', 'searchDocs', 'searchStats', 'searchQueue', 'searchBuckets', 'searchLists', 'searchVocab'] as const;

/** Dexie store definitions of the index (schema version 4). */
export const SEARCH_STORES: Record<(typeof SEARCH_TABLES)[number], string> = {
  searchMeta: 'key',
  searchDocs: 'docNo, &id',
  searchStats: 'block, gen',
  searchQueue: 'docNo',
  searchBuckets: '[bucket+seg]',
  searchLists: '[key+seg]',
  searchVocab: 'head',
};

/** Version 2's index tables that version 4 replaced (its postings were one row per term and segment). */
export const RETIRED_V2_STORES = { searchPending: null, searchPostings: null, searchTerms: null };

/** Anything that hands out tables: the Dexie instance (inside a transaction) or an upgrade transaction. */
export interface TableSource {
  table(name: string): Table;
}

export interface SearchTables {
  meta: Table<SearchMetaRow, string>;
  docs: Table<SearchDocRow, number>;
  stats: Table<SearchStatsRow, number>;
  queue: Table<SearchQueueRow, number>;
  buckets: Table<SearchBucketRow, [number, number]>;
  lists: Table<SearchListRow, [number, number]>;
  vocab: Table<SearchVocabRow, string>;
}

export function searchTables(src: TableSource): SearchTables {
  return {
    meta: src.table('searchMeta') as Table<SearchMetaRow, string>,
    docs: src.table('searchDocs') as Table<SearchDocRow, number>,
    stats: src.table('searchStats') as Table<SearchStatsRow, number>,
    queue: src.table('searchQueue') as Table<SearchQueueRow, number>,
    buckets: src.table('searchBuckets') as Table<SearchBucketRow, [number, number]>,
    lists: src.table('searchLists') as Table<SearchListRow, [number, number]>,
    vocab: src.table('searchVocab') as Table<SearchVocabRow, string>,
  };
}

export function emptyMeta(): SearchMetaRow {
  return { key: 'meta', epoch: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`, nextDocNo: 0, gen: 0, aliveCount: 0, sumLength: 0, pendingCount: 0, flushSeq: 0, segments: [] };
}

/** The ids of a stats block before any document is in it. */
export function emptyIds(): string[] {
  return new Array<string>(STATS_BLOCK).fill('');
}

export function emptyStats(block: number, gen: number): SearchStatsRow {
  return {
    block,
    gen,
    captured: new Float64Array(STATS_BLOCK).fill(NaN),
    published: new Float64Array(STATS_BLOCK).fill(NaN),
    length: new Float32Array(STATS_BLOCK),
    alive: new Uint8Array(STATS_BLOCK),
    ids: emptyIds(),
  };
}
