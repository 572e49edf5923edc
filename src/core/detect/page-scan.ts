// One bounded pass over the DOM that gathers what the page classifier needs: text blocks, their link text,
// title-like blocks, headline links and footer text. No DOM globals: numeric nodeType and the given Document.
import { classWordRe, COMMENT_CLASS_WORDS, FOOTER_CLASS_WORDS, NAVIGATION_CLASS_WORDS, OVERLAY_CLASS_WORDS, PAGER_CLASS_WORDS, RELATED_CLASS_WORDS, TITLE_CLASS_WORDS } from '../vocabulary';

/** Node budget: ~1 µs per node on a pathological page in Chromium, far less on ordinary pages. */
export const MAX_NODES = 15_000;
const MAX_TEXT = 100_000;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'FRAME', 'OBJECT', 'SELECT', 'OPTION', 'BUTTON', 'TEXTAREA', 'INPUT', 'HEAD']);
const BLOCK = new Set([
  'BODY', 'MAIN', 'ARTICLE', 'SECTION', 'DIV', 'P', 'TD', 'TH', 'TR', 'TABLE', 'TBODY', 'THEAD', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'FORM', 'CENTER',
  'PRE', 'ADDRESS', 'FIELDSET',
]);
const HEADING = /^H[1-6]$/;
/** Blocks whose paragraphs are never the article body. */
const BOILER_RE = classWordRe(NAVIGATION_CLASS_WORDS, COMMENT_CLASS_WORDS, RELATED_CLASS_WORDS, OVERLAY_CLASS_WORDS);
const FOOTER_RE = classWordRe(FOOTER_CLASS_WORDS);
const TITLE_RE = classWordRe(TITLE_CLASS_WORDS);
const PAGER_RE = classWordRe(PAGER_CLASS_WORDS);

export interface Block {
  tag: string;
  parent: number;
  /** Text directly in this block (inline descendants included, nested blocks excluded), whitespace-folded. */
  own: number;
  ownLink: number;
  /** Subtree totals, filled after the walk. */
  total: number;
  totalLink: number;
  headlines: number;
  boiler: boolean;
  /** Inside <nav>, <aside> or <footer>: furniture by its tag, not just by a class word. */
  tagBoiler: boolean;
  titleLike: boolean;
  textStart: number;
  /** Credit from paragraphs below: chars and count. */
  paraChars: number;
  paraCount: number;
  /** The longest run of paragraph children not broken by a headline link (class words ignored): chars, count. */
  directChars: number;
  directCount: number;
}

export interface PageScan {
  blocks: Block[];
  text: string;
  footer: string;
  /** Anchors with headline-length text (≥ 30 chars), outside boilerplate. */
  headlineLinks: number;
  pager: boolean;
  truncated: boolean;
  /** <time datetime> or itemprop=datePublished seen. */
  dateMarkup: boolean;
  /** A JSON-LD block of @type NewsArticle/Article seen. */
  jsonLdArticle: boolean;
  /** Text offsets of the <h1> blocks outside furniture. */
  h1Starts: number[];
}

const JSON_LD_ARTICLE = /"@type"\s*:\s*\[?\s*"(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting)"/;

interface Ctx { block: number; link: number; boiler: boolean; tagBoiler: boolean; footer: boolean }

/** Walks `root` in document order (first child / next sibling, no per-node allocations), at most MAX_NODES nodes. */
export function scanPage(root: Element): PageScan {
  const blocks: Block[] = [];
  const linkLen: number[] = [];
  const linkBlock: number[] = [];
  const linkBoiler: boolean[] = [];
  let text = '';
  let footer = '';
  let pager = false;
  let dateMarkup = false;
  let jsonLdArticle = false;
  let visited = 0;
  const open: Ctx[] = [];
  let ctx: Ctx = { block: -1, link: -1, boiler: false, tagBoiler: false, footer: false };
  const h1Starts: number[] = [];
  let node: Node | null = root;
  walk: while (node) {
    if (++visited > MAX_NODES) return finish(true);
    const type = node.nodeType;
    if (type === 3) {
      if (ctx.block >= 0 || text.length < MAX_TEXT) {
        const value = node.nodeValue ?? '';
        const t = (value.length > 100_000 ? value.slice(0, 100_000) : value).replace(/\s+/g, ' ').trim();
        const n = t.length;
        if (n) {
          if (ctx.block >= 0) {
            blocks[ctx.block].own += n;
            if (ctx.link >= 0) blocks[ctx.block].ownLink += n;
          }
          if (ctx.link >= 0) linkLen[ctx.link] += n;
          if (text.length < MAX_TEXT) text += t + ' ';
          if (ctx.footer && footer.length < 3000) footer += t + ' ';
        }
      }
    } else if (type === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      let enter = !SKIP.has(tag) && el.firstChild !== null;
      if (tag === 'SCRIPT' && !jsonLdArticle && el.getAttribute('type') === 'application/ld+json') {
        jsonLdArticle = JSON_LD_ARTICLE.test((el.textContent ?? '').slice(0, 50_000));
      }
      if (!dateMarkup && ((tag === 'TIME' && el.getAttribute('datetime')) || el.getAttribute('itemprop') === 'datePublished')) dateMarkup = true;
      if (enter && (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true')) enter = false;
      const style = enter ? el.getAttribute('style') : null;
      if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) enter = false;
      if (enter) {
        const cls = el.getAttribute('class');
        const id = el.getAttribute('id');
        const names = cls || id ? `${cls ?? ''} ${id ?? ''}`.toLowerCase() : '';
        const next: Ctx = { block: ctx.block, link: ctx.link, boiler: ctx.boiler, tagBoiler: ctx.tagBoiler, footer: ctx.footer };
        if (tag === 'NAV' || tag === 'ASIDE' || tag === 'FOOTER') next.boiler = next.tagBoiler = true;
        else if (names && BOILER_RE.test(names)) next.boiler = true;
        if (tag === 'H1' && !next.boiler) h1Starts.push(text.length);
        if (tag === 'FOOTER' || (names && FOOTER_RE.test(names))) next.footer = true;
        if (!pager && names && PAGER_RE.test(names)) pager = true;
        if (BLOCK.has(tag)) {
          blocks.push({
            tag, parent: ctx.block, own: 0, ownLink: 0, total: 0, totalLink: 0, headlines: 0, boiler: next.boiler, tagBoiler: next.tagBoiler,
            titleLike: HEADING.test(tag) || (!!names && TITLE_RE.test(names)),
            textStart: text.length, paraChars: 0, paraCount: 0, directChars: 0, directCount: 0,
          });
          next.block = blocks.length - 1;
        }
        if (tag === 'A') {
          linkLen.push(0);
          linkBlock.push(next.block);
          linkBoiler.push(next.boiler);
          next.link = linkLen.length - 1;
        }
        open.push(ctx);
        ctx = next;
        node = el.firstChild;
        continue;
      }
    }
    // Next node: the sibling, or the sibling of the nearest ancestor that has one.
    while (node) {
      if (node === root) break walk;
      if (node.nextSibling) { node = node.nextSibling; continue walk; }
      node = node.parentNode;
      ctx = open.pop() ?? ctx;
    }
  }
  return finish(false);

  function finish(truncated: boolean): PageScan {
    let headlineLinks = 0;
    for (let i = 0; i < linkLen.length; i++) {
      if (linkLen[i] < 30) continue;
      if (!linkBoiler[i]) headlineLinks++;
      for (let b = linkBlock[i]; b >= 0; b = blocks[b].parent) blocks[b].headlines++;
    }
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i];
      b.total += b.own;
      b.totalLink += b.ownLink;
      if (b.parent >= 0) {
        blocks[b.parent].total += b.total;
        blocks[b.parent].totalLink += b.totalLink;
      }
    }
    // A row with two or more text cells is data (schedules, document tables), not a layout cell holding prose.
    const textCells = new Map<number, number>();
    for (const b of blocks) {
      if ((b.tag === 'TD' || b.tag === 'TH') && b.total > 0 && b.parent >= 0) textCells.set(b.parent, (textCells.get(b.parent) ?? 0) + 1);
    }
    proseRuns(blocks, textCells);
    // Paragraphs credit their parent fully and their grandparent by half (Readability's idea).
    for (const b of blocks) {
      const plain = b.own - b.ownLink;
      if (HEADING.test(b.tag) || plain < 40 || b.ownLink > b.own * 0.5) continue;
      if ((b.tag === 'TD' || b.tag === 'TH') && (textCells.get(b.parent) ?? 0) >= 2) continue;
      if (b.boiler) continue;
      if (b.parent >= 0) {
        const p = blocks[b.parent];
        p.paraChars += plain;
        p.paraCount++;
        if (p.parent >= 0) {
          blocks[p.parent].paraChars += plain / 2;
          blocks[p.parent].paraCount += 0.5;
        }
      }
    }
    if (/Trang (sau|tiếp|cuối)|Xem tiếp các tin|« Trước|Trang trước/.test(text)) pager = true;
    return { blocks, text, footer, headlineLinks, pager, truncated, dateMarkup, jsonLdArticle, h1Starts };
  }
}

const isParagraph = (b: Block, textCells: Map<number, number>) =>
  !HEADING.test(b.tag) && b.own - b.ownLink >= 40 && b.ownLink <= b.own * 0.5 && !((b.tag === 'TD' || b.tag === 'TH') && (textCells.get(b.parent) ?? 0) >= 2);

/**
 * Per block, the longest run of consecutive paragraph children that no child holding a headline link interrupts:
 * an article's body is one long run, a listing's teasers are runs of one, and a related block after the body
 * (a headline link per teaser) starts new runs instead of adding to the body's.
 */
function proseRuns(blocks: Block[], textCells: Map<number, number>): void {
  const runChars = new Float64Array(blocks.length);
  const runCount = new Uint32Array(blocks.length);
  for (const b of blocks) {
    const p = b.parent;
    if (p < 0 || b.tagBoiler) continue;
    if (isParagraph(b, textCells)) {
      const chars = (runChars[p] += b.own - b.ownLink);
      const count = ++runCount[p];
      if (chars > blocks[p].directChars) {
        blocks[p].directChars = chars;
        blocks[p].directCount = count;
      }
    } else if (b.headlines > 0) {
      runChars[p] = 0;
      runCount[p] = 0;
    }
  }
}
