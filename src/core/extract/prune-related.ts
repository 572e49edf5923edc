// Related-news pruning that works without a site rule: Vietnamese headings (text, links, images),
// class/id tokens, inline "Xem thêm" lines and heading-less link boxes. Operates on a CLONE.
import { classIdString, elementsUnder, isElement, linkDensity, nodes, removeNode, shortText, tagName, textOf } from './dom';
import { urlShape } from '../detect/classify-page';
import { hasRelatedClass, isRelatedHeadingImageSrc, isRelatedHeadingText, startsWithInlineLinkPrefix } from './related-phrases';

/** What a pruning pass removed and why (for --explain). */
export interface RemovedBlock { reason: string; text: string }
export type RemovalLog = RemovedBlock[];

const note = (log: RemovalLog | undefined, reason: string, el: Element) => log?.push({ reason, text: textOf(el).slice(0, 120) });

const CARD_TAGS = new Set(['div', 'aside', 'section', 'table', 'figure', 'blockquote', 'article', 'li', 'ul']);

/** An href on this site that points at another article (resolved against the page; same host). */
function otherArticleUrl(href: string, page: URL | null): boolean {
  let u: URL;
  try {
    u = new URL(href, page ?? undefined);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (page && (u.hostname.replace(/^www\./, '') !== page.hostname.replace(/^www\./, '') || u.pathname === page.pathname)) return false;
  if (/\.(jpe?g|png|gif|webp|pdf|docx?|xlsx?|mp4|mp3)$/i.test(u.pathname)) return false;
  return urlShape(u).article;
}

/**
 * A one-item related card: nearly all of its text is one link to another article of the same site (a linked
 * title, maybe a linked thumbnail) plus a short teaser, with or without a heading. Fact boxes and photo boxes
 * hold their own text or link images, so they stay.
 */
function isOneItemCard(el: Element, page: URL | null): boolean {
  if (!CARD_TAGS.has(tagName(el))) return false;
  const links = el.getElementsByTagName('a');
  if (!links.length || links.length > 4) return false;
  const text = textOf(el);
  if (text.length > 600) return false;
  const hrefs = new Set<string>();
  let titleLen = 0;
  for (let i = 0; i < links.length; i++) {
    const href = links[i].getAttribute('href');
    if (!href || href.startsWith('#')) continue;
    hrefs.add(href);
    titleLen = Math.max(titleLen, textOf(links[i]).length);
  }
  if (hrefs.size !== 1 || titleLen < 20) return false;
  if (!otherArticleUrl([...hrefs][0], page)) return false;
  const teaser = nonLinkTextLength(el);
  return teaser <= 350 && teaser <= titleLen * 6;
}

const BLOCK_TEXT_TAGS = new Set(['p', 'div', 'td', 'li', 'blockquote', 'section', 'article', 'span', 'font', 'dd', 'pre']);

/** Non-link text length of el (text minus link text). */
function nonLinkTextLength(el: Element): number {
  const total = textOf(el).length;
  let link = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) link += textOf(links[i]).length;
  return Math.max(0, total - link);
}

/**
 * Does el hold article prose? Any paragraph-like descendant with ≥ 150 chars of non-link text that reads like a
 * sentence, or ≥ 600 chars of non-link text overall.
 */
export function hasArticleText(el: Element, protect?: Element | null): boolean {
  if (protect && (el === protect || el.contains(protect) )) return true;
  const ps = el.getElementsByTagName('p');
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (p.getElementsByTagName('a').length === 0 ? textOf(p).length >= 150 : nonLinkTextLength(p) >= 150) return true;
  }
  if (hasLongTextNode(el, 140)) return true;
  return nonLinkTextLength(el) >= 600;
}

/** A single text node of at least min characters outside links: prose written with <br> instead of <p>. */
function hasLongTextNode(el: Element, min: number): boolean {
  const stack: Node[] = [el];
  let visited = 0;
  while (stack.length && visited++ < 20000) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      if ((n.textContent ?? '').trim().length >= min) return true;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const t = (n as Element).tagName.toLowerCase();
    if (t === 'a' || t === 'script' || t === 'style' || t === 'select') continue;
    const c = n.childNodes;
    for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]);
  }
  return false;
}

const QUICK_TEXT = /tin|bài|bai|xem|đọc|doc|quan|nổi|noi|relat|read|more|see|chuy|sự|su |tiêu|tieu|recomm|latest|like|most|danh|khác|khac|thêm|them|tiếp|tiep|cùng|cung|mới|moi|dòng|dong/i;

/** Short text nodes under root that may hold a heading phrase (cheap prefilter, bounded). */
function shortTextNodes(root: Element, max: number, limit: number): Text[] {
  const out: Text[] = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let n = 0;
  for (let node = walker.nextNode(); node && n++ < limit; node = walker.nextNode()) {
    const v = node.textContent ?? '';
    if (v.length > max * 3) continue;
    const t = v.trim();
    if (t.length < 3 || t.length > max) continue;
    if (!QUICK_TEXT.test(t.normalize('NFC'))) continue;
    out.push(node as Text);
  }
  return out;
}

/** Climb from a heading-like element while its parent holds nothing but it (same text). */
function expandHeading(el: Element, root: Element): Element {
  let h = el;
  const t = textOf(el);
  while (h.parentElement && h.parentElement !== root) {
    const p = h.parentElement;
    const pt = textOf(p);
    if (pt !== t) break;
    if (p.getElementsByTagName('img').length > h.getElementsByTagName('img').length + (tagName(h) === 'img' ? 1 : 0)) break;
    h = p;
  }
  return h;
}

function isLinkyBlock(el: Element): boolean {
  const text = textOf(el);
  const links = el.getElementsByTagName('a');
  if (links.length === 0) return text.length === 0 && el.getElementsByTagName('img').length > 0;
  if (text.length === 0) return true;
  const ld = linkDensity(el, text.length);
  if (ld >= 0.45 || (links.length >= 2 && nonLinkTextLength(el) <= links.length * 40)) return true;
  return isTeaserGrid(el);
}

/** Cards of other articles: ≥ 2 distinct targets, each with a thumbnail or a headline link, short summaries. */
function isTeaserGrid(el: Element): boolean {
  const tag = tagName(el);
  if (tag === 'p' || tag === 'a') return false;
  const hrefs = new Set<string>();
  let cardish = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const a = links[i];
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#')) continue;
    if (!hrefs.has(href) && (a.getElementsByTagName('img').length > 0 || (a.parentElement && /^h[2-6]$/.test(tagName(a.parentElement))))) cardish++;
    hrefs.add(href);
  }
  if (hrefs.size < 2 || cardish < 2) return false;
  return nonLinkTextLength(el) / hrefs.size <= 260;
}

/** Remove the related block introduced by heading element h. Returns the number of removed nodes. */
function removeRelatedBlock(heading: Element, root: Element, protect: Element | null, log?: RemovalLog): number {
  let h = expandHeading(heading, root);
  // Grow to the largest ancestor that holds the heading and no article text.
  for (;;) {
    const p = h.parentElement;
    if (!p || p === root || p === root.ownerDocument?.body) break;
    if (hasArticleText(p, protect)) break;
    if (p.getElementsByTagName('h1').length > 0) break;
    h = p;
  }
  if (h !== expandHeading(heading, root) && !hasArticleText(h, protect)) {
    // h is a self-contained block (heading + items); drop it whole.
    note(log, `related block headed "${textOf(heading).slice(0, 40)}"`, h);
    removeNode(h);
    return 1;
  }
  // The heading sits among article content: drop it and the link-dense siblings that follow (elements, <br>s and
  // the short text between bare links, as in "<b>Các tin khác:</b><br><a>…</a><br><a>…</a>").
  let removed = 0;
  const parent = h.parentNode;
  const siblings = parent ? nodes(parent) : [];
  let i = siblings.indexOf(h) + 1;
  note(log, `related heading "${textOf(heading).slice(0, 40)}" and the links after it`, h);
  removeNode(h);
  removed++;
  for (; i < siblings.length; i++) {
    const next = siblings[i];
    if (next.nodeType === 3) {
      if ((next.textContent ?? '').trim().length > 40) break;
      removeNode(next);
      continue;
    }
    if (next.nodeType !== 1) continue;
    const el = next as Element;
    if (protect && (el === protect || el.contains(protect))) break;
    const tag = tagName(el);
    if (tag !== 'br' && tag !== 'a' && !isLinkyBlock(el)) break;
    removeNode(el);
    removed++;
  }
  return removed;
}

interface PruneOptions {
  /** The article body, if known: never removed, nor any ancestor of it. */
  protect?: Element | null;
  /** Stop after visiting this many elements. */
  maxNodes?: number;
  /** Records each removed block with the reason (for --explain). */
  log?: RemovalLog;
}

/**
 * Remove related-news blocks under root (mutates root: pass a clone). Also removes <noscript> (related thumbnails
 * hide there). Returns how many blocks were removed.
 */
export function pruneRelatedNews(root: Element, options: PruneOptions = {}): number {
  const protect = options.protect ?? null;
  const max = options.maxNodes ?? 50000;
  let removed = 0;
  for (const ns of Array.from(root.getElementsByTagName('noscript'))) removeNode(ns);

  // 1. Headings by text: a short text node that is a heading phrase; its element (climbed while it holds nothing
  //    else) is the heading. Images by alt/src. Class/id-marked blocks from one pass over the elements.
  const headings: Element[] = [];
  const classMarked: Element[] = [];
  const all = elementsUnder(root, max);
  for (const el of all) {
    if (tagName(el) === 'img') {
      const alt = el.getAttribute('alt') ?? el.getAttribute('title') ?? '';
      if (isRelatedHeadingText(alt) || isRelatedHeadingImageSrc(el.getAttribute('src') ?? '')) {
        // Only a standalone image (not a thumbnail in a link list) counts as a heading.
        const holder = expandHeading(el, root);
        if (textOf(holder).length === 0) headings.push(el);
      }
      continue;
    }
    if ((el.hasAttribute('class') || el.hasAttribute('id')) && hasRelatedClass(classIdString(el))) classMarked.push(el);
  }
  for (const text of shortTextNodes(root, 70, max * 2)) {
    const parent = text.parentElement;
    if (!parent) continue;
    const tag = tagName(parent);
    if (tag === 'script' || tag === 'style' || tag === 'option' || tag === 'select' || tag === 'title') continue;
    // The element whose whole text is the phrase (text may be split: "<b>Tin</b> liên quan").
    const t = shortText(parent, 70);
    if (t && isRelatedHeadingText(t)) headings.push(parent);
    else if (isRelatedHeadingText(text.textContent ?? '')) headings.push(parent);
  }
  for (const h of headings) {
    if (!h.isConnected && !root.contains(h)) continue;
    if (!root.contains(h)) continue;
    if (protect && h.contains(protect)) continue;
    // A heading-like link inside a prose paragraph ("… xem thêm tại đây") is not a block heading.
    const holder = expandHeading(h, root);
    const parent = holder.parentElement;
    if (parent && tagName(parent) === 'p' && textOf(parent).length > textOf(holder).length + 40) continue;
    removed += removeRelatedBlock(h, root, protect, options.log);
  }

  // 2. Class/id tokens.
  for (const el of classMarked) {
    if (!root.contains(el)) continue;
    if (protect && (el === protect || el.contains(protect) || protect.contains(el) && !isLinkyBlock(el))) continue;
    if (hasArticleText(el, null)) continue;
    if (tagName(el) === 'body' || tagName(el) === 'html') continue;
    if (textOf(el).length === 0 && el.getElementsByTagName('img').length === 0) continue;
    note(options.log, `related class/id "${classIdString(el).trim().slice(0, 60)}"`, el);
    removeNode(el);
    removed++;
  }
  return removed;
}

/**
 * Inside the chosen body: drop heading-less link boxes (tables, lists, divs that are mostly links, often with
 * thumbnails) and one-line "Xem thêm: <a>…</a>" paragraphs. Keeps lists/tables that are mostly plain text.
 */
export function pruneInlineLinkBoxes(body: Element, pageUrl?: string, log?: RemovalLog): number {
  let removed = 0;
  let page: URL | null = null;
  try { page = pageUrl ? new URL(pageUrl) : null; } catch { page = null; }
  for (const el of elementsUnder(body, 20000)) {
    if (!body.contains(el) || el === body) continue;
    if (isOneItemCard(el, page)) {
      note(log, 'one-item related card (a link to another article and its teaser)', el);
      removeNode(el);
      removed++;
      continue;
    }
    const tag = tagName(el);
    const text = textOf(el);
    const links = el.getElementsByTagName('a');
    if (links.length === 0) continue;
    if (tag === 'a') continue;
    const ld = linkDensity(el, text.length);
    if (BLOCK_TEXT_TAGS.has(tag) || tag === 'table' || tag === 'ul' || tag === 'ol' || tag === 'aside' || tag === 'h2' || tag === 'h3' || tag === 'h4') {
      // ">> Xem thêm: …" / "Tin liên quan: …" one-liners.
      if (text.length < 400 && startsWithInlineLinkPrefix(text) && ld >= 0.3) {
        note(log, '"Xem thêm"-style link line', el);
        removeNode(el);
        removed++;
        continue;
      }
      if (/^\s*(>>|»)/.test(text) && ld >= 0.5 && text.length < 400) {
        note(log, '">>" link line', el);
        removeNode(el);
        removed++;
        continue;
      }
      // Heading-less related boxes: ≥ 2 links, mostly link text.
      if ((tag === 'table' || tag === 'ul' || tag === 'ol' || tag === 'div' || tag === 'aside' || tag === 'section') && links.length >= 2 && ld >= 0.6 && nonLinkTextLength(el) < 200) {
        note(log, 'heading-less box of links', el);
        removeNode(el);
        removed++;
      }
    }
  }
  return removed;
}

export { isElement };
