// What a bulk run's progress shows on the popup and the archive page: bar, state words, controls, problem reasons.
import { isProblem, problemMessage, problemsStale, runView } from '../../src/core/bulk/progress-view';
import type { RunProgress } from '../../src/core/bulk/queue-types';

const progress = (extra: Partial<RunProgress>): RunProgress => ({ runId: 'r', state: 'running', total: 10, done: 4, saved: 3, skipped: 0, notArticle: 0, failed: 1, kind: 'listing', changed: 0, unchanged: 0, gone: 0, ...extra });

describe('runView', () => {
  it('offers pause while running, resume while paused, nothing once ended', () => {
    expect(runView(progress({}))).toEqual({ value: 4, max: 10, live: true, stateKey: null, showEta: true, pause: true, resume: false, cancel: true });
    expect(runView(progress({ state: 'paused' }))).toMatchObject({ live: true, stateKey: 'bulkPaused', showEta: false, pause: false, resume: true, cancel: true });
    for (const state of ['done', 'cancelled'] as const) {
      expect(runView(progress({ state }))).toMatchObject({ live: false, stateKey: state === 'done' ? 'bulkDone' : 'bulkCancelled', pause: false, resume: false, cancel: false });
    }
    // An empty run still draws a bar (max 0 would be an indeterminate one).
    expect(runView(progress({ total: 0, done: 0 })).max).toBe(1);
  });
});

describe('problems', () => {
  it('names each reason, the HTTP status included, and lists only pages not saved for a reason', () => {
    expect(problemMessage({ state: 'failed', reason: 'http', detail: '404' })).toEqual({ key: 'bulkFailHttp', args: ['404'] });
    expect(problemMessage({ state: 'failed', reason: 'timeout' })).toEqual({ key: 'bulkFailTimeout', args: [] });
    expect(problemMessage({ state: 'not-article', detail: 'listing' })).toEqual({ key: 'bulkNotArticle', args: [] });
    expect(problemMessage({ state: 'failed' })).toEqual({ key: 'bulkFailExtract', args: [] });
    expect(['saved', 'skipped-duplicate', 'queued', 'fetching', 'failed', 'not-article'].filter((state) => isProblem({ state: state as never }))).toEqual(['failed', 'not-article']);
  });

  it('fetches the list again when a problem was added or the run stopped', () => {
    expect(problemsStale(progress({ failed: 1 }), 1)).toBe(false);
    expect(problemsStale(progress({ failed: 2 }), 1)).toBe(true);
    expect(problemsStale(progress({ state: 'done' }), 1)).toBe(true);
  });
});
