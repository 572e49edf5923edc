// The search index's one writer interface, for the archive store alone (core/archive/store.ts). Every change here
// runs inside the store's transaction, next to the article write it follows, so that a committed article is always
// indexed as it is. Readers use core/search/index.ts; nothing else writes the index tables.
import type Dexie from 'dexie';
import type { Article } from '../types';
import { SEARCH_TABLES, type TableSource } from './schema';
import {
  compactSearchIndex, indexArticleInTx, indexArticlesInTx, maybeFlushSearchIndex, rebuildSearchIndexInTx, searchIndexGeneration, touchSearchIndexInTx, unindexArticlesInTx,
  type BulkIndexOptions,
} from './index-writer';

export type { SegmentLayout, WithSegmentLayout } from './index-writer';

interface SearchIndexWriter {
  /** The index's tables: a writing transaction spans them. */
  readonly tables: typeof SEARCH_TABLES;
  /** One article written (new or changed) into the index's queue. Returns the queue's length, for `settle`. */
  indexOne(src: TableSource, article: Article): Promise<number>;
  /** Articles written (new or changed), indexed as one segment. */
  index(src: TableSource, articles: Article[], options?: BulkIndexOptions): Promise<void>;
  /** Articles gone. Returns how many the index held. */
  unindex(src: TableSource, ids: string[]): Promise<number>;
  /** An article changed in what the index does not hold: the generation moves all the same. */
  touch(src: TableSource): Promise<void>;
  /** The whole index again from the articles table (schema upgrade, restore of a backup). */
  rebuild(src: TableSource, options?: { onProgress?: (done: number, total: number) => void }): Promise<void>;
  /** The generation: it changes with every committed write to the articles. */
  generation(src: TableSource): Promise<number>;
  /** After a commit: merges the queue into a segment in the background when enough is waiting. */
  settle(db: Dexie, queued: number): void;
  /** Merges the segments an import left, in transactions of its own. Returns the merges done. */
  compact(db: Dexie): Promise<number>;
}

export const searchIndexWriter: SearchIndexWriter = {
  tables: SEARCH_TABLES,
  indexOne: indexArticleInTx,
  index: indexArticlesInTx,
  unindex: unindexArticlesInTx,
  touch: touchSearchIndexInTx,
  rebuild: rebuildSearchIndexInTx,
  generation: searchIndexGeneration,
  settle: maybeFlushSearchIndex,
  compact: compactSearchIndex,
};
