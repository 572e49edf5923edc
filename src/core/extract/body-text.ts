// bodyText from a clean tree: paragraphs separated by a blank line; a list is one block with one item per line;
// a table is one block with one row per line and tab-separated cells; captions are paragraphs.
import { ELEMENT_NODE, TEXT_NODE, tagName, kids, nodes } from './dom';

const INLINE_BREAK_BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'pre', 'dt', 'dd', 'caption']);

function cleanLine(s: string): string {
  return s.replace(/[ \t\u00a0\u200b]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

/** Inline text with <br> as newline; nested blocks (in cells/items) joined by a space. */
function inlineText(el: Node, brAsNewline = true): string {
  let s = '';
  for (const c of nodes(el)) {
    if (c.nodeType === TEXT_NODE) s += (c.textContent ?? '').replace(/\s+/g, ' ');
    else if (c.nodeType === ELEMENT_NODE) {
      const t = tagName(c as Element);
      if (t === 'br') s += brAsNewline ? '\n' : ' ';
      else if (t === 'img') continue;
      else if (t === 'ul' || t === 'ol' || t === 'table' || t === 'p' || t === 'li' || t === 'tr' || /^h\d$/.test(t) || t === 'blockquote' || t === 'figure' || t === 'figcaption') {
        s += ' ' + inlineText(c, brAsNewline) + ' ';
      } else s += inlineText(c, brAsNewline);
    }
  }
  return s;
}

function listBlock(el: Element): string {
  const lines: string[] = [];
  for (const c of kids(el)) {
    if (tagName(c) !== 'li') continue;
    const line = cleanLine(inlineText(c, false));
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

function tableBlock(el: Element): string {
  const rows: string[] = [];
  for (const tr of Array.from(el.querySelectorAll('tr'))) {
    if (tr.closest('table') !== el) continue;
    const cells: string[] = [];
    for (const c of kids(tr)) {
      const t = tagName(c);
      if (t !== 'td' && t !== 'th') continue;
      cells.push(cleanLine(inlineText(c, false)).replace(/\n/g, ' '));
    }
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    while (cells.length && !cells[0]) cells.shift();
    if (cells.length) rows.push(cells.join('\t'));
  }
  return rows.join('\n');
}

function collect(el: Element, out: string[]): void {
  for (const c of nodes(el)) {
    if (c.nodeType === TEXT_NODE) {
      const t = cleanLine(c.textContent ?? '');
      if (t) out.push(t);
      continue;
    }
    if (c.nodeType !== ELEMENT_NODE) continue;
    const e = c as Element;
    const t = tagName(e);
    if (t === 'ul' || t === 'ol') {
      const b = listBlock(e);
      if (b) out.push(b);
    } else if (t === 'table') {
      // A one-column table of image + caption reads as paragraphs, not as a data table.
      const b = tableBlock(e);
      if (b) out.push(b);
    } else if (INLINE_BREAK_BLOCKS.has(t)) {
      // "<br><br>" inside one element separates paragraphs (old CMSs write bodies that way).
      for (const part of cleanLine(inlineText(e)).split(/\n{2,}/)) if (part.trim()) out.push(part.trim());
    } else if (t === 'blockquote' || t === 'figure' || t === 'dl' || t === 'li') {
      collect(e, out);
    } else if (t === 'img' || t === 'br' || t === 'hr') {
      continue;
    } else {
      const b = cleanLine(inlineText(e));
      if (b) out.push(b);
    }
  }
}

export function bodyBlocks(clean: Element): string[] {
  const out: string[] = [];
  collect(clean, out);
  return out;
}

export function bodyTextFromBlocks(blocks: string[]): string {
  return blocks.join('\n\n').normalize('NFC');
}

/** Whitespace-separated tokens that hold a letter or digit (Vietnamese words are syllables; each counts). */
export function countWords(text: string): number {
  let n = 0;
  for (const tok of text.split(/\s+/)) if (tok && /[0-9A-Za-z\u00C0-\u1EF9]/.test(tok)) n++;
  return n;
}
