// Tuyên Quang department/HĐND platforms (vn-sites.md §2 G1, G2).
import type { SiteRule } from './types';

/** G1: older platform, article URLs end in "!-<id>.html"; category div, (caps) h1, "Thứ …, ngày DD-MM-YYYY, HH:mm". */
export const tuyenQuangG1: SiteRule = {
  id: 'tuyenquang-g1',
  family: 'Tuyên Quang G1 (!-id.html)',
  match: { urls: [/!-\d+\.html(?:[?#]|$)/i], detect: ['.news-detail'] },
  title: ['.news-detail h1.news-title', '.news-detail h1', '.news-detail .title', '.news-detail h2'],
  body: ['.news-detail #divContent', '.news-detail .news-content', '.news-detail > .content', '.news-detail .content'],
  date: ['.news-detail .news-date', '.news-detail .date'],
  category: ['.cate-name', '.cat-title'],
  strip: ['.news-other', '.other-news', '.news-detail .tools'],
  fixtures: ['a01-bdt-g1-seed', 'seed-g1-table'],
};

/** G2: newer platform, "/vi/tin-bai/<slug>?id=<n>&type=NEWS"; "Tác giả:" line before the body. */
export const tuyenQuangG2: SiteRule = {
  id: 'tuyenquang-g2',
  family: 'Tuyên Quang G2 (?id=&type=NEWS)',
  match: { urls: [/[?&]id=\d+&type=NEWS\b/i, /\/(?:tin-bai|post)\//i], detect: ['.news-detail__content'] },
  title: ['.news-detail__title', '.news-detail h1'],
  body: ['.news-detail__content'],
  date: ['.news-detail__date'],
  author: ['.news-detail__author'],
  category: ['.portal-breadcrumb li'],
  strip: ['.news-other', '.news-detail__tools', '.news-detail__share'],
  fixtures: ['a11-soyte-g2-author-first'],
};
