// Time left in a long run (an import, an export, an upgrade's re-indexing), from its recent pace: an import slows as
// the archive grows, so the pace of the last seconds says more than the average since the start.

interface EtaOptions {
  /** Pace measured over about this much of the latest progress. */
  windowMs?: number;
  /** Nothing is said before the run has gone this long (the first batches say little about the rest). */
  settleMs?: number;
}

/**
 * Returns a function to call with every progress report: it answers the seconds left, or null while too little is
 * known (too early, no progress yet, or done).
 */
export function createEtaEstimator(options: EtaOptions = {}): (done: number, total: number, nowMs: number) => number | null {
  const windowMs = options.windowMs ?? 15_000;
  const settleMs = options.settleMs ?? 3_000;
  const samples: Array<{ done: number; at: number }> = [];
  let startedAt = 0;
  return (done, total, nowMs) => {
    // A count going back is a run starting over.
    if (!samples.length || done < samples[samples.length - 1].done) {
      samples.length = 0;
      startedAt = nowMs;
    }
    samples.push({ done, at: nowMs });
    // The oldest sample kept is the last one at least a window old, so the pace spans the whole window.
    while (samples.length > 2 && nowMs - samples[1].at >= windowMs) samples.shift();
    if (done >= total || nowMs - startedAt < settleMs) return null;
    const from = samples[0];
    const rate = (done - from.done) / (nowMs - from.at);
    return rate > 0 ? (total - done) / rate / 1000 : null;
  };
}

type EtaUnit = 'seconds' | 'minutes' | 'hours';

/**
 * A person's rounding of the time left: seconds by fives under a minute, whole minutes under two hours, hours with
 * one decimal beyond.
 */
export function roundEta(seconds: number): { unit: EtaUnit; value: number } {
  if (seconds < 55) return { unit: 'seconds', value: Math.max(5, Math.ceil(seconds / 5) * 5) };
  if (seconds < 2 * 3600 - 30) return { unit: 'minutes', value: Math.max(1, Math.round(seconds / 60)) };
  return { unit: 'hours', value: Math.round(seconds / 360) / 10 };
}
