// Provincial newspapers (vn-sites.md §3): schema.org articleBody, #content-detail (N4), b-maincontent (N3),
// article-body, and the docbao/2025 crawler selectors for other báo tỉnh.
import type { SiteRule } from './types';

/** N3 "b-maincontent / sc-longform" (hanoimoi, baohaiphong, baodanang, baonghean). */
export const newspaperN3: SiteRule = {
  id: 'newspaper-n3',
  family: 'Newspaper N3 (b-maincontent)',
  match: { detect: ['.b-maincontent', '.sc-longform-header-title'] },
  title: ['.sc-longform-header-title', '.b-maincontent h1', 'h1'],
  body: ['div.b-maincontent .entry', 'article.entry', '.b-maincontent'],
  lead: ['.sc-longform-header-sapo', '.b-maincontent .sapo', '.sapo'],
  strip: ['.sc-related-articles', 'div.c-box'],
  fixtures: ['f06-newspaper-n3'],
};

/** Schema.org microdata / #content-detail newspapers (baotuyenquang, baothainguyen, N4 family). */
export const newspaperContentDetail: SiteRule = {
  id: 'newspaper-content-detail',
  family: 'Newspaper #content-detail / articleBody',
  match: { detect: ['#content-detail', '[itemprop="articleBody"]'] },
  title: ['[itemprop="headline"]', '.title-detail', '.news-detail h1.title', 'h1.name', 'h1'],
  body: ['[itemprop="articleBody"]', '#content-detail'],
  date: ['[itemprop="datePublished"]', '.date-detail', '.date_up', 'time'],
  lead: ['.summary', '.sapo'],
  category: ['.cate-link a'],
  leadIsFirstBoldParagraph: true,
  strip: ['.box-tinlienquan', '.box-cate-news', '.cate-news', 'div.block-news-list', 'div.relates', 'div.topics', '.news-related__list', '.tags'],
  fixtures: ['a05-baotuyenquang-live', 'a14-baothainguyen-plaindiv', 'seed-inline-related', 'f08-newspaper-n4-quangninh'],
};

/** .article-body newspapers (baohagiang). */
export const newspaperArticleBody: SiteRule = {
  id: 'newspaper-article-body',
  family: 'Newspaper .article-body',
  match: { detect: ['#article-body', '.article .article-body'] },
  title: ['.article-title', '.article h1'],
  body: ['#article-body', '.article .article-body'],
  date: ['.article-date'],
  lead: ['.article-sapo'],
  category: ['.cate-path a:last-child'],
  strip: ['.same-cate', '.tbl-relate', '.article-tag'],
  fixtures: ['a06-baohagiang-list'],
};

/** Other báo tỉnh body selectors from crawler configs (cfg 2019/2025); metadata by the generic passes. */
export const newspaperOthers: SiteRule = {
  id: 'newspaper-others',
  family: 'Newspaper (crawler-config selectors)',
  match: { urls: [/^https?:\/\/(?:[a-z0-9-]+\.)*(?:bao[a-z]+|huengaynay|hanoimoi)\.(?:com\.vn|org\.vn|vn)\//i] },
  body: [
    'div.article_content div.content#content',
    'div#editor-detail',
    'div.editor-content',
    'div.post-content',
    'div#content.content-detail',
    'div.contentView',
    '#post-content .post-info .body',
    '.news-details__content',
    'div.content-detail',
    '#contentNews',
    'div.ArticleContent',
    'div.singlepage',
    'div.news_detail',
    'div.post.clearfix',
    'div.newsDetail',
    '#main-detail',
  ],
  strip: ['.same', '.news-related__list', 'div.related-post', 'div.otherNews', 'div.drelated', '.quote.center'],
  fixtures: ['f07-newspaper-editor-detail'],
};
