// One bounded pass over the DOM that gathers what the page classifier needs: text blocks, their link text,
// title-like blocks, headline links and footer text. No DOM globals: numeric nodeType and the given Document.

export const MAX_NODES = 20_000;
const MAX_TEXT = 200_000;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'FRAME', 'OBJECT', 'SELECT', 'OPTION', 'BUTTON', 'TEXTAREA', 'INPUT', 'HEAD']);
const BLOCK = new Set([
  'BODY', 'MAIN', 'ARTICLE', 'SECTION', 'DIV', 'P', 'TD', 'TH', 'TR', 'TABLE', 'TBODY', 'THEAD', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'FORM', 'CENTER',
  'PRE', 'ADDRESS', 'FIELDSET',
]);
const HEADING = /^H[1-6]$/;
/** Class/id tokens of blocks whose paragraphs are never the article body. */
const BOILER_TOKEN = /^(menu|nav|navbar|navigation|footer|sidebar|breadcrumb|breadcrumbs|comment|comments|related|relate|relates|tinlienquan|tinlq|other|othernews|same|widget|banner|slider|marquee|login|copyright)$/;
const FOOTER_TOKEN = /^(footer|copyright|bottom)$/;
const TITLE_TOKEN = /^(title|tieude|headline|tieu|heading)$/;
const PAGER_TOKEN = /^(pagination|paging|pager|iterator|phantrang)$/;

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
  titleLike: boolean;
  textStart: number;
  /** Credit from paragraphs below: chars and count. */
  paraChars: number;
  paraCount: number;
}

export interface PageScan {
  blocks: Block[];
  text: string;
  footer: string;
  /** Anchors with headline-length text (≥ 30 chars), outside boilerplate. */
  headlineLinks: number;
  pager: boolean;
  truncated: boolean;
}

function tokens(el: Element): string[] {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  const s = `${cls} ${id}`.toLowerCase();
  return s ? s.split(/[\s_-]+/) : [];
}

interface Frame { node: Node; block: number; link: number; boiler: boolean; footer: boolean }

/** Walks `root` in document order, at most MAX_NODES nodes. */
export function scanPage(root: Element): PageScan {
  const blocks: Block[] = [];
  const linkLen: number[] = [];
  const linkBlock: number[] = [];
  const linkBoiler: boolean[] = [];
  let text = '';
  let footer = '';
  let pager = false;
  let visited = 0;
  const stack: Frame[] = [{ node: root, block: -1, link: -1, boiler: false, footer: false }];
  while (stack.length) {
    const f = stack.pop()!;
    if (++visited > MAX_NODES) return finish(true);
    const node = f.node;
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      const raw = value.length > 100_000 ? value.slice(0, 100_000) : value;
      const t = raw.replace(/\s+/g, ' ').trim();
      if (!t) continue;
      const n = t.length;
      if (f.block >= 0) {
        blocks[f.block].own += n;
        if (f.link >= 0) blocks[f.block].ownLink += n;
      }
      if (f.link >= 0) linkLen[f.link] += n;
      if (text.length < MAX_TEXT) text += t + ' ';
      if (f.footer && footer.length < 3000) footer += t + ' ';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') continue;
    const style = el.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) continue;
    let { block, link, boiler, footer: inFooter } = f;
    const tk = tokens(el);
    if (tk.some((t) => BOILER_TOKEN.test(t)) || tag === 'NAV' || tag === 'ASIDE' || tag === 'FOOTER') boiler = true;
    if (tag === 'FOOTER' || tk.some((t) => FOOTER_TOKEN.test(t))) inFooter = true;
    if (!pager && tk.some((t) => PAGER_TOKEN.test(t))) pager = true;
    if (BLOCK.has(tag)) {
      blocks.push({
        tag, parent: block, own: 0, ownLink: 0, total: 0, totalLink: 0, headlines: 0, boiler,
        titleLike: HEADING.test(tag) || tk.some((t) => TITLE_TOKEN.test(t)),
        textStart: text.length, paraChars: 0, paraCount: 0,
      });
      block = blocks.length - 1;
    }
    if (tag === 'A') {
      linkLen.push(0);
      linkBlock.push(block);
      linkBoiler.push(boiler);
      link = linkLen.length - 1;
    }
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], block, link, boiler, footer: inFooter });
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
    // Paragraphs credit their parent fully and their grandparent by half (Readability's idea).
    for (const b of blocks) {
      const plain = b.own - b.ownLink;
      if (b.boiler || HEADING.test(b.tag) || plain < 40 || b.ownLink > b.own * 0.5) continue;
      if ((b.tag === 'TD' || b.tag === 'TH') && (textCells.get(b.parent) ?? 0) >= 2) continue;
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
    return { blocks, text, footer, headlineLinks, pager, truncated };
  }
}
