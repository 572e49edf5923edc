// General-purpose CMSs common on commune, school and department sites: WordPress and Joomla.
import type { SiteRule } from './types';

/** WordPress themes: article.post > .entry-header h1.entry-title, time.entry-date, .entry-content (Jetpack inside). */
export const wordpress: SiteRule = {
  id: 'wordpress',
  family: 'WordPress',
  match: { detect: ['article.post .entry-content', 'article.type-post .entry-content', '.hentry .entry-content'] },
  title: ['.entry-header .entry-title', 'h1.entry-title', '.entry-title'],
  body: ['article.post .entry-content', 'article.type-post .entry-content', '.hentry .entry-content'],
  date: ['time.entry-date.published', 'time.entry-date', '.posted-on time', '.entry-meta time'],
  author: ['.entry-meta .author .fn', '.byline .author'],
  category: ['.cat-links a[rel~="category"]', '.cat-links a'],
  strip: ['#jp-relatedposts', '.jp-relatedposts', '.sharedaddy', '.post-navigation', '#comments', '.entry-footer'],
  fixtures: ['f11-wordpress-commune'],
};

/** Joomla com_content: div.item-page, [itemprop=headline], dl.article-info time, [itemprop=articleBody]. */
export const joomla: SiteRule = {
  id: 'joomla',
  family: 'Joomla',
  match: { detect: ['.item-page'] },
  title: ['.item-page [itemprop="headline"]', '.item-page .page-header h2', '.item-page h2'],
  body: ['.item-page [itemprop="articleBody"]', '.item-page .article-body'],
  date: ['.article-info .published time', '.article-info .published', '.article-info .create'],
  author: ['.article-info .createdby [itemprop="name"]', '.article-info .createdby'],
  category: ['.article-info .category-name a'],
  strip: ['.pager', '.pagenav', '.relateditems', '.article-info .hits'],
  fixtures: ['f12-joomla-district'],
};
