import { thumbnailHash, thumbnailsOf } from '../../src/core/media/thumbnail';
import type { ArticleMediaItem } from '../../src/core/archive/media-rows';
import { writeArchive } from '../../src/core/archive/store';
import { freshDb } from '../helpers/sample-article';

const body = (n: number, sha256: string | null): ArticleMediaItem => ({ src: `https://baotuyenquang.com.vn/anh-${n}.jpg`, role: 'body', sha256, ...(sha256 ? {} : { skipped: { reason: 'http-error', detail: '404' } }) });
const og = (sha256: string | null): ArticleMediaItem => ({ src: 'https://baotuyenquang.com.vn/og.jpg', role: 'og', sha256 });

describe('the archive list thumbnail of an article', () => {
  it("is the page's og:image when it was kept, even listed after the body's images", () => {
    expect(thumbnailHash([body(1, 'a1'), body(2, 'a2'), og('og1')])).toBe('og1');
  });

  it('is the first kept image of the body when the og:image was not kept or there is none', () => {
    expect(thumbnailHash([body(1, null), body(2, 'a2'), body(3, 'a3'), og(null)])).toBe('a2');
    expect(thumbnailHash([body(1, 'a1'), body(2, 'a2')])).toBe('a1');
  });

  it('is none when no image was kept', () => {
    expect(thumbnailHash([body(1, null), og(null)])).toBeNull();
    expect(thumbnailHash([])).toBeNull();
  });
});

describe('the pictures of a page of results', () => {
  it('names the picture of each article that has one, and none for an article whose images were all missed or that has none', async () => {
    const db = freshDb();
    await writeArchive(db, (w) => w.putArticleMedia([
      { articleId: 'with-og', hashes: ['a1', 'og1'], items: [body(1, 'a1'), og('og1')] },
      { articleId: 'all-missed', hashes: [], items: [body(1, null), og(null)] },
      { articleId: 'body-only', hashes: ['b2'], items: [body(1, null), body(2, 'b2')] },
    ]));
    // Listing must never read an image: the media table is not touched.
    db.media.get = (() => Promise.reject(new Error('an image was read'))) as unknown as typeof db.media.get;
    db.media.bulkGet = (() => Promise.reject(new Error('an image was read'))) as unknown as typeof db.media.bulkGet;
    const thumbs = await thumbnailsOf(db, ['with-og', 'all-missed', 'no-images', 'body-only']);
    expect([...thumbs]).toEqual([['with-og', 'og1'], ['body-only', 'b2']]);
    expect(await thumbnailsOf(db, [])).toEqual(new Map());
  });
});
