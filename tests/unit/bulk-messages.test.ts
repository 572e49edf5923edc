// Messages about bulk runs are checked before the background acts on them: a malformed one is refused whole.
import { parseBulkProgress, parseBulkRequest } from '../../src/shared/bulk-messages';
import { parseBulkRequest as parseParseRequest } from '../../src/shared/bulk-parse';
import { parseMessage, TabListingSchema } from '../../src/core/shapes/messages';

describe('bulk messages', () => {
  it('accepts well-formed requests and copies only their known fields', () => {
    expect(parseBulkRequest({ type: 'bulk-list', tabId: 3, extra: 1 })).toEqual({ type: 'bulk-list', tabId: 3 });
    expect(parseBulkRequest({ type: 'bulk-start', listingUrl: 'https://a.gov.vn/tin', pages: [{ url: 'https://a.gov.vn/1', title: 'Một', x: 1 }] }))
      .toEqual({ type: 'bulk-start', listingUrl: 'https://a.gov.vn/tin', pages: [{ url: 'https://a.gov.vn/1', title: 'Một' }] });
    expect(parseBulkRequest({ type: 'bulk-control', runId: 'run-1', action: 'pause' })).toEqual({ type: 'bulk-control', runId: 'run-1', action: 'pause' });
    expect(parseBulkRequest({ type: 'bulk-more', listingUrl: 'https://a.gov.vn/tin', next: 'https://a.gov.vn/tin?page=2', pages: 3, seen: [] })).toMatchObject({ pages: 3 });
    expect(parseBulkRequest({ type: 'bulk-save-anyway', runId: 'run-1', url: 'https://a.gov.vn/1', x: 1 })).toEqual({ type: 'bulk-save-anyway', runId: 'run-1', url: 'https://a.gov.vn/1' });
    // "Vẫn lưu" asks the parser to extract a page the detector turned back; only a real true does.
    expect(parseParseRequest({ type: 'bulk-parse', mode: 'article', html: '', url: 'https://a.gov.vn/1', userRule: null, force: true })).toMatchObject({ force: true });
    // A malformed flag refuses the whole request, as any malformed field does.
    expect(parseParseRequest({ type: 'bulk-parse', mode: 'article', html: '', url: 'https://a.gov.vn/1', userRule: null, force: 'yes' })).toBeNull();
  });

  it('refuses pages that are not web URLs, empty or oversized runs, unknown actions and page counts out of range', () => {
    expect(parseBulkRequest({ type: 'bulk-start', listingUrl: 'https://a.gov.vn/', pages: [{ url: 'javascript:alert(1)', title: '' }] })).toBeNull();
    expect(parseBulkRequest({ type: 'bulk-start', listingUrl: 'https://a.gov.vn/', pages: [] })).toBeNull();
    expect(parseBulkRequest({ type: 'bulk-start', listingUrl: 'https://a.gov.vn/', pages: Array(5001).fill({ url: 'https://a.gov.vn/1', title: '' }) })).toBeNull();
    expect(parseBulkRequest({ type: 'bulk-control', runId: 'r', action: 'delete-all' })).toBeNull();
    expect(parseBulkRequest({ type: 'bulk-more', listingUrl: 'https://a.gov.vn/', next: 'https://a.gov.vn/?page=2', pages: 0, seen: [] })).toBeNull();
    expect(parseBulkRequest({ type: 'bulk-more', listingUrl: 'https://a.gov.vn/', next: 'file:///etc/passwd', pages: 1, seen: [] })).toBeNull();
    expect(parseBulkRequest({ type: 'bulk-list', tabId: -1 })).toBeNull();
    expect(parseBulkRequest({ type: 'bulk-save-anyway', runId: 'run-1', url: 'javascript:alert(1)' })).toBeNull();
    expect(parseBulkRequest({ type: 'bulk-save-anyway', runId: 7, url: 'https://a.gov.vn/1' })).toBeNull();
    expect(parseBulkRequest(null)).toBeNull();
    expect(parseBulkProgress({ type: 'bulk-progress', progress: { runId: 'r', total: 'x', done: 0 } })).toBeNull();
    expect(parseParseRequest({ type: 'bulk-parse', mode: 'eval', html: '', url: 'https://a.gov.vn/' })).toBeNull();
  });

  it('takes the articles a tab lists only with web URLs, and only their known fields', () => {
    const listing = { url: 'https://a.gov.vn/tin', articles: [{ url: 'https://a.gov.vn/1', title: 'Một', date: null, extra: '<b>' }], next: null };
    expect(parseMessage(TabListingSchema, listing)).toEqual({ url: 'https://a.gov.vn/tin', articles: [{ url: 'https://a.gov.vn/1', title: 'Một', date: null }], next: null });
    expect(parseMessage(TabListingSchema, { ...listing, articles: [{ url: 'javascript:alert(1)', title: 'x', date: null }] })).toBeNull();
    expect(parseMessage(TabListingSchema, { ...listing, articles: Array(5001).fill(listing.articles[0]) })).toBeNull();
    expect(parseMessage(TabListingSchema, { ...listing, next: 5 })).toBeNull();
  });
});
