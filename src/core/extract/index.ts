// DOM → ExtractedArticle. Never mutates the passed document: everything happens on a clone.
import type { ExtractedArticle, ExtractorMethod } from '../types';
import { collapseWhitespace, foldVietnamese, toNFC } from '../text/normalize';
import { bodyBlocks, bodyTextFromBlocks, countWords } from './body-text';
import { articleRegion, baseUrlOf, dropUpTo, firstBoldParagraph, lastBlockElement } from './body-helpers';
import { cleanup, pruneBoilerplate, pruneComments, pruneLabelLines } from './clean-up';
import { clearQueryIndex, elementsUnder, hasAnyText, headElements, removeNode, safeQuery, safeQueryAll, setQueryIndex, tagName, textOf } from './dom';
import { findGenericBody } from './generic-body';
import { collectImages } from './images';
import { findLabelledByline, isBylineStyled, looksLikeName, parseAuthorLabel, parseSourceLine, cleanName } from './metadata/byline';
import { looksLikeDateLine } from './metadata/date';
import { findCategory, findLead } from './metadata/lead-category';
import { findCategoryWithReason } from './metadata/category';
import type { ExtractionExplain } from './explain';
import { metaContent } from './metadata/meta-tags';
import { findPublished } from './metadata/published';
import { findTitle, titleFromDocTitle } from './metadata/title';
import { pruneInlineLinkBoxes, pruneRelatedNews } from './prune-related';
import { buildCleanTree, safeHttpUrl, serialize } from './sanitize-html';
import { matchSiteRule } from './sites';
import type { SiteRule } from './sites/types';
import { buildDocIndex, type DocIndex } from './sites/prefilter';
import { applyUserRule, userRuleAsSiteRule, type UserRule } from './user-rules';

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
  /** The user's rule for this host (picked in the popup): tried before site rules and the generic path; when it
   * misses (the layout changed), extraction goes on as if there were none and `extractor.method` says so. */
  userRule?: UserRule | null;
  /**
   * The maintained sanitizer (DOMPurify, see src/shared/untrusted-html.ts) the clean tree goes through before it is
   * serialized; passed in where a window exists (the content script), so that this module stays pure.
   */
  purify?: (tree: Element) => Element;
  /** Filled with why each part was chosen (for --explain and the popup's extraction details). */
  explain?: ExtractionExplain;
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
  if (!srcBody && tagName(doc.documentElement) !== 'html') throw new ExtractionError('not-html', 'The page is not an HTML document.');
  if (!srcBody || tagName(srcBody) === 'frameset') {
    throw new ExtractionError('empty', 'The page has no body (empty document or frameset).');
  }
  if (!hasAnyText(srcBody)) throw new ExtractionError('empty', 'The page has no text.');

  const index = buildDocIndex(doc.documentElement, maxNodes * 8);
  setQueryIndex(doc, index);
  const userHit = options.userRule ? applyUserRule(doc, options.userRule).ok : false;
  const rule = userHit ? userRuleAsSiteRule(options.userRule!) : resolveRule(doc, url, options.useSiteRules !== false, index);
  // Category first, read-only on the page: breadcrumbs are boilerplate for the body pass below.
  const earlyCategory = findCategory(doc, srcBody, titleFromDocTitle(doc), rule?.category, url);

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
  const method: ExtractorMethod = body ? (userHit ? 'user-rule' : 'site-rule') : 'generic';
  if (!body) {
    // Score after removing obvious related blocks so link lists do not attract the body.
    pruneRelatedNews(root, { maxNodes, log: options.explain?.removed });
    pruneBoilerplate(root, null, maxNodes, options.explain?.removed);
    body = findGenericBody(root, maxNodes);
  } else {
    pruneRelatedNews(root, { protect: body, maxNodes, log: options.explain?.removed });
    pruneBoilerplate(root, body, maxNodes, options.explain?.removed);
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
  const foldedTitle = foldVietnamese(title.text);
  const looksLikeTitle = (c: string | null) => {
    const f = c ? foldVietnamese(c.split(' > ').pop() ?? c).replace(/(\.\.\.|…)$/, '').trim() : '';
    return !!c && (f === foldedTitle || (f.length > 20 && foldedTitle.startsWith(f)));
  };
  let category = earlyCategory;
  if (looksLikeTitle(category)) category = findCategory(doc, srcBody, title.text, rule?.category, url);
  if (looksLikeTitle(category)) category = null;

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
  pruneRelatedNews(body, { maxNodes, log: options.explain?.removed });
  pruneComments(body);
  pruneInlineLinkBoxes(body, url, options.explain?.removed);
  pruneLabelLines(body);

  const base = baseUrlOf(doc, url);
  const clean = buildCleanTree(body, base, maxNodes * 4);
  let blocks = bodyBlocks(clean);
  // Drop a leading block equal to the title or lead (some CMSs repeat them in the body).
  const ft = foldVietnamese(title.text);
  const fl = lead.text ? foldVietnamese(lead.text) : '';
  while (blocks.length && (foldVietnamese(blocks[0]) === ft || (fl && foldVietnamese(blocks[0]) === fl))) {
    blocks = blocks.slice(1);
    if (clean.firstElementChild) removeNode(clean.firstElementChild);
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
  if (options.explain) {
    const ex = options.explain;
    ex.path = method;
    ex.rule = rule ? `${rule.id} (${rule.family})` : null;
    const via = category === earlyCategory ? findCategoryWithReason(doc, srcBody, titleFromDocTitle(doc), rule?.category, url).via : 'breadcrumb, re-read with the found title';
    ex.metadata = {
      title: { value: title.text, via: title.via ?? 'found on the page' },
      category: { value: category, via },
      publishedAt: { value: date.value, via: date.via ?? 'found on the page' },
      author: { value: author, via: byline.author ? byline.via ?? 'byline' : author ? 'closing line of the body (name, right-aligned or bold, or labelled)' : 'none found' },
      source: { value: source, via: source ? '"Nguồn:" / "Theo …" line' : 'none found' },
      lead: { value: lead.text, via: lead.el ? `sapo <${tagName(lead.el)}>` : 'none found' },
    };

  }
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
    bodyHtml: serialize(options.purify ? options.purify(clean) : clean),
    bodyText,
    images: collectImages(body, base),
    wordCount: countWords(bodyText),
    extractor: { version: EXTRACTOR_VERSION, method },
  };
}
