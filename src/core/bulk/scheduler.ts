// Which queued pages may be fetched now: at most one request at a time per host, a pause after each request to the
// same host, a few hosts at once, retries waiting out their backoff. Pure: the caller passes the clock.
import type { FailReason, QueueItem, RunSettings } from './queue-types';

interface HostActivity {
  /** Hosts with a request in flight. */
  busy: ReadonlySet<string>;
  /** When the last request to each host ended (ms). */
  lastEndAt: ReadonlyMap<string, number>;
}

interface ReadyPick {
  /** Items to start now, at most one per host. */
  start: QueueItem[];
  /** When to look again if nothing more can start now (ms), or null when nothing is waiting. */
  wakeAt: number | null;
}

/** The queued items (in run order) that may start at `now`, and when the next one could. */
export function pickReady(queued: readonly QueueItem[], hosts: HostActivity, now: number, settings: RunSettings): ReadyPick {
  const start: QueueItem[] = [];
  const taken = new Set(hosts.busy);
  let wakeAt: number | null = null;
  const later = (t: number) => { wakeAt = wakeAt === null ? t : Math.min(wakeAt, t); };
  const sorted = [...queued].sort((a, b) => a.order - b.order);
  for (const item of sorted) {
    if (item.state !== 'queued' || taken.has(item.host)) continue;
    if (taken.size >= settings.maxHosts) break;
    const politeAt = (hosts.lastEndAt.get(item.host) ?? -Infinity) + settings.delayMs;
    const readyAt = Math.max(politeAt, item.notBefore);
    if (readyAt > now) {
      later(readyAt);
      continue;
    }
    start.push(item);
    taken.add(item.host);
  }
  return { start, wakeAt };
}

/** What came of one fetch, as far as retrying is concerned. */
export type FetchFailure = { kind: 'http'; status: number } | { kind: 'timeout' } | { kind: 'network'; message: string };

/** Whether a failed fetch is tried again (and when), or what the page's final failure is. */
export function afterFailure(
  item: Pick<QueueItem, 'attempts'>,
  failure: FetchFailure,
  now: number,
  settings: RunSettings,
): { retryAt: number } | { reason: FailReason; detail: string } {
  const transient = failure.kind !== 'http' || failure.status >= 500 || failure.status === 429 || failure.status === 408;
  if (transient && item.attempts < settings.maxAttempts) {
    return { retryAt: now + settings.backoffMs * 2 ** Math.max(0, item.attempts - 1) };
  }
  if (failure.kind === 'http') return { reason: 'http', detail: String(failure.status) };
  if (failure.kind === 'timeout') return { reason: 'timeout', detail: '' };
  return { reason: 'network', detail: failure.message };
}
