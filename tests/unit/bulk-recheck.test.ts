// Re-check (Kiểm tra cập nhật): deciding gone / changed / unchanged from a page fetched again, and what is recorded
// on the archived article (a new version for changed content, never an overwrite; check and gone dates).
import { goneByRedirect, goneByStatus, goneWhenNotArticle, isSiteRoot, outcomeRecordedSince, sameContent } from '../../src/core/bulk/recheck';
import { recordRecheck } from '../../src/core/archive/recheck-article';
import { saveArticle } from '../../src/core/archive/save-article';
import { versionsOf } from '../../src/core/archive/organize';
import { searchArchiveIds } from '../../src/core/search';
import { articleProblems } from '../../src/core/archive/validate-article';
import { parseRecheckRequest } from '../../src/shared/recheck-messages';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

const ARTICLE = 'https://sotttt.tuyenquang.gov.vn/tin-tuc/hoi-nghi-chuyen-doi-so-123.html';

describe('re-check: is the page gone?', () => {
  it('takes 404 and 410 as gone, and not server errors, refusals or rate limits', () => {
    expect(goneByStatus(404)).toBe(true);
    expect(goneByStatus(410)).toBe(true);
    for (const status of [500, 502, 503, 403, 429, 401]) expect(goneByStatus(status)).toBe(false);
  });

  it('knows a site\'s home page under the names portals give it', () => {
    for (const url of ['https://a.gov.vn/', 'https://a.gov.vn', 'https://a.gov.vn/vi/', 'https://a.gov.vn/index.php', 'https://a.gov.vn/Default.aspx',
      'https://a.gov.vn/trang-chu', 'https://a.gov.vn/?lang=vi', 'https://a.gov.vn/en/index.html']) expect(isSiteRoot(url), url).toBe(true);
    for (const url of [ARTICLE, 'https://a.gov.vn/vi/news/tin-tuc/', 'https://a.gov.vn/vi/news/', 'not a url']) expect(isSiteRoot(url), url).toBe(false);
  });

  it('takes a redirect to the home page (its own or a merged province\'s portal) as gone, not a redirect to the article\'s new address', () => {
    expect(goneByRedirect(ARTICLE, 'https://sotttt.tuyenquang.gov.vn/')).toBe(true);
    expect(goneByRedirect(ARTICLE, 'https://tuyenquang.gov.vn/vi/')).toBe(true);
    expect(goneByRedirect(ARTICLE, 'https://sotttt.tuyenquang.gov.vn/tin-tuc/hoi-nghi-chuyen-doi-so.html')).toBe(false);
    // Not redirected at all: the URL differs only by its fragment.
    expect(goneByRedirect(`${ARTICLE}#top`, ARTICLE)).toBe(false);
    // An archived home page that still answers as the home page is not gone.
    expect(goneByRedirect('https://a.gov.vn/vi/', 'https://a.gov.vn/')).toBe(false);
  });

  it('takes a redirect to a page that is not an article as gone, but a non-article at the article\'s own address only as a problem', () => {
    expect(goneWhenNotArticle(ARTICLE, 'https://sotttt.tuyenquang.gov.vn/tin-tuc/')).toBe(true);
    expect(goneWhenNotArticle(ARTICLE, ARTICLE)).toBe(false);
  });
});

describe('re-check: did the content change?', () => {
  const archived = { title: 'Hội nghị chuyển đổi số', bodyText: 'Sáng nay, Sở tổ chức hội nghị.\n\nCác đại biểu thảo luận.' };

  it('compares the extracted title and text, ignoring spacing and Unicode composition', () => {
    expect(sameContent(archived, { title: ' Hội nghị  chuyển đổi số', bodyText: 'Sáng nay, Sở tổ chức hội nghị. Các đại biểu\u00a0thảo luận.' })).toBe(true);
    // Decomposed Vietnamese (as windows-1258 pages decode) is the same text.
    expect(sameContent(archived, { title: archived.title.normalize('NFD'), bodyText: archived.bodyText.normalize('NFD') })).toBe(true);
  });

  it('sees a changed word in the body or the title', () => {
    expect(sameContent(archived, { ...archived, bodyText: archived.bodyText.replace('Sáng nay', 'Chiều nay') })).toBe(false);
    expect(sameContent(archived, { ...archived, title: 'Hội nghị chuyển đổi số năm 2025' })).toBe(false);
  });
});

describe('re-check: what is recorded on the article', () => {
  const url = 'https://bdt.tuyenquang.gov.vn/tin-tuc/recheck-1.html';
  const first = sampleExtracted({ url, canonicalUrl: url, title: 'Tin gốc về thác Bản Ba', bodyText: 'Nội dung đầu tiên về thác.', bodyHtml: '<p>Nội dung đầu tiên về thác.</p>' });
  const when = (day: number) => new Date(Date.UTC(2025, 6, day, 3));

  it('unchanged: a check date, nothing else; changed: a new version keeps the archived content; gone: the first date it was found gone', async () => {
    const db = freshDb();
    const saved = (await saveArticle(db, first, TUYEN_QUANG_SITE, { tags: ['thác'], note: 'ghi chú' })).article;

    // The same text, spaced differently: unchanged.
    expect(await recordRecheck(db, saved.id, { gone: false, extracted: { ...first, bodyText: ` ${first.bodyText}\n` }, site: TUYEN_QUANG_SITE }, when(1))).toBe('unchanged');
    let stored = (await db.articles.get(saved.id))!;
    expect(stored.checkedAt).toBe('2025-07-01T10:00:00+07:00');
    expect(stored.bodyText).toBe(first.bodyText);
    expect(await versionsOf(db, saved.id)).toHaveLength(0);

    // Changed, and answering from a new address: new content, old content kept, the archived address and tags kept.
    const changed = { ...first, url: 'https://bdt.tuyenquang.gov.vn/tin-moi/recheck-1.html', canonicalUrl: 'https://bdt.tuyenquang.gov.vn/tin-moi/recheck-1.html', bodyText: 'Nội dung đã sửa về đèo Mã Pì Lèng.', bodyHtml: '<p>Nội dung đã sửa về đèo Mã Pì Lèng.</p>' };
    expect(await recordRecheck(db, saved.id, { gone: false, extracted: changed, site: TUYEN_QUANG_SITE }, when(2))).toBe('changed');
    stored = (await db.articles.get(saved.id))!;
    expect(stored).toMatchObject({ url, canonicalUrl: url, bodyText: changed.bodyText, tags: ['thác'], note: 'ghi chú', capturedAt: saved.capturedAt, updatedAt: '2025-07-02T10:00:00+07:00', checkedAt: '2025-07-02T10:00:00+07:00' });
    const versions = await versionsOf(db, saved.id);
    expect(versions.map((v) => v.article.bodyText)).toEqual([first.bodyText]);
    expect((await searchArchiveIds(db, 'đèo')).ids).toEqual([saved.id]);
    expect((await searchArchiveIds(db, 'đầu tiên')).ids).toEqual([]);

    // Gone twice: the first date stays; the content stays as it was.
    expect(await recordRecheck(db, saved.id, { gone: true }, when(3))).toBe('gone');
    expect(await recordRecheck(db, saved.id, { gone: true }, when(5))).toBe('gone');
    stored = (await db.articles.get(saved.id))!;
    expect(stored).toMatchObject({ goneAt: '2025-07-03T10:00:00+07:00', checkedAt: '2025-07-05T10:00:00+07:00', bodyText: changed.bodyText });
    expect(await versionsOf(db, saved.id)).toHaveLength(1);
    // The record is still a valid article (exports and imports carry both dates).
    expect(articleProblems(stored)).toEqual([]);

    // Back again: the gone mark goes, the check date moves.
    expect(await recordRecheck(db, saved.id, { gone: false, extracted: changed, site: TUYEN_QUANG_SITE }, when(6))).toBe('unchanged');
    stored = (await db.articles.get(saved.id))!;
    expect('goneAt' in stored).toBe(false);
    expect(stored.checkedAt).toBe('2025-07-06T10:00:00+07:00');
  });

  it('does nothing for an article deleted since the run was queued', async () => {
    const db = freshDb();
    expect(await recordRecheck(db, 'no-such-id', { gone: true })).toBeNull();
    expect(await db.articles.count()).toBe(0);
  });
});

describe('re-check: the archive page\'s request', () => {
  it('takes a list of article ids, and nothing else', () => {
    expect(parseRecheckRequest({ type: 'bulk-recheck', ids: ['a', 'b'] })).toEqual({ type: 'bulk-recheck', ids: ['a', 'b'] });
    for (const bad of [{ type: 'bulk-recheck', ids: [] }, { type: 'bulk-recheck', ids: [1] }, { type: 'bulk-recheck', ids: [''] }, { type: 'bulk-recheck' }, { type: 'bulk-start', ids: ['a'] }, null, 'bulk-recheck']) {
      expect(parseRecheckRequest(bad)).toBeNull();
    }
  });
});

describe('re-check: a try cut short by a stop, tried again', () => {
  const queuedAt = Date.parse('2025-07-02T10:00:00.400+07:00');

  it('reports what the earlier try of this run recorded, instead of comparing the article with itself', () => {
    expect(outcomeRecordedSince({ checkedAt: '2025-07-02T10:05:00+07:00', updatedAt: '2025-07-02T10:05:00+07:00' }, queuedAt)).toBe('changed');
    // Same second as the start (stored dates have whole seconds).
    expect(outcomeRecordedSince({ checkedAt: '2025-07-02T10:00:00+07:00' }, queuedAt)).toBe('unchanged');
    expect(outcomeRecordedSince({ checkedAt: '2025-07-02T10:05:00+07:00', goneAt: '2025-06-01T08:00:00+07:00' }, queuedAt)).toBe('gone');
    // An update before this run, a check before this run, or no check at all: this run has not checked it yet.
    expect(outcomeRecordedSince({ checkedAt: '2025-07-01T10:05:00+07:00', updatedAt: '2025-07-01T10:05:00+07:00' }, queuedAt)).toBeNull();
    expect(outcomeRecordedSince({ updatedAt: '2025-07-02T10:05:00+07:00' }, queuedAt)).toBeNull();
  });
});
