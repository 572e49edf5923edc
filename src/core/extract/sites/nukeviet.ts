// NukeViet news module (vn-sites.md §2 G6): themes/default/modules/news/detail.tpl, 4.x and 3.x.
import type { SiteRule } from './types';

export const nukeviet4: SiteRule = {
  id: 'nukeviet-4',
  family: 'NukeViet 4',
  match: { detect: ['#news-bodyhtml'] },
  title: ['.news_column h1.title', '.news_column h1', '[itemprop="headline"]'],
  body: ['#news-bodyhtml'],
  date: ['.news_column span.h5', '.news_column .h5'],
  lead: ['.news_column .hometext'],
  author: ['.news_column p.h5.text-right'],
  strip: ['.other-news', 'ul.related', '.news_column .panel-body > .h5 [itemprop="keywords"]'],
  fixtures: ['a09-sonduong-nukeviet', 'seed-nukeviet'],
};

export const nukeviet3: SiteRule = {
  id: 'nukeviet-3',
  family: 'NukeViet 3',
  match: { detect: ['#news_detail'] },
  title: ['#news_detail h1'],
  body: ['#news_detail .bodytext', '#news_detail div.content'],
  date: ['#news_detail span.time', '#news_detail .time'],
  lead: ['#news_detail .hometext', '#news_detail .sapo'],
  strip: ['ul.related', '.other-news'],
  fixtures: ['f02-nukeviet3-district'],
};
