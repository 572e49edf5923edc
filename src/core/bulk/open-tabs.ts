// "Save every open tab": which tabs are worth asking, what became of each, and the summary a person reads. The tab
// API, the content script and the archive are injected, so the whole decision is unit-tested in Node.

/** What the browser tells about a tab (the URL only with the "tabs" permission or the host's). */
export interface OpenTab { id: number; url?: string; title?: string; discarded?: boolean; status?: string }

/** Why a tab was not saved. 'no-access': a provincial site the extension may not read yet (`detail` is its host). */
export type TabProblem = 'unloaded' | 'no-access' | 'unreachable' | 'extract' | 'save';

export type TabOutcome =
  | { tabId: number; url: string; title: string; result: 'saved' | 'duplicate'; articleId: string }
  | { tabId: number; url: string; title: string; result: 'not-article'; detail: string }
  | { tabId: number; url: string; title: string; result: 'failed'; problem: TabProblem; detail: string };

/** What the content script's extraction answered for one tab, reduced to what this flow needs. */
export type TabExtraction =
  | { kind: 'article'; url: string; title: string; save: () => Promise<{ created: boolean; articleId: string }> }
  | { kind: 'not-article'; url: string; pageKind: string }
  | { kind: 'failed'; problem: 'extract' | 'unreachable' | 'no-access'; detail: string };

export interface TabsSummary { total: number; saved: number; duplicates: number; notArticles: number; failed: number; outcomes: TabOutcome[]; needAccess: string[] }

export interface OpenTabsDeps {
  extract(tab: OpenTab): Promise<TabExtraction>;
  /** After each tab: how many of how many are done. */
  onProgress?(done: number, total: number): void;
}

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** A tab that cannot hold an article or cannot be read now: its outcome without asking it; null when worth asking. */
export function triageTab(tab: OpenTab): TabOutcome | null {
  const base = { tabId: tab.id, url: tab.url ?? '', title: tab.title ?? '' };
  // Without a URL (no permission to see it) the content script is still asked: where it runs, it answers.
  if (tab.url !== undefined && !isWebUrl(tab.url)) return { ...base, result: 'not-article', detail: 'not-web' };
  if (tab.discarded || tab.status === 'unloaded') return { ...base, result: 'failed', problem: 'unloaded', detail: '' };
  return null;
}

async function outcomeOf(tab: OpenTab, deps: OpenTabsDeps): Promise<TabOutcome> {
  const triaged = triageTab(tab);
  if (triaged) return triaged;
  const base = { tabId: tab.id, url: tab.url ?? '', title: tab.title ?? '' };
  let found: TabExtraction;
  try {
    found = await deps.extract(tab);
  } catch (error) {
    return { ...base, result: 'failed', problem: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (found.kind === 'failed') return { ...base, result: 'failed', problem: found.problem, detail: found.detail };
  if (found.kind === 'not-article') return { ...base, url: found.url || base.url, result: 'not-article', detail: found.pageKind };
  const here = { ...base, url: found.url || base.url, title: found.title || base.title };
  try {
    const { created, articleId } = await found.save();
    return { ...here, result: created ? 'saved' : 'duplicate', articleId };
  } catch (error) {
    return { ...here, result: 'failed', problem: 'save', detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Saves the article of every tab, one tab after the other (two tabs showing the same article save it once: the
 * second finds it archived). No tab's failure stops the others.
 */
export async function saveOpenTabs(tabs: readonly OpenTab[], deps: OpenTabsDeps): Promise<TabsSummary> {
  const outcomes: TabOutcome[] = [];
  deps.onProgress?.(0, tabs.length);
  for (const tab of tabs) {
    outcomes.push(await outcomeOf(tab, deps));
    deps.onProgress?.(outcomes.length, tabs.length);
  }
  return summarize(outcomes);
}

export function summarize(outcomes: readonly TabOutcome[]): TabsSummary {
  const count = (result: TabOutcome['result']) => outcomes.filter((o) => o.result === result).length;
  const needAccess = [...new Set(outcomes.flatMap((o) => (o.result === 'failed' && o.problem === 'no-access' && o.detail ? [o.detail] : [])))];
  return {
    total: outcomes.length, saved: count('saved'), duplicates: count('duplicate'), notArticles: count('not-article'), failed: count('failed'),
    outcomes: [...outcomes], needAccess,
  };
}

/** The toolbar badge after a run started from the icon's menu: the number saved, amber when some tab failed. */
export function summaryBadge(summary: Pick<TabsSummary, 'saved' | 'failed'>): { text: string; color: string } {
  return { text: summary.saved > 999 ? '999+' : `${summary.saved}`, color: summary.failed ? '#b45309' : '#2563eb' };
}
