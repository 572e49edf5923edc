// Index upkeep. Every function named *InTx must run inside a Dexie read-write transaction whose scope
// includes `articles` (when it reads articles) and all SEARCH_TABLES, so the archive and its index change together.
import type { Article } from '../types';
import { articleTerms, dateMs, type DocTerms } from './doc-terms';
import {
  emptyMeta,
  emptyStats,
  searchTables,
  SEARCH_TABLES,
  STATS_BLOCK,
  type SearchMetaRow,
  type SearchPostingRow,
  type SearchStatsRow,
  type SearchTables,
  type SearchTermRow,
  type TableSource,
} from './schema';
import type { Dexie } from 'dexie';

/** Pending documents at which a save triggers a flush into posting segments (after its own transaction). */
export const FLUSH_AT = 256;
/** This many segments of a term in the same size tier are merged into one. */
export const MERGE_FANIN = 8;
/** At most this many terms are merged per flush batch (the most fragmented first), so one flush stays short. */
export const MAX_MERGES_PER_FLUSH = 256;
/** Pending documents moved per flush transaction: a save waiting behind a flush waits for one batch at most. */
export const FLUSH_BATCH = 128;

/** Loads each touched stats block once and writes it back once. */
class StatsEditor {
  private blocks = new Map<number, SearchStatsRow>();
  constructor(private t: SearchTables) {}
  async row(docNo: number): Promise<SearchStatsRow> {
    const block = Math.floor(docNo / STATS_BLOCK);
    let row = this.blocks.get(block);
    if (!row) {
      row = (await this.t.stats.get(block)) ?? emptyStats(block, 0);
      this.blocks.set(block, row);
    }
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
  return (await t.meta.get('meta')) ?? emptyMeta();
}

async function removeDoc(t: SearchTables, meta: SearchMetaRow, stats: StatsEditor, id: string): Promise<boolean> {
  const row = await t.docs.where('id').equals(id).first();
  if (!row) return false;
  const s = await stats.row(row.docNo);
  const i = row.docNo % STATS_BLOCK;
  if (s.alive[i]) {
    s.alive[i] = 0;
    meta.aliveCount--;
    meta.sumLength -= s.length[i];
  }
  await t.docs.delete(row.docNo);
  if (await t.pending.get(row.docNo)) {
    await t.pending.delete(row.docNo);
    meta.pendingCount--;
  }
  return true;
}

async function addDoc(t: SearchTables, meta: SearchMetaRow, stats: StatsEditor, article: Article, dt: DocTerms): Promise<number> {
  const docNo = meta.nextDocNo++;
  await t.docs.add({ docNo, id: article.id });
  const s = await stats.row(docNo);
  const i = docNo % STATS_BLOCK;
  s.captured[i] = dateMs(article.capturedAt);
  if (Number.isNaN(s.captured[i])) s.captured[i] = 0;
  s.published[i] = dateMs(article.publishedAt);
  s.length[i] = dt.length;
  s.alive[i] = 1;
  meta.aliveCount++;
  meta.sumLength += dt.length;
  return docNo;
}

/**
 * Indexes one article (new or replacing the indexed content of the same id). Writes a few rows:
 * the doc number, one pending row with the document's terms, one stats block and the meta row.
 * Returns the number of pending documents, so the caller can flush when it is convenient.
 */
export async function indexArticleInTx(src: TableSource, article: Article): Promise<number> {
  const t = searchTables(src);
  const meta = await loadMeta(t);
  const stats = new StatsEditor(t);
  await removeDoc(t, meta, stats, article.id);
  const dt = articleTerms(article);
  const docNo = await addDoc(t, meta, stats, article, dt);
  await t.pending.put({ docNo, terms: dt.terms, tf: dt.tf });
  meta.pendingCount++;
  meta.gen++;
  await stats.save(meta.gen);
  await t.meta.put(meta);
  return meta.pendingCount;
}

/** Removes an article from the index (its postings become dead until the next merge drops them). */
export async function unindexArticleInTx(src: TableSource, id: string): Promise<boolean> {
  const t = searchTables(src);
  const meta = await loadMeta(t);
  const stats = new StatsEditor(t);
  const removed = await removeDoc(t, meta, stats, id);
  if (!removed) return false;
  meta.gen++;
  await stats.save(meta.gen);
  await t.meta.put(meta);
  return true;
}

/**
 * Indexes many articles straight into one posting segment (no pending rows): for imports and the
 * schema upgrade. Call with batches of a few hundred articles.
 */
export async function indexArticlesInTx(src: TableSource, articles: Article[]): Promise<void> {
  if (!articles.length) return;
  const t = searchTables(src);
  const meta = await loadMeta(t);
  const stats = new StatsEditor(t);
  const docs: PendingDoc[] = [];
  for (const article of articles) {
    await removeDoc(t, meta, stats, article.id);
    const dt = articleTerms(article);
    const docNo = await addDoc(t, meta, stats, article, dt);
    docs.push({ docNo, terms: dt.terms, tf: dt.tf });
  }
  meta.gen++;
  await stats.save(meta.gen);
  await appendSegments(t, meta, docs);
  await t.meta.put(meta);
}

interface PendingDoc {
  docNo: number;
  terms: string[];
  tf: Uint8Array;
}

/** Writes the postings of `docs` as one new segment per term, merging terms whose segments pile up. */
async function appendSegments(t: SearchTables, meta: SearchMetaRow, docs: PendingDoc[]): Promise<void> {
  if (!docs.length) return;
  const seg = ++meta.flushSeq;
  docs.sort((a, b) => a.docNo - b.docNo);
  const groups = new Map<string, { docs: number[]; tf: number[] }>();
  for (const d of docs) {
    for (let i = 0; i < d.terms.length; i++) {
      let g = groups.get(d.terms[i]);
      if (!g) groups.set(d.terms[i], (g = { docs: [], tf: [] }));
      g.docs.push(d.docNo);
      g.tf.push(d.tf[i]);
    }
  }
  const termList = [...groups.keys()];
  const dict = await t.terms.bulkGet(termList);
  const rows: SearchPostingRow[] = [];
  const dictRows: SearchTermRow[] = [];
  const toMerge: Array<{ dictRow: SearchTermRow; fresh: SearchPostingRow; pick: Array<[number, number]> }> = [];
  termList.forEach((term, k) => {
    const g = groups.get(term)!;
    const fresh: SearchPostingRow = { term, seg, docs: Uint32Array.from(g.docs), tf: Uint8Array.from(g.tf) };
    const dictRow: SearchTermRow = dict[k] ?? { term, df: 0, segs: 0 };
    const list = (dictRow.segList ??= []);
    list.push([seg, g.docs.length]);
    dictRow.df += g.docs.length;
    dictRow.segs = list.length;
    dictRows.push(dictRow);
    const pick = mergeCandidates(list);
    if (pick) toMerge.push({ dictRow, fresh, pick });
    else rows.push(fresh);
  });
  if (toMerge.length > MAX_MERGES_PER_FLUSH) {
    // Merge the most fragmented terms now; the others keep their segments until a later flush.
    toMerge.sort((a, b) => b.dictRow.segs - a.dictRow.segs);
    for (const { fresh } of toMerge.splice(MAX_MERGES_PER_FLUSH)) rows.push(fresh);
  }
  if (toMerge.length) {
    const alive = await loadAlive(t);
    const keys: Array<[string, number]> = [];
    for (const { fresh, pick } of toMerge) for (const [s] of pick) if (s !== seg) keys.push([fresh.term, s]);
    const got = await t.postings.bulkGet(keys);
    const stored = new Map<string, SearchPostingRow>();
    got.forEach((row) => row && stored.set(`${row.seg}\u0000${row.term}`, row));
    const deletions: Array<[string, number]> = [];
    for (const { dictRow, fresh, pick } of toMerge) {
      const picked = new Set(pick.map(([s]) => s));
      const parts: SearchPostingRow[] = [];
      for (const [s] of pick) {
        const row = s === seg ? fresh : stored.get(`${s}\u0000${fresh.term}`);
        if (row) parts.push(row);
      }
      if (!picked.has(seg)) rows.push(fresh);
      const target = picked.has(seg) ? seg : Math.max(...picked);
      const n = parts.reduce((sum, p) => sum + p.docs.length, 0);
      const mergedDocs = new Uint32Array(n);
      const mergedTf = new Uint8Array(n);
      let m = 0;
      for (const p of parts) {
        for (let i = 0; i < p.docs.length; i++) {
          const d = p.docs[i];
          if (!alive[d]) continue;
          mergedDocs[m] = d;
          mergedTf[m++] = p.tf[i];
        }
      }
      for (const s of picked) if (s !== seg && (s !== target || !m)) deletions.push([fresh.term, s]);
      if (m) rows.push({ term: fresh.term, seg: target, docs: mergedDocs.slice(0, m), tf: mergedTf.slice(0, m) });
      dictRow.segList = dictRow.segList!.filter(([s]) => !picked.has(s));
      if (m) dictRow.segList.push([target, m]);
      dictRow.segs = dictRow.segList.length;
      dictRow.df = dictRow.segList.reduce((sum, [, len]) => sum + len, 0);
    }
    await t.postings.bulkDelete(deletions);
  }
  await t.postings.bulkPut(rows);
  await t.terms.bulkPut(dictRows);
}

/** Size tier of a segment: segments within a factor MERGE_FANIN of each other share a tier. */
function tierOf(length: number): number {
  return length <= 1 ? 0 : Math.floor(Math.log(length) / Math.log(MERGE_FANIN));
}

/**
 * Size-tiered merging: when MERGE_FANIN segments of a term share a tier, they are merged into one (the next tier).
 * Each posting is rewritten about log_FANIN(N) times in its life instead of on every merge of a big list.
 */
function mergeCandidates(list: Array<[number, number]>): Array<[number, number]> | null {
  const byTier = new Map<number, Array<[number, number]>>();
  for (const e of list) {
    const tier = tierOf(e[1]);
    let arr = byTier.get(tier);
    if (!arr) byTier.set(tier, (arr = []));
    arr.push(e);
  }
  for (const tier of [...byTier.keys()].sort((a, b) => a - b)) {
    const arr = byTier.get(tier)!;
    if (arr.length >= MERGE_FANIN) return arr;
  }
  return null;
}

async function loadAlive(t: SearchTables): Promise<Uint8Array> {
  const rows = await t.stats.toArray();
  const max = rows.reduce((m, r) => Math.max(m, r.block + 1), 0);
  const alive = new Uint8Array(max * STATS_BLOCK);
  for (const r of rows) alive.set(r.alive, r.block * STATS_BLOCK);
  return alive;
}

/** Moves up to `maxDocs` pending documents into posting segments, in one transaction. Returns how many moved. */
async function flushBatch(db: Dexie, maxDocs: number): Promise<number> {
  return db.transaction('rw', [...SEARCH_TABLES], async () => {
    const t = searchTables(db);
    const pending = await t.pending.orderBy('docNo').limit(maxDocs).toArray();
    if (!pending.length) return 0;
    const meta = await loadMeta(t);
    await appendSegments(t, meta, pending);
    await t.pending.bulkDelete(pending.map((p) => p.docNo));
    meta.pendingCount -= pending.length;
    meta.gen++;
    await t.meta.put(meta);
    return pending.length;
  });
}

/** Moves every pending document into posting segments; safe to call any time (each batch is atomic). */
export async function flushSearchIndex(db: Dexie, options: { batch?: number } = {}): Promise<void> {
  while ((await flushBatch(db, options.batch ?? FLUSH_BATCH)) > 0) {
    /* next batch */
  }
}

const flushing = new WeakSet<Dexie>();

/** Starts a background flush when enough documents are pending; never throws (a failed flush is retried later). */
export function maybeFlushSearchIndex(db: Dexie, pendingCount: number): void {
  if (pendingCount < FLUSH_AT || flushing.has(db)) return;
  flushing.add(db);
  flushSearchIndex(db)
    .catch(() => undefined)
    .finally(() => flushing.delete(db));
}

/** Drops and rebuilds the whole index from the articles table (used by the v1→v2 upgrade, and for repair). */
export async function rebuildSearchIndexInTx(src: TableSource, options: { batch?: number } = {}): Promise<void> {
  const t = searchTables(src);
  await Promise.all([t.meta.clear(), t.docs.clear(), t.stats.clear(), t.pending.clear(), t.postings.clear(), t.terms.clear()]);
  await t.meta.put(emptyMeta());
  const articles = src.table('articles');
  const batch = options.batch ?? 500;
  let last: string | null = null;
  for (;;) {
    const page: Article[] = await (last === null ? articles.orderBy(':id') : articles.where(':id').above(last)).limit(batch).toArray();
    if (!page.length) break;
    await indexArticlesInTx(src, page);
    last = page[page.length - 1].id;
  }
}

/** Rebuilds the index of an open archive in one transaction. */
export async function rebuildSearchIndex(db: Dexie): Promise<void> {
  // An async scope function keeps Dexie's transaction zone across native awaits.
  await db.transaction('rw', ['articles', ...SEARCH_TABLES], async () => await rebuildSearchIndexInTx(db));
}
