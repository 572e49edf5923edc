// The background's side of bulk runs: one runner over the queue database, resumed at start-up, answering the popup.
import browser from 'webextension-polyfill';
import { BulkRunner } from '../../core/bulk/runner';
import { createRecheckRun, createRun, latestRun, openQueueDb, queueStore, requeueInterrupted, runItems, runProgress, setRunState, type QueueDb } from '../../core/bulk/queue-db';
import { readRunSettings } from '../../shared/bulk-settings';
import type { BulkListReply, BulkMoreReply, BulkRequest, BulkSaveAnywayReply, BulkStartReply, BulkStatusReply, ListedLink } from '../../shared/bulk-messages';
import { archiveDb } from '../archive';
import { fetchPage } from './fetch-page';
import { parseInDom } from './parse-page';
import { originPattern, workOnPage } from './page-work';
import { showRunOnBadge } from './run-badge';
import { listTabArticles } from './tab-listing';
import { recheckPage } from './recheck-work';
import type { RecheckRequest } from '../../shared/recheck-messages';

let db: QueueDb | null = null;
let runner: BulkRunner | null = null;
const queueDb = () => (db ??= openQueueDb());

function theRunner(): BulkRunner {
  runner ??= new BulkRunner(queueStore(queueDb()), (item, settings, fetched) => (item.kind === 'recheck' ? recheckPage(item, settings) : workOnPage(item, settings, fetched)), {
    now: () => Date.now(),
    setTimer: (fn, ms) => { const t = setTimeout(fn, ms); return () => clearTimeout(t); },
  }, () => void reportProgress());
  return runner;
}

let requeued: Promise<void> | null = null;

/**
 * At start-up (browser start, service worker wake-up) and before anything else runs the queue: pages that were in
 * flight when the last worker stopped are queued again, once per worker and before the first kick (a later requeue
 * would take back a page this worker is fetching, and the run would wait for it forever).
 */
export async function resumeBulkRuns(): Promise<void> {
  requeued ??= requeueInterrupted(queueDb()).then(
    () => undefined,
    (error: unknown) => console.warn('[archiver] bulk resume', error),
  );
  await requeued;
  theRunner().kick();
}

let lastReport = 0;
let pendingReport: ReturnType<typeof setTimeout> | null = null;

/** Progress to the popup and the badge, at most four times a second (and always the last change). */
async function reportProgress(): Promise<void> {
  const wait = 250 - (Date.now() - lastReport);
  if (wait > 0) {
    pendingReport ??= setTimeout(() => { pendingReport = null; void reportProgress(); }, wait);
    return;
  }
  lastReport = Date.now();
  const run = await latestRun(queueDb());
  const progress = run ? await runProgress(queueDb(), run.id) : null;
  if (!progress) return;
  await showRunOnBadge(progress);
  browser.runtime.sendMessage({ type: 'bulk-progress', progress }).catch(() => undefined);
}

async function markArchived(links: Array<{ url: string; title: string; date: string | null }>): Promise<ListedLink[]> {
  const urls = links.map((l) => l.url);
  const rows = await archiveDb().articles.where('url').anyOf(urls).or('canonicalUrl').anyOf(urls).toArray();
  const known = new Set(rows.flatMap((r) => [r.url, r.canonicalUrl]));
  return links.map((l) => ({ ...l, archived: known.has(l.url) }));
}

async function more(listingUrl: string, next: string, pages: number, seen: string[]): Promise<BulkMoreReply> {
  if (!(await browser.permissions.contains({ origins: [originPattern(next)] }))) return { ok: false, problem: 'permission' };
  const settings = await readRunSettings();
  const known = new Set(seen);
  const pagesSeen = [listingUrl];
  const found: Array<{ url: string; title: string; date: string | null }> = [];
  let url: string | null = next;
  let pagesRead = 0;
  let problem: string | undefined;
  while (url && pagesRead < pages) {
    if (pagesRead > 0) await new Promise((r) => setTimeout(r, settings.delayMs));
    const page = await fetchPage(url, settings.timeoutMs);
    if (!('html' in page)) { problem = 'failure' in page && page.failure.kind === 'http' ? `HTTP ${page.failure.status}` : 'fetch'; break; }
    pagesSeen.push(url);
    const parsed = await parseInDom({ type: 'bulk-parse', mode: 'listing', html: page.html, url: page.finalUrl, userRule: null, seen: pagesSeen });
    if (parsed.kind !== 'listing') { problem = 'parse'; break; }
    pagesRead++;
    for (const a of parsed.articles) if (!known.has(a.url)) { known.add(a.url); found.push(a); }
    url = parsed.next;
  }
  return { ok: true, links: await markArchived(found), next: url, pagesRead, ...(problem ? { problem } : {}) };
}

async function start(listingUrl: string, pages: Array<{ url: string; title: string }>): Promise<BulkStartReply> {
  const { run, queued } = await createRun(queueDb(), listingUrl, pages, await readRunSettings());
  theRunner().kick();
  void reportProgress();
  return { ok: true, runId: run.id, queued };
}

/** A re-check of archived articles (the archive page asked for their hosts' permission in the click). */
export async function startRecheck(request: RecheckRequest): Promise<BulkStartReply> {
  await resumeBulkRuns();
  try {
    const articles = (await archiveDb().articles.bulkGet(request.ids)).filter((a) => !!a);
    const { run, queued } = await createRecheckRun(queueDb(), articles.map((a) => ({ id: a.id, url: a.url, title: a.title })), await readRunSettings());
    theRunner().kick();
    void reportProgress();
    return { ok: true, runId: run.id, queued };
  } catch (error) {
    console.warn('[archiver] re-check request', error);
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

async function status(): Promise<BulkStatusReply> {
  const run = await latestRun(queueDb());
  if (!run) return { progress: null, items: [] };
  const items = await runItems(queueDb(), run.id);
  return {
    progress: await runProgress(queueDb(), run.id),
    items: items.map((i) => ({
      url: i.url, title: i.title, state: i.state, ...(i.reason ? { reason: i.reason } : {}), ...(i.detail ? { detail: i.detail } : {}),
      ...(i.articleId ? { articleId: i.articleId } : {}),
    })),
  };
}

/**
 * "Vẫn lưu" on a page the run reported as not an article: fetched again and saved as the person asked. When that
 * fails the page keeps its report (and the button), and the reply says why.
 */
async function saveAnyway(runId: string, url: string): Promise<BulkSaveAnywayReply> {
  const item = await queueDb().items.where('[runId+state]').equals([runId, 'not-article']).filter((i) => i.url === url).first();
  if (!item) return { ok: false, problem: 'not-found' };
  const result = await workOnPage(item, await readRunSettings(), undefined, true);
  if (!('articleId' in result)) {
    const problem = 'failure' in result ? (result.failure.kind === 'http' ? `HTTP ${result.failure.status}` : result.failure.kind) : result.detail;
    return { ok: false, problem };
  }
  await queueDb().items.update(item.id, { state: result.state, articleId: result.articleId, detail: undefined });
  void reportProgress();
  return { ok: true, state: result.state };
}

export async function handleBulkRequest(request: BulkRequest): Promise<unknown> {
  // Every word from the popup also looks at the queue: a worker woken by it resumes a run that has pages left.
  await resumeBulkRuns();
  try {
    switch (request.type) {
      case 'bulk-list': {
        const listed = await listTabArticles(request.tabId);
        if (!listed) return { ok: false } satisfies BulkListReply;
        return { ok: true, listingUrl: listed.url, links: await markArchived(listed.articles), next: listed.next } satisfies BulkListReply;
      }
      case 'bulk-more':
        return await more(request.listingUrl, request.next, request.pages, request.seen);
      case 'bulk-start':
        return await start(request.listingUrl, request.pages);
      case 'bulk-control': {
        await setRunState(queueDb(), request.runId, request.action === 'pause' ? 'paused' : request.action === 'resume' ? 'running' : 'cancelled');
        theRunner().kick();
        void reportProgress();
        return await status();
      }
      case 'bulk-status':
        return await status();
      case 'bulk-save-anyway':
        return await saveAnyway(request.runId, request.url);
    }
  } catch (error) {
    console.warn('[archiver] bulk request', error);
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}
