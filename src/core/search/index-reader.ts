// Read side of the index: a per-database cache of the small per-document arrays (dates, lengths, alive flags)
// and of pending documents, refreshed from what changed since the generation it holds; posting lookups.
// Call everything here inside one read transaction over SEARCH_TABLES, so a query sees one consistent state.
import Dexie from 'dexie';
import { emptyMeta, searchTables, STATS_BLOCK, type SearchMetaRow, type SearchQueueRow, type SearchTables } from './schema';
import { bucketOf, groupRowOf, rowKeyOf, vocabHead } from './term-keys';
import { bucketPart, decodeBucket, decodeListDocs, type DecodedBucket } from './posting-codec';

export interface ReaderState {
  meta: SearchMetaRow;
  captured: Float64Array;
  published: Float64Array;
  length: Float32Array;
  alive: Uint8Array;
  pending: SearchQueueRow[];
}

interface Cache extends ReaderState {
  /**
   * Decoded rows of recently read buckets and long lists (typing re-reads them, and common words recur across
   * queries), least recently used first; dropped whenever the generation changes.
   */
  rows: RowCache;
  /** Article ids of recently shown doc numbers: a doc number never changes its article, so no expiry is needed. */
  ids: Map<number, string>;
  /**
   * Article id by doc number, from the stats blocks (a result page then needs no doc-number read); for blocks
   * written before they held ids, read from searchDocs in the background up to `idTableUpTo`.
   */
  idTable: string[];
  idTableUpTo: number;
  /** Alive documents of each stats block whose id the table lacks. */
  idHoles: Map<number, number>;
  idTableLoad: Promise<void> | null;
  epoch: string;
  gen: number;
  statsGen: number;
  pendingByDoc: Map<number, SearchQueueRow>;
}

const caches = new WeakMap<object, Cache>();

function newCache(meta: SearchMetaRow): Cache {
  return {
    meta,
    epoch: meta.epoch,
    gen: -1,
    statsGen: -1,
    captured: new Float64Array(0),
    published: new Float64Array(0),
    length: new Float32Array(0),
    alive: new Uint8Array(0),
    pending: [],
    pendingByDoc: new Map(),
    rows: new RowCache(),
    ids: new Map(),
    idTable: [],
    idTableUpTo: 0,
    idHoles: new Map(),
    idTableLoad: null,
  };
}

/**
 * Postings the row cache may hold (5 bytes each decoded: at most about 120 MB, outside the JS heap), and at most this
 * many rows' entries. At 100,000 articles a typical mix of queries reads 200,000 postings each; half the cache
 * re-read 55% more of them from IndexedDB (bench mix: 47.7 M postings read instead of 30.6 M over 240 queries).
 */
const MAX_CACHE_POSTINGS = 24_000_000;
const CACHE_ENTRIES = 4_096;
const BYTES_PER_CACHED_POSTING = 5;
let cachePostings = MAX_CACHE_POSTINGS;

/**
 * The row cache's share of a device's memory: 1/32 of it, at most the full cache (about 120 MB). `deviceMemoryGB` is
 * navigator.deviceMemory (Chromium reports 0.25 to 8; Firefox nothing, which keeps the full cache).
 */
export function searchCacheBytesFor(deviceMemoryGB: number | undefined): number {
  const full = MAX_CACHE_POSTINGS * BYTES_PER_CACHED_POSTING;
  if (!deviceMemoryGB || !Number.isFinite(deviceMemoryGB) || deviceMemoryGB <= 0) return full;
  return Math.min(full, Math.floor((deviceMemoryGB * 1024 ** 3) / 32));
}

/** Caps the memory of every archive's row cache (0: no cache); rows past the cap go at the next read. */
export function setSearchCacheBytes(bytes: number): void {
  cachePostings = Math.max(0, Math.min(MAX_CACHE_POSTINGS, Math.floor(bytes / BYTES_PER_CACHED_POSTING)));
}

/** Decoded rows keyed by bucket (`b<bucket>`) or list term (`l<key>`), bounded by the postings they hold. */
class RowCache {
  private entries = new Map<string, { gen: number; rows: Array<{ docs: Uint32Array }>; weight: number }>();
  private weight = 0;
  get<V extends { docs: Uint32Array }>(key: string, gen: number): V[] | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.gen !== gen) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.rows as V[];
  }
  set(key: string, gen: number, rows: Array<{ docs: Uint32Array }>): void {
    const weight = rows.reduce((n, r) => n + r.docs.length, 0) + 64;
    if (weight > cachePostings / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.weight -= old.weight;
    }
    while (this.entries.size && (this.weight + weight > cachePostings || this.entries.size >= CACHE_ENTRIES)) {
      const [k, e] = this.entries.entries().next().value!;
      this.entries.delete(k);
      this.weight -= e.weight;
    }
    this.entries.set(key, { gen, rows, weight });
    this.weight += weight;
  }
  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}

function grow(c: Cache, capacity: number): void {
  if (capacity <= c.alive.length) return;
  const cap = Math.max(capacity, c.alive.length * 2);
  const f64 = (old: Float64Array) => {
    const a = new Float64Array(cap).fill(NaN);
    a.set(old);
    return a;
  };
  c.captured = f64(c.captured);
  c.published = f64(c.published);
  const len = new Float32Array(cap);
  len.set(c.length);
  c.length = len;
  const alive = new Uint8Array(cap);
  alive.set(c.alive);
  c.alive = alive;
}

/** Brings the cache for `db` up to date; returns the state to query. */
export async function readerState(db: Dexie): Promise<ReaderState> {
  const t = searchTables(db);
  const meta = (await t.meta.get('meta')) ?? emptyMeta();
  let c = caches.get(db);
  if (!c || c.epoch !== meta.epoch || meta.gen < c.gen) {
    c = newCache(meta);
    caches.set(db, c);
  }
  c.meta = meta;
  if (c.gen === meta.gen) return c;
  c.rows.clear();
  // In block order, so that the id table grows without gaps (a sparse array is a slow dictionary in V8).
  const rows = (await t.stats.where('gen').above(c.statsGen).toArray()).sort((a, b) => a.block - b.block);
  for (const r of rows) {
    grow(c, (r.block + 1) * STATS_BLOCK);
    const at = r.block * STATS_BLOCK;
    c.captured.set(r.captured, at);
    c.published.set(r.published, at);
    c.length.set(r.length, at);
    c.alive.set(r.alive, at);
    let holes = 0;
    for (let k = c.idTable.length; k < at + STATS_BLOCK; k++) c.idTable.push('');
    for (let k = 0; k < STATS_BLOCK; k++) {
      const id = r.ids?.[k];
      if (id) c.idTable[at + k] = id;
      else if (r.alive[k] && !c.idTable[at + k]) holes++;
    }
    c.idHoles.set(r.block, holes);
    c.statsGen = Math.max(c.statsGen, r.gen);
  }
  const keys = await t.queue.toCollection().primaryKeys();
  const keep = new Set(keys);
  for (const k of [...c.pendingByDoc.keys()]) if (!keep.has(k)) c.pendingByDoc.delete(k);
  const missing = keys.filter((k) => !c.pendingByDoc.has(k));
  if (missing.length) {
    const got = await t.queue.bulkGet(missing);
    for (const row of got) if (row) c.pendingByDoc.set(row.docNo, row);
  }
  c.pending = [...c.pendingByDoc.values()];
  c.gen = meta.gen;
  return c;
}

/** Typed arrays only: the scoring loop stays monomorphic. */
export interface PostingList {
  docs: Uint32Array;
  tf: Uint8Array;
}

/** Index of `key` in a sorted array, or -1. */
function find(keys: Float64Array | Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < keys.length && keys[lo] === key ? lo : -1;
}

/** Reads through the per-generation row cache (typing re-reads the same terms). */
async function cached<V extends { docs: Uint32Array }>(c: Cache, key: string, read: () => Promise<V[]>): Promise<V[]> {
  // Cache entries carry the generation they were read at; a concurrent refresh to a newer generation makes
  // them unusable and keeps this query's older rows out of the cache.
  const gen = c.meta.gen;
  const hit = c.rows.get<V>(key, gen);
  if (hit) return hit;
  const rows = await read();
  if (c.gen === gen) c.rows.set(key, gen, rows);
  return rows;
}

const ID_CACHE_SIZE = 20_000;
/** The id table is read once this many documents are not in it (fewer go through the per-page reads). */
const ID_TABLE_GAP = 1_000;
const ID_TABLE_PAGE = 2_000;

/** A page of the id table is read only after this long without a query (typing pauses between keystrokes). */
const ID_TABLE_QUIET_MS = 60;

/** Queries running on a database and when the last one ended: background reads give way to them. */
const activity = new WeakMap<object, { running: number; lastEnd: number }>();

/** Runs a query of `db`, so that background reads of that database wait until queries pause. */
export async function asForegroundQuery<T>(db: Dexie, run: () => Promise<T>): Promise<T> {
  let a = activity.get(db);
  if (!a) activity.set(db, (a = { running: 0, lastEnd: 0 }));
  a.running++;
  try {
    return await run();
  } finally {
    a.running--;
    a.lastEnd = performance.now();
  }
}

/** Resolves once no query of `db` has run for ID_TABLE_QUIET_MS. */
async function queriesPaused(db: Dexie): Promise<void> {
  for (;;) {
    const a = activity.get(db);
    const wait = a ? (a.running ? ID_TABLE_QUIET_MS : a.lastEnd + ID_TABLE_QUIET_MS - performance.now()) : 0;
    if (wait <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** Alive documents whose id neither their stats block nor the background read has given the id table yet. */
function unreadIdHoles(c: Cache): number {
  let holes = 0;
  for (const [block, n] of c.idHoles) if ((block + 1) * STATS_BLOCK > c.idTableUpTo) holes += n;
  return holes;
}

/**
 * Reads the doc number → article id rows not yet in the id table of `db`, in short read transactions of its own
 * (a few thousand rows each, so writers are never held up for long), each only once queries pause: on two cores
 * a page read alongside a query delays it by as much as the read takes. Call after a query, not during it.
 */
export function readIdsInBackground(db: Dexie): void {
  const c = caches.get(db);
  if (!c || c.idTableLoad) return;
  if (unreadIdHoles(c) < ID_TABLE_GAP) return;
  const t = searchTables(db);
  c.idTableLoad = Dexie.ignoreTransaction(async () => {
    try {
      for (;;) {
        await queriesPaused(db);
        const from = c.idTableUpTo;
        const page = await db.transaction('r', ['searchMeta', 'searchDocs'], async () => {
          const meta = await t.meta.get('meta');
          // Doc numbers start again with a new epoch (a rebuild): this cache is no longer the archive's.
          if (!meta || meta.epoch !== c.epoch) return null;
          return { upTo: meta.nextDocNo, rows: await t.docs.where('docNo').aboveOrEqual(from).limit(ID_TABLE_PAGE).toArray() };
        });
        if (!page || caches.get(db) !== c) return;
        for (const r of page.rows) c.idTable[r.docNo] = r.id;
        const done = page.rows.length < ID_TABLE_PAGE;
        c.idTableUpTo = done ? Math.max(from, page.upTo) : page.rows[page.rows.length - 1].docNo + 1;
        if (done) return;
      }
    } catch {
      // A closed or deleted database: queries keep reading ids per page.
    } finally {
      c.idTableLoad = null;
    }
  });
}

/** Resolves once the id table of `db` is not being read (tests: the table is then used by the next query). */
export async function idTableSettled(db: Dexie): Promise<void> {
  await caches.get(db)?.idTableLoad;
}

/**
 * Which doc numbers hold the current content of the given articles, as a mask (and how many). Taken from the id
 * table in memory; only when some stats blocks lack ids (an archive indexed by an older build, before the background
 * read filled them in) are the ids it could not place looked up, in parallel point reads.
 */
export async function docMaskOfIds(t: SearchTables, state: ReaderState, ids: readonly string[], size: number): Promise<{ docs: Uint8Array; count: number }> {
  const c = state as Cache;
  const docs = new Uint8Array(size);
  const wanted = new Set(ids);
  const placed = new Set<string>();
  let count = 0;
  const mark = (d: number, id: string) => {
    if (d >= size || docs[d] || !c.alive[d]) return;
    docs[d] = 1;
    placed.add(id);
    count++;
  };
  const upTo = Math.min(size, c.idTable.length);
  for (let d = 0; d < upTo; d++) {
    const id = c.idTable[d];
    if (id && wanted.has(id)) mark(d, id);
  }
  if (unreadIdHoles(c) > 0) {
    // Parallel point reads: an anyOf() cursor would hop through the index one round trip at a time.
    const rest = [...wanted].filter((id) => !placed.has(id));
    for (const row of await Promise.all(rest.map((id) => t.docs.where('id').equals(id).first()))) if (row) mark(row.docNo, row.id);
  }
  return { docs, count };
}

/** Article ids of doc numbers ('' when unknown), read through the caches: result pages often show the same documents. */
export async function idsOfDocs(t: SearchTables, state: ReaderState, docNos: number[]): Promise<string[]> {
  const c = state as Cache;
  // A doc number never changes its article (within an epoch), so the id table is right for any document it holds;
  // one it lacks is looked up in this query's transaction.
  const known = (d: number) => c.idTable[d] || c.ids.get(d);
  const missing = docNos.filter((d) => known(d) === undefined);
  if (missing.length) {
    if (c.ids.size + missing.length > ID_CACHE_SIZE) c.ids.clear();
    const rows = await t.docs.bulkGet(missing);
    rows.forEach((r, i) => r && c.ids.set(missing[i], r.id));
  }
  return docNos.map((d) => known(d) ?? '');
}

/**
 * Posting lists (stored segments and queued documents) of one term key. `maybeLong: false` when the caller knows
 * the term is in fewer documents than a long list holds (vocabulary counts), which saves a read.
 */
export async function postingsOf(t: SearchTables, state: ReaderState, key: number, maybeLong = true): Promise<PostingList[]> {
  // Queued documents first, synchronously: the state object is shared and a concurrent query may refresh it
  // while this one waits for IndexedDB.
  let pendingList: PostingList | null = null;
  if (state.pending.length) {
    const docs: number[] = [];
    const tf: number[] = [];
    for (const p of state.pending) {
      const i = find(p.keys, key);
      if (i >= 0) {
        docs.push(p.docNo);
        tf.push(p.tf[i]);
      }
    }
    if (docs.length) pendingList = { docs: Uint32Array.from(docs), tf: Uint8Array.from(tf) };
  }
  // The bucket (rare terms of every segment) and the term's own long lists, read at once.
  const c = state as Cache;
  const bucket = bucketOf(key);
  const [rows, longLists] = await Promise.all([
    bucketRowsOf(t, c, bucket),
    maybeLong ? cached(c, `l${key}`, async () => (await t.lists.where('[key+seg]').between([key, -Infinity], [key, Infinity]).toArray()).map((l) => ({ docs: decodeListDocs(l), tf: l.tf }))) : [],
  ]);
  const lists: PostingList[] = [...longLists];
  const rowKey = rowKeyOf(key);
  for (const row of rows) {
    const i = find(row.keys, rowKey);
    if (i >= 0) lists.push({ docs: row.docs.subarray(row.starts[i], row.starts[i + 1]), tf: row.tf.subarray(row.starts[i], row.starts[i + 1]) });
  }
  if (pendingList) lists.push(pendingList);
  return lists;
}

/**
 * The bucket's rows of every segment: its own rows, and its part of the grouped rows of small segments. A grouped
 * row is decoded and cached once for the GROUP buckets it holds.
 */
async function bucketRowsOf(t: SearchTables, c: Cache, bucket: number): Promise<DecodedBucket[]> {
  const rowsAt = (b: number) => async () => (await t.buckets.where('[bucket+seg]').between([b, -Infinity], [b, Infinity]).toArray()).map(decodeBucket);
  const grouped = c.meta.segments.some((s) => s[2]);
  const group = groupRowOf(bucket);
  const [own, groups] = await Promise.all([cached(c, `b${bucket}`, rowsAt(bucket)), grouped ? cached(c, `b${group}`, rowsAt(group)) : []]);
  return [...own, ...groups.map((row) => bucketPart(row, bucket))];
}

/** Folded syllables starting with `prefix`, most frequent first, at most `max`, with their document counts. */
export async function expandPrefix(t: SearchTables, state: ReaderState, prefix: string, max: number): Promise<Array<[string, number]>> {
  const df = new Map<string, number>();
  const head = vocabHead(prefix);
  // A one-letter prefix spans every head starting with that letter.
  const rows = head.length === 2 ? [await t.vocab.get(head)] : await t.vocab.where('head').between(head, `${head}\uffff`, true, true).toArray();
  for (const row of rows) {
    if (!row) continue;
    row.words.forEach((w, i) => {
      if (w.startsWith(prefix)) df.set(w, row.df[i]);
    });
  }
  for (const p of state.pending) for (const w of p.words) if (w.startsWith(prefix)) df.set(w, (df.get(w) ?? 0) + 1);
  return [...df.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max);
}
