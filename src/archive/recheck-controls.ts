// Kiểm tra cập nhật: the selected articles (or, with none selected, every result of the current search) are queued
// as a re-check run in the background's bulk queue; the page shows the run's progress and what came of each article.
import browser from 'webextension-polyfill';
import type { RunProgress } from '../core/bulk/queue-types';
import { parseBulkProgress, type BulkItemView, type BulkStartReply, type BulkStatusReply } from '../shared/bulk-messages';
import { bulkProblemText, bulkProgressDetail } from '../shared/bulk-text';
import type { RecheckRequest } from '../shared/recheck-messages';
import { formatCount, t } from '../shared/i18n';
import { $, db, el, notify } from './page-kit';
import { allResultIds, resultTotal, searchKey, selection } from './search-view';

const OUTCOME_KEYS: Partial<Record<BulkItemView['state'], string>> = { changed: 'recheckOutcomeChanged', unchanged: 'recheckOutcomeUnchanged', gone: 'recheckOutcomeGone' };

/** The run this page follows (the newest re-check), and how far it was when last shown ("done/state"). */
let runId = '';
let shown = '';
const stageOf = (p: RunProgress) => `${p.done}/${p.state}`;
let onRunEnded: () => Promise<void> = () => Promise.resolve();

/** Bumped whenever what the button acts on may have changed (selection, search, archive). */
let generation = 0;
/** The sites the button's target would fetch, read ahead of the click for that generation. */
let ahead: { generation: number; origins: string[] } | null = null;
/** The current search's sites, kept while the search stays the same (selection clicks do not read them again). */
let resultsOrigins: { key: string; origins: Promise<string[]> } | null = null;

let readAheadTimer: ReturnType<typeof setTimeout> | undefined;
/** A burst of changes (typing a query, ticking boxes) is read once, after it. */
const READ_AHEAD_DELAY_MS = 250;

export function updateRecheckButton(): void {
  const button = $<HTMLButtonElement>('recheck');
  const count = selection.size || resultTotal();
  button.textContent = selection.size ? t('archiveRecheckSelected', formatCount(count)) : t('archiveRecheckResults', formatCount(count));
  button.disabled = count === 0;
  const mine = ++generation;
  delete button.dataset.sitesReady;
  clearTimeout(readAheadTimer);
  if (!count) return;
  readAheadTimer = setTimeout(() => {
    void targetOrigins().then((origins) => {
      if (mine !== generation) return;
      ahead = { generation: mine, origins };
      button.dataset.sitesReady = 'true';
    }, () => undefined);
  }, READ_AHEAD_DELAY_MS);
}

function originOf(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
const fetchable = (url: unknown): url is string => typeof url === 'string' && /^https?:/.test(url);

/** The origins of these articles' addresses: a few rows read, or for many only the `url` index's keys. */
async function originsOfIds(ids: string[]): Promise<string[]> {
  const origins = new Set<string>();
  if (ids.length <= 50) {
    for (const a of await db.articles.bulkGet(ids)) if (a && fetchable(a.url)) origins.add(originOf(a.url));
  } else {
    const wanted = new Set(ids);
    await db.articles.orderBy('url').eachKey((url, cursor) => {
      if (wanted.has(String(cursor.primaryKey)) && fetchable(url)) origins.add(originOf(url));
    });
  }
  return [...origins];
}

function targetOrigins(): Promise<string[]> {
  if (selection.size) return originsOfIds([...selection]);
  const key = searchKey();
  if (resultsOrigins?.key === key) return resultsOrigins.origins;
  const origins = allResultIds().then(originsOfIds);
  resultsOrigins = { key, origins };
  // A failed read is not kept: the next change reads again.
  origins.catch(() => { if (resultsOrigins?.origins === origins) resultsOrigins = null; });
  return origins;
}

/**
 * A browser asks for a permission only during the user's click, and Firefox only before the click's handler first
 * waits: the sites read ahead are asked for at once, and `startRecheck` asks again for any the reading missed.
 */
function askAhead(): Promise<boolean> | undefined {
  if (ahead?.generation !== generation || !ahead.origins.length) return undefined;
  return browser.permissions.request({ origins: ahead.origins }).catch(() => false);
}

async function startRecheck(askedAhead: Promise<boolean> | undefined): Promise<void> {
  const ids = selection.size ? [...selection] : await allResultIds();
  // For these sites only. Hosts granted before (a bulk capture) need no new answer.
  const origins = await originsOfIds(ids);
  if (!origins.length) return notify(t('archiveRecheckNothing'), { error: true });
  const hosts = [...new Set(origins.map((o) => new URL(o.slice(0, -1)).hostname))];
  const has = () => browser.permissions.contains({ origins });
  const granted = ((await askedAhead) && (await has())) || (await browser.permissions.request({ origins }).catch(() => false)) || (await has());
  if (!granted) return notify(t('bulkPermissionDenied', hosts.join(', ')), { error: true });
  const request: RecheckRequest = { type: 'bulk-recheck', ids };
  const reply = (await browser.runtime.sendMessage(request).catch((error: unknown) => ({ ok: false, problem: String(error) }))) as BulkStartReply | undefined;
  if (!reply?.ok) return notify(t('archiveRecheckFailed', reply?.problem ?? '—'), { error: true });
  notify(t('archiveRecheckStarted', formatCount(reply.queued)));
  runId = reply.runId;
  shown = '';
  await refreshRun();
}

function showProgress(p: RunProgress): void {
  $('recheck-run').hidden = false;
  const bar = $<HTMLProgressElement>('recheck-bar');
  bar.max = Math.max(1, p.total);
  bar.value = p.done;
  const ended = p.state === 'done' ? ` ${t('bulkDone')}` : p.state === 'cancelled' ? ` ${t('bulkCancelled')}` : p.state === 'paused' ? ` ${t('bulkPaused')}` : '';
  $('recheck-text').textContent = `${t('bulkProgress', formatCount(p.done), formatCount(p.total))}.${ended}`;
  $('recheck-detail').textContent = bulkProgressDetail(p);
  $('recheck-run').dataset.state = p.state;
}

/** One line per article checked: what came of it, with a link to it in the archive. */
function showResults(items: BulkItemView[]): void {
  const rows = items.filter((i) => i.state !== 'queued' && i.state !== 'fetching').map((i) => {
    const key = OUTCOME_KEYS[i.state];
    const outcome = key ? t(key) : bulkProblemText(i);
    const name = i.articleId ? el('a', { text: i.title || i.url }) : document.createTextNode(i.title || i.url);
    if (name instanceof HTMLAnchorElement) name.href = `#/article/${encodeURIComponent(i.articleId!)}`;
    const row = el('li', {}, name, ` — ${outcome}`);
    row.dataset.url = i.url;
    row.dataset.state = i.state;
    return row;
  });
  $('recheck-results').replaceChildren(...rows);
}

/** Reads the newest run; shows it when it is this page's re-check, or a re-check still going on when the page opened. */
async function refreshRun(): Promise<void> {
  const status = (await browser.runtime.sendMessage({ type: 'bulk-status' }).catch(() => null)) as BulkStatusReply | null;
  const p = status?.progress;
  if (!p || p.kind !== 'recheck' || (p.runId !== runId && p.state !== 'running' && p.state !== 'paused')) return;
  runId = p.runId;
  showProgress(p);
  showResults(status.items);
  const stage = stageOf(p);
  const ended = stage !== shown && p.state !== 'running' && p.state !== 'paused';
  shown = stage;
  // The list shows the new marks and versions once the run has ended.
  if (ended) await onRunEnded();
}

export function initRecheckControls(onChange: () => Promise<void>): void {
  onRunEnded = onChange;
  $('recheck').addEventListener('click', () => void startRecheck(askAhead()).catch((error: unknown) => notify(t('archiveRecheckFailed', String(error)), { error: true })));
  $('recheck-close').addEventListener('click', () => { $('recheck-run').hidden = true; });
  browser.runtime.onMessage.addListener((message: unknown) => {
    const p = parseBulkProgress(message);
    if (p && p.kind === 'recheck' && (p.runId === runId || !runId)) {
      showProgress(p);
      // The counts come with the message; the per-article list is read again when an article is done.
      if (stageOf(p) !== shown) void refreshRun();
    }
    return undefined;
  });
  void refreshRun();
}
