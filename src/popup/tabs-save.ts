// "Lưu mọi tab đang mở" in the popup: asks for the tabs permission inside the click (with the reason shown beside
// the button beforehand), follows the run, then says what became of every tab and offers access to provincial
// sites the extension may not read yet.
import browser from 'webextension-polyfill';
import type { TabOutcome, TabsSummary } from '../core/bulk/open-tabs';
import { errorSentence, formatCount, t } from '../shared/i18n';
import type { ErrorCode } from '../shared/messages';
import { parseTabsProgress, type TabsSaveReply } from '../shared/tabs-messages';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const TABS_PERMISSION = { permissions: ['tabs' as const] };

const NOT_ARTICLE_KEYS: Record<string, string> = {
  'not-web': 'tabsNotWeb', outside: 'tabsOutside', unreadable: 'tabsUnreadable', listing: 'tabsListing', home: 'tabsHome',
};

/** Why one tab was not saved, in words. */
export function tabProblemText(o: TabOutcome): string {
  if (o.result === 'not-article') return t(NOT_ARTICLE_KEYS[o.detail] ?? 'bulkNotArticle');
  if (o.result !== 'failed') return '';
  switch (o.problem) {
    case 'unloaded': return t('tabsUnloaded');
    case 'no-access': return t('tabsNoAccess', o.detail);
    case 'unreachable': return t('tabsUnreachable');
    case 'save': return `${t('bulkFailSave')}: ${o.detail}`;
    case 'extract': return errorSentence({ code: o.detail as ErrorCode, message: '' });
  }
}

function setText(text: string, kind: '' | 'ok' | 'warn' | 'error' = ''): void {
  $('tabs-text').textContent = text;
  $('tabs-text').className = kind;
}

function showProgress(message: unknown): undefined {
  const p = parseTabsProgress(message);
  if (!p || $('tabs-run').hidden) return undefined;
  const bar = $<HTMLProgressElement>('tabs-bar');
  bar.max = Math.max(1, p.total);
  bar.value = p.done;
  setText(t('tabsWorking', formatCount(p.done), formatCount(p.total)));
  return undefined;
}

function showSummary(summary: TabsSummary, sawUrls: boolean): void {
  const bar = $<HTMLProgressElement>('tabs-bar');
  bar.max = Math.max(1, summary.total);
  bar.value = summary.total;
  const sentence = t('tabsSummary', formatCount(summary.saved), formatCount(summary.duplicates), formatCount(summary.notArticles), formatCount(summary.failed));
  setText(sawUrls ? sentence : `${sentence} ${t('tabsNoTabsPermission')}`, summary.failed ? 'warn' : 'ok');
  $('tabs-problems').replaceChildren(...summary.outcomes.filter((o) => o.result === 'failed' || o.result === 'not-article').map((o) => {
    const li = document.createElement('li');
    li.dataset.url = o.url;
    li.dataset.result = o.result;
    li.textContent = `${o.title || o.url || '—'} — ${tabProblemText(o)}`;
    return li;
  }));
  const hosts = summary.needAccess;
  $('tabs-access-why').hidden = $('tabs-access').hidden = !hosts.length;
  $('tabs-access-why').textContent = hosts.length ? t('tabsNeedAccess', hosts.join(', ')) : '';
  $('tabs-access').dataset.hosts = hosts.join(' ');
}

async function run(tabId: number, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  $('tabs-run').hidden = false;
  setText(t('tabsWorking', '0', '…'));
  try {
    const reply = await browser.runtime.sendMessage<unknown, TabsSaveReply | undefined>({ type: 'tabs-save', tabId });
    if (!reply?.ok) return setText(t('tabsFailed', reply?.problem ?? '—'), 'error');
    showSummary(reply.summary, await browser.permissions.contains(TABS_PERMISSION).catch(() => false));
  } catch (error) {
    setText(t('tabsFailed', error instanceof Error ? error.message : String(error)), 'error');
  } finally {
    button.disabled = false;
  }
}

/** The permission is asked for inside the click (browsers only ask during a user gesture); refused, the run still goes. */
async function askThenRun(tabId: number, button: HTMLButtonElement): Promise<void> {
  await browser.permissions.request(TABS_PERMISSION).catch(() => false);
  $('tabs-why').hidden = true;
  await run(tabId, button);
}

async function allowAndRetry(tabId: number, button: HTMLButtonElement): Promise<void> {
  const hosts = ($('tabs-access').dataset.hosts ?? '').split(' ').filter(Boolean);
  if (!hosts.length) return;
  const granted = await browser.permissions.request({ origins: hosts.map((h) => `*://${h}/*`) }).catch(() => false);
  if (!granted) return setText(t('tabsAccessDenied', hosts.join(', ')), 'error');
  await run(tabId, button);
}

export function initTabsSave(tabId: number): void {
  const button = $<HTMLButtonElement>('tabs-save');
  // The reason for the permission is on screen before the browser asks for it.
  void browser.permissions.contains(TABS_PERMISSION).then((has) => { $('tabs-why').hidden = has; }, () => undefined);
  browser.runtime.onMessage.addListener(showProgress);
  button.addEventListener('click', () => void askThenRun(tabId, button));
  $('tabs-access').addEventListener('click', () => void allowAndRetry(tabId, button));
}
