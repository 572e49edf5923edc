// One bounded pass over the DOM that gathers what the page classifier needs: text blocks, their link text,
// title-like blocks, headline links and footer text. No DOM globals: numeric nodeType and the given Document.
import { classWordRe, COMMENT_CLASS_WORDS, FOOTER_CLASS_WORDS, NAVIGATION_CLASS_WORDS, OVERLAY_CLASS_WORDS, PAGER_CLASS_WORDS, RELATED_CLASS_WORDS, TITLE_CLASS_WORDS } from '../vocabulary';

/** Node budget: ~1 µs per node on a pathological page in Chromium, far less on ordinary pages. */
const MAX_NODES = 15_000;
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

/** What the walk has gathered so far; the walk itself (scanPage) only moves from node to node. */
class ScanState {
  readonly blocks: Block[] = [];
  /** Per anchor: its text length, the block it sits in and whether it is inside boilerplate. */
  readonly linkLen: number[] = [];
  readonly linkBlock: number[] = [];
  readonly linkBoiler: boolean[] = [];
  readonly h1Starts: number[] = [];
  text = '';
  footer = '';
  pager = false;
  dateMarkup = false;
  jsonLdArticle = false;

  /** A text node: its folded text counts for the block and link it sits in, the page text and the footer text. */
  addText(node: Node, ctx: Ctx): void {
    if (ctx.block < 0 && this.text.length >= MAX_TEXT) return;
    const value = node.nodeValue ?? '';
    const t = (value.length > 100_000 ? value.slice(0, 100_000) : value).replace(/\s+/g, ' ').trim();
    const n = t.length;
    if (!n) return;
    if (ctx.block >= 0) {
      this.blocks[ctx.block].own += n;
      if (ctx.link >= 0) this.blocks[ctx.block].ownLink += n;
    }
    if (ctx.link >= 0) this.linkLen[ctx.link] += n;
    if (this.text.length < MAX_TEXT) this.text += t + ' ';
    if (ctx.footer && this.footer.length < 3000) this.footer += t + ' ';
  }

  /** An element: notes its page-level markup; returns the context its children are walked in, or null to skip them. */
  enter(el: Element, ctx: Ctx): Ctx | null {
    const tag = el.tagName.toUpperCase();
    this.noteMarkup(el, tag);
    if (SKIP.has(tag) || el.firstChild === null) return null;
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return null;
    const style = el.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return null;
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    const names = cls || id ? `${cls ?? ''} ${id ?? ''}`.toLowerCase() : '';
    const next: Ctx = { block: ctx.block, link: ctx.link, boiler: ctx.boiler, tagBoiler: ctx.tagBoiler, footer: ctx.footer };
    if (tag === 'NAV' || tag === 'ASIDE' || tag === 'FOOTER') next.boiler = next.tagBoiler = true;
    else if (names && BOILER_RE.test(names)) next.boiler = true;
    if (tag === 'H1' && !next.boiler) this.h1Starts.push(this.text.length);
    if (tag === 'FOOTER' || (names && FOOTER_RE.test(names))) next.footer = true;
    if (!this.pager && names && PAGER_RE.test(names)) this.pager = true;
    if (BLOCK.has(tag)) next.block = this.openBlock(tag, names, next, ctx.block);
    if (tag === 'A') next.link = this.openLink(next);
    return next;
  }

  /** JSON-LD article markup and date markup count wherever they are, hidden or skipped elements included. */
  private noteMarkup(el: Element, tag: string): void {
    if (tag === 'SCRIPT' && !this.jsonLdArticle && el.getAttribute('type') === 'application/ld+json') {
      this.jsonLdArticle = JSON_LD_ARTICLE.test((el.textContent ?? '').slice(0, 50_000));
    }
    if (!this.dateMarkup && ((tag === 'TIME' && el.getAttribute('datetime')) || el.getAttribute('itemprop') === 'datePublished')) this.dateMarkup = true;
  }

  private openBlock(tag: string, names: string, ctx: Ctx, parent: number): number {
    this.blocks.push({
      tag, parent, own: 0, ownLink: 0, total: 0, totalLink: 0, headlines: 0, boiler: ctx.boiler, tagBoiler: ctx.tagBoiler,
      titleLike: HEADING.test(tag) || (!!names && TITLE_RE.test(names)),
      textStart: this.text.length, paraChars: 0, paraCount: 0, directChars: 0, directCount: 0,
    });
    return this.blocks.length - 1;
  }

  private openLink(ctx: Ctx): number {
    this.linkLen.push(0);
    this.linkBlock.push(ctx.block);
    this.linkBoiler.push(ctx.boiler);
    return this.linkLen.length - 1;
  }

  /** After the walk: headline links, subtree totals, prose runs and paragraph credit. */
  finish(truncated: boolean): PageScan {
    const { blocks, text } = this;
    const headlineLinks = this.countHeadlineLinks();
    sumSubtrees(blocks);
    const textCells = textCellsPerRow(blocks);
    proseRuns(blocks, textCells);
    creditParagraphs(blocks, textCells);
    const pager = this.pager || /Trang (sau|tiếp|cuối)|Xem tiếp các tin|« Trước|Trang trước/.test(text);
    return { blocks, text, footer: this.footer, headlineLinks, pager, truncated, dateMarkup: this.dateMarkup, jsonLdArticle: this.jsonLdArticle, h1Starts: this.h1Starts };
  }

  /** Headline-length anchors outside boilerplate; every block above a headline-length anchor counts it. */
  private countHeadlineLinks(): number {
    const { blocks, linkLen, linkBlock, linkBoiler } = this;
    let headlineLinks = 0;
    for (let i = 0; i < linkLen.length; i++) {
      if (linkLen[i] < 30) continue;
      if (!linkBoiler[i]) headlineLinks++;
      for (let b = linkBlock[i]; b >= 0; b = blocks[b].parent) blocks[b].headlines++;
    }
    return headlineLinks;
  }
}

/** Walks `root` in document order (first child / next sibling, no per-node allocations), at most MAX_NODES nodes. */
export function scanPage(root: Element): PageScan {
  const scan = new ScanState();
  let visited = 0;
  const open: Ctx[] = [];
  let ctx: Ctx = { block: -1, link: -1, boiler: false, tagBoiler: false, footer: false };
  let node: Node | null = root;
  walk: while (node) {
    if (++visited > MAX_NODES) return scan.finish(true);
    const type = node.nodeType;
    if (type === 3) scan.addText(node, ctx);
    else if (type === 1) {
      const next = scan.enter(node as Element, ctx);
      if (next) {
        open.push(ctx);
        ctx = next;
        node = node.firstChild;
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
  return scan.finish(false);
}

/** Subtree totals: blocks come in document order, so children follow their parent and are summed first from the end. */
function sumSubtrees(blocks: Block[]): void {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i];
    b.total += b.own;
    b.totalLink += b.ownLink;
    if (b.parent >= 0) {
      blocks[b.parent].total += b.total;
      blocks[b.parent].totalLink += b.totalLink;
    }
  }
}

/** Per table row, its cells holding text: a row with two or more is data (schedules, document tables), not a layout cell holding prose. */
function textCellsPerRow(blocks: Block[]): Map<number, number> {
  const textCells = new Map<number, number>();
  for (const b of blocks) {
    if ((b.tag === 'TD' || b.tag === 'TH') && b.total > 0 && b.parent >= 0) textCells.set(b.parent, (textCells.get(b.parent) ?? 0) + 1);
  }
  return textCells;
}

/** Paragraphs credit their parent fully and their grandparent by half (Readability's idea). */
function creditParagraphs(blocks: Block[], textCells: Map<number, number>): void {
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
