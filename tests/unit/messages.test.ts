import { parseContentMessage, parseExtractReply, parsePopupRequest, parseUpgradeProgress, isExtractedArticle } from '../../src/shared/messages';
import { sampleExtracted } from '../helpers/sample-article';

const detection = { isProvincialNewsArticle: true, province: 'Tuyên Quang', kind: 'government-portal', pageKind: 'article', site: { host: 'bdt.tuyenquang.gov.vn', name: 'x', province: 'Tuyên Quang', kind: 'department-site' }, confidence: 1, reasons: [] };

describe('message validation', () => {
  it('accepts well-formed popup requests and rejects everything else', () => {
    expect(parsePopupRequest({ type: 'preview', tabId: 3 })).toEqual({ type: 'preview', tabId: 3 });
    expect(parsePopupRequest({ type: 'save', tabId: 3, mode: 'update', generic: false })).toMatchObject({ mode: 'update' });
    expect(parsePopupRequest({ type: 'refetch-images', articleId: 'bai-1', tabId: 3 })).toEqual({ type: 'refetch-images', articleId: 'bai-1' });
    for (const bad of [null, 'preview', { type: 'preview' }, { type: 'preview', tabId: -1 }, { type: 'preview', tabId: '3' },
      { type: 'save', tabId: 3, mode: 'drop-table', generic: false }, { type: 'delete-all', tabId: 3 },
      { type: 'refetch-images' }, { type: 'refetch-images', articleId: '' }, { type: 'refetch-images', articleId: 7 }, { type: 'refetch-images', articleId: 'x'.repeat(100_000) }]) {
      expect(parsePopupRequest(bad)).toBeNull();
    }
  });

  it('shows upgrade progress only from a well-formed report', () => {
    expect(parseUpgradeProgress({ type: 'upgrade-progress', done: 1000, total: 5000, extra: '<b>' })).toEqual({ type: 'upgrade-progress', done: 1000, total: 5000 });
    for (const bad of [null, 'upgrade-progress', { type: 'upgrade-progress', done: '1000', total: 5000 }, { type: 'upgrade-progress', done: 1.5, total: 5000 },
      { type: 'upgrade-progress', done: -1, total: 5000 }, { type: 'upgrade-progress', done: 1 }, { type: 'preview', done: 1, total: 2 }]) {
      expect(parseUpgradeProgress(bad)).toBeNull();
    }
  });

  it('accepts a detection report only with an http(s) URL and a detection object', () => {
    expect(parseContentMessage({ type: 'detected', url: 'https://bdt.tuyenquang.gov.vn/', detection })).not.toBeNull();
    expect(parseContentMessage({ type: 'detected', url: 'javascript:alert(1)', detection })).toBeNull();
    expect(parseContentMessage({ type: 'detected', url: 'https://x.gov.vn/', detection: { isProvincialNewsArticle: 'yes' } })).toBeNull();
  });

  it('rejects extracted articles with hostile or mistyped fields', () => {
    expect(isExtractedArticle(sampleExtracted())).toBe(true);
    expect(isExtractedArticle(sampleExtracted({ url: 'javascript:alert(1)' }))).toBe(false);
    expect(isExtractedArticle(sampleExtracted({ title: '   ' }))).toBe(false);
    expect(isExtractedArticle({ ...sampleExtracted(), images: [{ src: 'data:image/png;base64,AAAA', caption: null, alt: null }] })).toBe(false);
    expect(isExtractedArticle({ ...sampleExtracted(), wordCount: '12' })).toBe(false);
    expect(parseExtractReply({ ok: true, article: sampleExtracted(), detection })).toMatchObject({ ok: true });
    expect(parseExtractReply({ ok: true, article: { title: 'x' }, detection })).toBeNull();
    expect(parseExtractReply({ ok: false, error: { code: 'no-content', message: 'No article' }, detection: null })).toMatchObject({ ok: false });
  });
});

describe('save request with tags and note', () => {
  const base = { type: 'save', tabId: 3, mode: 'if-new', generic: false };

  it('carries tags and note when they are well formed', () => {
    expect(parsePopupRequest({ ...base, tags: ['cải cách', 'Tuyên Quang'], note: 'xem lại' }))
      .toEqual({ ...base, tags: ['cải cách', 'Tuyên Quang'], note: 'xem lại' });
    expect(parsePopupRequest({ ...base, tags: [], note: '' })).toEqual({ ...base, tags: [], note: '' });
    expect(parsePopupRequest(base)).toEqual(base);
  });

  it('rejects the whole message for malformed tags or note', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [, 'a'];
    for (const bad of [
      { tags: 'a, b' }, { tags: [1] }, { tags: [null] }, { tags: [['a']] }, { tags: sparse }, { tags: { 0: 'a', length: 1 } },
      { tags: Array.from({ length: 201 }, (_, i) => `t${i}`) }, { tags: ['x'.repeat(201)] },
      { note: 5 }, { note: null }, { note: ['a'] }, { note: 'x'.repeat(100_001) },
    ]) {
      expect(parsePopupRequest({ ...base, ...bad })).toBeNull();
    }
  });

  it('carries the collection chosen in the popup, and rejects a malformed one', () => {
    expect(parsePopupRequest({ ...base, collection: 'c-1' })).toEqual({ ...base, collection: 'c-1' });
    for (const collection of ['', 5, null, ['c-1'], 'x'.repeat(101)]) expect(parsePopupRequest({ ...base, collection })).toBeNull();
  });

  it('does not pass unknown fields through', () => {
    const parsed = parsePopupRequest({ ...base, tags: ['a'], note: 'n', __proto__x: 1, sql: 'drop' });
    expect(Object.keys(parsed!).sort()).toEqual(['generic', 'mode', 'note', 'tabId', 'tags', 'type']);
  });

  it('reads a field sent as undefined as absent (a structured clone keeps the key)', () => {
    const parsed = parsePopupRequest({ ...base, tags: undefined, note: undefined, collection: undefined });
    expect(parsed).not.toBeNull();
    expect(Object.keys(parsed!).sort()).toEqual(['generic', 'mode', 'tabId', 'type']);
  });
});
