// SharePoint portals (vn-sites.md §2 G3): the VNPT-style theme with ctl00_… labels, and the Tân Dân theme.
import type { SiteRule } from './types';

/** VNPT-style SharePoint 2013: lblTitle / lblNgayDang / lblTomTat / divNoiDung / lblTacGia, layout tables. */
export const sharepointVnpt: SiteRule = {
  id: 'sharepoint-vnpt',
  family: 'SharePoint (VNPT labels)',
  match: { detect: ['[id$="_divNoiDung"]', '[id$="_lblNgayDang"]'] },
  title: ['[id$="_lblTitle"]', '.title-detail'],
  body: ['[id$="_divNoiDung"]', '.content-detail .ms-rtestate-field'],
  date: ['[id$="_lblNgayDang"]', '.date-detail'],
  lead: ['[id$="_lblTomTat"]', '.summary-detail'],
  author: ['[id$="_lblTacGia"]', '.author-detail'],
  category: ['[id$="SiteMapPath1"] > span:last-child', '.breadcrumb span:last-child'],
  strip: ['.other-news', '[id$="_ctl08_label"]', '.session-timeout', '.tools-detail'],
  fixtures: ['a02-tuyenquang-sharepoint'],
};

/** Tân Dân theme (dienbien.gov.vn, mpi.gov.vn): tandan-* classes. */
export const sharepointTanDan: SiteRule = {
  id: 'sharepoint-tandan',
  family: 'SharePoint Tân Dân',
  match: { detect: ['[class*="tandan-"]'] },
  title: ['.tandan-p-article-news-title', '.tandan-span-title-article'],
  body: ['.tandan-p-article-main', '.tandan-p-article-news-content', '.tandan-article .ms-rtestate-field', '.ms-rtestate-field', '.article-contents'],
  date: ['.tandan-span-date-publish'],
  lead: ['.tandan-p-article-news-summary'],
  strip: ['.tandan-div-article-other', 'p.tandan-p-article-other', '.td-tags', '#ctl00_PlaceHolderMain_ctl08_label'],
  fixtures: ['seed-sharepoint', 'f03-tandan-dienbien'],
};

/** "ArticleContent / PostDate / ArticleSummary" SharePoint family (caobang, laocai, binhthuan; cfg 2019). */
export const sharepointArticleContent: SiteRule = {
  id: 'sharepoint-articlecontent',
  family: 'SharePoint ArticleContent',
  match: { detect: ['div.ArticleContent'] },
  title: ['.ArticleHeader', '.ArticleTitle', 'h1'],
  body: ['div.ArticleContent'],
  date: ['div.PostDate', '.PostDate'],
  lead: ['div.ArticleSummary'],
  strip: ['.OtherNews', '.RelatedNews'],
  fixtures: ['f04-articlecontent-laocai'],
};
