// Liferay portals (vn-sites.md §2 G4): journal-content-article family and the Hòa Bình VCMS detail page.
import type { SiteRule } from './types';

/** Hòa Bình Liferay 7 "VCMS": #titleDetail, .date_time, #leadDetail, #contentDetail; #footerOfNewDetail lists. */
export const liferayHoaBinh: SiteRule = {
  id: 'liferay-vcms',
  family: 'Liferay VCMS (Hòa Bình)',
  match: { detect: ['#contentDetail', '.textdetail'] },
  title: ['#titleDetail', '.content_detail_news h1.title'],
  body: ['#contentDetail', 'div.textdetail'],
  date: ['.content_detail_news .date_time', '.tool .date_time', '.date_time'],
  lead: ['#leadDetail', '.content_detail_news .summary'],
  author: ['.content_detail_news .author'],
  category: ['h3.title-list-news .title-t1'],
  strip: ['#footerOfNewDetail', '.list_detail'],
  fixtures: ['f01-liferay-hoabinh'],
};

/** Liferay 6 asset publisher: taglib-header title, p.date_post, .journal-content-article (+ .article-summary). */
export const liferayJournal: SiteRule = {
  id: 'liferay-journal',
  family: 'Liferay journal-content-article',
  match: { detect: ['.journal-content-article', '.asset-full-content', '.asset-content.change-size'] },
  title: ['.taglib-header .header-title', '.asset-full-content h1', '.portlet-body h1', '.header-title'],
  body: ['.asset-full-content .journal-content-article', '.journal-content-article', '.asset-content.change-size', '.asset-full-content'],
  date: ['p.date_post', '.date-post', 'span.title.meta-data-date', '.metadata-publish-date'],
  lead: ['.article-summary'],
  strip: ['.asset-ratings', '.asset-links', '.taglib-social-bookmarks', '[id*="INSTANCE_tinkhac"]', '.asset-publisher-other'],
  fixtures: ['a03-thainguyen-liferay'],
};
