// Index upkeep. Every function named *InTx must run inside a Dexie read-write transaction whose scope
// includes `articles` (when it reads articles) and all SEARCH_TABLES, so the archive and its index change together.
import type { Article } from '../types';
import { articleTerms, dateMs, type DocTerms } from './doc-terms';
import {
  emptyMeta,
  emptyIds,
  emptyStats,
  searchTables,
  SEARCH_TABLES,
  STATS_BLOCK,
  type SearchBucketRow,
  type SearchListRow,
  type SearchMetaRow,
  type SearchQueueRow,
  type SearchStatsRow,
  type SearchTables,
  type SearchVocabRow,
  type SegmentEntry,
  type TableSource,
} from './schema';
import { BUCKETS, bucketOf, GROUP, groupRowOf, keyOf, rowKeyOf, vocabHead } from './term-keys';
import { bucketPart, bucketsOfRow, decodeBucket, decodeListDocs, encodeBucket, encodeGroup, LONG_LIST, longKeysOf, type DecodedBucket } from './posting-codec';
import type { Dexie } from 'dexie';

/** Queued documents at which a save triggers a flush into a segment (after its own transaction). */
export const FLUSH_AT = 256;
/** This many segments of the same size tier are merged into one. */
const MERGE_FANIN = 8;
/** Segments are not merged past this many documents: a merge rewrites everything it covers. */
const MAX_MERGED_DOCS = 40_000;
/** Queued documents moved per flush transaction: a save waiting behind a flush waits for one batch at most. */
const FLUSH_BATCH = 256;
/** Buckets read and rewritten at a time while merging (bounds the memory a merge needs); a multiple of GROUP. */
const MERGE_CHUNK = 256;
/**
 * Segments of fewer documents than this store GROUP buckets per row (see term-keys.ts). Queries then read two rows
 * per term and segment kind instead of one, so large segments keep a row per bucket.
 */
export const GROUPED_BELOW = 4096;

/** How a database's index lays out the segments it writes; given when the database is opened (tests lower it). */
export interface SegmentLayout { groupedBelow: number }
/** A database opened with a segment layout of its own (openArchiveDb's `segmentLayout`). */
export interface WithSegmentLayout { segmentLayout?: Readonly<SegmentLayout> }

/** The segment layout of the database whose index tables these are. */
const groupedBelowOf = (t: SearchTables): number => (t.meta.db as Dexie & WithSegmentLayout).segmentLayout?.groupedBelow ?? GROUPED_BELOW;

/** Loads each touched stats block once and writes it back once. */
class StatsEditor {
  private blocks = new Map<number, SearchStatsRow>();
  constructor(private t: SearchTables) {}
  async load(docNos: number[]): Promise<void> {
    const wanted = [...new Set(docNos.map((d) => Math.floor(d / STATS_BLOCK)))].filter((b) => !this.blocks.has(b));
    if (!wanted.length) return;
    const rows = await this.t.stats.bulkGet(wanted);
    wanted.forEach((b, i) => this.blocks.set(b, rows[i] ?? emptyStats(b, 0)));
  }
  /** The block of `docNo`; load() it first. */
  row(docNo: number): SearchStatsRow {
    const block = Math.floor(docNo / STATS_BLOCK);
    let row = this.blocks.get(block);
    if (!row) this.blocks.set(block, (row = emptyStats(block, 0)));
    return row;
  }
  async save(gen: number): Promise<void> {
    if (!this.blocks.size) return;
    for (const row of this.blocks.values()) row.gen = gen;
    await this.t.stats.bulkPut([...this.blocks.values()]);
    this.blocks.clear();
  }
}

async function loadMeta(t: SearchTables): Promise<SearchMetaRow> {
  const meta = (await t.meta.get('meta')) ?? emptyMeta();
  meta.segments ??= [];
  return meta;
}

/** Marks the current documents of these article ids dead and forgets them; queued ones leave the queue. */
async function removeDocs(t: SearchTables, meta: SearchMetaRow, stats: StatsEditor, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  // Parallel point reads: an anyOf() cursor would hop through the index one round trip at a time.
  const rows = (await Promise.all(ids.map((id) => t.docs.where('id').equals(id).first()))).filter((r) => r !== undefined);
  if (!rows.length) return 0;
  const docNos = rows.map((r) => r.docNo);
  await stats.load(docNos);
  for (const d of docNos) {
    const s = stats.row(d);
    const i = d % STATS_BLOCK;
    if (s.alive[i]) {
      s.alive[i] = 0;
      meta.aliveCount--;
      meta.sumLength -= s.length[i];
    }
  }
  await t.docs.bulkDelete(docNos);
  const queued = (await t.queue.bulkGet(docNos)).filter((r) => r !== undefined).map((r) => r.docNo);
  if (queued.length) {
    await t.queue.bulkDelete(queued);
    meta.pendingCount -= queued.length;
  }
  return rows.length;
}

interface NewDoc {
  docNo: number;
  keys: Float64Array;
  tf: Uint8Array;
  words: string[];
}

/**
 * Gives each article a new doc number and its stats; the last occurrence of an id in the list wins.
 * `fresh`: the caller knows none of these ids is indexed (it checked the articles table in this transaction).
 * `sorted`: the documents will be queued (readers binary-search their keys); segments sort per bucket instead.
 */
async function addDocs(t: SearchTables, meta: SearchMetaRow, stats: StatsEditor, articles: Article[], opts: { fresh?: boolean; sorted: boolean; terms?: DocTerms[] }): Promise<NewDoc[]> {
  const unique = lastOfEachId(articles);
  if (!opts.fresh) await removeDocs(t, meta, stats, unique.map((i) => articles[i].id));
  const first = meta.nextDocNo;
  meta.nextDocNo += unique.length;
  await stats.load(unique.map((_, i) => first + i));
  await t.docs.bulkAdd(docRowsOf(articles, unique, first));
  return fillDocs(meta, stats, articles, unique, first, opts);
}

/** Positions of the articles to index: the last occurrence of each id. */
function lastOfEachId(articles: Article[]): number[] {
  const last = new Map<string, number>();
  articles.forEach((a, i) => last.set(a.id, i));
  return articles.map((a, i) => i).filter((i) => last.get(articles[i].id) === i);
}

function docRowsOf(articles: Article[], unique: number[], first: number): Array<{ docNo: number; id: string }> {
  return unique.map((a, i) => ({ docNo: first + i, id: articles[a].id }));
}

/** The new documents' stats (their blocks loaded) and postings; doc numbers from `first` on. */
function fillDocs(meta: SearchMetaRow, stats: StatsEditor, articles: Article[], unique: number[], first: number, opts: { sorted: boolean; terms?: DocTerms[] }): NewDoc[] {
  return unique.map((a, i) => {
    const docNo = first + i;
    const article = articles[a];
    const dt = opts.terms?.[a] ?? articleTerms(article, { sorted: opts.sorted });
    const s = stats.row(docNo);
    const j = docNo % STATS_BLOCK;
    const captured = dateMs(article.capturedAt);
    s.captured[j] = Number.isNaN(captured) ? 0 : captured;
    s.published[j] = dateMs(article.publishedAt);
    s.length[j] = dt.length;
    s.alive[j] = 1;
    (s.ids ??= emptyIds())[j] = article.id;
    meta.aliveCount++;
    meta.sumLength += dt.length;
    return { docNo, keys: dt.keys, tf: dt.tf, words: dt.words };
  });
}

/**
 * Indexes one article (new or replacing the indexed content of the same id). Writes a few rows:
 * the doc number, one queue row with the document's terms, one stats block and the meta row.
 * Returns the number of queued documents, so the caller can flush when it is convenient.
 */
export async function indexArticleInTx(src: TableSource, article: Article): Promise<number> {
  const t = searchTables(src);
  const meta = await loadMeta(t);
  const stats = new StatsEditor(t);
  const [doc] = await addDocs(t, meta, stats, [article], { sorted: true });
  await t.queue.put(doc satisfies SearchQueueRow);
  meta.pendingCount++;
  meta.gen++;
  await stats.save(meta.gen);
  await t.meta.put(meta);
  return meta.pendingCount;
}

/** Removes articles from the index (their postings become dead until a merge drops them). Returns how many were indexed. */
export async function unindexArticlesInTx(src: TableSource, ids: string[]): Promise<number> {
  const t = searchTables(src);
  const meta = await loadMeta(t);
  const stats = new StatsEditor(t);
  const removed = await removeDocs(t, meta, stats, ids);
  if (!removed) return 0;
  meta.gen++;
  await stats.save(meta.gen);
  await t.meta.put(meta);
  return removed;
}

/**
 * A change to an article that the index does not hold (its note): the index's generation moves all the same, so
 * that whoever keeps a view of the archive keyed to it (an import's list of archived keys) knows it changed.
 */
export async function touchSearchIndexInTx(src: TableSource): Promise<void> {
  const t = searchTables(src);
  const meta = await loadMeta(t);
  meta.gen++;
  await t.meta.put(meta);
}

/** The index's generation: it changes in the transaction of every committed write to the archive's articles. */
export async function searchIndexGeneration(src: TableSource): Promise<number> {
  return (await searchTables(src).meta.get('meta'))?.gen ?? -1;
}

export async function unindexArticleInTx(src: TableSource, id: string): Promise<boolean> {
  return (await unindexArticlesInTx(src, [id])) > 0;
}

export interface BulkIndexOptions {
  /** See addDocs. */
  fresh?: boolean;
  /** The articles' terms, computed beforehand (outside the transaction, or in a worker), in the same order. */
  terms?: DocTerms[];
  /**
   * false: leave merging to compactSearchIndex. An import writes one segment per batch and merges once it is done,
   * in transactions of their own, so its batches stay short; searches read the extra segments meanwhile.
   */
  merge?: boolean;
  /**
   * The batch's other writes (its articles), started by the index at the moment they can overlap its own work; with
   * `fresh` and `terms`, the segment is built while the browser stores them. Resolved before this returns.
   */
  alongside?: () => Promise<unknown>;
}

/**
 * Indexes many articles straight into one segment (no queue rows): for imports, undo and the schema upgrade.
 * Call with batches of a few hundred to a few thousand articles.
 */
export async function indexArticlesInTx(src: TableSource, articles: Article[], options: BulkIndexOptions = {}): Promise<void> {
  if (!articles.length) {
    await options.alongside?.();
    return;
  }
  const t = searchTables(src);
  const meta = await loadMeta(t);
  const stats = new StatsEditor(t);
  if (options.alongside && options.fresh && options.terms) {
    await indexNewAlongside(t, meta, stats, articles, options.terms, options.alongside);
  } else {
    await options.alongside?.();
    const docs = await addDocs(t, meta, stats, articles, { fresh: options.fresh, sorted: false, terms: options.terms });
    meta.gen++;
    await stats.save(meta.gen);
    await writeSegment(t, meta, docs);
  }
  if (options.merge ?? true) await mergeIfDue(t, meta);
  await t.meta.put(meta);
}

/**
 * An import batch's new documents: the index's reads first, then the batch's other writes (`alongside`), then the
 * segment is built while the browser stores those (IndexedDB would otherwise sit idle through that work), then the
 * index's writes, all awaited together. Same rows as the sequential path.
 */
async function indexNewAlongside(t: SearchTables, meta: SearchMetaRow, stats: StatsEditor, articles: Article[], terms: DocTerms[], alongside: () => Promise<unknown>): Promise<void> {
  const unique = lastOfEachId(articles);
  const first = meta.nextDocNo;
  meta.nextDocNo += unique.length;
  await stats.load(unique.map((_, i) => first + i));
  const vocabulary = await readVocabulary(t, unique.map((i) => terms[i].words));
  const others = alongside();
  // Awaited below; a failure before then aborts the transaction anyway, and must not also surface as unhandled.
  others.catch(() => undefined);
  const docs = fillDocs(meta, stats, articles, unique, first, { sorted: false, terms });
  meta.gen++;
  const entry = segmentEntry(t, ++meta.flushSeq, docs.length);
  const { rows, lists } = encodeBuckets(bucketRows(docs, entry[0]), !!entry[2]);
  meta.segments.push(entry);
  await Promise.all([
    others,
    t.docs.bulkAdd(docRowsOf(articles, unique, first)),
    stats.save(meta.gen),
    t.buckets.bulkPut(rows),
    lists.length ? t.lists.bulkPut(lists) : null,
    t.vocab.bulkPut(vocabulary.merged()),
  ]);
}

function segmentEntry(t: SearchTables, seg: number, docs: number): SegmentEntry {
  return docs < groupedBelowOf(t) ? [seg, docs, 1] : [seg, docs];
}

/** Writes `docs` as a new segment (its bucket rows) and updates the vocabulary; the caller merges if due. */
async function writeSegment(t: SearchTables, meta: SearchMetaRow, docs: NewDoc[]): Promise<void> {
  if (!docs.length) return;
  const entry = segmentEntry(t, ++meta.flushSeq, docs.length);
  await putBuckets(t, bucketRows(docs, entry[0]), !!entry[2]);
  meta.segments.push(entry);
  await addToVocabulary(t, docs);
}

/** Encodes decoded buckets (sorted by bucket): a row each, or a row per GROUP buckets; long lists apart. */
function encodeBuckets(decoded: DecodedBucket[], grouped: boolean): { rows: SearchBucketRow[]; lists: SearchListRow[] } {
  const lists: SearchListRow[] = [];
  const rows = grouped
    // A small segment keeps common words inline too: a list row of its own would cost more to write than it saves a reader.
    ? [...groupBy(decoded, (d) => Math.floor(d.bucket / GROUP)).values()].map((parts) => encodeGroup(parts, Infinity, lists))
    : decoded.map((d) => encodeBucket(d, LONG_LIST, lists));
  return { rows, lists };
}

async function putBuckets(t: SearchTables, decoded: DecodedBucket[], grouped: boolean): Promise<void> {
  const { rows, lists } = encodeBuckets(decoded, grouped);
  await t.buckets.bulkPut(rows);
  if (lists.length) await t.lists.bulkPut(lists);
}

/** One bucket of a stored row, decoded, with its long lists put back inline. */
function joinLong(d: DecodedBucket, long: Uint32Array, listOf: (rowKey: number) => SearchListRow | undefined): DecodedBucket {
  if (!long.length) return d;
  const entries: Array<{ key: number; docs: Uint32Array; tf: Uint8Array }> = [];
  for (let i = 0; i < d.keys.length; i++) entries.push({ key: d.keys[i], docs: d.docs.subarray(d.starts[i], d.starts[i + 1]), tf: d.tf.subarray(d.starts[i], d.starts[i + 1]) });
  for (const key of long) {
    const list = listOf(key);
    if (list) entries.push({ key, docs: decodeListDocs(list), tf: list.tf });
  }
  entries.sort((a, b) => a.key - b.key);
  const size = entries.reduce((sum, e) => sum + e.docs.length, 0);
  const out: DecodedBucket = { bucket: d.bucket, seg: d.seg, keys: new Uint32Array(entries.length), starts: new Uint32Array(entries.length + 1), docs: new Uint32Array(size), tf: new Uint8Array(size) };
  let n = 0;
  entries.forEach((e, i) => {
    out.keys[i] = e.key;
    out.starts[i] = n;
    out.docs.set(e.docs, n);
    out.tf.set(e.tf, n);
    n += e.docs.length;
  });
  out.starts[entries.length] = n;
  return out;
}

/**
 * Groups the postings of `docs` by bucket; inside a bucket, by key, doc numbers ascending. Postings are laid out
 * bucket by bucket in doc order, then each bucket is sorted natively as (row key, position) packed in one double,
 * which keeps doc order within a key: no per-key objects, and each bucket's doc numbers and counts are windows of
 * one array (starts index into them).
 */
function bucketRows(docs: NewDoc[], seg: number): DecodedBucket[] {
  docs.sort((a, b) => a.docNo - b.docNo);
  const perBucket = new Uint32Array(BUCKETS + 1);
  let total = 0;
  for (const d of docs) {
    for (let i = 0; i < d.keys.length; i++) perBucket[bucketOf(d.keys[i]) + 1]++;
    total += d.keys.length;
  }
  for (let b = 0; b < BUCKETS; b++) perBucket[b + 1] += perBucket[b];
  const fill = perBucket.slice(0, BUCKETS);
  const rowKeys = new Uint32Array(total);
  const docNos = new Uint32Array(total);
  const tfs = new Uint8Array(total);
  for (const d of docs) {
    for (let i = 0; i < d.keys.length; i++) {
      const bucket = bucketOf(d.keys[i]);
      const at = fill[bucket]++;
      rowKeys[at] = rowKeyOf(d.keys[i]);
      docNos[at] = d.docNo;
      tfs[at] = d.tf[i];
    }
  }
  // Row keys have 32 bits and a bucket far fewer than 2^21 postings: key * 2^21 + position is exact in a double.
  const POS = 2 ** 21;
  const packed = new Float64Array(total);
  for (let b = 0; b < BUCKETS; b++) {
    const from = perBucket[b];
    const to = perBucket[b + 1];
    for (let i = from; i < to; i++) packed[i] = rowKeys[i] * POS + (i - from);
    packed.subarray(from, to).sort();
  }
  const sortedDocs = new Uint32Array(total);
  const sortedTf = new Uint8Array(total);
  for (let b = 0; b < BUCKETS; b++) {
    const from = perBucket[b];
    for (let i = from; i < perBucket[b + 1]; i++) {
      const v = packed[i];
      const rowKey = Math.floor(v / POS);
      const pos = from + (v - rowKey * POS);
      rowKeys[i] = rowKey;
      sortedDocs[i] = docNos[pos];
      sortedTf[i] = tfs[pos];
    }
  }
  return packedRows(seg, perBucket, rowKeys, sortedDocs, sortedTf);
}

/** Rows from postings sorted by (bucket, row key), bucket b at [perBucket[b], perBucket[b + 1]): keys and starts into the shared arrays. */
function packedRows(seg: number, perBucket: Uint32Array, rowKeys: Uint32Array, docNos: Uint32Array, tfs: Uint8Array): DecodedBucket[] {
  const rows: DecodedBucket[] = [];
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    const from = perBucket[bucket];
    const to = perBucket[bucket + 1];
    if (from === to) continue;
    let keys = 0;
    for (let i = from; i < to; i++) if (i === from || rowKeys[i] !== rowKeys[i - 1]) keys++;
    const out: DecodedBucket = { bucket, seg, keys: new Uint32Array(keys), starts: new Uint32Array(keys + 1), docs: docNos, tf: tfs };
    let k = -1;
    for (let i = from; i < to; i++) {
      if (i === from || rowKeys[i] !== rowKeys[i - 1]) {
        out.keys[++k] = rowKeys[i];
        out.starts[k] = i;
      }
    }
    out.starts[keys] = to;
    rows.push(out);
  }
  return rows;
}

function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Counts each document's folded syllables in the vocabulary rows (prefix completion ranks by this). */
async function addToVocabulary(t: SearchTables, docs: NewDoc[]): Promise<void> {
  await t.vocab.bulkPut((await readVocabulary(t, docs.map((d) => d.words))).merged());
}

/** The vocabulary rows these documents' words touch, read now; `merged()` gives them with the words counted in. */
async function readVocabulary(t: SearchTables, wordLists: string[][]): Promise<{ merged: () => SearchVocabRow[] }> {
  const df = new Map<string, number>();
  for (const words of wordLists) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const byHead = groupBy(df, ([word]) => vocabHead(word));
  const heads = [...byHead.keys()];
  const stored = await t.vocab.bulkGet(heads);
  return {
    merged: () => heads.map((head, i) => {
      const counts = new Map<string, number>();
      const row = stored[i];
      if (row) row.words.forEach((w, j) => counts.set(w, row.df[j]));
      for (const [w, n] of byHead.get(head)!) counts.set(w, (counts.get(w) ?? 0) + n);
      const words = [...counts.keys()].sort();
      return { head, words, df: words.map((w) => counts.get(w)!) };
    }),
  };
}

/** Size tier of a segment: segments within a factor MERGE_FANIN of each other share a tier. */
function tierOf(docs: number): number {
  return docs <= 1 ? 0 : Math.floor(Math.log(docs) / Math.log(MERGE_FANIN));
}

/** MERGE_FANIN segments of the lowest full tier, unless their merge would pass MAX_MERGED_DOCS. */
function mergeCandidates(segments: SegmentEntry[]): SegmentEntry[] | null {
  const byTier = groupBy(segments, ([, docs]) => tierOf(docs));
  for (const tier of [...byTier.keys()].sort((a, b) => a - b)) {
    const arr = byTier.get(tier)!;
    if (arr.length < MERGE_FANIN) continue;
    const pick = arr.slice(0, MERGE_FANIN);
    if (pick.reduce((n, [, docs]) => n + docs, 0) <= MAX_MERGED_DOCS) return pick;
  }
  return null;
}

async function mergeIfDue(t: SearchTables, meta: SearchMetaRow): Promise<void> {
  for (let pick = mergeCandidates(meta.segments); pick; pick = mergeCandidates(meta.segments)) {
    await mergeSegments(t, meta, pick);
  }
}

/**
 * Merges segments into one new segment, bucket range by bucket range (memory stays bounded), dropping postings
 * of dead documents. Readers see either the old rows or the merged row of a bucket, never both: same postings.
 */
async function mergeSegments(t: SearchTables, meta: SearchMetaRow, pick: SegmentEntry[]): Promise<void> {
  const alive = await loadAlive(t);
  const target = segmentEntry(t, ++meta.flushSeq, pick.reduce((n, [, docs]) => n + docs, 0));
  for (let b0 = 0; b0 < BUCKETS; b0 += MERGE_CHUNK) {
    const keys: Array<[number, number]> = [];
    for (const [seg, , grouped] of pick) {
      if (grouped) for (let b = b0; b < b0 + MERGE_CHUNK; b += GROUP) keys.push([groupRowOf(b), seg]);
      else for (let b = b0; b < b0 + MERGE_CHUNK; b++) keys.push([b, seg]);
    }
    const got = (await t.buckets.bulkGet(keys)).filter((r): r is SearchBucketRow => !!r);
    const listKeys: Array<[number, number]> = [];
    for (const row of got) for (const b of bucketsOfRow(row)) for (const rowKey of longKeysOf(row, b)) listKeys.push([keyOf(b, rowKey), row.seg]);
    const lists = new Map<string, SearchListRow>();
    for (const list of await t.lists.bulkGet(listKeys)) if (list) lists.set(`${list.key}/${list.seg}`, list);
    const parts = got.flatMap((row) => {
      const d = decodeBucket(row);
      return bucketsOfRow(row).map((b) => joinLong(bucketPart(d, b), longKeysOf(row, b), (rowKey) => lists.get(`${keyOf(b, rowKey)}/${row.seg}`)));
    });
    const merged: DecodedBucket[] = [];
    for (const [bucket, rows] of groupBy(parts, (d) => d.bucket)) {
      const row = mergeBucketRows(bucket, target[0], rows, alive);
      if (row) merged.push(row);
    }
    merged.sort((a, b) => a.bucket - b.bucket);
    await t.buckets.bulkDelete(got.map((r) => [r.bucket, r.seg] as [number, number]));
    await t.lists.bulkDelete(listKeys);
    await putBuckets(t, merged, !!target[2]);
  }
  const picked = new Set(pick.map(([s]) => s));
  meta.segments = meta.segments.filter(([s]) => !picked.has(s));
  meta.segments.push(target);
}

/** k-way merge of one bucket's rows by key; postings of dead documents are dropped. */
function mergeBucketRows(bucket: number, seg: number, rows: DecodedBucket[], alive: Uint8Array): DecodedBucket | null {
  // Rows may be parts of grouped rows, sharing their docs: count by starts.
  const size = rows.reduce((n, r) => n + r.starts[r.keys.length] - r.starts[0], 0);
  const docs = new Uint32Array(size);
  const tf = new Uint8Array(size);
  const keys: number[] = [];
  const starts: number[] = [];
  const pos = new Array<number>(rows.length).fill(0);
  let n = 0;
  for (;;) {
    let min = Infinity;
    for (let r = 0; r < rows.length; r++) if (pos[r] < rows[r].keys.length && rows[r].keys[pos[r]] < min) min = rows[r].keys[pos[r]];
    if (min === Infinity) break;
    const start = n;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (pos[r] >= row.keys.length || row.keys[pos[r]] !== min) continue;
      const k = pos[r]++;
      for (let i = row.starts[k]; i < row.starts[k + 1]; i++) {
        if (!alive[row.docs[i]]) continue;
        docs[n] = row.docs[i];
        tf[n++] = row.tf[i];
      }
    }
    if (n > start) {
      keys.push(min);
      starts.push(start);
    }
  }
  if (!n) return null;
  starts.push(n);
  return { bucket, seg, keys: Uint32Array.from(keys), starts: Uint32Array.from(starts), docs: docs.slice(0, n), tf: tf.slice(0, n) };
}

async function loadAlive(t: SearchTables): Promise<Uint8Array> {
  const rows = await t.stats.toArray();
  const max = rows.reduce((m, r) => Math.max(m, r.block + 1), 0);
  const alive = new Uint8Array(max * STATS_BLOCK);
  for (const r of rows) alive.set(r.alive, r.block * STATS_BLOCK);
  return alive;
}

/**
 * Merges the segments that are due, one merge per transaction (a save waits for one merge at most). Safe to call
 * any time; returns the number of merges done.
 */
export async function compactSearchIndex(db: Dexie): Promise<number> {
  let merges = 0;
  for (;;) {
    const merged = await db.transaction('rw', [...SEARCH_TABLES], async () => {
      const t = searchTables(db);
      const meta = await loadMeta(t);
      const pick = mergeCandidates(meta.segments);
      if (!pick) return false;
      await mergeSegments(t, meta, pick);
      meta.gen++;
      await t.meta.put(meta);
      return true;
    });
    if (!merged) return merges;
    merges++;
  }
}

/** Moves up to `maxDocs` queued documents into a segment, in one transaction. Returns how many moved. */
async function flushBatch(db: Dexie, maxDocs: number): Promise<number> {
  return db.transaction('rw', [...SEARCH_TABLES], async () => {
    const t = searchTables(db);
    const queued = await t.queue.orderBy('docNo').limit(maxDocs).toArray();
    if (!queued.length) return 0;
    const meta = await loadMeta(t);
    await t.queue.bulkDelete(queued.map((p) => p.docNo));
    await writeSegment(t, meta, queued);
    await mergeIfDue(t, meta);
    meta.pendingCount -= queued.length;
    meta.gen++;
    await t.meta.put(meta);
    return queued.length;
  });
}

/** Moves every queued document into segments; safe to call any time (each batch is atomic). */
export async function flushSearchIndex(db: Dexie, options: { batch?: number } = {}): Promise<void> {
  while ((await flushBatch(db, options.batch ?? FLUSH_BATCH)) > 0) {
    /* next batch */
  }
}

const flushing = new WeakSet<Dexie>();

/** Starts a background flush when enough documents are queued; never throws (a failed flush is retried later). */
export function maybeFlushSearchIndex(db: Dexie, pendingCount: number): void {
  if (pendingCount < FLUSH_AT || flushing.has(db)) return;
  flushing.add(db);
  flushSearchIndex(db)
    .catch(() => undefined)
    .finally(() => flushing.delete(db));
}

/** Drops and rebuilds the whole index from the articles table (used by the schema upgrade, and for repair). */
export async function rebuildSearchIndexInTx(src: TableSource, options: { batch?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<void> {
  const t = searchTables(src);
  // The generation goes on from where it was (a rebuild is a write too): whoever compares it sees a change.
  const gen = ((await t.meta.get('meta'))?.gen ?? -1) + 1;
  await Promise.all([t.meta.clear(), t.docs.clear(), t.stats.clear(), t.queue.clear(), t.buckets.clear(), t.lists.clear(), t.vocab.clear()]);
  await t.meta.put({ ...emptyMeta(), gen });
  const articles = src.table('articles');
  const batch = options.batch ?? 1000;
  const total = options.onProgress ? await articles.count() : 0;
  let done = 0;
  let last: string | null = null;
  for (;;) {
    const page = (await (last === null ? articles.orderBy(':id') : articles.where(':id').above(last)).limit(batch).toArray()) as Article[];
    if (!page.length) break;
    await indexArticlesInTx(src, page, { fresh: true });
    last = page[page.length - 1].id;
    done += page.length;
    options.onProgress?.(done, total);
  }
}

/** Rebuilds the index of an open archive in one transaction. */
export async function rebuildSearchIndex(db: Dexie): Promise<void> {
  // An async scope function keeps Dexie's transaction zone across native awaits.
  await db.transaction('rw', ['articles', ...SEARCH_TABLES], async () => await rebuildSearchIndexInTx(db));
}
