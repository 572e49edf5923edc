// A bulk run's words, for the popup and the archive page alike: what a run has done so far, and why a page failed.
import type { RunProgress } from '../core/bulk/queue-types';
import type { BulkItemView } from './bulk-messages';
import { formatCount, t } from './i18n';
import { problemMessage } from '../core/bulk/progress-view';

/** Why one page was not saved (or not re-checked), as words. */
export function bulkProblemText(item: Pick<BulkItemView, 'state' | 'reason' | 'detail'>): string {
  const { key, args } = problemMessage(item);
  return t(key, ...args);
}

/** The counts under the progress bar: saved / archived / not articles / failed, or a re-check's outcomes. */
export function bulkProgressDetail(p: RunProgress): string {
  if (p.kind === 'recheck') return t('recheckProgressDetail', formatCount(p.changed), formatCount(p.unchanged), formatCount(p.gone), formatCount(p.failed + p.notArticle));
  return t('bulkProgressDetail', formatCount(p.saved), formatCount(p.skipped), formatCount(p.notArticle), formatCount(p.failed));
}
