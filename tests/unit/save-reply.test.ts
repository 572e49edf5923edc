import { archivedRef, collectionProblemOf, editsReplaceStored, failureShowsOnBadge, refusalOf, siteFor } from '../../src/background/save-reply';
import { CollectionError } from '../../src/core/archive/collections';
import type { Article, Detection } from '../../src/core/types';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

const detection = (over: Partial<Detection> = {}): Detection => ({
  isProvincialNewsArticle: true, province: 'Tuyên Quang', kind: 'department-site', pageKind: 'article', site: TUYEN_QUANG_SITE, confidence: 0.9, reasons: [], ...over,
});

describe('what a save answers', () => {
  it('refuses a listing or a home page with the code the popup explains, saves an article', () => {
    expect(refusalOf(detection({ isProvincialNewsArticle: false, pageKind: 'listing' }))?.code).toBe('listing-page');
    expect(refusalOf(detection({ isProvincialNewsArticle: false, pageKind: 'home' }))?.code).toBe('home-page');
    expect(refusalOf(detection())).toBeNull();
    expect(refusalOf(null)).toBeNull();
  });

  it('files the article under the detected site, else the registry entry of its host, else none', () => {
    const other = { ...TUYEN_QUANG_SITE, name: 'Tên khác' };
    expect(siteFor(sampleExtracted(), detection({ site: other }))).toEqual(other);
    expect(siteFor(sampleExtracted({ url: 'https://baohagiang.vn/xa-hoi/tin-1.html' }), null)).toMatchObject({ host: 'baohagiang.vn' });
    expect(siteFor(sampleExtracted({ url: 'https://example.com/a.html' }), null)).toBeNull();
    expect(siteFor(sampleExtracted({ url: 'not a url' }), null)).toBeNull();
  });

  it('tells the popup the stored title, dates, tags and note (an update time only once updated)', () => {
    const stored = { id: 'x', title: 'Tiêu đề', capturedAt: '2026-01-01T00:00:00+07:00', tags: ['lũ'], note: 'ghi chú', bodyHtml: '<p>…</p>' } as unknown as Article;
    expect(archivedRef(stored)).toEqual({ id: 'x', title: 'Tiêu đề', capturedAt: '2026-01-01T00:00:00+07:00', tags: ['lũ'], note: 'ghi chú' });
    expect(archivedRef({ ...stored, updatedAt: '2026-02-01T00:00:00+07:00' })).toHaveProperty('updatedAt', '2026-02-01T00:00:00+07:00');
  });

  it('tags and note edited in the popup replace the stored ones only for an article already archived', () => {
    expect(editsReplaceStored('updated')).toBe(true);
    expect(editsReplaceStored('unchanged')).toBe(true);
    expect(editsReplaceStored('created')).toBe(false);
    expect(editsReplaceStored('duplicate')).toBe(false);
  });

  it('the badge shows a failed save only when storage is full or broken', () => {
    expect(failureShowsOnBadge({ code: 'quota', message: '' })).toBe(true);
    expect(failureShowsOnBadge({ code: 'storage', message: '' })).toBe(true);
    expect(failureShowsOnBadge({ code: 'no-content', message: '' })).toBe(false);
  });

  it('a collection deleted since the popup listed it is "missing", any other failure "failed"', () => {
    expect(collectionProblemOf(new CollectionError('missing', 'Lũ'))).toBe('missing');
    expect(collectionProblemOf(new Error('QuotaExceededError'))).toBe('failed');
  });
});
