// A bulk capture is saved with its provenance, which survives validation (import) and the export's field pick.
import { saveArticle } from '../../src/core/archive/save-article';
import { articleProblems, pickArticle } from '../../src/core/archive/validate-article';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

describe('bulk provenance', () => {
  it('is stored, valid, and kept by the export pick; a click save has none', async () => {
    const db = freshDb();
    const bulk = await saveArticle(db, sampleExtracted({ url: 'https://bdt.tuyenquang.gov.vn/a-1.html', canonicalUrl: 'https://bdt.tuyenquang.gov.vn/a-1.html' }), TUYEN_QUANG_SITE, { provenance: { capturedVia: 'bulk', listingUrl: 'https://bdt.tuyenquang.gov.vn/tin-tuc' } });
    const stored = (await db.articles.get(bulk.article.id))!;
    expect(stored).toMatchObject({ capturedVia: 'bulk', listingUrl: 'https://bdt.tuyenquang.gov.vn/tin-tuc' });
    expect(articleProblems(stored)).toEqual([]);
    expect(pickArticle(stored)).toMatchObject({ capturedVia: 'bulk', listingUrl: 'https://bdt.tuyenquang.gov.vn/tin-tuc' });
    const click = await saveArticle(db, sampleExtracted({ url: 'https://bdt.tuyenquang.gov.vn/a-2.html', canonicalUrl: 'https://bdt.tuyenquang.gov.vn/a-2.html', title: 'Khác' }), TUYEN_QUANG_SITE);
    expect('capturedVia' in click.article).toBe(false);
    const tabs = await saveArticle(db, sampleExtracted({ url: 'https://bdt.tuyenquang.gov.vn/a-3.html', canonicalUrl: 'https://bdt.tuyenquang.gov.vn/a-3.html', title: 'Từ tab' }), TUYEN_QUANG_SITE, { provenance: { capturedVia: 'tabs' } });
    expect(articleProblems(tabs.article)).toEqual([]);
    expect(pickArticle(tabs.article)).toMatchObject({ capturedVia: 'tabs' });
    expect(articleProblems({ ...stored, capturedVia: 'robot' })).toEqual(['field "capturedVia" must be "bulk" or "tabs" when present']);
    db.close();
  });
});
