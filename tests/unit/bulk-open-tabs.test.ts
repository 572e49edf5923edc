// "Save every open tab": which tabs are asked, what each becomes, and the summary — over a real archive
// (fake-indexeddb), so that a duplicate is one the archive really holds and the provenance is what was stored.
import { saveArticle } from '../../src/core/archive/save-article';
import { saveOpenTabs, summarize, summaryBadge, triageTab, type OpenTab, type TabExtraction } from '../../src/core/bulk/open-tabs';
import { parseTabsProgress, parseTabsSaveRequest } from '../../src/shared/tabs-messages';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

const url = (n: number) => `https://bdt.tuyenquang.gov.vn/tin-tuc/bai-${n}.html`;

describe('triageTab', () => {
  it('answers without asking the tab for pages that cannot hold an article or are unloaded', () => {
    expect(triageTab({ id: 1, url: 'about:blank' })).toMatchObject({ result: 'not-article', detail: 'not-web' });
    expect(triageTab({ id: 2, url: 'chrome://settings/' })).toMatchObject({ result: 'not-article', detail: 'not-web' });
    expect(triageTab({ id: 3, url: url(1), discarded: true })).toMatchObject({ result: 'failed', problem: 'unloaded' });
    expect(triageTab({ id: 4, url: url(1), status: 'unloaded' })).toMatchObject({ result: 'failed', problem: 'unloaded' });
    expect(triageTab({ id: 5, url: url(1), status: 'complete' })).toBeNull();
    // Without the tabs permission the URL is unknown: the content script is asked all the same.
    expect(triageTab({ id: 6 })).toBeNull();
  });
});

describe('saveOpenTabs', () => {
  it('saves each article once with the "tabs" provenance and reports every other tab, none fatal', async () => {
    const db = freshDb();
    await saveArticle(db, sampleExtracted({ url: url(3), canonicalUrl: url(3), title: 'Đã lưu từ trước' }), TUYEN_QUANG_SITE);
    const article = (n: number): TabExtraction => ({
      kind: 'article', url: url(n), title: `Bài ${n}`,
      save: async () => {
        const r = await saveArticle(db, sampleExtracted({ url: url(n), canonicalUrl: url(n), title: `Bài ${n}` }), TUYEN_QUANG_SITE, { provenance: { capturedVia: 'tabs' } });
        return { created: r.status === 'created', articleId: r.article.id };
      },
    });
    const answers: Record<number, () => Promise<TabExtraction>> = {
      1: async () => article(1),
      2: async () => article(2),
      3: async () => article(3), // archived before
      4: async () => article(1), // the same article open in a second tab
      5: async () => ({ kind: 'not-article', url: 'https://bdt.tuyenquang.gov.vn/tin-tuc/', pageKind: 'listing' }),
      7: async () => ({ kind: 'failed', problem: 'no-access', detail: 'baotuyenquang.com.vn' }),
      8: async () => { throw new Error('tab closed'); },
      9: async () => ({ ...(article(9) as Extract<TabExtraction, { kind: 'article' }>), save: async () => { throw new Error('disk full'); } }),
      10: async () => ({ kind: 'failed', problem: 'no-access', detail: 'baotuyenquang.com.vn' }),
    };
    const tabs: OpenTab[] = [1, 2, 3, 4, 5, 7, 8, 9, 10].map((id) => ({ id, url: `https://example.vn/${id}` }));
    tabs.splice(5, 0, { id: 6, url: 'about:blank' }, { id: 11, url: url(11), discarded: true });
    const asked: number[] = [];
    const progress: Array<[number, number]> = [];
    const summary = await saveOpenTabs(tabs, {
      extract: (tab) => { asked.push(tab.id); return answers[tab.id](); },
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(asked).not.toContain(6);
    expect(asked).not.toContain(11);
    expect(summary).toMatchObject({ total: 11, saved: 2, duplicates: 2, notArticles: 2, failed: 5, needAccess: ['baotuyenquang.com.vn'] });
    const byTab = new Map(summary.outcomes.map((o) => [o.tabId, o]));
    expect(byTab.get(8)).toMatchObject({ result: 'failed', problem: 'unreachable', detail: 'tab closed' });
    expect(byTab.get(9)).toMatchObject({ result: 'failed', problem: 'save', detail: 'disk full', url: url(9) });
    expect(byTab.get(5)).toMatchObject({ result: 'not-article', detail: 'listing' });
    expect(progress[0]).toEqual([0, 11]);
    expect(progress.at(-1)).toEqual([11, 11]);
    expect(progress).toHaveLength(12);

    const stored = await db.articles.toArray();
    expect(stored.map((a) => a.url).sort()).toEqual([url(1), url(2), url(3)]);
    expect(stored.find((a) => a.url === url(1))?.capturedVia).toBe('tabs');
    expect(stored.find((a) => a.url === url(3))?.capturedVia).toBeUndefined();
    db.close();
  });

  it('with no tabs says so in a summary of zeros', async () => {
    expect(await saveOpenTabs([], { extract: () => Promise.reject(new Error('never asked')) })).toMatchObject({ total: 0, saved: 0, failed: 0 });
  });
});

describe('summary and badge', () => {
  it('lists each host needing access once and shows the number saved, amber when a tab failed', () => {
    const s = summarize([
      { tabId: 1, url: '', title: '', result: 'failed', problem: 'no-access', detail: 'a.vn' },
      { tabId: 2, url: '', title: '', result: 'failed', problem: 'no-access', detail: 'a.vn' },
      { tabId: 3, url: '', title: '', result: 'saved', articleId: 'x' },
    ]);
    expect(s.needAccess).toEqual(['a.vn']);
    expect(summaryBadge(s)).toEqual({ text: '1', color: '#b45309' });
    expect(summaryBadge({ saved: 4, failed: 0 })).toEqual({ text: '4', color: '#2563eb' });
  });
});

describe('tabs messages', () => {
  it('take a save request with or without the popup\'s tab, and well-formed progress only', () => {
    expect(parseTabsSaveRequest({ type: 'tabs-save' })).toEqual({ type: 'tabs-save' });
    expect(parseTabsSaveRequest({ type: 'tabs-save', tabId: 7, extra: 'x' })).toEqual({ type: 'tabs-save', tabId: 7 });
    for (const bad of [{ type: 'tabs-save', tabId: -1 }, { type: 'tabs-save', tabId: '7' }, { type: 'save' }, null, []]) expect(parseTabsSaveRequest(bad)).toBeNull();
    expect(parseTabsProgress({ type: 'tabs-progress', done: 2, total: 5 })).toEqual({ type: 'tabs-progress', done: 2, total: 5 });
    for (const bad of [{ type: 'tabs-progress', done: 6, total: 5 }, { type: 'tabs-progress', done: 1.5, total: 5 }, { type: 'tabs-progress' }]) expect(parseTabsProgress(bad)).toBeNull();
  });
});
