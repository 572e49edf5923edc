// The bulk queue: the scheduler's politeness and retries (virtual clock), and the runner over the real queue
// database (fake-indexeddb): every page ends in one reported state, nothing is fetched twice, runs pause and resume.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { afterFailure, pickReady } from '../../src/core/bulk/scheduler';
import { BulkRunner, type WorkResult } from '../../src/core/bulk/runner';
import { createRecheckRun, createRun, openQueueDb, queueStore, requeueInterrupted, runItems, runProgress, setRunState } from '../../src/core/bulk/queue-db';
import { DEFAULT_RUN_SETTINGS, type QueueItem, type RunSettings } from '../../src/core/bulk/queue-types';

const settings: RunSettings = { ...DEFAULT_RUN_SETTINGS, delayMs: 1000, maxHosts: 2, maxAttempts: 3, backoffMs: 4000 };
const item = (id: number, host: string, extra: Partial<QueueItem> = {}): QueueItem => ({
  id, runId: 'r', url: `https://${host}/a-${id}`, host, title: '', listingUrl: `https://${host}/`, state: 'queued', attempts: 0, notBefore: 0, order: id, ...extra,
});

describe('scheduler', () => {
  it('starts one page per host, at most maxHosts hosts, in queue order', () => {
    const queued = [item(1, 'a.vn'), item(2, 'a.vn'), item(3, 'b.vn'), item(4, 'c.vn')];
    const pick = pickReady(queued, { busy: new Set(), lastEndAt: new Map() }, 0, settings);
    expect(pick.start.map((i) => i.id)).toEqual([1, 3]);
  });

  it('waits the politeness delay after the last request to a host, and says when to look again', () => {
    const queued = [item(1, 'a.vn'), item(2, 'b.vn')];
    const lastEndAt = new Map([['a.vn', 10_000]]);
    const pick = pickReady(queued, { busy: new Set(), lastEndAt }, 10_400, settings);
    expect(pick.start.map((i) => i.id)).toEqual([2]);
    expect(pick.wakeAt).toBe(11_000);
    expect(pickReady(queued, { busy: new Set(), lastEndAt }, 11_000, settings).start.map((i) => i.id)).toEqual([1, 2]);
  });

  it('never starts a second request to a busy host', () => {
    const pick = pickReady([item(1, 'a.vn')], { busy: new Set(['a.vn']), lastEndAt: new Map() }, 0, settings);
    expect(pick).toEqual({ start: [], wakeAt: null });
  });

  it('a retry waits out its backoff', () => {
    const pick = pickReady([item(1, 'a.vn', { notBefore: 9000 })], { busy: new Set(), lastEndAt: new Map() }, 5000, settings);
    expect(pick).toEqual({ start: [], wakeAt: 9000 });
  });

  it('retries timeouts, network errors and 5xx with doubling backoff; 404 and the last try are final', () => {
    expect(afterFailure({ attempts: 1 }, { kind: 'timeout' }, 100, settings)).toEqual({ retryAt: 4100 });
    expect(afterFailure({ attempts: 2 }, { kind: 'http', status: 503 }, 100, settings)).toEqual({ retryAt: 8100 });
    expect(afterFailure({ attempts: 1 }, { kind: 'network', message: 'x' }, 0, settings)).toEqual({ retryAt: 4000 });
    expect(afterFailure({ attempts: 1 }, { kind: 'http', status: 404 }, 0, settings)).toEqual({ reason: 'http', detail: '404' });
    expect(afterFailure({ attempts: 3 }, { kind: 'timeout' }, 0, settings)).toEqual({ reason: 'timeout', detail: '' });
  });
});

/** A clock that only moves when the test says so; timers fire in time order. */
class VirtualClock {
  t = 0;
  private timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  now = () => this.t;
  setTimer = (fn: () => void, ms: number) => {
    const timer = { at: this.t + ms, fn, live: true };
    this.timers.push(timer);
    return () => { timer.live = false; };
  };
  /** Runs every timer due up to `until`, letting promises settle in between. */
  async advanceTo(until: number): Promise<void> {
    for (;;) {
      await settle();
      const next = this.timers.filter((x) => x.live).sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > until) break;
      next.live = false;
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = until;
    await settle();
  }
}
const settle = async () => { for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r)); };

const freshDb = () => openQueueDb({ indexedDB, IDBKeyRange, name: `queue-${process.pid}-${Math.random()}` });

describe('runner over the queue database', () => {
  it('every page ends in one state; 404 and non-articles are reported, 503 retried; requests to a host are spaced', async () => {
    const db = freshDb();
    const clock = new VirtualClock();
    const pages = ['ok-1', 'missing', 'flaky', 'menu', 'ok-2'].map((p) => ({ url: `https://a.gov.vn/${p}`, title: p }));
    const { run } = await createRun(db, 'https://a.gov.vn/', [...pages, { url: 'https://b.vn/ok-3', title: 'b' }], { delayMs: 1000, backoffMs: 4000 }, 0);
    const starts: Array<[string, number]> = [];
    let flakyTries = 0;
    const work = async (i: QueueItem): Promise<WorkResult> => {
      starts.push([i.url, clock.now()]);
      await new Promise<void>((r) => clock.setTimer(r, 200));
      if (i.url.endsWith('missing')) return { failure: { kind: 'http', status: 404 } };
      if (i.url.endsWith('flaky')) return ++flakyTries < 2 ? { failure: { kind: 'http', status: 503 } } : { state: 'saved', articleId: 'f' };
      if (i.url.endsWith('menu')) return { state: 'not-article', detail: 'listing' };
      return { state: 'saved', articleId: i.url };
    };
    const runner = new BulkRunner(queueStore(db), work, clock);
    runner.kick();
    await clock.advanceTo(60_000);
    const items = await runItems(db, run.id);
    expect(items.map((i) => [i.url.split('/').pop(), i.state, i.reason ?? null, i.attempts])).toEqual([
      ['ok-1', 'saved', null, 1], ['missing', 'failed', 'http', 1], ['flaky', 'saved', null, 2], ['menu', 'not-article', null, 1], ['ok-2', 'saved', null, 1], ['ok-3', 'saved', null, 1],
    ]);
    expect(await runProgress(db, run.id)).toMatchObject({ state: 'done', total: 6, done: 6, saved: 4, failed: 1, notArticle: 1 });
    // Same host: each request starts at least the delay after the previous one ended (200 ms each here).
    const aStarts = starts.filter(([u]) => u.includes('a.gov.vn')).map(([, t]) => t);
    for (let k = 1; k < aStarts.length; k++) expect(aStarts[k] - aStarts[k - 1]).toBeGreaterThanOrEqual(1200);
    // The other host did not wait for the first one.
    expect(starts.find(([u]) => u.includes('b.vn'))![1]).toBe(0);
    db.close();
  });

  it('a paused run fetches nothing until resumed; a cancelled one reports what it never fetched', async () => {
    const db = freshDb();
    const clock = new VirtualClock();
    const fetched: string[] = [];
    const { run } = await createRun(db, 'https://a.gov.vn/', [1, 2, 3].map((n) => ({ url: `https://a.gov.vn/${n}`, title: '' })), { delayMs: 1000 }, 0);
    const runner = new BulkRunner(queueStore(db), async (i) => { fetched.push(i.url); return { state: 'saved', articleId: i.url }; }, clock);
    await setRunState(db, run.id, 'paused');
    runner.kick();
    await clock.advanceTo(10_000);
    expect(fetched).toEqual([]);
    await setRunState(db, run.id, 'running');
    runner.kick();
    await clock.advanceTo(10_500);
    expect(fetched).toEqual(['https://a.gov.vn/1']);
    await setRunState(db, run.id, 'cancelled');
    await clock.advanceTo(20_000);
    expect(fetched).toEqual(['https://a.gov.vn/1']);
    expect((await runItems(db, run.id)).map((i) => [i.state, i.reason ?? null])).toEqual([['saved', null], ['failed', 'cancelled'], ['failed', 'cancelled']]);
    db.close();
  });

  it('a page in flight when the worker stopped is fetched again after restart, and a URL queued twice is queued once', async () => {
    const db = freshDb();
    const { run } = await createRun(db, 'https://a.gov.vn/', [{ url: 'https://a.gov.vn/1', title: '' }, { url: 'https://a.gov.vn/1', title: '' }], {}, 0);
    const again = await createRun(db, 'https://a.gov.vn/', [{ url: 'https://a.gov.vn/1', title: '' }, { url: 'https://a.gov.vn/2', title: '' }], {}, 1);
    expect(again.queued).toBe(1);
    const [first] = await runItems(db, run.id);
    await db.items.update(first.id, { state: 'fetching', attempts: 1 });
    expect(await requeueInterrupted(db)).toBe(1);
    // The try the stop cut short is not held against the page: it keeps all its retries.
    expect((await runItems(db, run.id))[0]).toMatchObject({ state: 'queued', attempts: 0, interrupted: true });
    const clock = new VirtualClock();
    const fetched: string[] = [];
    new BulkRunner(queueStore(db), async (i) => { fetched.push(i.url); return { state: 'saved', articleId: 'x' }; }, clock).kick();
    await clock.advanceTo(60_000);
    expect(fetched).toEqual(['https://a.gov.vn/1', 'https://a.gov.vn/2']);
    db.close();
  });

  it('with no delay, the next page of a host is requested while the last one is saved, never two requests at once, and the queue is not re-read per page', async () => {
    const db = freshDb();
    const clock = new VirtualClock();
    const pages = Array.from({ length: 8 }, (_, k) => ({ url: `https://a.gov.vn/${k + 1}`, title: '' }));
    const { run } = await createRun(db, 'https://a.gov.vn/', pages, { delayMs: 0 }, 0);
    const store = queueStore(db);
    let reads = 0;
    const counted = { ...store, ready: () => { reads++; return store.ready(); } };
    const requests: Array<[number, number]> = [];
    let saving = 0;
    let overlapped = false;
    const runner = new BulkRunner(counted, async (i, _s, fetched) => {
      const start = clock.now();
      await new Promise<void>((r) => clock.setTimer(r, 100)); // the request
      requests.push([start, clock.now()]);
      fetched();
      saving++;
      await new Promise<void>((r) => clock.setTimer(r, 300)); // parse and save, slower than the site
      overlapped ||= saving > 1;
      saving--;
      return { state: 'saved', articleId: i.url };
    }, clock);
    runner.kick();
    await clock.advanceTo(60_000);
    expect((await runProgress(db, run.id))).toMatchObject({ state: 'done', saved: 8 });
    // One request at a time to the host: each starts after the previous one ended.
    for (let k = 1; k < requests.length; k++) expect(requests[k][0]).toBeGreaterThanOrEqual(requests[k - 1][1]);
    expect(overlapped).toBe(true);
    // Faster than one page after another (8 × 400 ms), and the queue was read a few times, not once per page.
    expect(requests.at(-1)![1]).toBeLessThan(8 * 400);
    expect(reads).toBeLessThan(8);
    db.close();
  });

  it('a re-check run goes through the same queue: each article once, its outcome counted, 5xx retried then reported', async () => {
    const db = freshDb();
    const clock = new VirtualClock();
    const articles = ['same', 'edited', 'removed', 'down'].map((p) => ({ id: `id-${p}`, url: `https://a.gov.vn/${p}`, title: p }));
    const { run, queued } = await createRecheckRun(db, [...articles, articles[0]], { delayMs: 500, backoffMs: 1000 }, 0);
    expect(queued).toBe(4);
    const seen: Array<[string | undefined, string | undefined]> = [];
    const work = async (i: QueueItem): Promise<WorkResult> => {
      seen.push([i.kind, i.articleId]);
      if (i.url.endsWith('down')) return { failure: { kind: 'http', status: 503 } };
      const outcome = i.url.endsWith('same') ? 'unchanged' : i.url.endsWith('edited') ? 'changed' : 'gone';
      return { state: outcome, articleId: i.articleId! };
    };
    new BulkRunner(queueStore(db), work, clock).kick();
    await clock.advanceTo(60_000);
    expect(new Set(seen.map(([kind]) => kind))).toEqual(new Set(['recheck']));
    expect(seen.filter(([, id]) => id === 'id-down')).toHaveLength(settings.maxAttempts);
    expect((await runItems(db, run.id)).map((i) => [i.articleId, i.state, i.reason ?? null, i.detail ?? null])).toEqual([
      ['id-same', 'unchanged', null, null], ['id-edited', 'changed', null, null], ['id-removed', 'gone', null, null], ['id-down', 'failed', 'http', '503'],
    ]);
    expect(await runProgress(db, run.id)).toMatchObject({ kind: 'recheck', state: 'done', total: 4, done: 4, changed: 1, unchanged: 1, gone: 1, failed: 1, saved: 0 });
    db.close();
  });
});
