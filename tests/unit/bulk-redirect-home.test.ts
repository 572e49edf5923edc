import { redirectedHome } from '../../src/core/bulk/redirect-home';

describe('a bulk page redirected to the home page', () => {
  const article = 'https://sokhcn.tuyenquang.gov.vn/vi/news/tin-tuc/hoat-dong-khoa-hoc-so-29-1029.html';

  it('is gone when the fetch ended on the site root or a home path of the same site', () => {
    expect(redirectedHome(article, 'https://sokhcn.tuyenquang.gov.vn/')).toBe(true);
    expect(redirectedHome(article, 'https://sokhcn.tuyenquang.gov.vn/vi/')).toBe(true);
    expect(redirectedHome(article, 'https://www.sokhcn.tuyenquang.gov.vn/trang-chu')).toBe(true);
    expect(redirectedHome(article.replace('https:', 'http:'), 'https://sokhcn.tuyenquang.gov.vn/index.php')).toBe(true);
    // A merged province's portal: the old site now sends everything to the new one's root.
    expect(redirectedHome(article, 'https://tuyenquang.gov.vn/')).toBe(true);
  });

  it('is not gone when the redirect leads to another article, or nowhere', () => {
    expect(redirectedHome(article, article)).toBe(false);
    expect(redirectedHome(article, `${article}#top`)).toBe(false);
    expect(redirectedHome(article, 'https://sokhcn.tuyenquang.gov.vn/vi/news/tin-tuc/hoat-dong-khoa-hoc-so-29-moi-2029.html')).toBe(false);
    expect(redirectedHome(article.replace('https:', 'http:'), article)).toBe(false);
    // The home page asked for is not a redirect of an article.
    expect(redirectedHome('https://sokhcn.tuyenquang.gov.vn/', 'https://sokhcn.tuyenquang.gov.vn/vi/')).toBe(false);
    expect(redirectedHome('not a url', '/')).toBe(false);
  });
});
