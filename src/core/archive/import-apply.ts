// Applies validated import rows to the archive, a batch per transaction (article and search index together).
// If any batch fails (a full disk, a closed database), the batches already written are undone, so the archive
// ends exactly as it was before the import.
import type { Article } from '../types';
import type { ArchiveDb } from './db';
import { ImportFileError, type ImportRow } from './import-parse';
import { articleTerms, type DocTerms } from '../search';
import { toArchiveError } from './errors';
import { indexGeneration, writeArchive, type ArchiveWriter } from './store';
import { toVietnamIso } from './build-article';
import { deleteJournal, journalKey, undoJournal, type JournalEntry } from './import-journal';
import { attachMedia, restoreReplacedMedia, type ImportMedia, type LoadedMedia, type ReplacedMedia } from './import-media';

export { JOURNAL_PREFIX, undoInterruptedImports } from './import-journal';

export type DuplicatePolicy = 'skip' | 'keep-both' | 'overwrite';

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  rejected: number;
  /** Rows not imported and why: rejected rows and skipped duplicates. */
  problems: Array<{ row: number; kind: 'rejected' | 'skipped'; reason: string }>;
  /** With `keepIds`: the archived article of every accepted row (added, updated, or already there), once each. */
  ids?: string[];
  /** With `keepIds`: the collections the file names, each with the archived articles of its rows. */
  collections?: Map<string, string[]>;
}

interface ImportOptions {
  onDuplicate?: DuplicatePolicy;
  /** Re-sanitizes bodyHtml (needs a DOM, so the page passes it in); imported HTML is as hostile as any page. */
  sanitizeHtml?: (html: string, baseUrl: string) => string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  batchSize?: number;
  /**
   * Names this import's journal: each batch records what it wrote in the settings table, in the batch's own
   * transaction, so that an import cut off with its page (no chance to undo) is undone the next time the archive
   * opens (undoInterruptedImports). The caller holds a lock of that name while the import runs.
   */
  journalId?: string;
  /** Report the ids of the articles the file's rows ended up as (to put them in collections). */
  keepIds?: boolean;
  /** The stored images and original pages the file carries for its articles (a ZIP or WACZ import). */
  media?: ImportMedia;
}

/** An accepted row, sanitized, with its index terms (and the collections the file puts it in). */
interface Prepared { row: number; article: Article; terms: DocTerms; collections?: string[] }

/** `fromId`: the article's id in the file (its media are filed under it). */
type Planned =
  | { kind: 'add'; article: Article; terms: DocTerms; fromId: string }
  | { kind: 'replace'; article: Article; terms: DocTerms; fromId: string; previous: Article; versionSeq?: number };

/** What undo needs of a written batch: added ids only (an import may add 100,000 articles), replaced articles whole. */
type Written = { kind: 'add'; id: string } | { kind: 'replace'; previous: Article; versionSeq?: number };

/**
 * Ids and canonical URLs of the archive, read once when an import starts and kept in step with its batches, so a
 * batch finds its duplicates without a point read per row (in Chromium each IndexedDB request costs ~0.1 ms, and
 * two per row cost a batch more than writing it). Every write to the articles table also changes the search
 * index's generation in the same transaction, so a batch that finds another generation than the one its import
 * left reads the keys again: saves, deletions and other imports meanwhile are seen.
 */
class ArchivedKeys {
  private ids = new Set<string>();
  private urls = new Map<string, string>();
  private gen = -1;

  /** Call inside a transaction over `articles` and SEARCH_TABLES. */
  async refresh(db: ArchiveDb): Promise<void> {
    const gen = await indexGeneration(db);
    if (gen === this.gen) return;
    this.ids.clear();
    this.urls.clear();
    await db.articles.orderBy('canonicalUrl').eachKey((url, cursor) => {
      const id = cursor.primaryKey;
      this.ids.add(id);
      this.urls.set(url as string, id);
    });
    this.gen = gen;
  }

  /** Archived articles with the same id or canonical URL as the incoming ones (after refresh, same transaction). */
  async lookup(db: ArchiveDb, incoming: Article[]): Promise<(a: Article) => Article | undefined> {
    const wanted = new Set<string>();
    for (const a of incoming) {
      if (this.ids.has(a.id)) wanted.add(a.id);
      const byUrl = this.urls.get(a.canonicalUrl);
      if (byUrl) wanted.add(byUrl);
    }
    if (!wanted.size) return () => undefined;
    const byId = new Map<string, Article>();
    const byUrl = new Map<string, Article>();
    for (const a of await db.articles.bulkGet([...wanted])) {
      if (!a) continue;
      byId.set(a.id, a);
      byUrl.set(a.canonicalUrl, a);
    }
    return (a) => byId.get(a.id) ?? byUrl.get(a.canonicalUrl);
  }

  /** After a batch wrote `written` (replacing `previous` ones), in the batch's transaction. */
  async wrote(db: ArchiveDb, written: Article[], previous: Article[]): Promise<void> {
    for (const p of previous) if (this.urls.get(p.canonicalUrl) === p.id) this.urls.delete(p.canonicalUrl);
    for (const a of written) {
      this.ids.add(a.id);
      this.urls.set(a.canonicalUrl, a.id);
    }
    this.gen = await indexGeneration(db);
  }
}

/** Rows prepared between two yields to the event loop. */
const PREPARE_SLICE = 50;

/** Resolves in a task of its own (after pending IndexedDB events), without a timer's clamping. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function* batchesOf(rows: ImportRow[], size: number): Generator<ImportRow[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

type Replace = Extract<Planned, { kind: 'replace' }>;

/** What a batch decided for its accepted rows before writing anything. */
interface BatchPlan {
  plan: Planned[];
  /** Archived articles the batch's rows already are (skipped duplicates). */
  present: string[];
  /** Each accepted row's collections and the archived article it ended up as. */
  membership: Array<[string[], string]>;
}

/**
 * One import from start to finish: its counts, what undo needs, the ids it kept and where it got to. Batches are
 * prepared outside a transaction (overlapping the previous batch's commit) and written one at a time.
 */
class ImportRun {
  private readonly report: ImportReport = { added: 0, updated: 0, skipped: 0, rejected: 0, problems: [] };
  private readonly policy: DuplicatePolicy;
  private readonly journalId: string | null;
  private readonly keptIds: Set<string> | null;
  /** Collection name → the archived articles of the rows the file puts in it. */
  private readonly fileCollections = new Map<string, Set<string>>();
  private readonly undo: Written[] = [];
  /** The images and originals overwritten articles had (a cancelled import without a journal puts them back). */
  private readonly replacedMedia: ReplacedMedia[] = [];
  private readonly archived = new ArchivedKeys();
  private done = 0;
  private batchNo = 0;

  constructor(private readonly db: ArchiveDb, private readonly options: ImportOptions, private readonly total: number) {
    this.policy = options.onDuplicate ?? 'skip';
    this.journalId = options.journalId ?? null;
    this.keptIds = options.keepIds ? new Set<string>() : null;
  }

  /** Writes every batch, one transaction each; on any failure or cancel, undoes what was written and throws. */
  async run(batches: Iterable<ImportRow[]> | AsyncIterable<ImportRow[]>): Promise<ImportReport> {
    let writing: Promise<void> | null = null;
    try {
      for await (const batch of batches) {
        this.throwIfCancelled();
        const accepted = await this.prepare(batch);
        // Read outside the transaction (reading a file inside one would let it commit early).
        const media = this.options.media && accepted.length ? await this.options.media.load(accepted.map((r) => r.article.id)) : null;
        if (writing) await writing;
        this.throwIfCancelled();
        writing = this.write(accepted, media, ++this.batchNo, batch.length);
        // Awaited before the next batch or below; this only keeps a failure from being reported as unhandled meanwhile.
        writing.catch(() => undefined);
      }
      if (writing) await writing;
      // A cancel that comes while the last batch is written still undoes the whole import.
      this.throwIfCancelled();
    } catch (error) {
      // A batch still being written (cancelled meanwhile) finishes first, so that the undo covers it.
      await writing?.catch(() => undefined);
      await this.undoWritten();
      if ((error instanceof DOMException && error.name === 'AbortError') || error instanceof ImportFileError) throw error;
      throw toArchiveError(error);
    }
    if (this.journalId !== null) await deleteJournal(this.db, this.journalId);
    return this.finalReport();
  }

  private throwIfCancelled(): void {
    if (this.options.signal?.aborted) throw new DOMException('Import cancelled', 'AbortError');
  }

  /**
   * Sanitizes and counts terms outside the transaction, so that it overlaps the previous batch's commit; it yields
   * to the event loop now and then, so that the transaction still running gets on with its next request meanwhile.
   */
  private async prepare(batch: ImportRow[]): Promise<Prepared[]> {
    const { sanitizeHtml } = this.options;
    const accepted: Prepared[] = [];
    for (const [i, row] of batch.entries()) {
      if (i % PREPARE_SLICE === PREPARE_SLICE - 1) await nextTask();
      if (!row.ok) {
        this.report.rejected++;
        this.report.problems.push({ row: row.row, kind: 'rejected', reason: row.reason });
        continue;
      }
      const article = sanitizeHtml ? { ...row.article, bodyHtml: sanitizeHtml(row.article.bodyHtml, row.article.url) } : row.article;
      accepted.push({ row: row.row, article, terms: articleTerms(article, { sorted: false }), collections: row.collections });
    }
    return accepted;
  }

  /** One batch in one transaction: finds its duplicates, plans, writes; then records what it wrote. */
  private async write(accepted: Prepared[], media: LoadedMedia | null, batchNo: number, rows: number): Promise<void> {
    const decided = await writeArchive(this.db, async (w) => {
      await this.archived.refresh(this.db);
      const existingFor = await this.archived.lookup(this.db, accepted.map((r) => r.article));
      const batch = this.planBatch(accepted, existingFor);
      const entry = await this.writePlan(w, batch.plan);
      const replaced = media ? await attachMedia(w, batch.plan, media) : null;
      // The journal keeps the overwritten articles' images too: a crash before the end loses none of them.
      if (entry && this.journalId !== null) await w.putSetting(journalKey(this.journalId, batchNo), replaced?.ids.length ? { ...entry, media: replaced } : entry);
      return { ...batch, replaced };
    }, { origin: 'import' });
    if (decided.replaced && this.journalId === null) this.replacedMedia.push(decided.replaced);
    this.recordWritten(decided, rows);
  }

  /** Decides, row by row, whether each accepted row is added, replaces an archived article or is skipped. */
  private planBatch(accepted: Prepared[], existingFor: (a: Article) => Article | undefined): BatchPlan {
    const decided: BatchPlan = { plan: [], present: [], membership: [] };
    const inBatch = new Set<string>();
    for (const { row: rowNo, article: incoming, terms, collections } of accepted) {
      if (inBatch.has(incoming.canonicalUrl) && this.policy !== 'keep-both') {
        this.skip(rowNo, 'the same article appears earlier in the file');
        continue;
      }
      inBatch.add(incoming.canonicalUrl);
      const endedAs = this.planRow(decided, incoming, terms, existingFor(incoming), rowNo);
      if (collections) decided.membership.push([collections, endedAs]);
    }
    return decided;
  }

  /** Plans one row against its archived duplicate (if any); returns the archived article the row ends up as. */
  private planRow(decided: BatchPlan, incoming: Article, terms: DocTerms, existing: Article | undefined, rowNo: number): string {
    if (!existing) {
      decided.plan.push({ kind: 'add', article: incoming, terms, fromId: incoming.id });
      return incoming.id;
    }
    const unchanged = existing.contentHash === incoming.contentHash && existing.id === incoming.id;
    if (unchanged || this.policy === 'skip') {
      this.skip(rowNo, unchanged ? 'already in the archive, unchanged' : `already in the archive (${existing.title})`);
      decided.present.push(existing.id);
      return existing.id;
    }
    if (this.policy === 'overwrite') {
      decided.plan.push({ kind: 'replace', article: { ...incoming, id: existing.id }, terms, fromId: incoming.id, previous: existing });
      return existing.id;
    }
    // Keep both: the imported copy gets an id of its own when its id is taken.
    const copy = existing.id === incoming.id ? { ...incoming, id: crypto.randomUUID() } : incoming;
    decided.plan.push({ kind: 'add', article: copy, terms, fromId: incoming.id });
    return copy.id;
  }

  private skip(row: number, reason: string): void {
    this.report.skipped++;
    this.report.problems.push({ row, kind: 'skipped', reason });
  }

  /** Writes a batch's plan (in its transaction): earlier versions, articles and index. Returns its journal entry. */
  private async writePlan(w: ArchiveWriter, plan: Planned[]): Promise<JournalEntry | null> {
    // Overwritten content stays as an earlier version of the article.
    const replacedAt = toVietnamIso(new Date());
    const replaced = plan.filter((p): p is Replace => p.kind === 'replace');
    if (replaced.length) {
      const seqs = await w.addVersions(replaced.map((p) => ({ articleId: p.previous.id, replacedAt, article: p.previous })));
      replaced.forEach((p, i) => (p.versionSeq = seqs[i]));
    }
    // Added ids were looked up above in this transaction and are not archived, hence not indexed. The articles are
    // written while the index builds their segment.
    const added = plan.filter((p) => p.kind === 'add');
    await w.addFreshArticles(added.map((p) => p.article), added.map((p) => p.terms));
    await w.putArticles(replaced.map((p) => p.article), { terms: replaced.map((p) => p.terms), merge: false });
    await this.archived.wrote(this.db, plan.map((p) => p.article), replaced.map((p) => p.previous));
    if (!plan.length) return null;
    return {
      added: plan.flatMap((p) => (p.kind === 'add' ? [p.article.id] : [])),
      replaced: replaced.map((p) => ({ articleId: p.previous.id, versionSeq: p.versionSeq! })),
    };
  }

  /** After a batch committed: counts, kept ids and collections, what undo needs, progress. */
  private recordWritten(decided: BatchPlan, rows: number): void {
    const planned = decided.plan;
    for (const p of planned) {
      if (p.kind === 'add') this.report.added++;
      else this.report.updated++;
    }
    if (this.keptIds) {
      for (const id of [...decided.present, ...planned.map((p) => p.article.id)]) this.keptIds.add(id);
      for (const [names, id] of decided.membership) this.noteMembership(names, id);
    }
    // With a journal, the undo reads the journal (which a user's write may have shortened meanwhile) instead.
    if (this.journalId === null) for (const p of planned) this.undo.push(p.kind === 'add' ? { kind: 'add', id: p.article.id } : { kind: 'replace', previous: p.previous, versionSeq: p.versionSeq });
    this.done += rows;
    this.options.onProgress?.(this.done, this.total);
  }

  private noteMembership(names: string[], id: string): void {
    for (const name of names) {
      const ids = this.fileCollections.get(name);
      if (ids) ids.add(id);
      else this.fileCollections.set(name, new Set([id]));
    }
  }

  /**
   * With a journal, the undo reads it (batch by batch, each in its own transaction, so that a crash meanwhile leaves
   * the rest to recovery): the articles a user changed meanwhile were taken out of it and stay as they are.
   */
  private async undoWritten(): Promise<void> {
    if (this.journalId !== null) await undoJournal(this.db, this.journalId);
    else await rollBack(this.db, this.undo);
    await restoreReplacedMedia(this.db, this.replacedMedia);
  }

  private finalReport(): ImportReport {
    if (this.keptIds) {
      this.report.ids = [...this.keptIds];
      this.report.collections = new Map([...this.fileCollections].map(([name, ids]) => [name, [...ids]]));
    }
    return this.report;
  }
}

/**
 * Applies rows (a list, or batches read from a stream) to the archive. `total` for progress defaults to the
 * list's length; for a stream the caller knows it from its validation pass.
 */
export async function applyImport(db: ArchiveDb, rows: ImportRow[] | AsyncIterable<ImportRow[]>, options: ImportOptions & { total?: number } = {}): Promise<ImportReport> {
  const batches = Array.isArray(rows) ? batchesOf(rows, options.batchSize ?? 1000) : rows;
  const total = options.total ?? (Array.isArray(rows) ? rows.length : 0);
  return new ImportRun(db, options, total).run(batches);
}

/** Undoes written batches of an import without a journal: added articles go, replaced ones come back. */
async function rollBack(db: ArchiveDb, written: Written[]): Promise<void> {
  if (!written.length) return;
  await writeArchive(db, async (w) => {
    const added = written.flatMap((p) => (p.kind === 'add' ? [p.id] : []));
    const restored = written.flatMap((p) => (p.kind === 'replace' ? [p.previous] : []));
    await w.deleteVersions(written.flatMap((p) => (p.kind === 'replace' && p.versionSeq !== undefined ? [p.versionSeq] : [])));
    await w.deleteArticles(added, { unread: true });
    await w.putArticles(restored);
  }, { origin: 'import' });
}
