// A bulk run's progress on the toolbar icon (all tabs): the share done while it runs, nothing once it ended.
import browser from 'webextension-polyfill';
import type { RunProgress } from '../../core/bulk/queue-types';

export async function showRunOnBadge(progress: RunProgress): Promise<void> {
  const live = progress.state === 'running' || progress.state === 'paused';
  const text = !live || !progress.total ? '' : progress.state === 'paused' ? '||' : `${Math.floor((progress.done / progress.total) * 100)}%`;
  try {
    await browser.action.setBadgeText({ text });
    if (text) await browser.action.setBadgeBackgroundColor({ color: progress.failed ? '#b45309' : '#2563eb' });
  } catch {
    /* the badge is a courtesy */
  }
}
