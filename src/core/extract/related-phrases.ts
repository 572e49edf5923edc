// Vietnamese (and a few English) phrases that head related-news, "more" and sidebar blocks.
// Stored folded (lowercase, no diacritics, đ→d); match with foldVietnamese().
import { foldVietnamese } from '../text/normalize';

export const RELATED_HEADINGS: readonly string[] = [
  'tin cung chuyen muc', 'cung chuyen muc', 'bai cung chuyen muc', 'tin bai cung chuyen muc', 'tin cung loai',
  'tin lien quan', 'cac tin lien quan', 'tin bai lien quan', 'bai lien quan', 'bai viet lien quan', 'cac bai viet lien quan',
  'tin khac', 'cac tin khac', 'tin tuc khac', 'cac tin tuc khac', 'bai viet khac', 'cac bai viet khac', 'tin bai khac', 'bai khac',
  'cac tin da dua', 'tin da dua', 'cac tin da dua ngay', 'cac tin da dua theo ngay', 'cac tin bai da dua',
  'tin moi hon', 'tin cu hon', 'nhung tin moi hon', 'nhung tin cu hon', 'cac tin moi hon', 'cac tin cu hon',
  'tin moi', 'tin moi nhat', 'tin moi cap nhat', 'bai moi nhat', 'bai viet moi nhat', 'tin tuc moi nhat',
  'danh sach bai viet moi', 'danh sach bai viet cu', 'danh sach tin moi', 'danh sach tin cu',
  'bai doc tiep', 'doc tiep', 'xem them', 'doc them', 'xem tiep', 'xem tat ca', 'xem chi tiet',
  'co the ban quan tam', 'co the ban quan tam', 'ban co the quan tam', 'co the ban muon doc',
  'tin doc nhieu', 'doc nhieu', 'doc nhieu nhat', 'tin xem nhieu', 'xem nhieu', 'xem nhieu nhat', 'tin noi bat', 'noi bat',
  'tin tieu diem', 'tieu diem', 'theo dong su kien', 'dong su kien', 'su kien noi bat', 'chuyen de', 'tin anh', 'video khac',
  'related', 'related news', 'related articles', 'related posts', 'read more', 'see also', 'more news', 'more stories',
  'you may also like', 'recommended', 'most read', 'latest news',
];

const HEADING_SET = new Set(RELATED_HEADINGS);

/** Phrases that, at the start of a short link paragraph inside the body, mark an inline "see also" line. */
export const INLINE_LINK_PREFIXES: readonly string[] = [
  'xem them', 'doc them', 'tin lien quan', 'bai lien quan', 'xem tiep', 'xem chi tiet', 'mời xem', 'moi xem', 'moi doc', 'doc tiep', 'see also', 'read more', 'related',
];

function stripDecor(folded: string): string {
  return folded
    .replace(/^[\s>»›▶►•·*\-–—|:.…]+/, '')
    .replace(/[\s>»›▶►•·*\-–—|:.…()]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when a short text IS a related-news heading ("Tin cùng chuyên mục", "CÁC TIN KHÁC:", ">> Xem thêm",
 * "Các tin đã đưa ngày:"), not a sentence that merely mentions one.
 */
const QUICK = /tin|bài|bai|xem|đọc|doc|quan|nổi|noi|relat|read|more|see|chuy|sự ki|su ki|tiêu|tieu|recomm|latest|like|most|danh|khác|khac|thêm|them|tiếp|tiep|cùng|cung|mới|moi/;

export function isRelatedHeadingText(text: string): boolean {
  if (!text || text.length > 70) return false;
  if (!QUICK.test(text.normalize('NFC').toLowerCase())) return false;
  const f = stripDecor(foldVietnamese(text));
  if (!f) return false;
  if (HEADING_SET.has(f)) return true;
  // Heading followed by a short qualifier: "Tin cùng chuyên mục Kinh tế", "Các tin đã đưa ngày 12/3".
  const words = f.split(' ');
  for (let n = Math.min(6, words.length - 1); n >= 2; n--) {
    const head = words.slice(0, n).join(' ');
    if (HEADING_SET.has(head) && words.length - n <= 3 && !/[.!?]/.test(f)) return true;
  }
  return false;
}

export function startsWithInlineLinkPrefix(text: string): boolean {
  const f = stripDecor(foldVietnamese(text.slice(0, 60)));
  return INLINE_LINK_PREFIXES.some((p) => f.startsWith(p + ' ') || f === p || f.startsWith(p + ':'));
}

/** Image file names used as block-title pictures (title_tinkhac.gif, tinlienquan.png …). */
export function isRelatedHeadingImageSrc(src: string): boolean {
  const file = (src.split(/[?#]/)[0].split('/').pop() ?? '').toLowerCase().replace(/[-_.\s]/g, '');
  return /(tinkhac|tinlienquan|tinlq|cactinkhac|tincungchuyenmuc|baivietkhac|tinmoi|tindocnhieu|tinnoibat|xemthem|related|othernews)/.test(file);
}

/** Class/id tokens crawlers use for related/other-news blocks (vn-sites.md §4). */
export const RELATED_CLASS_TOKENS = new Set([
  'related', 'relate', 'relates', 'relation', 'tinlienquan', 'tin-lien-quan', 'tin_lien_quan', 'tinlq', 'tin-lq', 'tlq',
  'other', 'others', 'other-news', 'othernews', 'other_news', 'other_assets', 'other-list', 'list-other', 'news-other',
  'tin-khac', 'tinkhac', 'tin_khac', 'same', 'same-cate', 'samecate', 'news-related', 'related-news', 'related-posts',
  'related-post', 'list_detail', 'block-news-list', 'sc-related-articles', 'kbwscwl-relatedbox', 'tandan-div-article-other',
  'drelated', 'box-tinlienquan', 'box-cate-news', 'more-news', 'asset-publisher-other', 'footerofnewdetail', 'box-related',
  'cung-chuyen-muc', 'tin-cung-chuyen-muc', 'news-same', 'othernews', 'box-other', 'other-posts',
]);

const RELATED_CLASS_SUBSTRINGS = ['related', 'relate', 'tinlienquan', 'tin-lien', 'tin_lien', 'tinlq', 'tinkhac', 'tin-khac', 'other', 'same-cate', 'cungchuyenmuc', 'cung-chuyen-muc'];

export function hasRelatedClass(classId: string): boolean {
  if (!classId.trim()) return false;
  const tokens = classId.split(/\s+/);
  for (const t of tokens) {
    if (!t) continue;
    if (RELATED_CLASS_TOKENS.has(t)) return true;
    if (RELATED_CLASS_SUBSTRINGS.some((s) => t.includes(s))) return true;
  }
  return false;
}
