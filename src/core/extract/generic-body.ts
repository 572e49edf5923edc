// Generic article-body finder (no site rule: unknown sites and "save anyway"). Content scoring in the spirit of
// Readability over one bottom-up measurement pass (generic-stats.ts), then: promote an ancestor the best candidates
// share, merge sibling blocks that belong to the article, and fall back (largest text block → whole root) so a page
// with text never comes out empty. Tuned for Vietnamese portals (layout tables, <font>, ASP.NET forms, sidebars of
// link lists) and checked on a multilingual public benchmark (eval/web-bench.ts). Works on a cleaned CLONE: sibling
// merging moves nodes into a new wrapper.
import { classIdString, elementsUnder, tagName } from './dom';
import { densityOf, measureTree, type ElementStats } from './generic-stats';
import { describeElement, type GenericTrace } from './generic-trace';

export type { GenericTrace } from './generic-trace';

const POSITIVE = /(^|[\s_-])(article|articlebody|content|contents|detail|details|body|bodytext|noidung|noi-dung|chitiet|chi-tiet|entry|post|main|text|textdetail|news-content|story|journal|rtestate|fulltext|baiviet|tin-chi-tiet|hentry|blog|page)([\s_-]|$)|content|noidung|chitiet|detail|article|bodytext|contentdetail|divnoidung/;
const NEGATIVE = /(^|[\s_-])(comment|comments|footer|sidebar|side|menu|nav|navbar|widget|banner|ads|advert|quangcao|share|social|related|other|tag|tags|login|search|counter|thongke|link|links|lienket|breadcrumb|header|top|bottom|copyright|rating|poll|vote|col-right|col-left|right|left|aside|marquee|hot|most|latest|popular|moi-nhat|doc-nhieu|masthead|meta|promo|shopping|sponsor|teaser|cookie|newsletter|subscribe|modal|popup)([\s_-]|$)/;

/** Reader comments: never the article, and their paragraphs do not vote for the containers around them. */
const COMMENTS = /(^|[\s_-])(comments?|commentlist|comment-list|comment-body|disqus|respond|replies|binhluan|binh-luan|ykien|y-kien|ykienbandoc)([\s_-]|$)/;

function classWeight(el: Element): number {
  const s = classIdString(el);
  if (!s.trim()) return 0;
  let w = 0;
  if (NEGATIVE.test(s)) w -= 25;
  if (POSITIVE.test(s)) w += 25;
  return w;
}

const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'li', 'dd', 'blockquote']);
/** Containers that read as one paragraph when they hold no block-level child (Readability's div-to-p). */
const INLINE_CONTAINERS = new Set(['div', 'section', 'article', 'main', 'font', 'span', 'center']);

function baseScore(el: Element): number {
  const tag = tagName(el);
  let base = 0;
  if (tag === 'div' || tag === 'article' || tag === 'section' || tag === 'main') base = 5;
  else if (tag === 'td' || tag === 'blockquote' || tag === 'pre') base = 3;
  else if (tag === 'form' || tag === 'ul' || tag === 'ol' || tag === 'dl' || tag === 'li' || tag === 'dd' || tag === 'dt' || tag === 'address') base = -3;
  else if (/^h[1-6]$/.test(tag) || tag === 'th') base = -5;
  const ip = el.getAttribute('itemprop');
  if (ip === 'articleBody' || ip === 'text') base += 30;
  return base + classWeight(el);
}

/** Characters (and commas) the element contributes as a paragraph, or null when it is not one. */
function asParagraph(el: Element, s: ElementStats, parent: ElementStats | undefined): { chars: number; commas: number } | null {
  const tag = tagName(el);
  if (PARAGRAPH_TAGS.has(tag)) {
    // td/li that wrap other blocks are containers, not paragraphs.
    if ((tag === 'td' || tag === 'li' || tag === 'dd') && s.hasBlockChild) return null;
    return { chars: s.chars, commas: s.commas };
  }
  if (!INLINE_CONTAINERS.has(tag)) return null;
  // An inline container counts only where it stands among blocks (not a <span> inside a <p>).
  if (!s.hasBlockChild) return parent?.hasBlockChild ? { chars: s.chars, commas: s.commas } : null;
  // Text written straight into a container, between blocks ("text<br>text<div>…</div>").
  if (s.ownChars >= 60) return { chars: s.ownChars, commas: Math.round((s.commas * s.ownChars) / Math.max(1, s.chars)) };
  return null;
}

interface Scores {
  /** Undivided paragraph points of everything under an element (for the dense-ancestor step). */
  total: Map<Element, number>;
  score: Map<Element, number>;
  /** Content points only (no class/tag weight): a candidate needs real paragraphs under it. */
  content: Map<Element, number>;
}

function scoreParagraphs(els: Element[], stats: Map<Element, ElementStats>, root: Element): Scores {
  const score = new Map<Element, number>();
  const content = new Map<Element, number>();
  const own = new Map<Element, number>();
  const isComments = new Map<Element, boolean>();
  const commentsBox = (el: Element) => {
    let v = isComments.get(el);
    if (v === undefined) isComments.set(el, (v = COMMENTS.test(classIdString(el))));
    return v;
  };
  for (const el of els) {
    const s = stats.get(el)!;
    const para = asParagraph(el, s, el.parentElement ? stats.get(el.parentElement) : undefined);
    if (!para || para.chars < 25) continue;
    if (densityOf(s) > 0.5) continue;
    // List items count half: a long list of citations or links is rarely the article.
    const points = (1 + para.commas + Math.min(Math.floor(para.chars / 100), 3)) * (tagName(el) === 'li' ? 0.5 : 1);
    let inComments = false;
    // Below the root only: <body class="showing-comments"> is a page state, not a comment thread.
    for (let a = el.parentElement, k = 0; a && a !== root && k < 6 && !inComments; a = a.parentElement, k++) inComments = commentsBox(a);
    if (inComments) continue;
    own.set(el, points);
    let anc: Element | null = el.parentElement;
    for (let level = 0; anc && level < 5; level++) {
      if (!score.has(anc)) {
        score.set(anc, baseScore(anc));
        content.set(anc, 0);
      }
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      score.set(anc, score.get(anc)! + points / div);
      content.set(anc, content.get(anc)! + points / div);
      if (anc === root) break;
      anc = anc.parentElement;
    }
  }
  const total = new Map<Element, number>();
  for (let i = els.length - 1; i >= 0; i--) {
    const el = els[i];
    const t = (total.get(el) ?? 0) + (own.get(el) ?? 0);
    if (t === 0) continue;
    total.set(el, t);
    const p = el.parentElement;
    if (p) total.set(p, (total.get(p) ?? 0) + t);
  }
  return { total, score, content };
}

interface Ranked {
  el: Element;
  score: number;
}

function rank(sc: Scores, stats: Map<Element, ElementStats>): Ranked[] {
  const out: Ranked[] = [];
  for (const [el, s] of sc.score) {
    if (sc.content.get(el)! < 3) continue;
    out.push({ el, score: s * (1 - densityOf(stats.get(el))) });
  }
  return out.sort((a, b) => b.score - a.score);
}

const finalScore = (el: Element, sc: Scores, stats: Map<Element, ElementStats>) => (sc.score.get(el) ?? 0) * (1 - densityOf(stats.get(el)));

/** Readability's refinements: an ancestor most top candidates share, a parent scoring higher, a lone-child wrapper. */
function refine(top: Ranked, ranked: Ranked[], sc: Scores, stats: Map<Element, ElementStats>, root: Element, trace?: GenericTrace): Element {
  let best = top.el;
  const alternatives = ranked.slice(1, 5).filter((r) => r.score >= top.score * 0.75 && !r.el.contains(best) && !best.contains(r.el));
  if (alternatives.length >= 2) {
    for (let p = best.parentElement; p && p !== root.parentElement; p = p.parentElement) {
      if (alternatives.filter((a) => p.contains(a.el)).length >= 2) {
        best = p;
        trace?.notes.push('promoted to the ancestor the leading candidates share');
        break;
      }
    }
  }
  let last = finalScore(best, sc, stats);
  const threshold = last / 3;
  for (let p = best.parentElement; p && p !== root.parentElement; p = p.parentElement) {
    if (!sc.score.has(p)) continue;
    const ps = finalScore(p, sc, stats);
    if (ps < threshold) break;
    if (ps > last) {
      best = p;
      trace?.notes.push('climbed to a higher-scoring parent');
      break;
    }
    last = ps;
  }
  while (best !== root && best.parentElement && best.parentElement !== root && best.parentElement.children.length === 1) best = best.parentElement;
  return best;
}

/** A child of a widened container that carries no article: link-dense, marked as chrome, or a header piece. */
function isChrome(el: Element, stats: Map<Element, ElementStats>): boolean {
  const s = stats.get(el);
  return !s || densityOf(s) > 0.5 || classWeight(el) < 0 || METADATA_CLASS.test(classIdString(el));
}

/**
 * Climb while the parent adds real paragraphs (≥ 30 % more points, outside chrome children) and little link text:
 * an article cut into several blocks (page-builder columns, CMS fields) comes out whole, not as its best piece.
 */
function expandToDenseAncestor(best: Element, sc: Scores, stats: Map<Element, ElementStats>, root: Element, trace?: GenericTrace): Element {
  let cur = best;
  for (let p = cur.parentElement; p && cur !== root; p = p.parentElement) {
    let added = 0;
    let addedChars = 0;
    let addedLinks = 0;
    for (const k of Array.from(p.children)) {
      if (k === cur || isChrome(k, stats)) continue;
      const ks = stats.get(k)!;
      added += sc.total.get(k) ?? 0;
      addedChars += ks.chars;
      addedLinks += ks.linkChars;
    }
    if (added < Math.max(3, 0.3 * (sc.total.get(cur) ?? 0)) || addedLinks > 0.3 * Math.max(1, addedChars)) break;
    cur = p;
    if (p === root) break;
  }
  if (cur !== best) trace?.notes.push(`widened to ${describeElement(cur)}, which adds paragraphs`);
  return cur;
}

/** The widened container without its chrome children (moved into a wrapper; the chrome stays for metadata). */
function withoutChrome(container: Element, keep: Element, stats: Map<Element, ElementStats>): Element {
  const kids = Array.from(container.childNodes);
  const chrome = new Set(kids.filter((k) => k.nodeType === 1 && !(k as Element).contains(keep) && isChrome(k as Element, stats)));
  if (!chrome.size) return container;
  const wrapper = container.ownerDocument.createElement('div');
  const firstKept = kids.find((k) => !chrome.has(k));
  container.insertBefore(wrapper, firstKept ?? null);
  for (const k of kids) if (!chrome.has(k)) wrapper.appendChild(k);
  return wrapper;
}

function endsLikeSentence(el: Element): boolean {
  return /[.!?。！？]\s*$/.test(el.textContent ?? '');
}

/** Header pieces the metadata pass reads (sapo, date line, byline, breadcrumb): never merged into the body. */
const METADATA_CLASS = /(^|[\s_-])(sapo|lead|summary|description|desc|excerpt|teaser|date|time|meta|byline|author|info|breadcrumbs?|category|title|headline|subtitle)([\s_-]|$)/;

/** Siblings of `best` that belong to the article (Readability's rule), best included, in document order. */
function articleSiblings(best: Element, sc: Scores, stats: Map<Element, ElementStats>): Element[] {
  const parent = best.parentElement;
  if (!parent) return [best];
  const bestScore = finalScore(best, sc, stats);
  const threshold = Math.max(10, bestScore * 0.2);
  const bestClass = best.getAttribute('class') ?? '';
  const out: Element[] = [];
  for (const sib of Array.from(parent.children)) {
    if (sib === best) {
      out.push(sib);
      continue;
    }
    const s = stats.get(sib);
    if (!s || s.chars === 0 || METADATA_CLASS.test(classIdString(sib))) continue;
    const bonus = bestClass && sib.getAttribute('class') === bestClass ? bestScore * 0.2 : 0;
    if ((sc.content.get(sib) ?? 0) >= 3 && finalScore(sib, sc, stats) + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    const tag = tagName(sib);
    if (tag === 'p' || (INLINE_CONTAINERS.has(tag) && !s.hasBlockChild)) {
      const ld = densityOf(s);
      if ((s.chars > 80 && ld < 0.25) || (s.chars > 0 && s.chars <= 80 && ld === 0 && endsLikeSentence(sib))) out.push(sib);
    }
  }
  return out;
}

/** Move the merged siblings into one wrapper that takes best's place (the rest stays for the metadata pass). */
function wrap(best: Element, siblings: Element[]): Element {
  if (siblings.length <= 1) return best;
  const wrapper = best.ownerDocument.createElement('div');
  best.parentElement!.insertBefore(wrapper, siblings[0]);
  for (const s of siblings) wrapper.appendChild(s);
  return wrapper;
}

/** The paragraph-like element with the most non-link text: a page of scattered short blocks still gives something. */
function largestTextBlock(els: Element[], stats: Map<Element, ElementStats>): Element | null {
  let best: Element | null = null;
  let most = 0;
  for (const el of els) {
    const s = stats.get(el)!;
    if (s.hasBlockChild && s.ownChars < 25) continue;
    const own = s.hasBlockChild ? s.ownChars : s.chars - s.linkChars;
    if (own > most) {
      most = own;
      best = el;
    }
  }
  return best;
}

interface GenericBodyOptions {
  /** Filled with the candidates, their scores and the path that chose the body. */
  explain?: GenericTrace;
}

/** Pick (or assemble) the element that holds the article body; null only when root has no text. */
export function findGenericBody(root: Element, maxNodes = 30000, options: GenericBodyOptions = {}): Element | null {
  const trace = options.explain;
  const els = elementsUnder(root, maxNodes);
  const stats = measureTree(root, els);
  const sc = scoreParagraphs(els, stats, root);
  const ranked = rank(sc, stats);
  if (trace) trace.candidates = ranked.slice(0, 5).map((r) => ({ element: describeElement(r.el), score: +r.score.toFixed(1), chars: stats.get(r.el)!.chars, linkDensity: +densityOf(stats.get(r.el)).toFixed(2) }));
  const top = ranked[0];
  if (top && top.score >= 5) {
    const refined = refine(top, ranked, sc, stats, root, trace);
    const best = expandToDenseAncestor(refined, sc, stats, root, trace);
    const siblings = best === root || best !== refined ? [best] : articleSiblings(best, sc, stats);
    const body = best !== refined ? withoutChrome(best, refined, stats) : wrap(best, siblings);
    if (trace) Object.assign(trace, { path: 'best-candidate', chosen: describeElement(best), mergedSiblings: siblings.length - 1 });
    return body;
  }
  const block = largestTextBlock(els, stats);
  if (block) {
    if (trace) Object.assign(trace, { path: 'largest-text-block', chosen: describeElement(block), mergedSiblings: 0 });
    return block;
  }
  const all = stats.get(root);
  // Links alone (a menu, a list of teasers) are not an article.
  if (all && all.chars - all.linkChars > 0) {
    if (trace) Object.assign(trace, { path: 'whole-page', chosen: describeElement(root), mergedSiblings: 0 });
    return root;
  }
  if (trace) trace.path = 'none';
  return null;
}
