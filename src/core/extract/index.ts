// DOM → ExtractedArticle. Never mutates the passed document: everything happens on a clone.
import type { ExtractedArticle, ExtractorMethod } from '../types';
import { collapseWhitespace, foldVietnamese, toNFC } from '../text/normalize';
import { bodyBlocks, bodyTextFromBlocks, countWords } from './body-text';
import { articleRegion, baseUrlOf, dropUpTo, firstBoldParagraph, lastBlockElement } from './body-helpers';
import { cleanup, pruneBoilerplate, pruneComments, pruneLabelLines } from './clean-up';
import { elementsUnder, hasAnyText, headElements, removeNode, safeQuery, safeQueryAll, tagName, textOf } from './dom';
import { findGenericBody } from './generic-body';
import { describeGenericTrace, newGenericTrace, type GenericTrace } from './generic-trace';
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

type ExtractionErrorCode = 'empty' | 'no-content' | 'too-large' | 'not-html';

export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;
  constructor(code: ExtractionErrorCode, message: string) {
    super(message);
    this.name = 'ExtractionError';
    this.code = code;
  }
}

interface ExtractOptions {
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
  /** Filled, on the generic path, with why it chose its body (candidates, scores, fallback): see generic-trace.ts. */
  genericTrace?: GenericTrace;
}

function resolveRule(doc: Document, url: string, useRules: boolean, index: DocIndex): SiteRule | null {
  if (!useRules) return null;
  try {
    return matchSiteRule(doc, url, index);
  } catch {
    return null;
  }
}

function canonicalOf(doc: Document, url: string, index: DocIndex): string {
  const link = headElements(doc, 'link', index).find((l) => (l.getAttribute('rel') ?? '').toLowerCase() === 'canonical')?.getAttribute('href');
  const og = metaContent(doc, ['og:url'], index);
  for (const c of [link, og]) {
    if (!c) continue;
    const abs = safeHttpUrl(c, url);
    if (abs) return abs;
  }
  return url;
}

export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractedArticle {
  // An explanation carries the generic scorer's trace too (filled only when the generic path runs).
  const trace = options.explain ? (options.genericTrace ?? newGenericTrace()) : options.genericTrace;
  try {
    return extractGuarded(doc, url, { ...options, genericTrace: trace });
  } finally {
    if (options.explain && trace?.path) options.explain.candidates = describeGenericTrace(trace);
  }
}

function extractGuarded(doc: Document, url: string, options: ExtractOptions): ExtractedArticle {
  try {
    try {
      return extractUnsafe(doc, url, options, false);
    } catch (e) {
      // The generic path pruned away every block: once more, keeping what the pruning passes would drop.
      if (!(e instanceof ExtractionError && e.code === 'no-content' && (e as { generic?: boolean }).generic)) throw e;
      if (options.genericTrace) options.genericTrace.retriedWithoutPruning = true;
      return extractUnsafe(doc, url, options, true);
    }
  } catch (e) {
    if (e instanceof ExtractionError) throw e;
    if (e instanceof RangeError) throw new ExtractionError('too-large', 'The page is nested too deeply to extract safely.');
    throw new ExtractionError('no-content', `The page could not be read as an article (${String((e as Error)?.message ?? e).slice(0, 120)}).`);
  }
}

/** 'No article text' from the generic path, which a lenient second pass may still fill. */
function genericEmpty(): ExtractionError {
  return Object.assign(new ExtractionError('no-content', 'No article text was found on the page.'), { generic: true });
}

/** The page's <body>, once it is known to be an HTML page small enough, with a body and some text. */
function extractableBody(doc: Document, maxNodes: number): Element {
  if (!doc || !doc.documentElement) throw new ExtractionError('not-html', 'The page is not an HTML document.');
  const total = doc.getElementsByTagName('*').length;
  if (total > maxNodes * 8) throw new ExtractionError('too-large', `The page has ${total} elements, too many to extract safely.`);
  const srcBody = doc.body;
  if (!srcBody && tagName(doc.documentElement) !== 'html') throw new ExtractionError('not-html', 'The page is not an HTML document.');
  if (!srcBody || tagName(srcBody) === 'frameset') {
    throw new ExtractionError('empty', 'The page has no body (empty document or frameset).');
  }
  if (!hasAnyText(srcBody)) throw new ExtractionError('empty', 'The page has no text.');
  return srcBody;
}

interface RuleChoice {
  rule: SiteRule | null;
  /** The user's rule found its body on this page (and `rule` is that rule as a site rule). */
  userHit: boolean;
}

/** The user's rule when it finds its body, else the matching site rule (when allowed), else none. */
function chooseRule(doc: Document, url: string, options: ExtractOptions, index: DocIndex): RuleChoice {
  const userHit = options.userRule ? applyUserRule(doc, options.userRule).ok : false;
  const rule = userHit ? userRuleAsSiteRule(options.userRule!) : resolveRule(doc, url, options.useSiteRules !== false, index);
  return { rule, userHit };
}

/** A clone to work on, and the rule's body in it when the rule's selectors find one. */
function cloneWorkRoot(doc: Document, srcBody: Element, rule: SiteRule | null, index: DocIndex): { root: Element; body: Element | null } {
  // With a rule, clone only the article region (body + title + date); otherwise the whole body.
  let root = (rule && articleRegion(doc, srcBody, rule, index)) || srcBody;
  let body: Element | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const clone = root.cloneNode(true) as Element;
    body = null;
    if (rule) for (const sel of rule.body) if ((body = safeQuery(clone, sel, index))) break;
    if (body || root === srcBody) {
      root = clone;
      break;
    }
    root = srcBody; // the region lost an ancestor the selector needs: clone the whole body
  }
  return { root, body };
}

/** Cleans the clone and settles its body: the rule's when it survived cleaning, else the generic scorer's pick. */
function settleBody(
  root: Element,
  ruleBody: Element | null,
  choice: RuleChoice,
  options: ExtractOptions,
  lenient: boolean,
  maxNodes: number,
  index: DocIndex,
): { body: Element; method: ExtractorMethod } {
  const { rule, userHit } = choice;
  let body = ruleBody;
  cleanup(root, maxNodes);
  if (body && !root.contains(body)) body = null;
  if (rule?.strip) for (const sel of rule.strip) for (const el of safeQueryAll(root, sel, index)) if (!body || !el.contains(body)) removeNode(el);
  const method: ExtractorMethod = body ? (userHit ? 'user-rule' : 'site-rule') : 'generic';
  if (!body) {
    // Score after removing obvious related blocks so link lists do not attract the body.
    if (!lenient) {
      pruneRelatedNews(root, { maxNodes, log: options.explain?.removed });
      pruneBoilerplate(root, null, maxNodes, options.explain?.removed);
    }
    body = findGenericBody(root, maxNodes, { explain: options.genericTrace });
  } else {
    pruneRelatedNews(root, { protect: body, maxNodes, log: options.explain?.removed });
    pruneBoilerplate(root, body, maxNodes, options.explain?.removed);
  }
  if (!body) throw noContent(method, lenient);
  return { body, method };
}

/** 'No article text': from the generic path's first pass, one the lenient retry may still fill. */
function noContent(method: ExtractorMethod, lenient: boolean): ExtractionError {
  return method === 'generic' && !lenient ? genericEmpty() : new ExtractionError('no-content', 'No article text was found on the page.');
}

interface Metadata {
  title: ReturnType<typeof findTitle>;
  lead: ReturnType<typeof findLead>;
  date: ReturnType<typeof findPublished>;
  byline: ReturnType<typeof findLabelledByline>;
  category: string | null;
}

/** Title, lead, date, labelled byline and category, read from the cleaned clone around the body. */
function readMetadata(doc: Document, url: string, srcBody: Element, root: Element, body: Element, rule: SiteRule | null, earlyCategory: string | null, maxNodes: number, index: DocIndex): Metadata {
  const all = elementsUnder(root, maxNodes);
  const title = findTitle(doc, root, body, rule?.title, all, index);
  let lead = findLead(root, body, title.el, rule?.lead, all, index);
  if (!lead.text && (rule ? rule.leadIsFirstBoldParagraph : true)) lead = firstBoldParagraph(body);
  const date = findPublished(doc, root, body, title.el, rule?.date, all, index);
  // Metadata container: the nearest ancestor holding title and body.
  let container: Element | null = body.parentElement;
  while (container && title.el && !container.contains(title.el)) container = container.parentElement;
  const byline = findLabelledByline(root, body, container ?? root, rule?.author, index);
  const foldedTitle = foldVietnamese(title.text);
  const looksLikeTitle = (c: string | null) => {
    const f = c ? foldVietnamese(c.split(' > ').pop() ?? c).replace(/(\.\.\.|…)$/, '').trim() : '';
    return !!c && (f === foldedTitle || (f.length > 20 && foldedTitle.startsWith(f)));
  };
  let category = earlyCategory;
  if (looksLikeTitle(category)) category = findCategory(doc, srcBody, title.text, rule?.category, url, index);
  if (looksLikeTitle(category)) category = null;
  return { title, lead, date, byline, category };
}

/** Removes from the body what the metadata already holds (title, lead, date line, byline fields) and, unless
 * lenient, related news, comments, inline link boxes and label lines. */
function cleanBody(body: Element, meta: Metadata, url: string, options: ExtractOptions, lenient: boolean, maxNodes: number): void {
  const { title, lead, date, byline } = meta;
  if (title.el && body.contains(title.el) && !lenient) dropUpTo(body, title.el);
  if (lead.el && body.contains(lead.el) && !lenient) removeNode(lead.el);
  if (date.el && body.contains(date.el) && looksLikeDateLine(textOf(date.el))) removeNode(date.el);
  // Labelled bylines outside the body are metadata only; inside the body, a closing "Tác giả: …" line is what the
  // page prints as the last line, so it stays (NukeViet's field rows "Tác giả bài viết:"/"Nguồn tin:" never do).
  const closing = lastBlockElement(body);
  for (const el of byline.labelEls) {
    if (!body.contains(el) || el === body) continue;
    const isField = /^(tác giả bài viết|nguồn tin)\s*:/i.test(toNFC(textOf(el)));
    if (isField || !(closing && (closing === el || el.contains(closing) || closing.contains(el)))) removeNode(el);
  }
  if (!lenient) {
    pruneRelatedNews(body, { maxNodes, log: options.explain?.removed });
    pruneComments(body);
    pruneInlineLinkBoxes(body, url, options.explain?.removed);
    pruneLabelLines(body);
  }
}

/** The sanitized body tree and its text blocks, without leading blocks that repeat the title or lead. */
function buildBlocks(body: Element, base: string, meta: Metadata, maxNodes: number): { clean: Element; blocks: string[] } {
  const clean = buildCleanTree(body, base, maxNodes * 4);
  let blocks = bodyBlocks(clean);
  // Drop a leading block equal to the title or lead (some CMSs repeat them in the body).
  const ft = foldVietnamese(meta.title.text);
  const fl = meta.lead.text ? foldVietnamese(meta.lead.text) : '';
  while (blocks.length && (foldVietnamese(blocks[0]) === ft || (fl && foldVietnamese(blocks[0]) === fl))) {
    blocks = blocks.slice(1);
    if (clean.firstElementChild) removeNode(clean.firstElementChild);
  }
  return { clean, blocks };
}

/** Author and source, completed from the body's closing line (a source line, a labelled or styled name). */
function closingByline(blocks: string[], body: Element, byline: Metadata['byline'], index: DocIndex): { author: string | null; source: string | null } {
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
        if (lastEl && isBylineStyled(lastEl, index) && collapseWhitespace(toNFC(textOf(lastEl))) === last) author = cleanName(last);
      }
    }
  }
  return { author, source };
}

interface ExplainInput {
  doc: Document;
  index: DocIndex;
  url: string;
  srcBody: Element;
  method: ExtractorMethod;
  rule: SiteRule | null;
  meta: Metadata;
  earlyCategory: string | null;
  author: string | null;
  source: string | null;
}

function fillExplain(ex: ExtractionExplain, input: ExplainInput): void {
  const { doc, index, url, srcBody, rule, meta, author, source } = input;
  const { title, category, date, lead, byline } = meta;
  ex.path = input.method;
  ex.rule = rule ? `${rule.id} (${rule.family})` : null;
  const via = category === input.earlyCategory ? findCategoryWithReason(doc, srcBody, titleFromDocTitle(doc, index), rule?.category, url, index).via : 'breadcrumb, re-read with the found title';
  ex.metadata = {
    title: { value: title.text, via: title.via ?? 'found on the page' },
    category: { value: category, via },
    publishedAt: { value: date.value, via: date.via ?? 'found on the page' },
    author: { value: author, via: byline.author ? byline.via ?? 'byline' : author ? 'closing line of the body (name, right-aligned or bold, or labelled)' : 'none found' },
    source: { value: source, via: source ? '"Nguồn:" / "Theo …" line' : 'none found' },
    lead: { value: lead.text, via: lead.el ? `sapo <${tagName(lead.el)}>` : 'none found' },
  };
}

/** `lenient`: generic path without the pruning passes (related news, boilerplate, title/lead/label lines). */
function extractUnsafe(doc: Document, url: string, options: ExtractOptions, lenient: boolean): ExtractedArticle {
  const maxNodes = options.maxNodes ?? 60000;
  const srcBody = extractableBody(doc, maxNodes);
  const index = buildDocIndex(doc.documentElement, maxNodes * 8);
  const choice = chooseRule(doc, url, options, index);
  const { rule } = choice;
  // Category first, read-only on the page: breadcrumbs are boilerplate for the body pass below.
  const earlyCategory = findCategory(doc, srcBody, titleFromDocTitle(doc, index), rule?.category, url, index);
  const { root, body: ruleBody } = cloneWorkRoot(doc, srcBody, rule, index);
  const { body, method } = settleBody(root, ruleBody, choice, options, lenient, maxNodes, index);

  const meta = readMetadata(doc, url, srcBody, root, body, rule, earlyCategory, maxNodes, index);
  cleanBody(body, meta, url, options, lenient, maxNodes);
  const base = baseUrlOf(doc, url, index);
  const { clean, blocks } = buildBlocks(body, base, meta, maxNodes);
  if (!blocks.length) throw noContent(method, lenient);
  // Closing byline / source line (kept in bodyText).
  const { author, source } = closingByline(blocks, body, meta.byline, index);

  const bodyText = bodyTextFromBlocks(blocks);
  // A fallback that found a container but no words in it has found no article.
  if (countWords(bodyText) === 0) throw new ExtractionError('no-content', 'No article text was found on the page.');
  if (options.explain) fillExplain(options.explain, { doc, index, url, srcBody, method, rule, meta, earlyCategory, author, source });
  const { title, category, lead, date } = meta;
  return {
    url,
    canonicalUrl: canonicalOf(doc, url, index),
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
