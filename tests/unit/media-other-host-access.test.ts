import { hostsNeedingAccess } from '../../src/core/media/other-host-access';

const ARTICLE = 'https://baotuyenquang.com.vn/xa-hoi/trong-rung-2026.html';

describe('which image servers a save could not reach without access to all sites', () => {
  it("names each other server whose images failed to load, once", () => {
    expect(hostsNeedingAccess(ARTICLE, [
      { src: 'https://cdn.anh-bao.vn/2026/a.jpg', reason: 'network' },
      { src: 'https://cdn.anh-bao.vn/2026/b.jpg', reason: 'network' },
      { src: 'https://static.tuyenquang.gov.vn/c.png', reason: 'network' },
    ])).toEqual(['cdn.anh-bao.vn', 'static.tuyenquang.gov.vn']);
  });

  it("leaves out the article's own server and images lost for other reasons (a 404, too large, a full disk)", () => {
    expect(hostsNeedingAccess(ARTICLE, [
      { src: 'https://baotuyenquang.com.vn/uploads/a.jpg', reason: 'network' },
      { src: 'https://cdn.anh-bao.vn/404.jpg', reason: 'http-error' },
      { src: 'https://cdn.anh-bao.vn/big.jpg', reason: 'too-large' },
      { src: 'https://cdn.anh-bao.vn/q.jpg', reason: 'quota' },
      { src: 'không phải địa chỉ', reason: 'network' },
    ])).toEqual([]);
  });
});
