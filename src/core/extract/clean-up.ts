// Page clean-up passes on the cloned DOM: junk tags and hidden elements, boilerplate widgets, reader comments,
// tool/label lines.
import { toNFC } from '../text/normalize';
import { classWordRe, COMMENT_CLASS_WORDS, COMMENT_HEADINGS, NAVIGATION_CLASS_WORDS, startPhraseRe, TOOL_CLASS_WORDS } from '../vocabulary';
import { classIdString, elementsUnder, isHiddenByMarkup, kids, nodes, removeNode, tagName, textOf } from './dom';
import { parseAuthorLabel } from './metadata/byline';
import { parseVietnameseDate } from './metadata/date';
import { hasArticleText, type RemovalLog } from './prune-related';

const JUNK_TAGS = ['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'svg', 'canvas', 'link', 'meta', 'input', 'select', 'textarea', 'button', 'option', 'marquee', 'video', 'audio', 'map'];
const BOILERPLATE_CLASS = classWordRe(COMMENT_CLASS_WORDS, TOOL_CLASS_WORDS, NAVIGATION_CLASS_WORDS);
const LABEL_LINE = /^(từ khóa|từ khoá|tags?|chia sẻ|share|lượt xem|lượt đọc|số lượt xem|in bài|in trang|gửi email|gửi bài|tăng cỡ chữ|giảm cỡ chữ|tệp đính kèm|file đính kèm|đính kèm|tải về|bình luận|ý kiến bạn đọc|đánh giá|xem bản in|về đầu trang|quay lại|trở về|nghe đọc bài|tác giả bài viết|nguồn tin)\b/i;

const JUNK = new Set(JUNK_TAGS);

/** One pass: drop scripts, styles, embeds, form controls and elements hidden by markup. */
export function cleanup(root: Element, maxNodes: number): void {
  if (root.getElementsByTagName('*').length > maxNodes) {
    cleanupCapped(root, maxNodes);
    return;
  }
  // Native selector engines do this in one pass; hidden-by-style is checked on the [style] matches only.
  const found = root.querySelectorAll(JUNK_SELECTOR);
  const doomed: Element[] = [];
  for (let i = 0; i < found.length; i++) {
    const el = found[i];
    if (JUNK.has(tagName(el)) || isHiddenByMarkup(el)) doomed.push(el);
  }
  for (const el of doomed) removeNode(el);
}

const JUNK_SELECTOR = [...JUNK_TAGS, '[hidden]', '[style]', '[aria-hidden]'].join(',');

/** Over the node cap: visit at most maxNodes elements and drop the unvisited rest rather than work on it. */
function cleanupCapped(root: Element, maxNodes: number): void {
  const doomed: Element[] = [];
  const stack: Element[] = [];
  { const k_ = kids(root); for (let i_ = k_.length - 1; i_ >= 0; i_--) stack.push(k_[i_]); }
  let n = 0;
  while (stack.length && n++ < maxNodes) {
    const el = stack.pop()!;
    if (JUNK.has(tagName(el)) || isHiddenByMarkup(el)) {
      doomed.push(el);
      continue;
    }
    { const k_ = kids(el); for (let i_ = k_.length - 1; i_ >= 0; i_--) stack.push(k_[i_]); }
  }
  for (const el of stack) doomed.push(el);
  for (const el of doomed) removeNode(el);
}

/** Remove boilerplate widgets (share bars, tags, tools, comment forms…) that carry no article text. */
export function pruneBoilerplate(root: Element, protect: Element | null, maxNodes: number, log?: RemovalLog): void {
  const drop = (el: Element, reason: string) => {
    log?.push({ reason, text: textOf(el).slice(0, 120) });
    removeNode(el);
  };
  const found = root.querySelectorAll('form, nav, aside, footer, [class], [id]');
  const cands: Element[] = [];
  for (let i = 0; i < found.length && i < maxNodes; i++) cands.push(found[i]);
  for (const el of cands) {
    if (!root.contains(el)) continue;
    if (protect && (el === protect || el.contains(protect))) continue;
    const tag = tagName(el);
    if (tag === 'form' && !hasArticleText(el)) {
      drop(el, 'form');
      continue;
    }
    if (tag === 'nav' || tag === 'aside' || tag === 'footer') {
      if (!hasArticleText(el)) drop(el, `<${tag}> without article text`);
      continue;
    }
    const cid = classIdString(el);
    if (cid.trim() && BOILERPLATE_CLASS.test(cid) && !hasArticleText(el) && !/content|detail|article|body|noidung/.test(cid)) {
      // Tool rows often carry the date line ("div.artcle-tools > span.date"): keep those for the metadata pass.
      const t = textOf(el);
      if (t.length < 200 && parseVietnameseDate(toNFC(t))) continue;
      drop(el, `boilerplate class/id "${cid.trim().slice(0, 60)}"`);
    }
  }
}

const COMMENT_CLASS = classWordRe(COMMENT_CLASS_WORDS);
const COMMENT_HEADING = startPhraseRe(COMMENT_HEADINGS);

/** Reader comments inside the chosen body: class-marked blocks, or a comment heading and what follows it. */
export function pruneComments(body: Element): void {
  for (const el of elementsUnder(body, 20000)) {
    if (!body.contains(el) || el === body) continue;
    const cid = classIdString(el);
    if (cid.trim() && COMMENT_CLASS.test(cid)) {
      removeNode(el);
      continue;
    }
    if (/^h[2-6]$/.test(tagName(el)) && COMMENT_HEADING.test(toNFC(textOf(el)))) {
      const parent = el.parentNode;
      if (!parent) continue;
      const sib = nodes(parent);
      for (let i = sib.indexOf(el); i < sib.length; i++) removeNode(sib[i]);
    }
  }
}

/** Short tool/label lines inside the body ("Từ khóa: …", "Lượt xem: 123", "In bài viết"). */
export function pruneLabelLines(body: Element): void {
  for (const el of elementsUnder(body, 20000)) {
    if (!body.contains(el)) continue;
    const t = toNFC(textOf(el));
    if (!t || t.length > 160) continue;
    if (LABEL_LINE.test(t) && (parseAuthorLabel(t) === null || /^tác giả bài viết/i.test(t))) removeNode(el);
  }
}

