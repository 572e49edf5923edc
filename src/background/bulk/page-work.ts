// One page of a bulk run: skip it when archived, fetch, decode, parse and extract like a click, save like a click.
import browser from 'webextension-polyfill';
import { findArchivedByUrl } from '../../core/archive/save-article';
import { toArchiveError } from '../../core/archive/errors';
import { redirectedHome } from '../../core/bulk/redirect-home';
import type { QueueItem, RunSettings } from '../../core/bulk/queue-types';
import type { WorkResult } from '../../core/bulk/runner';
import { userRuleFor } from '../../core/extract/user-rules';
import { loadUserRules } from '../../shared/user-rules';
import { archiveDb } from '../archive';
import { saveExtracted } from '../save-tab';
import { fetchPage } from './fetch-page';
import { parseInDom } from './parse-page';

export function originPattern(url: string): string {
  return `${new URL(url).protocol}//${new URL(url).hostname}/*`;
}

/** `force`: the person asked to save a page the detector did not take for an article ("Vẫn lưu"). */
export async function workOnPage(item: QueueItem, settings: RunSettings, fetched: () => void = () => undefined, force = false): Promise<WorkResult> {
  const known = await findArchivedByUrl(archiveDb(), item.url);
  // Saved by this page's own earlier try, whose outcome was lost when the browser or the worker stopped: saved.
  if (known) return { state: (item.attempts > 1 || item.interrupted) && known.capturedVia === 'bulk' && known.listingUrl === item.listingUrl ? 'saved' : 'skipped-duplicate', articleId: known.id };
  // Asked for in the popup when the run was started; revoked since, the page cannot be fetched.
  if (!(await browser.permissions.contains({ origins: [originPattern(item.url)] }))) return { state: 'failed', reason: 'permission', detail: new URL(item.url).hostname };
  const fetchStart = performance.now();
  let page: Awaited<ReturnType<typeof fetchPage>>;
  try {
    page = await fetchPage(item.url, settings.timeoutMs);
  } finally {
    // The site's part is over: its next page may be requested while this one is parsed and saved.
    fetched();
  }
  const fetchMs = performance.now() - fetchStart;
  if ('failure' in page) return { failure: page.failure };
  if ('notHtml' in page) return { state: 'not-article', detail: page.notHtml };
  if ('tooLarge' in page) return { state: 'failed', reason: 'extract', detail: 'too-large' };
  if (redirectedHome(item.url, page.finalUrl)) return { state: 'failed', reason: 'redirect-home', detail: page.finalUrl };
  const extractStart = performance.now();
  const userRule = userRuleFor(await loadUserRules(), page.finalUrl);
  const parsed = await parseInDom({ type: 'bulk-parse', mode: 'article', html: page.html, url: page.finalUrl, userRule, force });
  if (parsed.kind === 'not-article') return { state: 'not-article', detail: parsed.pageKind };
  if (parsed.kind !== 'article') return { state: 'failed', reason: 'extract', detail: parsed.kind === 'error' ? parsed.message : 'unexpected reply' };
  const saveStart = performance.now();
  try {
    // The fetched page is its original (a fetch that reached here answered 200 with HTML).
    const original = { html: page.html, url: page.finalUrl, contentType: 'text/html', status: 200 };
    const { status, article } = await saveExtracted(parsed.article, parsed.detection, 'if-new', {}, { capturedVia: 'bulk', listingUrl: item.listingUrl }, original);
    const timing = { fetchMs, extractMs: saveStart - extractStart, saveMs: performance.now() - saveStart };
    return { state: status === 'created' ? 'saved' : 'skipped-duplicate', articleId: article.id, timing };
  } catch (error) {
    return { state: 'failed', reason: 'save', detail: toArchiveError(error).message };
  }
}
