// "Lưu mọi tab đang mở": every open tab's article, extracted by its content script from the live page (as a click
// does, no refetch) and saved with the provenance "tabs". From the popup (which shows progress and the summary) and
// from the toolbar icon's context menu (the badge and its tooltip say the outcome).
import browser from 'webextension-polyfill';
import { saveOpenTabs, summaryBadge, type OpenTab, type TabExtraction, type TabsSummary } from '../../core/bulk/open-tabs';
import { lookupSite } from '../../core/detect/registry';
import { formatCount, t } from '../../shared/i18n';
import type { TabsProgress } from '../../shared/tabs-messages';
import { setBadge } from '../badge';
import { refusalOf } from '../save-reply';
import { saveExtracted } from '../save-tab';
import { extractFromTab, TabError } from '../tab-extraction';

const hostOf = (url: string | undefined): string | null => {
  try { return url ? new URL(url).hostname : null; } catch { return null; }
};

/** A tab the content script did not answer in and the extension may not inject into. */
function unreadable(tab: OpenTab, error: TabError): TabExtraction {
  const host = hostOf(tab.url);
  // A provincial site (the registry's, the user's, any .gov.vn): opened before the extension was installed, or a
  // host not granted yet. The popup offers to ask for it. Any other site is simply not a provincial article.
  if (host && (lookupSite(host) || /(^|\.)gov\.vn$/i.test(host))) return { kind: 'failed', problem: 'no-access', detail: host };
  if (error.code === 'no-tab') return { kind: 'failed', problem: 'unreachable', detail: '' };
  return { kind: 'not-article', url: tab.url ?? '', pageKind: host ? 'outside' : 'unreadable' };
}

async function extractOpenTab(tab: OpenTab): Promise<TabExtraction> {
  let reply;
  try {
    reply = await extractFromTab(tab.id, false);
  } catch (error) {
    if (error instanceof TabError) return unreadable(tab, error);
    throw error;
  }
  const { detection } = reply;
  if (refusalOf(detection) || (detection && !detection.isProvincialNewsArticle)) {
    return { kind: 'not-article', url: reply.ok ? reply.article.url : tab.url ?? '', pageKind: detection?.pageKind ?? 'other' };
  }
  if (!reply.ok) return { kind: 'failed', problem: 'extract', detail: reply.error.code };
  const { article } = reply;
  return {
    kind: 'article', url: article.url, title: article.title,
    save: async () => {
      const saved = await saveExtracted(article, detection, 'if-new', {}, { capturedVia: 'tabs' });
      await setBadge(tab.id, 'saved');
      return { created: saved.status === 'created', articleId: saved.article.id };
    },
  };
}

/** The extension's own pages (the popup opened as a tab, the archive) are its interface, not the person's reading. */
async function openTabs(): Promise<OpenTab[]> {
  const own = browser.runtime.getURL('');
  const tabs = await browser.tabs.query({});
  return tabs
    .filter((tab) => tab.id !== undefined && tab.id !== browser.tabs.TAB_ID_NONE && !tab.url?.startsWith(own))
    .map((tab) => ({ id: tab.id!, url: tab.url, title: tab.title, discarded: tab.discarded, status: tab.status }));
}

function reportProgress(done: number, total: number): void {
  const message: TabsProgress = { type: 'tabs-progress', done, total };
  browser.runtime.sendMessage(message).catch(() => undefined);
  // On the icon of every tab while it goes on (a person may have switched tabs); the outcome replaces it.
  const text = done < total && total ? `${Math.floor((done / total) * 100)}%` : '';
  browser.action.setBadgeText({ text }).catch(() => undefined);
}

/** The summary as one sentence (the badge's tooltip; the popup shows the same counts). */
export function summarySentence(s: Pick<TabsSummary, 'saved' | 'duplicates' | 'notArticles' | 'failed'>): string {
  return t('tabsSummary', formatCount(s.saved), formatCount(s.duplicates), formatCount(s.notArticles), formatCount(s.failed));
}

/** The outcome on the icon of the tab the run was started from, the tooltip saying it in words. */
async function showOutcome(summary: TabsSummary, tabId: number | undefined): Promise<void> {
  const { text, color } = summaryBadge(summary);
  const sawUrls = await browser.permissions.contains({ permissions: ['tabs'] }).catch(() => false);
  const title = [
    summarySentence(summary),
    summary.needAccess.length ? t('tabsNeedAccessMenu', summary.needAccess.join(', ')) : '',
    sawUrls ? '' : t('tabsNoTabsPermission'),
  ].filter(Boolean).join(' ');
  const where = tabId === undefined ? {} : { tabId };
  try {
    await Promise.all([
      browser.action.setBadgeText({ ...where, text }),
      browser.action.setBadgeBackgroundColor({ ...where, color }),
      browser.action.setTitle({ ...where, title }),
    ]);
  } catch {
    /* the tab closed meanwhile */
  }
}

let running: Promise<TabsSummary> | null = null;

/**
 * Saves every open tab's article; a second request while one is going on gets the same result. From the popup or
 * from the toolbar icon's context menu (no popup to show the outcome there: the badge and its tooltip say it).
 */
export function saveAllTabs(originTabId?: number): Promise<TabsSummary> {
  running ??= openTabs()
    .then((tabs) => saveOpenTabs(tabs, { extract: extractOpenTab, onProgress: reportProgress }))
    .then(async (summary) => { await showOutcome(summary, originTabId); return summary; })
    .finally(() => { running = null; });
  return running;
}
