// A bulk run's progress in the popup: done / total, what failed and why, the time left; pause, resume, cancel.
import browser from 'webextension-polyfill';
import { parseBulkProgress, type BulkItemView, type BulkSaveAnywayReply, type BulkStatusReply } from '../shared/bulk-messages';
import type { RunProgress } from '../core/bulk/queue-types';
import { createEtaEstimator } from '../core/progress-eta';
import { etaSuffix, formatCount, t } from '../shared/i18n';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const eta = createEtaEstimator();
let runId = '';
let watching = false;

const FAIL_KEYS: Record<string, string> = {
  timeout: 'bulkFailTimeout', network: 'bulkFailNetwork', extract: 'bulkFailExtract', save: 'bulkFailSave', permission: 'bulkFailPermission', cancelled: 'bulkFailCancelled', 'not-html': 'bulkNotArticle', 'redirect-home': 'bulkFailRedirectHome',
};

/** Why one page was not saved, as words. */
function problemText(item: BulkItemView): string {
  if (item.state === 'not-article') return t('bulkNotArticle');
  if (item.reason === 'http') return t('bulkFailHttp', item.detail ?? '');
  return t(FAIL_KEYS[item.reason ?? ''] ?? 'bulkFailExtract');
}

function showProgress(p: RunProgress): void {
  runId = p.runId;
  $('bulk-run').hidden = false;
  const bar = $<HTMLProgressElement>('bulk-bar');
  bar.max = Math.max(1, p.total);
  bar.value = p.done;
  const left = p.state === 'running' ? etaSuffix(eta(p.done, p.total, performance.now())) : '';
  const ended = p.state === 'done' ? ` ${t('bulkDone')}` : p.state === 'cancelled' ? ` ${t('bulkCancelled')}` : p.state === 'paused' ? ` ${t('bulkPaused')}` : '';
  $('bulk-run-text').textContent = `${t('bulkProgress', formatCount(p.done), formatCount(p.total))}${left}.${ended}`;
  $('bulk-run-detail').textContent = t('bulkProgressDetail', formatCount(p.saved), formatCount(p.skipped), formatCount(p.notArticle), formatCount(p.failed));
  const live = p.state === 'running' || p.state === 'paused';
  $('bulk-pause').hidden = p.state !== 'running';
  $('bulk-resume').hidden = p.state !== 'paused';
  $('bulk-cancel').hidden = !live;
  $('bulk-run').dataset.state = p.state;
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

function showProblems(items: BulkItemView[]): void {
  const list = $('bulk-problems');
  list.replaceChildren(...items.filter((i) => i.state === 'failed' || i.state === 'not-article').map((i) => {
    const li = document.createElement('li');
    li.dataset.url = i.url;
    li.dataset.state = i.state;
    li.textContent = `${i.title || i.url} — ${problemText(i)} `;
    if (i.state === 'not-article') li.append(saveAnywayButton(i, li));
    return li;
  }));
}

async function refresh(): Promise<BulkStatusReply | null> {
  const status = (await browser.runtime.sendMessage({ type: 'bulk-status' }).catch(() => null)) as BulkStatusReply | null;
  if (status?.progress) {
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

/** Follows the newest run: shown now when one is going on (or once `watchBulkRun` is called after starting one). */
export async function watchBulkRun(onlyIfLive = false): Promise<void> {
  if (!watching) {
    watching = true;
    $('bulk-pause').addEventListener('click', () => void control('pause'));
    $('bulk-resume').addEventListener('click', () => void control('resume'));
    $('bulk-cancel').addEventListener('click', () => void control('cancel'));
    browser.runtime.onMessage.addListener((message: unknown) => {
      const p = parseBulkProgress(message);
      // The counts come with the message; the list of problems is fetched again when one is added.
      if (p && !$('bulk-run').hidden) {
        showProgress(p);
        if (p.failed + p.notArticle !== $('bulk-problems').childElementCount || p.state !== 'running') void refresh();
      }
      return undefined;
    });
  }
  const status = await refresh();
  if (onlyIfLive && status?.progress && status.progress.state !== 'running' && status.progress.state !== 'paused') $('bulk-run').hidden = true;
}
