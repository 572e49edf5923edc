// searchArchive: ranked, filtered search over the archive through the postings index.
// Ranking: documents matching more query words with their exact diacritics come first ("đường" before
// "dương" when the query has "đường"), then BM25 over weighted fields (title ×3, lead ×2, body and author ×1),
// then the newer publication (or capture) date. An empty query lists newest captures first.
import type { Dexie } from 'dexie';
import type { Article, SiteInfo } from '../types';
import { toNFC } from '../text/normalize';
import { formerProvinceNamed, siteInProvince } from '../detect/province-of-time';
import { categoryKey, exactKey, foldedKey, pairKey, provinceKey, siteKey, tagKey } from './term-keys';
import { asForegroundQuery, docMaskOfIds, expandPrefix, idsOfDocs, postingsOf, readerState, readIdsInBackground, type PostingList, type ReaderState } from './index-reader';
import { matchesPhrases } from './match';
import { parseQuery, type ParsedQuery, type QueryUnit } from './query';
import { searchTables, SEARCH_TABLES, type SearchTables } from './schema';
import { LONG_LIST } from './posting-codec';
import { buildSnippet, highlighterFor, highlightRanges, type Range } from './snippet';

export interface SearchFilters {
  province?: string | null;
  site?: string | null;
  category?: string | null;
  tag?: string | null;
  /** Inclusive bounds on capturedAt / publishedAt: ISO strings, "YYYY-MM-DD" (a whole day in Vietnam time) or Dates. */
  savedFrom?: string | Date | null;
  savedTo?: string | Date | null;
  publishedFrom?: string | Date | null;
  publishedTo?: string | Date | null;
  /** Only these articles (a collection's members); an empty list matches nothing. */
  ids?: readonly string[] | null;
}

export interface SearchOptions {
  filters?: SearchFilters;
  offset?: number;
  /** Hits to return (default 20). Large limits cost an article read each. */
  limit?: number;
  /** Treat the last word as a prefix while it is typed (default true). */
  prefix?: boolean;
}

export interface SearchHit {
  id: string;
  /** BM25 score (0 for an empty query). */
  score: number;
  /** Query words found with the exact diacritics typed. */
  exactMatches: number;
  title: string;
  site: SiteInfo;
  category: string | null;
  publishedAt: string | null;
  capturedAt: string;
  tags: string[];
  /** A re-check's dates (Kiểm tra cập nhật), when the article has them. */
  checkedAt?: string;
  goneAt?: string;
  /** Plain text; highlight with `highlights.snippet`. */
  snippet: string;
  highlights: { title: Range[]; snippet: Range[] };
}

export interface SearchResult {
  total: number;
  /** False only when long phrases were verified for the returned page but not for every candidate. */
  totalIsExact: boolean;
  hits: SearchHit[];
  tookMs: number;
}

const K1 = 1.2;
const B = 0.75;
const MAX_PREFIX_EXPANSIONS = 32;
/** Long phrases (3+ syllables) are checked on the text of up to this many candidates to get an exact total. */
const VERIFY_ALL_LIMIT = 60;
/** Candidates read and checked at a time when few of them turn out true. */
const MAX_VERIFY_CHUNK = 200;
const MAX_LIMIT = 100_000;

function clampLimit(limit: number | undefined, fallback: number): number {
  return Number.isFinite(limit) ? Math.min(MAX_LIMIT, Math.max(0, Math.floor(limit!))) : fallback;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch ms of a filter bound; a bare date means the start (or, for an upper bound, the end) of that day in Vietnam. */
export function boundMs(value: string | Date | null | undefined, upper: boolean): number {
  if (value == null || value === '') return NaN;
  if (value instanceof Date) return value.getTime();
  const v = String(value).trim();
  if (DAY_RE.test(v)) {
    const start = Date.parse(`${v}T00:00:00+07:00`);
    return upper ? start + 86_400_000 - 1 : start;
  }
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? ms : NaN;
}

interface Constraint {
  lists: PostingList[];
  /** Whether matches add to the score (filters do not). */
  scored: boolean;
  df: number;
  /** True when several terms are unioned (prefix expansions): a doc may appear in more than one list. */
  union: boolean;
}

/** BM25's length part per document, K1 · (1 − B + B · length / avgdl), kept while the index state is unchanged. */
const normCache = new WeakMap<ReaderState, { gen: number; avgdl: number; size: number; norm: Float64Array }>();
function lengthNorms(state: ReaderState, avgdl: number): Float64Array {
  const size = state.meta.nextDocNo;
  const hit = normCache.get(state);
  if (hit && hit.gen === state.meta.gen && hit.avgdl === avgdl && hit.size === size) return hit.norm;
  const norm = new Float64Array(size);
  for (let d = 0; d < size; d++) norm[d] = K1 * (1 - B + (B * (state.length[d] || avgdl)) / avgdl);
  normCache.set(state, { gen: state.meta.gen, avgdl, size, norm });
  return norm;
}

function totalLength(lists: PostingList[]): number {
  return lists.reduce((n, l) => n + l.docs.length, 0);
}

async function termConstraint(t: SearchTables, state: ReaderState, key: number, scored: boolean): Promise<Constraint> {
  const lists = await postingsOf(t, state, key);
  return { lists, scored, df: totalLength(lists), union: false };
}

/**
 * A current province's key takes in its former provinces' articles (they are stored under it). A former province
 * (Hà Giang) is the union of the archive's hosts that belonged to it and of articles stored under its own name.
 */
async function provinceConstraint(db: Dexie, t: SearchTables, state: ReaderState, name: string): Promise<Constraint> {
  const former = formerProvinceNamed(name);
  if (!former) return termConstraint(t, state, provinceKey(name), false);
  const hosts = (await db.table('articles').orderBy('site.host').uniqueKeys()).filter(
    (h): h is string => typeof h === 'string' && siteInProvince({ host: h, province: former.current }, former.former),
  );
  // Articles stored under the former name itself (imported from elsewhere) count too.
  const keys = [provinceKey(former.former), ...hosts.map((h) => siteKey(h))];
  const lists = (await Promise.all(keys.map((key) => postingsOf(t, state, key)))).flat();
  return { lists, scored: false, df: totalLength(lists), union: true };
}

async function unitConstraints(t: SearchTables, state: ReaderState, u: QueryUnit): Promise<Constraint[]> {
  if (u.kind === 'prefix') {
    const terms = await expandPrefix(t, state, u.syllables[0].folded, MAX_PREFIX_EXPANSIONS);
    // Documents ever indexed with the word bound its postings in any segment: rare words have no long lists.
    const lists = (await Promise.all(terms.map(([term, df]) => postingsOf(t, state, foldedKey(term), df >= LONG_LIST)))).flat();
    return [{ lists, scored: true, df: totalLength(lists), union: true }];
  }
  const keys = u.syllables.map((s) => foldedKey(s.folded));
  if (keys.length === 1) return [await termConstraint(t, state, keys[0], true)];
  const pairs = keys.slice(1).map((k, i) => pairKey(keys[i], k));
  return Promise.all(pairs.map((key) => termConstraint(t, state, key, true)));
}

/**
 * The masks of recent id lists (a collection's list is the same array from one keystroke to the next), while the
 * index generation stays: each one is a pass over the whole id table (and point reads in an older archive).
 */
const allowedCache = new WeakMap<readonly string[], { gen: number; epoch: string; mask: { docs: Uint8Array; count: number } }>();

async function allowedDocsCached(t: SearchTables, state: ReaderState, ids: readonly string[], size: number): Promise<{ docs: Uint8Array; count: number }> {
  const hit = allowedCache.get(ids);
  if (hit && hit.gen === state.meta.gen && hit.epoch === state.meta.epoch && hit.mask.docs.length === size) return hit.mask;
  const mask = await docMaskOfIds(t, state, ids, size);
  allowedCache.set(ids, { gen: state.meta.gen, epoch: state.meta.epoch, mask });
  return mask;
}

function mergeFilters(parsed: ParsedQuery, given: SearchFilters | undefined): SearchFilters {
  const f: SearchFilters = { ...parsed.filters };
  for (const [k, v] of Object.entries(given ?? {})) if (v != null && v !== '') (f as Record<string, unknown>)[k] = v;
  return f;
}

export async function searchArchive(db: Dexie, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const started = performance.now();
  const parsed = parseQuery(query, { prefix: options.prefix ?? true });
  const filters = mergeFilters(parsed, options.filters);
  const offset = Math.max(0, Math.floor(Number(options.offset) || 0));
  const limit = clampLimit(options.limit, 20);
  const result = await asForegroundQuery(db, () => db.transaction('r', ['articles', ...SEARCH_TABLES], async () => await runSearch(db, parsed, filters, offset, limit, false)));
  readIdsInBackground(db);
  return { total: result.total, totalIsExact: result.totalIsExact, hits: result.hits, tookMs: performance.now() - started };
}

/**
 * Same matching and order as searchArchive, but only article ids (no article is read unless a long phrase
 * must be verified): for bulk actions on a result set ("export these 3,000 hits").
 */
export async function searchArchiveIds(db: Dexie, query: string, options: SearchOptions = {}): Promise<{ total: number; ids: string[] }> {
  const parsed = parseQuery(query, { prefix: options.prefix ?? true });
  const filters = mergeFilters(parsed, options.filters);
  const offset = Math.max(0, Math.floor(Number(options.offset) || 0));
  const limit = clampLimit(options.limit, MAX_LIMIT);
  const result = await asForegroundQuery(db, () => db.transaction('r', ['articles', ...SEARCH_TABLES], async () => await runSearch(db, parsed, filters, offset, limit, true)));
  return { total: result.total, ids: result.ids ?? result.hits.map((h) => h.id) };
}

/** Per-document arrays of one query (about 1 MB at 100,000 documents), handed to the next query of the same size. */
interface Scratch {
  count: Uint16Array;
  score: Float64Array;
  excluded: Uint8Array;
  exact: Uint8Array;
}
const spareScratch: Scratch[] = [];

function takeScratch(lease: { taken: Scratch | null }, size: number): Scratch {
  let s = spareScratch.pop();
  if (s && s.count.length === size) {
    s.count.fill(0);
    s.score.fill(0);
    s.excluded.fill(0);
    s.exact.fill(0);
  } else {
    s = { count: new Uint16Array(size), score: new Float64Array(size), excluded: new Uint8Array(size), exact: new Uint8Array(size) };
  }
  lease.taken = s;
  return s;
}

type SearchArgs = [db: Dexie, parsed: ParsedQuery, filters: SearchFilters, offset: number, limit: number, idsOnly: boolean];
type RunResult = Omit<SearchResult, 'tookMs'> & { ids?: string[] };

async function runSearch(...args: SearchArgs): Promise<RunResult> {
  // Queries may overlap (typing): each holds its arrays until it returns, then gives them back.
  const lease: { taken: Scratch | null } = { taken: null };
  try {
    return await rankAndLoad(lease, ...args);
  } finally {
    if (lease.taken && spareScratch.length < 2) spareScratch.push(lease.taken);
  }
}

/** What a query reads from the index before anything is scored. */
interface QueryPlan {
  t: SearchTables;
  state: ReaderState;
  size: number;
  /** Alive documents (at least 1) and their average weighted length, for BM25. */
  N: number;
  avgdl: number;
  /** Required units and term-like filters, smallest first. */
  constraints: Constraint[];
  excludedCs: Constraint[][];
  exactLists: PostingList[][];
  allowed: { docs: Uint8Array; count: number } | null;
}

/** Reads every posting list the query needs, issued at once (one round trip's latency instead of one per term); null when nothing can match. */
async function planQuery(db: Dexie, parsed: ParsedQuery, filters: SearchFilters): Promise<QueryPlan | null> {
  const t = searchTables(db);
  const state = await readerState(db);
  const size = state.meta.nextDocNo;
  const N = Math.max(1, state.meta.aliveCount);
  const avgdl = state.meta.sumLength / N || 1;
  const exactTerms = new Set<number>();
  for (const u of parsed.required) for (const s of u.syllables) if (s.exact) exactTerms.add(exactKey(s.exact));
  const filterReads: Array<Promise<Constraint>> = [];
  if (filters.province) filterReads.push(provinceConstraint(db, t, state, String(filters.province)));
  if (filters.site) filterReads.push(termConstraint(t, state, siteKey(String(filters.site)), false));
  if (filters.category) filterReads.push(termConstraint(t, state, categoryKey(String(filters.category)), false));
  if (filters.tag) filterReads.push(termConstraint(t, state, tagKey(String(filters.tag)), false));
  const [requiredCs, filterCs, excludedCs, exactLists] = await Promise.all([
    Promise.all(parsed.required.map((u) => unitConstraints(t, state, u))),
    Promise.all(filterReads),
    Promise.all(parsed.excluded.map((u) => unitConstraints(t, state, u))),
    Promise.all([...exactTerms].map((key) => postingsOf(t, state, key))),
  ]);
  const constraints: Constraint[] = [...requiredCs.flat(), ...filterCs];
  if (constraints.some((c) => c.df === 0)) return null;
  const allowed = filters.ids ? await allowedDocsCached(t, state, filters.ids, size) : null;
  if (allowed?.count === 0) return null;
  constraints.sort((a, b) => a.df - b.df);
  return { t, state, size, N, avgdl, constraints, excludedCs, exactLists, allowed };
}

/**
 * Marks excluded documents: 1 for words and two-syllable phrases (exact through the index), 2 for longer phrases
 * (only candidates: their text is checked later). Returns the longer phrases' folded syllables.
 */
function markExclusions(parsed: ParsedQuery, excludedCs: Constraint[][], excluded: Uint8Array, size: number): string[][] {
  const excludedLong: string[][] = [];
  for (const [ui, u] of parsed.excluded.entries()) {
    const cs = excludedCs[ui];
    const mark = u.syllables.length > 2 ? 2 : 1;
    if (cs.length === 1) {
      for (const l of cs[0].lists) for (let j = 0; j < l.docs.length; j++) excluded[l.docs[j]] = Math.max(excluded[l.docs[j]], mark);
    } else {
      const hit = new Uint16Array(size);
      cs.forEach((c, i) => {
        for (const l of c.lists) for (let j = 0; j < l.docs.length; j++) if (hit[l.docs[j]] === i) hit[l.docs[j]] = i + 1;
      });
      for (let d = 0; d < size; d++) if (hit[d] === cs.length) excluded[d] = Math.max(excluded[d], mark);
    }
    if (mark === 2) excludedLong.push(u.syllables.map((s) => s.folded));
  }
  return excludedLong;
}

/** Whether a document may be a candidate: alive, not excluded, in the id list and inside the date bounds. */
function acceptorFor(plan: QueryPlan, filters: SearchFilters, excluded: Uint8Array): (d: number) => boolean {
  const { alive, captured, published } = plan.state;
  const allowed = plan.allowed;
  const savedFrom = boundMs(filters.savedFrom, false);
  const savedTo = boundMs(filters.savedTo, true);
  const pubFrom = boundMs(filters.publishedFrom, false);
  const pubTo = boundMs(filters.publishedTo, true);
  const hasDates = !Number.isNaN(savedFrom) || !Number.isNaN(savedTo) || !Number.isNaN(pubFrom) || !Number.isNaN(pubTo);
  return (d: number): boolean => {
    if (!alive[d] || excluded[d] === 1) return false;
    if (allowed && !allowed.docs[d]) return false;
    if (!hasDates) return true;
    const cap = captured[d];
    if (!Number.isNaN(savedFrom) && !(cap >= savedFrom)) return false;
    if (!Number.isNaN(savedTo) && !(cap <= savedTo)) return false;
    const pub = published[d];
    if (!Number.isNaN(pubFrom) && !(pub >= pubFrom)) return false;
    if (!Number.isNaN(pubTo) && !(pub <= pubTo)) return false;
    return true;
  };
}

/**
 * AND of the constraints, scoring as it goes. A document is let in (or not) once, by the first and smallest
 * constraint: the later, larger lists then skip dead, excluded and out-of-range documents without scoring them,
 * and the last one collects the candidates (no extra pass over the lists).
 */
function scoreCandidates(plan: QueryPlan, scratch: Scratch, accept: (d: number) => boolean): number[] {
  const { constraints, size, N } = plan;
  const { count, score } = scratch;
  const norm = lengthNorms(plan.state, plan.avgdl);
  const k = constraints.length;
  const candidates: number[] = [];
  if (k === 0) {
    for (let d = size - 1; d >= 0; d--) if (accept(d)) candidates.push(d);
  }
  for (let i = 0; i < k; i++) {
    const c = constraints[i];
    const idf = Math.log(1 + (N - c.df + 0.5) / (c.df + 0.5));
    const first = i === 0;
    const last = i === k - 1;
    for (const list of c.lists) {
      const { docs, tf } = list;
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j];
        if (d >= size) continue;
        const cur = count[d];
        if (cur === i) {
          if (first && !accept(d)) continue;
          count[d] = i + 1;
          if (last) candidates.push(d);
        } else if (!(c.union && cur === i + 1)) continue;
        if (c.scored) {
          const f = tf[j] || 1;
          score[d] += (idf * f * (K1 + 1)) / (f + norm[d]);
        }
      }
    }
  }
  return candidates;
}

/** How candidates are ranked: a comparator and a numeric key that orders like it (for the top-k cut). */
interface Ranking {
  cmp: (a: number, b: number) => number;
  key: (d: number) => number;
}

function rankingFor(empty: boolean, state: ReaderState, scratch: Scratch): Ranking {
  const { captured, published } = state;
  const { exact, score } = scratch;
  const dateOf = (d: number) => (Number.isNaN(published[d]) ? captured[d] : published[d]);
  return empty
    ? { cmp: (a, b) => captured[b] - captured[a] || b - a, key: (d) => captured[d] }
    : {
        cmp: (a, b) => exact[b] - exact[a] || score[b] - score[a] || (dateOf(b) || 0) - (dateOf(a) || 0) || b - a,
        key: (d) => exact[d] * 1e9 + score[d],
      };
}

type LoadedHit = { d: number; article: Article };

/**
 * Long phrases (and long excluded phrases) are checked on the text, in rank order, until the page is full (or on every
 * candidate when there are few). Each article read costs about 0.2 ms, so chunks are sized by the share of candidates
 * that turned out true so far.
 */
async function verifyInRankOrder(
  db: Dexie,
  plan: QueryPlan,
  v: { candidates: number[]; ordered: number[]; ranking: Ranking; checkAll: boolean; want: number; excluded: Uint8Array; longPhrases: string[][]; excludedLong: string[][] },
): Promise<{ verified: LoadedHit[]; checked: number }> {
  const { candidates, ranking, checkAll, want, excluded } = v;
  let ordered = v.ordered;
  const verified: LoadedHit[] = [];
  let i = 0;
  while (i < candidates.length && (checkAll || verified.length < want)) {
    if (i >= ordered.length) {
      // The first stage ran out: the rest, all ranked below it, in order.
      const floor = ranking.key(ordered[ordered.length - 1]);
      ordered = ordered.concat(candidates.filter((d) => ranking.key(d) < floor).sort(ranking.cmp));
      // Only a key that compares with nothing (NaN) could leave candidates out: stop rather than spin.
      if (i >= ordered.length) break;
    }
    const rate = i ? Math.max(verified.length / i, 0.05) : 1;
    const size = checkAll ? ordered.length : Math.min(MAX_VERIFY_CHUNK, Math.max(20, Math.ceil((want - verified.length) / rate) + 5));
    const chunk = ordered.slice(i, i + size);
    i += chunk.length;
    const articles = await loadArticles(db, plan.t, plan.state, chunk);
    chunk.forEach((d, j) => {
      const a = articles[j];
      if (a && matchesPhrases(a, v.longPhrases, excluded[d] === 2 ? v.excludedLong : [])) verified.push({ d, article: a });
    });
  }
  return { verified, checked: i };
}

function buildHits(page: LoadedHit[], parsed: ParsedQuery, scratch: Scratch): SearchHit[] {
  const empty = parsed.required.length === 0;
  const h = highlighterFor(parsed);
  return page.map(({ d, article }) => {
    const title = toNFC(article.title ?? '');
    const snip = buildSnippet(article.lead, article.bodyText, h);
    return {
      id: article.id,
      score: empty ? 0 : Math.round(scratch.score[d] * 1000) / 1000,
      exactMatches: scratch.exact[d],
      title,
      site: article.site,
      category: article.category ?? null,
      publishedAt: article.publishedAt ?? null,
      capturedAt: article.capturedAt,
      tags: article.tags ?? [],
      ...(article.checkedAt ? { checkedAt: article.checkedAt } : {}),
      ...(article.goneAt ? { goneAt: article.goneAt } : {}),
      snippet: snip.text,
      highlights: { title: empty ? [] : highlightRanges(title, h), snippet: empty ? [] : snip.ranges },
    };
  });
}

/** plan → score → order → verify phrases → build hits. */
async function rankAndLoad(lease: { taken: Scratch | null }, ...[db, parsed, filters, offset, limit, idsOnly]: SearchArgs): Promise<RunResult> {
  const plan = await planQuery(db, parsed, filters);
  if (!plan) return { total: 0, totalIsExact: true, hits: [] };
  const scratch = takeScratch(lease, plan.size);
  const excludedLong = markExclusions(parsed, plan.excludedCs, scratch.excluded, plan.size);
  // Exact-diacritic matches, for query syllables typed with diacritics.
  for (const lists of plan.exactLists) {
    for (const l of lists) for (let j = 0; j < l.docs.length; j++) if (l.docs[j] < plan.size) scratch.exact[l.docs[j]]++;
  }
  const candidates = scoreCandidates(plan, scratch, acceptorFor(plan, filters, scratch.excluded));

  const ranking = rankingFor(parsed.required.length === 0, plan.state, scratch);
  const longPhrases = parsed.required.filter((u) => u.kind === 'phrase' && u.syllables.length > 2).map((u) => u.syllables.map((s) => s.folded));
  const verify = longPhrases.length > 0 || candidates.some((d) => scratch.excluded[d] === 2);
  const want = offset + limit;
  // Only a page is shown: past a few pages' worth, keep the best by a numeric key before sorting (the key orders like
  // cmp). Verified queries go through candidates in rank order and usually stop within the first few dozen.
  const checkAll = verify && candidates.length <= VERIFY_ALL_LIMIT;
  const firstStage = Math.max(want * 4, 20);
  const ordered = checkAll || candidates.length <= firstStage ? candidates.sort(ranking.cmp) : topK(candidates, verify ? firstStage : want, ranking.key, ranking.cmp);

  if (!verify && idsOnly) {
    const rows = await plan.t.docs.bulkGet(ordered.slice(offset, want));
    return { total: candidates.length, totalIsExact: true, hits: [], ids: rows.map((r) => r?.id).filter((id): id is string => !!id) };
  }
  let total = candidates.length;
  let totalIsExact = true;
  let page: LoadedHit[];
  if (!verify) {
    const docNos = ordered.slice(offset, want);
    const articles = await loadArticles(db, plan.t, plan.state, docNos);
    page = docNos.map((d, i) => ({ d, article: articles[i] })).filter((x): x is LoadedHit => !!x.article);
  } else {
    const { verified, checked } = await verifyInRankOrder(db, plan, { candidates, ordered, ranking, checkAll, want, excluded: scratch.excluded, longPhrases, excludedLong });
    total = verified.length + (candidates.length - checked);
    totalIsExact = checked >= candidates.length;
    page = verified.slice(offset, want);
  }
  if (idsOnly) return { total, totalIsExact, hits: [], ids: page.map((p) => p.article.id) };
  return { total, totalIsExact, hits: buildHits(page, parsed, scratch) };
}

/** The `k` best by `cmp`, using a numeric key to cut the field before sorting (a size-k min-heap: O(n log k)). */
function topK(cands: number[], k: number, key: (d: number) => number, cmp: (a: number, b: number) => number): number[] {
  if (k <= 0) return [];
  const keys = new Float64Array(cands.length);
  for (let i = 0; i < cands.length; i++) keys[i] = key(cands[i]);
  const heap = new Float64Array(Math.min(k, cands.length));
  let size = 0;
  for (let i = 0; i < keys.length; i++) {
    const v = keys[i];
    if (size < heap.length) {
      // Sift up.
      let j = size++;
      while (j > 0 && heap[(j - 1) >> 1] > v) {
        heap[j] = heap[(j - 1) >> 1];
        j = (j - 1) >> 1;
      }
      heap[j] = v;
    } else if (v > heap[0]) {
      // Replace the smallest, sift down.
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= size) break;
        const c = l + 1 < size && heap[l + 1] < heap[l] ? l + 1 : l;
        if (heap[c] >= v) break;
        heap[j] = heap[c];
        j = c;
      }
      heap[j] = v;
    }
  }
  const threshold = heap[0];
  const top: number[] = [];
  for (let i = 0; i < cands.length; i++) if (keys[i] >= threshold) top.push(cands[i]);
  return top.sort(cmp);
}

async function loadArticles(db: Dexie, t: SearchTables, state: ReaderState, docNos: number[]): Promise<Array<Article | undefined>> {
  if (!docNos.length) return [];
  const ids = await idsOfDocs(t, state, docNos);
  const articles = (await db.table('articles').bulkGet(ids.filter(Boolean))) as Array<Article | undefined>;
  const byId = new Map(articles.filter((a): a is Article => !!a).map((a) => [a.id, a]));
  return ids.map((id) => (id ? byId.get(id) : undefined));
}
