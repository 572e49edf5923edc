// Recognising related-news headings, inline "see also" lines and related class tokens; the words are in ../vocabulary.ts.
import { foldVietnamese } from '../text/normalize';
import { INLINE_LINK_PREFIXES, RELATED_CLASS_SUBSTRINGS, RELATED_CLASS_TOKENS, RELATED_HEADINGS } from '../vocabulary';

const HEADING_SET = new Set(RELATED_HEADINGS);

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

const RELATED_TOKEN_SET = new Set(RELATED_CLASS_TOKENS);

export function hasRelatedClass(classId: string): boolean {
  if (!classId.trim()) return false;
  const tokens = classId.split(/\s+/);
  for (const t of tokens) {
    if (!t) continue;
    if (RELATED_TOKEN_SET.has(t)) return true;
    if (RELATED_CLASS_SUBSTRINGS.some((s) => t.includes(s))) return true;
  }
  return false;
}
