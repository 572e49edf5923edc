// One article of a re-check run (Kiểm tra cập nhật): fetched again at its archived address, decoded, parsed and
// extracted as a bulk capture is, then judged (core/bulk/recheck.ts) and recorded (core/archive/recheck-article.ts).
import browser from 'webextension-polyfill';
import { toArchiveError } from '../../core/archive/errors';
import { recordRecheck, type RecheckFinding } from '../../core/archive/recheck-article';
import type { QueueItem, RunSettings } from '../../core/bulk/queue-types';
import { goneByRedirect, goneByStatus, goneWhenNotArticle, outcomeRecordedSince } from '../../core/bulk/recheck';
import type { WorkResult } from '../../core/bulk/runner';
import { userRuleFor } from '../../core/extract/user-rules';
import { loadUserRules } from '../../shared/user-rules';
import { readyArchive } from '../archive';
import { siteFor } from '../save-reply';
import { fetchPage } from './fetch-page';
import { originPattern } from './page-work';
import { parseInDom } from './parse-page';

/** What the page says now, or the work result that ends the item without a finding (a failure, a retry). */
async function findOut(item: QueueItem, settings: RunSettings): Promise<RecheckFinding | WorkResult> {
  const page = await fetchPage(item.url, settings.timeoutMs);
  if ('failure' in page) {
    // 404 and 410 say the page was removed; 5xx, timeouts and network errors are retried, then reported, never "gone".
    if (page.failure.kind === 'http' && goneByStatus(page.failure.status)) return { gone: true };
    return { failure: page.failure };
  }
  if ('notHtml' in page) return { state: 'not-article', detail: page.notHtml };
  if ('tooLarge' in page) return { state: 'failed', reason: 'extract', detail: 'too-large' };
  if (goneByRedirect(item.url, page.finalUrl)) return { gone: true };
  const userRule = userRuleFor(await loadUserRules(), page.finalUrl);
  const parsed = await parseInDom({ type: 'bulk-parse', mode: 'article', html: page.html, url: page.finalUrl, userRule });
  if (parsed.kind === 'not-article') return goneWhenNotArticle(item.url, page.finalUrl) ? { gone: true } : { state: 'not-article', detail: parsed.pageKind };
  if (parsed.kind !== 'article') return { state: 'failed', reason: 'extract', detail: parsed.kind === 'error' ? parsed.message : 'unexpected reply' };
  return { gone: false, extracted: parsed.article, site: siteFor(parsed.article, parsed.detection) };
}

export async function recheckPage(item: QueueItem, settings: RunSettings): Promise<WorkResult> {
  const db = await readyArchive();
  const id = item.articleId ?? '';
  const archived = await db.articles.get(id);
  if (!archived) return { state: 'failed', reason: 'not-archived', detail: '' };
  // Checked by this item's own earlier try, whose outcome was lost when the browser or the worker stopped.
  const recorded = item.queuedAt === undefined ? null : outcomeRecordedSince(archived, item.queuedAt);
  if (recorded) return { state: recorded, articleId: id };
  // Asked for on the archive page when the re-check was started; revoked since, the page cannot be fetched.
  if (!(await browser.permissions.contains({ origins: [originPattern(item.url)] }))) return { state: 'failed', reason: 'permission', detail: new URL(item.url).hostname };
  const found = await findOut(item, settings);
  if (!('gone' in found)) return found;
  try {
    const outcome = await recordRecheck(db, id, found);
    return outcome ? { state: outcome, articleId: id } : { state: 'failed', reason: 'not-archived', detail: '' };
  } catch (error) {
    return { state: 'failed', reason: 'save', detail: toArchiveError(error).message };
  }
}
