import { thumbnailHash } from '../../src/core/media/thumbnail';
import type { ArticleMediaItem } from '../../src/core/archive/media-rows';

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
