// Plain-text snippets with highlight ranges: the UI wraps the ranges itself (no HTML is produced here).
import { collapseWhitespace, toNFC } from '../text/normalize';
import { foldWord, tokenize } from '../text/tokenize';
import type { ParsedQuery } from './query';

/** [start, end) offsets into the string they belong to. */
export type Range = [number, number];

export interface Highlighter {
  words: Set<string>;
  prefixes: string[];
}

export function highlighterFor(q: ParsedQuery): Highlighter {
  const words = new Set<string>();
  const prefixes: string[] = [];
  for (const u of q.required) {
    if (u.kind === 'prefix') prefixes.push(u.syllables[0].folded);
    else for (const s of u.syllables) words.add(s.folded);
  }
  return { words, prefixes };
}

function isMatch(h: Highlighter, folded: string): boolean {
  return h.words.has(folded) || h.prefixes.some((p) => folded.startsWith(p));
}

/** Ranges of the matching words in `text` (which must already be NFC). Adjacent matches are joined. */
export function highlightRanges(text: string, h: Highlighter): Range[] {
  const out: Range[] = [];
  for (const t of tokenize(text)) {
    if (!isMatch(h, t.folded)) continue;
    const last = out[out.length - 1];
    if (last && /^\s*$/u.test(text.slice(last[1], t.start))) last[1] = t.end;
    else out.push([t.start, t.end]);
  }
  return out;
}

export const SNIPPET_CHARS = 220;

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** Offset of the first matching word in NFC text, or -1; stops at the first match (bodies are long). */
function firstMatch(text: string, h: Highlighter): number {
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    if (isMatch(h, foldWord(m[0]))) return m.index;
  }
  return -1;
}

/** A window of the lead or body around the first matched word (or their start), whitespace collapsed. */
export function buildSnippet(lead: string | null, body: string, h: Highlighter, size = SNIPPET_CHARS): { text: string; ranges: Range[] } {
  const sources = [toNFC(lead ?? ''), toNFC(body ?? '')].filter((s) => s.trim());
  let chosen = sources[0] ?? '';
  let at = 0;
  if (h.words.size || h.prefixes.length) {
    for (const s of sources) {
      const first = firstMatch(s, h);
      if (first >= 0) {
        chosen = s;
        at = first;
        break;
      }
    }
  }
  let start = Math.max(0, at - Math.floor(size / 4));
  if (start > 0) {
    const space = chosen.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : Math.min(start, at);
  }
  let end = Math.min(chosen.length, start + size);
  if (end < chosen.length) {
    const space = chosen.lastIndexOf(' ', end);
    if (space > at) end = space;
  }
  let text = collapseWhitespace(chosen.slice(start, end));
  if (start > 0) text = `…${text}`;
  if (end < chosen.length) text = `${text}…`;
  return { text, ranges: highlightRanges(text, h) };
}
