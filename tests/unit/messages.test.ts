import { parseContentMessage, parseExtractReply, parsePopupRequest, isExtractedArticle } from '../../src/shared/messages';
import { sampleExtracted } from '../helpers/sample-article';

const detection = { isProvincialNewsArticle: true, province: 'Tuyên Quang', kind: 'government-portal', pageKind: 'article', site: { host: 'bdt.tuyenquang.gov.vn', name: 'x', province: 'Tuyên Quang', kind: 'department-site' }, confidence: 1, reasons: [] };

describe('message validation', () => {
  it('accepts well-formed popup requests and rejects everything else', () => {
    expect(parsePopupRequest({ type: 'preview', tabId: 3 })).toEqual({ type: 'preview', tabId: 3 });
    expect(parsePopupRequest({ type: 'save', tabId: 3, mode: 'update', generic: false })).toMatchObject({ mode: 'update' });
    for (const bad of [null, 'preview', { type: 'preview' }, { type: 'preview', tabId: -1 }, { type: 'preview', tabId: '3' },
      { type: 'save', tabId: 3, mode: 'drop-table', generic: false }, { type: 'delete-all', tabId: 3 }]) {
      expect(parsePopupRequest(bad)).toBeNull();
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
