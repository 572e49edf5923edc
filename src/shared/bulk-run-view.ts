// A bulk run's progress on an extension page (the popup, the archive page; both carry the same elements): done /
// total, what failed and why, the time left; pause, resume, cancel. Updated live from the background's reports.
import browser from 'webextension-polyfill';
import { parseBulkProgress, type BulkItemView, type BulkSaveAnywayReply, type BulkStatusReply } from './bulk-messages';
import type { RunProgress } from '../core/bulk/queue-types';
import { createEtaEstimator } from '../core/progress-eta';
import { isProblem, problemsStale, runView } from '../core/bulk/progress-view';
import { etaSuffix, formatCount, t } from './i18n';
import { bulkProblemText, bulkProgressDetail } from './bulk-text';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const eta = createEtaEstimator();
let runId = '';
let watching = false;
let lastState = '';
let onEnded: (() => void) | undefined;
/** Runs of this kind are shown elsewhere on the page (the archive page's re-check panel lists each outcome). */
let shownElsewhere: RunProgress['kind'] | undefined;

function showProgress(p: RunProgress): void {
  runId = p.runId;
  const view = runView(p);
  $('bulk-run').hidden = false;
  const bar = $<HTMLProgressElement>('bulk-bar');
  bar.max = view.max;
  bar.value = view.value;
  const left = view.showEta ? etaSuffix(eta(p.done, p.total, performance.now())) : '';
  const ended = view.stateKey ? ` ${t(view.stateKey)}` : '';
  $('bulk-run-text').textContent = `${t('bulkProgress', formatCount(p.done), formatCount(p.total))}${left}.${ended}`;
  $('bulk-run-detail').textContent = bulkProgressDetail(p);
  $('bulk-pause').hidden = !view.pause;
  $('bulk-resume').hidden = !view.resume;
  $('bulk-cancel').hidden = !view.cancel;
  $('bulk-run').dataset.state = p.state;
  if (lastState && lastState !== p.state && !view.live) onEnded?.();
  lastState = p.state;
}

/** "Vẫn lưu": the person knows better than the detector; the page is fetched again and saved. */
function saveAnywayButton(i: BulkItemView, li: HTMLLIElement): HTMLButtonElement {
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'link', textContent: t('popupSaveAnyway') });
  button.dataset.testid = 'bulk-save-anyway';
  button.setAttribute('aria-label', t('bulkSaveAnywayLabel', i.title || i.url));
  button.addEventListener('click', () => void (async () => {
    button.disabled = true;
    const reply = (await browser.runtime.sendMessage({ type: 'bulk-save-anyway', runId, url: i.url }).catch(() => null)) as BulkSaveAnywayReply | null;
    if (reply?.ok) return void refresh();
    button.disabled = false;
    li.append(Object.assign(document.createElement('span'), { className: 'error', role: 'alert', textContent: ` ${t('bulkSaveAnywayFailed', reply?.problem ?? '—')}` }));
  })());
  return button;
}

function showProblems(items: BulkStatusReply['items']): void {
  const list = $('bulk-problems');
  list.replaceChildren(...items.filter(isProblem).map((i) => {
    const li = document.createElement('li');
    li.dataset.url = i.url;
    li.dataset.state = i.state;
    li.textContent = `${i.title || i.url} — ${bulkProblemText(i)} `;
    if (i.state === 'not-article') li.append(saveAnywayButton(i, li));
    return li;
  }));
}

async function refresh(): Promise<BulkStatusReply | null> {
  const status = (await browser.runtime.sendMessage({ type: 'bulk-status' }).catch(() => null)) as BulkStatusReply | null;
  if (status?.progress && status.progress.kind !== shownElsewhere) {
    showProgress(status.progress);
    showProblems(status.items);
  }
  return status;
}

async function control(action: 'pause' | 'resume' | 'cancel'): Promise<void> {
  if (!runId) return;
  await browser.runtime.sendMessage({ type: 'bulk-control', runId, action }).catch(() => null);
  await refresh();
}

/**
 * Follows the newest run: shown now when one is going on (or once `watchBulkRun` is called after starting one), and
 * as soon as a report of a live run arrives. `whenEnded` is told when a run seen going on stops (done or cancelled).
 */
export async function watchBulkRun(onlyIfLive = false, whenEnded?: () => void, options: { except?: RunProgress['kind'] } = {}): Promise<void> {
  onEnded ??= whenEnded;
  shownElsewhere ??= options.except;
  if (!watching) {
    watching = true;
    $('bulk-pause').addEventListener('click', () => void control('pause'));
    $('bulk-resume').addEventListener('click', () => void control('resume'));
    $('bulk-cancel').addEventListener('click', () => void control('cancel'));
    browser.runtime.onMessage.addListener((message: unknown) => {
      const p = parseBulkProgress(message);
      // The counts come with the message; the list of problems is fetched again when one is added.
      if (p && p.kind !== shownElsewhere && (!$('bulk-run').hidden || runView(p).live)) {
        showProgress(p);
        if (problemsStale(p, $('bulk-problems').childElementCount)) void refresh();
      }
      return undefined;
    });
  }
  const status = await refresh();
  if (onlyIfLive && status?.progress && !runView(status.progress).live) $('bulk-run').hidden = true;
}
