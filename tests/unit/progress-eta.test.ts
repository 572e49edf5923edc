import { createEtaEstimator, roundEta } from '../../src/core/progress-eta';

/** Feeds reports of `perSecond` items a second, one a second, from `from` to `to` seconds; returns the last answer. */
function run(eta: ReturnType<typeof createEtaEstimator>, total: number, steps: Array<{ from: number; to: number; perSecond: number }>, start = { done: 0 }) {
  let answer: number | null = null;
  for (const { from, to, perSecond } of steps) {
    for (let s = from + 1; s <= to; s++) {
      start.done += perSecond;
      answer = eta(start.done, total, s * 1000);
    }
  }
  return answer;
}

describe('time left in a long run', () => {
  it('says nothing in the first seconds, then the time the steady pace needs for the rest', () => {
    const eta = createEtaEstimator();
    expect(eta(1000, 100_000, 1000)).toBeNull();
    expect(eta(2000, 100_000, 2000)).toBeNull();
    // 1,000 a second from the first report on: at 10,000 done, 90,000 take 90 s.
    const progress = { done: 2000 };
    expect(run(eta, 100_000, [{ from: 2, to: 10, perSecond: 1000 }], progress)).toBeCloseTo(90, 5);
  });

  it('follows a run that slows down, from the pace of its latest seconds', () => {
    const eta = createEtaEstimator({ windowMs: 10_000 });
    const progress = { done: 0 };
    eta(0, 100_000, 0);
    // 2,000 a second for 20 s (40,000 done), then 500 a second for 20 s (50,000 done).
    const answer = run(eta, 100_000, [{ from: 0, to: 20, perSecond: 2000 }, { from: 20, to: 40, perSecond: 500 }], progress);
    expect(progress.done).toBe(50_000);
    // The average since the start (1,250 a second) would say 40 s; the last 10 s say 100 s.
    expect(answer).toBeCloseTo(100, 5);
  });

  it('says nothing once done, or when nothing moved', () => {
    const eta = createEtaEstimator({ settleMs: 0 });
    expect(eta(0, 10, 0)).toBeNull();
    expect(eta(0, 10, 5000)).toBeNull();
    expect(eta(10, 10, 6000)).toBeNull();
  });

  it('starts over when the count goes back (a new run through the same display)', () => {
    const eta = createEtaEstimator();
    const progress = { done: 0 };
    eta(0, 1000, 0);
    expect(run(eta, 1000, [{ from: 0, to: 5, perSecond: 100 }], progress)).toBeCloseTo(5, 5);
    // A second run, four times slower, reported from 100 s on: nothing until it has settled, then its own pace.
    expect(eta(25, 1000, 100_000)).toBeNull();
    expect(eta(50, 1000, 101_000)).toBeNull();
    expect(eta(75, 1000, 102_000)).toBeNull();
    expect(eta(100, 1000, 103_000)).toBeCloseTo(36, 5);
  });
});

describe('rounding the time left for people', () => {
  it.each([
    [0.4, 'seconds', 5],
    [12, 'seconds', 15],
    [50, 'seconds', 50],
    [56, 'minutes', 1],
    [89, 'minutes', 1],
    [91, 'minutes', 2],
    [7169, 'minutes', 119],
    [7200, 'hours', 2],
    [5.5 * 3600, 'hours', 5.5],
  ])('%s s → %s %s', (seconds, unit, value) => {
    expect(roundEta(seconds)).toEqual({ unit, value });
  });
});
