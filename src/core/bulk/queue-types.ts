// The shapes of a bulk run and its queued pages, shared by the queue store, the scheduler and the popup.
import type { RecheckOutcome } from './recheck';

/** Where one page of a run stands. Terminal states never change again. */
export type ItemState = 'queued' | 'fetching' | 'saved' | 'skipped-duplicate' | 'failed' | 'not-article' | RecheckOutcome;
export const TERMINAL_STATES: readonly ItemState[] = ['saved', 'skipped-duplicate', 'failed', 'not-article', 'changed', 'unchanged', 'gone'];

/** A listing's pages to capture, or archived articles to fetch again and compare (Kiểm tra cập nhật). */
export type RunKind = 'listing' | 'recheck';

export type RunState = 'running' | 'paused' | 'cancelled' | 'done';

/** Why a page failed, as a code the UI turns into a sentence; `detail` carries an HTTP status or an error message. */
export type FailReason = 'http' | 'timeout' | 'network' | 'not-html' | 'extract' | 'save' | 'permission' | 'cancelled' | 'not-archived' | 'redirect-home';

export interface QueueItem {
  id?: number;
  runId: string;
  url: string;
  /** Host without www.: the unit of politeness. */
  host: string;
  /** The title the listing showed (the saved article keeps its own). */
  title: string;
  listingUrl: string;
  state: ItemState;
  attempts: number;
  /** Not to be fetched before this time (ms since epoch): a retry's backoff. */
  notBefore: number;
  /** Position in the run, so the queue runs in the listing's order. */
  order: number;
  reason?: FailReason;
  detail?: string;
  /** The archived article, once saved (or the one already there); from the start for a re-check. */
  articleId?: string;
  /** Queued again after a stop cut its try short: what that try saved counts as this run's. */
  interrupted?: boolean;
  /** How long the page's last try spent in each stage (ms): three numbers, read by `npm run bench -- bulk`. */
  timing?: PageTiming;
  /** Absent for a listing's page (runs queued before re-checks existed). */
  kind?: RunKind;
  /** A re-check's start (ms): what the article records after it, this run wrote. */
  queuedAt?: number;
}

export interface PageTiming { fetchMs: number; extractMs: number; saveMs: number }

export interface RunSettings {
  /** Pause between the end of one request to a host and the start of the next (ms). */
  delayMs: number;
  /** A page that has not answered after this long is a timeout (ms). */
  timeoutMs: number;
  /** Hosts fetched at the same time. */
  maxHosts: number;
  /** Tries per page on timeouts, network errors and 5xx. */
  maxAttempts: number;
  /** First retry waits this long, then twice as long each time (ms). */
  backoffMs: number;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = { delayMs: 1500, timeoutMs: 30_000, maxHosts: 3, maxAttempts: 3, backoffMs: 5_000 };

export interface BulkRun {
  id: string;
  listingUrl: string;
  createdAt: number;
  state: RunState;
  settings: RunSettings;
  /** Absent for a listing's run. */
  kind?: RunKind;
}

export interface RunProgress {
  runId: string;
  state: RunState;
  total: number;
  done: number;
  saved: number;
  skipped: number;
  notArticle: number;
  failed: number;
  kind: RunKind;
  /** A re-check's outcomes (0 in a listing's run). */
  changed: number;
  unchanged: number;
  gone: number;
}

export function progressOf(run: BulkRun, items: readonly Pick<QueueItem, 'state'>[]): RunProgress {
  const count = (s: ItemState) => items.filter((i) => i.state === s).length;
  const saved = count('saved');
  const skipped = count('skipped-duplicate');
  const notArticle = count('not-article');
  const failed = count('failed');
  const changed = count('changed');
  const unchanged = count('unchanged');
  const gone = count('gone');
  return {
    runId: run.id, state: run.state, total: items.length, done: saved + skipped + notArticle + failed + changed + unchanged + gone,
    saved, skipped, notArticle, failed, kind: run.kind ?? 'listing', changed, unchanged, gone,
  };
}
