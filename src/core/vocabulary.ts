// The words that name page furniture, defined once: class/id tokens and block headings that detection
// (detect/page-scan.ts) and extraction (extract/clean-up.ts, extract/related-phrases.ts, the generic body scorer)
// all read. A word added here is seen by every reader; keep each group to what its name says.

/** Navigation, chrome and layout furniture: never the article body. */
export const NAVIGATION_CLASS_WORDS: readonly string[] = [
  'menu', 'nav', 'navbar', 'navigation', 'breadcrumb', 'breadcrumbs', 'footer', 'sidebar', 'banner', 'slider', 'marquee',
  'login', 'copyright', 'widget',
];

/** Dialogs and overlays laid over the page (subscription pitches, cookie notices): never the article. */
export const OVERLAY_CLASS_WORDS: readonly string[] = ['modal', 'popup', 'overlay', 'cookie', 'consent'];

/** Reader comments and the forms that collect them. */
export const COMMENT_CLASS_WORDS: readonly string[] = [
  'comment', 'comments', 'cmt', 'binhluan', 'binh-luan', 'ykien', 'y-kien', 'ykienbandoc', 'y-kien-ban-doc', 'feedback', 'disqus',
];

/** Tool rows and widgets around an article: sharing, tags, printing, rating, counters, players. */
export const TOOL_CLASS_WORDS: readonly string[] = [
  'share', 'sharing', 'social', 'tag', 'tags', 'keyword', 'keywords', 'tukhoa', 'tool', 'tools', 'toolbar', 'print', 'rating',
  'ratings', 'vote', 'ads', 'advert', 'quangcao', 'search', 'counter', 'thongke', 'pagination', 'paging', 'audio', 'player',
  'fontsize', 'font-size', 'zoom',
];

/** Whole class/id tokens of related/other-news blocks (vn-sites.md §4). */
export const RELATED_CLASS_TOKENS: readonly string[] = [
  'related', 'relate', 'relates', 'relation', 'tinlienquan', 'tin-lien-quan', 'tin_lien_quan', 'tinlq', 'tin-lq', 'tlq',
  'other', 'others', 'other-news', 'othernews', 'other_news', 'other_assets', 'other-list', 'list-other', 'news-other',
  'tin-khac', 'tinkhac', 'tin_khac', 'same', 'same-cate', 'samecate', 'news-related', 'related-news', 'related-posts',
  'related-post', 'list_detail', 'block-news-list', 'sc-related-articles', 'kbwscwl-relatedbox', 'tandan-div-article-other',
  'drelated', 'box-tinlienquan', 'box-cate-news', 'more-news', 'asset-publisher-other', 'footerofnewdetail', 'box-related',
  'cung-chuyen-muc', 'tin-cung-chuyen-muc', 'news-same', 'box-other', 'other-posts',
];

/** Pieces that mark a related block anywhere inside a class token ("box-tinlienquan-v2", "relatedOneNews"). */
export const RELATED_CLASS_SUBSTRINGS: readonly string[] = [
  'related', 'relate', 'tinlienquan', 'tin-lien', 'tin_lien', 'tinlq', 'tinkhac', 'tin-khac', 'other', 'same-cate',
  'cungchuyenmuc', 'cung-chuyen-muc',
];

/** The related words the page scan treats as whole tokens (a subset: the scan splits on '-' and '_'). */
export const RELATED_CLASS_WORDS: readonly string[] = ['related', 'relate', 'relates', 'tinlienquan', 'tinlq', 'other', 'othernews', 'same'];

/** Author boxes and bylines. */
export const BYLINE_CLASS_WORDS: readonly string[] = ['author', 'authors', 'tacgia', 'tac-gia', 'byline', 'article-author', 'post-author', 'writer'];

export const TITLE_CLASS_WORDS: readonly string[] = ['title', 'tieude', 'headline', 'tieu', 'heading'];
export const PAGER_CLASS_WORDS: readonly string[] = ['pagination', 'paging', 'pager', 'iterator', 'phantrang'];
export const FOOTER_CLASS_WORDS: readonly string[] = ['footer', 'copyright', 'bottom'];

/**
 * Headings of related-news, "more" and sidebar blocks, folded (lowercase, no diacritics, đ→d; match with
 * foldVietnamese()).
 */
export const RELATED_HEADINGS: readonly string[] = [
  'tin cung chuyen muc', 'cung chuyen muc', 'bai cung chuyen muc', 'tin bai cung chuyen muc', 'tin cung loai',
  'tin lien quan', 'cac tin lien quan', 'tin bai lien quan', 'bai lien quan', 'bai viet lien quan', 'cac bai viet lien quan',
  'tin khac', 'cac tin khac', 'tin tuc khac', 'cac tin tuc khac', 'bai viet khac', 'cac bai viet khac', 'tin bai khac', 'bai khac',
  'cac tin da dua', 'tin da dua', 'cac tin da dua ngay', 'cac tin da dua theo ngay', 'cac tin bai da dua',
  'tin moi hon', 'tin cu hon', 'nhung tin moi hon', 'nhung tin cu hon', 'cac tin moi hon', 'cac tin cu hon',
  'tin moi', 'tin moi nhat', 'tin moi cap nhat', 'bai moi nhat', 'bai viet moi nhat', 'tin tuc moi nhat',
  'danh sach bai viet moi', 'danh sach bai viet cu', 'danh sach tin moi', 'danh sach tin cu',
  'bai doc tiep', 'doc tiep', 'xem them', 'doc them', 'xem tiep', 'xem tat ca', 'xem chi tiet', 'tham khao them',
  'co the ban quan tam', 'ban co the quan tam', 'co the ban muon doc',
  'tin doc nhieu', 'doc nhieu', 'doc nhieu nhat', 'tin xem nhieu', 'xem nhieu', 'xem nhieu nhat', 'tin noi bat', 'noi bat',
  'tin tieu diem', 'tieu diem', 'theo dong su kien', 'dong su kien', 'su kien noi bat', 'chuyen de', 'tin anh', 'video khac',
  'related', 'related news', 'related articles', 'related posts', 'read more', 'see also', 'more news', 'more stories',
  'you may also like', 'recommended', 'most read', 'latest news',
];

/** Phrases that, at the start of a short link line inside the body, mark an inline "see also" line (folded). */
export const INLINE_LINK_PREFIXES: readonly string[] = [
  'xem them', 'doc them', 'tin lien quan', 'bai lien quan', 'xem tiep', 'xem chi tiet', 'mời xem', 'moi xem', 'moi doc', 'doc tiep',
  'tham khao them', 'see also', 'read more', 'related',
];

/** Headings of reader-comment sections (NFC, matched case-insensitively at the start). */
export const COMMENT_HEADINGS: readonly string[] = [
  'ý kiến bạn đọc', 'ý kiến của bạn', 'bình luận', 'gửi bình luận', 'gửi ý kiến', 'viết bình luận', 'comment', 'comments',
];

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches any of `words` as a whole class/id token; tokens are split on spaces, '_' and '-'. */
export function classWordRe(...groups: (readonly string[])[]): RegExp {
  return new RegExp(`(?:^|[\\s_-])(?:${groups.flat().map(escape).join('|')})(?=$|[\\s_-])`);
}

/** Matches text that starts with one of `phrases` as whole words (case-insensitive, NFC input). */
export function startPhraseRe(phrases: readonly string[]): RegExp {
  return new RegExp(`^(?:${phrases.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}
