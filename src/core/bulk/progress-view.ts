// What a bulk run's progress shows, whichever page shows it (the popup, the archive page): the bar, the words to
// use (message keys, turned into text by the page), which controls are offered, and each problem's reason.
import type { FailReason, ItemState, RunProgress } from './queue-types';

export interface RunView {
  value: number;
  max: number;
  /** Running or paused: the run can still be controlled (and is worth showing on a page that just opened). */
  live: boolean;
  /** The message key of how the run stands when it is not running, or null while it runs. */
  stateKey: 'bulkDone' | 'bulkCancelled' | 'bulkPaused' | null;
  /** Only a running run's pace says anything about the time left. */
  showEta: boolean;
  pause: boolean;
  resume: boolean;
  cancel: boolean;
}

export function runView(p: RunProgress): RunView {
  const live = p.state === 'running' || p.state === 'paused';
  const stateKey = p.state === 'done' ? 'bulkDone' : p.state === 'cancelled' ? 'bulkCancelled' : p.state === 'paused' ? 'bulkPaused' : null;
  return {
    value: p.done, max: Math.max(1, p.total), live, stateKey, showEta: p.state === 'running',
    pause: p.state === 'running', resume: p.state === 'paused', cancel: live,
  };
}

const FAIL_KEYS: Record<FailReason, string> = {
  http: 'bulkFailHttp', timeout: 'bulkFailTimeout', network: 'bulkFailNetwork', extract: 'bulkFailExtract', save: 'bulkFailSave',
  permission: 'bulkFailPermission', cancelled: 'bulkFailCancelled', 'not-html': 'bulkNotArticle', 'not-archived': 'recheckFailNotArchived',
  'redirect-home': 'bulkFailRedirectHome',
};

/** Whether a page of the run is listed as a problem (not saved, and not because it was already archived). */
export const isProblem = (item: { state: ItemState }): boolean => item.state === 'failed' || item.state === 'not-article';

/** Why one page was not saved: a message key and its substitutions. */
export function problemMessage(item: { state: ItemState; reason?: FailReason; detail?: string }): { key: string; args: string[] } {
  if (item.state === 'not-article') return { key: 'bulkNotArticle', args: [] };
  if (item.reason === 'http') return { key: 'bulkFailHttp', args: [item.detail ?? ''] };
  return { key: (item.reason && FAIL_KEYS[item.reason]) || 'bulkFailExtract', args: [] };
}

/** The list of problems is fetched again when its count changed or the run stopped running. */
export function problemsStale(p: RunProgress, listed: number): boolean {
  return p.failed + p.notArticle !== listed || p.state !== 'running';
}
