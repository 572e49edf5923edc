// Bootstrap department portals, old PHP themes and ASP.NET WebForms portals (vn-sites.md §2 G5, corpus a04–a13).
import type { SiteRule } from './types';

/** Bootstrap 4/5 department portals: article.post-detail / article > .article-body, p.lead / .post-sapo. */
export const bootstrapPortal: SiteRule = {
  id: 'bootstrap-portal',
  family: 'Bootstrap department portal',
  match: { detect: ['article .post-content', 'article .article-body', 'article.post-detail'] },
  title: ['article h1', '.post-title'],
  body: ['article .post-content', 'article .article-body'],
  date: ['article .post-meta', 'article p.text-muted', 'article .meta', 'article time'],
  lead: ['article .post-sapo', 'article p.lead', 'article .sapo'],
  category: ['.breadcrumb .breadcrumb-item.active', '.breadcrumb li:last-child'],
  strip: ['.related-posts', 'section.related', '.share-bar'],
  fixtures: ['a04-snn-hagiang-bootstrap', 'a13-dinhhoa-bootstrap-nfd'],
};

/** Old PHP department theme: div.detail_title / .detail_date / .detail_content; image block titles. */
export const oldPhpDetail: SiteRule = {
  id: 'php-detail',
  family: 'Old PHP portal (detail_*)',
  match: { detect: ['.detail_content', '.art-content'] },
  title: ['.detail_title', '.art-title', '.article h2'],
  body: ['.detail_content', '.art-content'],
  date: ['.detail_date', '.art-date', '.art-info'],
  category: ['.navi a:last-child', '.breadcrumb a:last-child'],
  strip: ['.other_news', '.relate-news', '.detail_tool', '.tools'],
  fixtures: ['a10-svhttdl-hagiang-imgheading', 'a12-hamyen-mention-source'],
};

/** ASP.NET WebForms portals: ctl00_ContentPlaceHolder1_… labels; also the G5 selector table. */
export const aspnetPortal: SiteRule = {
  id: 'aspnet-webforms',
  family: 'ASP.NET WebForms portal',
  match: { detect: ['[id*="ContentPlaceHolder"]', '[id^="ctl00_"]', '.de-newscont', '.chi-tiet-main-content', '.noi-dung-trang'] },
  title: ['[id$="_divTitle"]', '[id$="_lblTieuDe"]', '[id$="_lblTitle"]'],
  body: [
    '[id$="_divContent"]',
    '[id$="_lblNoiDung"]',
    'div.de-newscont',
    '.chi-tiet-main-content',
    'div.noi-dung-trang',
    'div.article_summary_detail',
    '.chitietbaiviet',
    'div.textbody',
  ],
  date: ['[id$="_lblDate"]', '[id$="_lblNgayDang"]', '[id*="DateTime"]', '.chi-tiet-publish-date', '.publish-date', '.divDetail_DateCreate', '.time_detail_news', '#datearticle', '.dtContentDate'],
  lead: ['[id$="_lblTomTat"]', '.de-sumcontent', '.chi-tiet-sub-content', '.summary_detail_news', '.content_summary'],
  category: ['[id$="_lblCat"]'],
  strip: ['.other', '.attach', '[id$="_ulOther"]'],
  fixtures: ['a07-sogd-tuyenquang-table', 'f05-aspnet-quangnam'],
};
