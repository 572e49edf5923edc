// Drives the queue: starts what the scheduler allows, records each page's outcome, retries transient failures and
// wakes itself for the next polite moment. The store, the page work and the clock are injected (unit-tested in Node).
import { afterFailure, pickReady, type FetchFailure } from './scheduler';
import type { FailReason, PageTiming, QueueItem, RunSettings } from './queue-types';
import type { RecheckOutcome } from './recheck';

export type WorkResult =
  | { state: 'saved' | 'skipped-duplicate' | RecheckOutcome; articleId: string; timing?: PageTiming }
  | { state: 'not-article'; detail: string }
  | { state: 'failed'; reason: FailReason; detail: string }
  | { failure: FetchFailure };

export interface RunnerStore {
  /** Queued items of running runs, and the settings to schedule them with (null when no run is running). */
  ready(): Promise<{ items: QueueItem[]; settings: RunSettings } | null>;
  update(id: number, patch: Partial<QueueItem>): Promise<void>;
  /** Called when nothing is queued or in flight: runs with nothing left are done. */
  settle(): Promise<void>;
}

interface RunnerClock {
  now(): number;
  setTimer(fn: () => void, ms: number): () => void;
}

/**
 * One page's work. `fetched` is called once the page's request is over (whatever came of it): the host is free for its
 * next request from then on, while this page is still parsed and saved.
 */
type PageWork = (item: QueueItem, settings: RunSettings, fetched: () => void) => Promise<WorkResult>;

/** Pages fetched and not yet saved, over all hosts: bounds the memory a fast site can fill while saves lag behind. */
const MAX_PAGES_IN_FLIGHT = 4;

export class BulkRunner {
  private readonly busy = new Set<string>();
  private inFlightPages = 0;
  private readonly lastEndAt = new Map<string, number>();
  private ticking = false;
  private again = false;
  private cancelTimer: (() => void) | null = null;
  private timerAt: number | null = null;
  /**
   * The queued items as last read, kept in step with this runner's own changes, so that a page's end does not read the
   * whole queue again (a 1,000-page run read 1,000 rows per page). Any other change to the queue comes with a kick(),
   * which reads it afresh.
   */
  private snapshot: { items: QueueItem[]; settings: RunSettings } | null = null;
  private stale = true;

  constructor(
    private readonly store: RunnerStore,
    private readonly work: PageWork,
    private readonly clock: RunnerClock,
    /** Told after every change of an item's state (progress, badge). */
    private readonly onChange: () => void = () => undefined,
  ) {}

  /** Looks at the queue again (a new run, a resume, a control, a timer); `reread` false only for this runner's own changes. */
  kick(reread = true): void {
    if (reread) this.stale = true;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = true;
    void this.tick().finally(() => { this.ticking = false; });
  }

  get inFlight(): number {
    return this.inFlightPages;
  }

  private async tick(): Promise<void> {
    do {
      this.again = false;
      try {
        if (this.stale || !this.snapshot) {
          this.stale = false;
          this.snapshot = await this.store.ready();
        }
        const ready = this.snapshot;
        const now = this.clock.now();
        const pick = ready ? pickReady(ready.items, { busy: this.busy, lastEndAt: this.lastEndAt }, now, ready.settings) : { start: [], wakeAt: null };
        const room = MAX_PAGES_IN_FLIGHT - this.inFlightPages;
        for (const item of pick.start.slice(0, Math.max(0, room))) await this.launch(item, ready!.settings);
        this.wakeAt(pick.wakeAt);
        if (!pick.start.length && pick.wakeAt === null && this.inFlightPages === 0) await this.store.settle();
      } catch (error) {
        // The queue database failing (a full disk) must not kill the runner: look again in a while.
        console.warn('[archiver] bulk queue', error);
        this.stale = true;
        this.wakeAt(this.clock.now() + 5_000);
      }
    } while (this.again);
  }

  private wakeAt(at: number | null): void {
    if (at === null || (this.timerAt !== null && this.timerAt <= at)) return;
    this.cancelTimer?.();
    this.timerAt = at;
    this.cancelTimer = this.clock.setTimer(() => {
      this.timerAt = null;
      this.cancelTimer = null;
      // A timer is a polite pause or a backoff: time enough to read the queue afresh.
      this.kick();
    }, Math.max(0, at - this.clock.now()));
  }

  private async launch(item: QueueItem, settings: RunSettings): Promise<void> {
    this.busy.add(item.host);
    this.inFlightPages++;
    if (this.snapshot) this.snapshot.items = this.snapshot.items.filter((i) => i.id !== item.id);
    const attempts = item.attempts + 1;
    try {
      await this.store.update(item.id!, { state: 'fetching', attempts });
    } catch (error) {
      this.busy.delete(item.host);
      this.inFlightPages--;
      throw error;
    }
    this.onChange();
    void this.run({ ...item, attempts }, settings);
  }

  private async run(item: QueueItem, settings: RunSettings): Promise<void> {
    let released = false;
    const fetched = () => {
      if (released) return;
      released = true;
      this.lastEndAt.set(item.host, this.clock.now());
      this.busy.delete(item.host);
      this.kick(false);
    };
    let patch: Partial<QueueItem>;
    try {
      patch = this.outcome(item, await this.work(item, settings, fetched), settings);
    } catch (error) {
      patch = { state: 'failed', reason: 'extract', detail: error instanceof Error ? error.message : String(error) };
    }
    if (!released) this.lastEndAt.set(item.host, this.clock.now());
    try {
      await this.store.update(item.id!, patch);
      // A retry waits in the queue again.
      if (patch.state === 'queued' && this.snapshot) this.snapshot.items.push({ ...item, ...patch });
    } catch (error) {
      console.warn('[archiver] bulk queue update', error);
      this.stale = true;
    }
    // Freed once: after `fetched`, the host may already be busy with its next page.
    if (!released) this.busy.delete(item.host);
    released = true;
    this.inFlightPages--;
    this.onChange();
    this.kick(false);
  }

  private outcome(item: QueueItem, result: WorkResult, settings: RunSettings): Partial<QueueItem> {
    if (!('failure' in result)) {
      if ('articleId' in result) return { state: result.state, articleId: result.articleId, ...(result.timing ? { timing: result.timing } : {}) };
      if (result.state === 'not-article') return { state: 'not-article', detail: result.detail };
      return { state: 'failed', reason: result.reason, detail: result.detail };
    }
    const next = afterFailure(item, result.failure, this.clock.now(), settings);
    return 'retryAt' in next ? { state: 'queued', notBefore: next.retryAt } : { state: 'failed', reason: next.reason, detail: next.detail };
  }
}
