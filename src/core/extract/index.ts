// DOM → ExtractedArticle. Never mutates the passed document: everything happens on a clone.
import type { ExtractedArticle } from '../types';
import { collapseWhitespace, foldVietnamese, toNFC } from '../text/normalize';
import { bodyBlocks, bodyTextFromBlocks, countWords } from './body-text';
import { classIdString, elementsUnder, hasAnyText, headElements, isHiddenByMarkup, kids, nodes, removeNode, safeQuery, safeQueryAll, clearQueryIndex, setQueryIndex, tagName, textOf } from './dom';
import { findGenericBody } from './generic-body';
import { collectImages } from './images';
import { findLabelledByline, isBylineStyled, looksLikeName, parseAuthorLabel, parseSourceLine, cleanName } from './metadata/byline';
import { looksLikeDateLine, parseVietnameseDate } from './metadata/date';
import { findCategory, findLead } from './metadata/lead-category';
import { metaContent } from './metadata/meta-tags';
import { findPublished } from './metadata/published';
import { findTitle, titleFromDocTitle } from './metadata/title';
import { hasArticleText, pruneInlineLinkBoxes, pruneRelatedNews } from './prune-related';
import { buildCleanTree, safeHttpUrl, serialize } from './sanitize-html';
import { matchSiteRule } from './sites';
import type { SiteRule } from './sites/types';
import { buildDocIndex, type DocIndex } from './sites/prefilter';

export const EXTRACTOR_VERSION = '0.1.0';

export type ExtractionErrorCode = 'empty' | 'no-content' | 'too-large' | 'not-html';

export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;
  constructor(code: ExtractionErrorCode, message: string) {
    super(message);
    this.name = 'ExtractionError';
    this.code = code;
  }
}

export interface ExtractOptions {
  /** Use per-CMS site rules when one matches (default true). */
  useSiteRules?: boolean;
  /** Cap on elements visited/kept (default 60 000). Pages above 8× this are refused as too large. */
  maxNodes?: number;
}

const JUNK_TAGS = ['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'svg', 'canvas', 'link', 'meta', 'input', 'select', 'textarea', 'button', 'option', 'marquee', 'video', 'audio', 'map'];
const BOILERPLATE_CLASS = /(^|[\s_-])(comment|comments|binhluan|binh-luan|ykien|y-kien|ykienbandoc|share|sharing|social|tags?|keywords?|tukhoa|tools?|toolbar|print|rating|ratings|vote|breadcrumbs?|menu|navbar|nav|sidebar|banner|ads|advert|quangcao|footer|login|search|counter|thongke|copyright|widget|pagination|paging|audio|player|font-?size|zoom)([\s_-]|$)/;
const LABEL_LINE = /^(từ khóa|từ khoá|tags?|chia sẻ|share|lượt xem|lượt đọc|số lượt xem|in bài|in trang|gửi email|gửi bài|tăng cỡ chữ|giảm cỡ chữ|tệp đính kèm|file đính kèm|đính kèm|tải về|bình luận|ý kiến bạn đọc|đánh giá|xem bản in|về đầu trang|quay lại|trở về|nghe đọc bài|tác giả bài viết|nguồn tin)\b/i;

const JUNK = new Set(JUNK_TAGS);

/** One pass: drop scripts, styles, embeds, form controls and elements hidden by markup. */
function cleanup(root: Element, maxNodes: number): void {
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
  // Beyond the node cap, drop the unvisited rest rather than work on it.
  for (const el of stack) doomed.push(el);
  for (const el of doomed) removeNode(el);
}

/** Remove boilerplate widgets (share bars, tags, tools, comment forms…) that carry no article text. */
function pruneBoilerplate(root: Element, protect: Element | null, maxNodes: number): void {
  for (const el of elementsUnder(root, maxNodes)) {
    if (!root.contains(el)) continue;
    if (protect && (el === protect || el.contains(protect))) continue;
    const tag = tagName(el);
    if (tag === 'form' && !hasArticleText(el)) {
      removeNode(el);
      continue;
    }
    if (tag === 'nav' || tag === 'aside' || tag === 'footer') {
      if (!hasArticleText(el)) removeNode(el);
      continue;
    }
    const cid = classIdString(el);
    if (cid.trim() && BOILERPLATE_CLASS.test(cid) && !hasArticleText(el) && !/content|detail|article|body|noidung/.test(cid)) {
      // Tool rows often carry the date line ("div.artcle-tools > span.date"): keep those for the metadata pass.
      const t = textOf(el);
      if (t.length < 200 && parseVietnameseDate(toNFC(t))) continue;
      removeNode(el);
    }
  }
}

const COMMENT_CLASS = /(^|[\s_-])(comment|comments|cmt|binhluan|binh-luan|ykien|y-kien|ykienbandoc|y-kien-ban-doc|feedback|disqus)([\s_-]|$)/;
const COMMENT_HEADING = /^(ý kiến bạn đọc|ý kiến của bạn|bình luận|gửi bình luận|gửi ý kiến|viết bình luận|comments?)\b/i;

/** Reader comments inside the chosen body: class-marked blocks, or a comment heading and what follows it. */
function pruneComments(body: Element): void {
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
function pruneLabelLines(body: Element): void {
  for (const el of elementsUnder(body, 20000)) {
    if (!body.contains(el)) continue;
    const t = toNFC(textOf(el));
    if (!t || t.length > 160) continue;
    if (LABEL_LINE.test(t) && (parseAuthorLabel(t) === null || /^tác giả bài viết/i.test(t))) removeNode(el);
  }
}

function resolveRule(doc: Document, url: string, useRules: boolean, index: DocIndex): SiteRule | null {
  if (!useRules) return null;
  try {
    return matchSiteRule(doc, url, index);
  } catch {
    return null;
  }
}

function canonicalOf(doc: Document, url: string): string {
  const link = headElements(doc, 'link').find((l) => (l.getAttribute('rel') ?? '').toLowerCase() === 'canonical')?.getAttribute('href');
  const og = metaContent(doc, ['og:url']);
  for (const c of [link, og]) {
    if (!c) continue;
    const abs = safeHttpUrl(c, url);
    if (abs) return abs;
  }
  return url;
}

/**
 * The smallest ancestor of the rule's body that also holds its title and date elements (at least two levels up),
 * or null when the rule's body is not on the page.
 */
function articleRegion(doc: Document, srcBody: Element, rule: SiteRule): Element | null {
  let bodyEl: Element | null = null;
  for (const sel of rule.body) if ((bodyEl = safeQuery(doc, sel))) break;
  if (!bodyEl || !srcBody.contains(bodyEl)) return null;
  const anchors: Element[] = [];
  for (const list of [rule.title, rule.date, rule.lead, rule.author]) {
    for (const sel of list ?? []) {
      const el = safeQuery(doc, sel);
      if (el && srcBody.contains(el)) {
        anchors.push(el);
        break;
      }
    }
  }
  let r: Element = bodyEl;
  for (let level = 0; r !== srcBody && r.parentElement; level++) {
    if (level >= 2 && anchors.every((a) => r.contains(a))) break;
    r = r.parentElement;
  }
  return r;
}

/** The body's first paragraph when it is wholly bold and long enough to be a sapo. */
function firstBoldParagraph(body: Element): { text: string | null; el: Element | null } {
  const ps = Array.from(body.getElementsByTagName('p')).filter((p) => textOf(p).length > 0);
  const first = ps[0];
  if (!first || ps.length < 3) return { text: null, el: null };
  const t = textOf(first);
  const bold = Array.from(first.querySelectorAll('strong, b')).some((b) => textOf(b) === t);
  if (!bold || t.length < 80 || t.length > 600) return { text: null, el: null };
  return { text: collapseWhitespace(toNFC(t)), el: first };
}

/** The URL relative links resolve against: <base href> (resolved against url) or url itself. */
function baseUrlOf(doc: Document, url: string): string {
  const b = headElements(doc, 'base')[0]?.getAttribute('href');
  return (b && safeHttpUrl(b, url)) || url;
}

/** Remove everything in body that precedes `el` (and el itself), when el is inside body. */
function dropUpTo(body: Element, el: Element | null): void {
  if (!el || !body.contains(el) || el === body) return;
  for (let e: Element | null = el; e && e !== body; e = e.parentElement) {
    const siblings = e.parentNode ? nodes(e.parentNode) : [];
    const idx = siblings.indexOf(e);
    for (let i = 0; i < idx; i++) removeNode(siblings[i]);
  }
  removeNode(el);
}

export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractedArticle {
  try {
    return extractGuarded(doc, url, options);
  } finally {
    clearQueryIndex(doc);
  }
}

function extractGuarded(doc: Document, url: string, options: ExtractOptions): ExtractedArticle {
  try {
    return extractUnsafe(doc, url, options);
  } catch (e) {
    if (e instanceof ExtractionError) throw e;
    if (e instanceof RangeError) throw new ExtractionError('too-large', 'The page is nested too deeply to extract safely.');
    throw new ExtractionError('no-content', `The page could not be read as an article (${String((e as Error)?.message ?? e).slice(0, 120)}).`);
  }
}

function extractUnsafe(doc: Document, url: string, options: ExtractOptions): ExtractedArticle {
  const maxNodes = options.maxNodes ?? 60000;
  if (!doc || !doc.documentElement) throw new ExtractionError('not-html', 'The page is not an HTML document.');
  const total = doc.getElementsByTagName('*').length;
  if (total > maxNodes * 8) throw new ExtractionError('too-large', `The page has ${total} elements, too many to extract safely.`);
  const srcBody = doc.body;
  if (!srcBody || tagName(srcBody) === 'frameset') {
    throw new ExtractionError('empty', 'The page has no body (empty document or frameset).');
  }
  if (!hasAnyText(srcBody)) throw new ExtractionError('empty', 'The page has no text.');

  const index = buildDocIndex(doc.documentElement, maxNodes * 8);
  setQueryIndex(doc, index);
  const rule = resolveRule(doc, url, options.useSiteRules !== false, index);
  // Category first, read-only on the page: breadcrumbs are boilerplate for the body pass below.
  const earlyCategory = findCategory(doc, srcBody, titleFromDocTitle(doc), rule?.category);

  // With a rule, clone only the article region (body + title + date); otherwise the whole body.
  let root = (rule && articleRegion(doc, srcBody, rule)) || srcBody;
  let body: Element | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const clone = root.cloneNode(true) as Element;
    body = null;
    if (rule) for (const sel of rule.body) if ((body = safeQuery(clone, sel))) break;
    if (body || root === srcBody) {
      root = clone;
      break;
    }
    root = srcBody; // the region lost an ancestor the selector needs: clone the whole body
  }
  cleanup(root, maxNodes);
  if (body && !root.contains(body)) body = null;
  if (rule?.strip) for (const sel of rule.strip) for (const el of safeQueryAll(root, sel)) if (!body || !el.contains(body)) removeNode(el);
  const method: 'site-rule' | 'generic' = body ? 'site-rule' : 'generic';
  if (!body) {
    // Score after removing obvious related blocks so link lists do not attract the body.
    pruneRelatedNews(root, { maxNodes });
    pruneBoilerplate(root, null, maxNodes);
    body = findGenericBody(root, maxNodes);
  } else {
    pruneRelatedNews(root, { protect: body, maxNodes });
    pruneBoilerplate(root, body, maxNodes);
  }
  if (!body) throw new ExtractionError('no-content', 'No article text was found on the page.');

  const all = elementsUnder(root, maxNodes);
  const title = findTitle(doc, root, body, rule?.title, all);
  let lead = findLead(root, body, title.el, rule?.lead, all);
  if (!lead.text && (rule ? rule.leadIsFirstBoldParagraph : true)) lead = firstBoldParagraph(body);
  const date = findPublished(doc, root, body, title.el, rule?.date, all);
  // Metadata container: the nearest ancestor holding title and body.
  let container: Element | null = body.parentElement;
  while (container && title.el && !container.contains(title.el)) container = container.parentElement;
  const byline = findLabelledByline(root, body, container ?? root, rule?.author);
  const category = earlyCategory && foldVietnamese(earlyCategory) !== foldVietnamese(title.text) ? earlyCategory : null;

  // Clean the body itself.
  if (title.el && body.contains(title.el)) dropUpTo(body, title.el);
  if (lead.el && body.contains(lead.el)) removeNode(lead.el);
  if (date.el && body.contains(date.el) && looksLikeDateLine(textOf(date.el))) removeNode(date.el);
  // Labelled bylines outside the body are metadata only; inside the body, a closing "Tác giả: …" line is what the
  // page prints as the last line, so it stays (NukeViet's field rows "Tác giả bài viết:"/"Nguồn tin:" never do).
  const closing = lastBlockElement(body);
  for (const el of byline.labelEls) {
    if (!body.contains(el) || el === body) continue;
    const isField = /^(tác giả bài viết|nguồn tin)\s*:/i.test(toNFC(textOf(el)));
    if (isField || !(closing && (closing === el || el.contains(closing) || closing.contains(el)))) removeNode(el);
  }
  pruneRelatedNews(body, { maxNodes });
  pruneComments(body);
  pruneInlineLinkBoxes(body);
  pruneLabelLines(body);

  const base = baseUrlOf(doc, url);
  const clean = buildCleanTree(body, base, maxNodes * 4);
  let blocks = bodyBlocks(clean);
  // Drop a leading block equal to the title or lead (some CMSs repeat them in the body).
  const ft = foldVietnamese(title.text);
  const fl = lead.text ? foldVietnamese(lead.text) : '';
  while (blocks.length && (foldVietnamese(blocks[0]) === ft || (fl && foldVietnamese(blocks[0]) === fl))) {
    blocks = blocks.slice(1);
    clean.firstElementChild && removeNode(clean.firstElementChild);
  }
  if (!blocks.length) throw new ExtractionError('no-content', 'No article text was found on the page.');

  // Closing byline / source line (kept in bodyText).
  let author = byline.author;
  let source = byline.source;
  const last = blocks[blocks.length - 1];
  if (last && last.length <= 140) {
    const s = parseSourceLine(last);
    if (s) source = source ?? s;
    else if (!author) {
      const labelled = parseAuthorLabel(last);
      if (labelled) author = labelled;
      else if (looksLikeName(last)) {
        const lastEl = lastBlockElement(body);
        if (lastEl && isBylineStyled(lastEl) && collapseWhitespace(toNFC(textOf(lastEl))) === last) author = cleanName(last);
      }
    }
  }

  const bodyText = bodyTextFromBlocks(blocks);
  return {
    url,
    canonicalUrl: canonicalOf(doc, url),
    title: collapseWhitespace(toNFC(title.text)),
    category: category ? collapseWhitespace(toNFC(category)) : null,
    lead: lead.text,
    author,
    source,
    publishedAt: date.value,
    language: (doc.documentElement.getAttribute('lang') ?? 'vi').split(/[-_]/)[0].toLowerCase() || 'vi',
    bodyHtml: serialize(clean),
    bodyText,
    images: collectImages(body, base),
    wordCount: countWords(bodyText),
    extractor: { version: EXTRACTOR_VERSION, method },
  };
}

/** The last element in body with text (deepest block-level holder). */
function lastBlockElement(body: Element): Element | null {
  let el: Element | null = body;
  for (;;) {
    let c: Element | null = el!.lastElementChild;
    while (c && !textOf(c)) c = c.previousElementSibling;
    if (!c) return el === body ? null : el;
    // If the element's text equals its last child's text, descend no further than a paragraph level.
    const t = tagName(c);
    if (t === 'p' || t === 'div' || t === 'td' || t === 'tr' || t === 'tbody' || t === 'table' || t === 'section' || t === 'article' || t === 'font' || t === 'span' || t === 'li') {
      el = c;
      if (t === 'p') return c;
      if (!c.firstElementChild) return c;
      continue;
    }
    return el === body ? c : el;
  }
}
