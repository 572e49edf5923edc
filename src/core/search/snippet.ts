// Plain-text snippets with highlight ranges: the UI wraps the ranges itself (no HTML is produced here).
// A word typed with diacritics marks the words written that way; words that only fold to it (dưỡng for đường)
// are marked only where the text has no exact one. A phrase is marked as one span, its words alone are not.
import { collapseWhitespace, toNFC } from '../text/normalize';
import { exactKeyIfMarked, foldWord } from '../text/tokenize';
import type { ParsedQuery, QuerySyllable } from './query';

/** [start, end) offsets into the string they belong to. */
export type Range = [number, number];

interface HighlightUnit {
  syllables: QuerySyllable[];
  /** The last syllable is still being typed. */
  prefix: boolean;
}

interface Highlighter {
  units: HighlightUnit[];
}

export function highlighterFor(q: ParsedQuery): Highlighter {
  return { units: q.required.map((u) => ({ syllables: u.syllables, prefix: u.kind === 'prefix' })) };
}

const NONE = 0;
const FOLDED = 1;
const EXACT = 2;
type Level = typeof NONE | typeof FOLDED | typeof EXACT;

/** How well one written word matches one typed syllable. */
function syllableLevel(s: QuerySyllable, word: string, prefix: boolean): Level {
  const folded = foldWord(word);
  if (prefix ? !folded.startsWith(s.folded) : folded !== s.folded) return NONE;
  if (s.exact === null) return EXACT; // typed without diacritics: every folded match is what was asked for
  if (exactKeyIfMarked(word) === s.exact) return EXACT;
  if (prefix && word.toLowerCase().startsWith(s.text.toLowerCase())) return EXACT;
  return FOLDED;
}

interface Word {
  start: number;
  end: number;
  text: string;
}

/** Level of `unit` ending at the newest of `recent` (a ring of the last words; `n` words seen so far). */
function unitLevelEndingAt(unit: HighlightUnit, recent: Word[], n: number): Level {
  const len = unit.syllables.length;
  if (n < len) return NONE;
  let level: Level = EXACT;
  for (let k = 0; k < len; k++) {
    const w = recent[(n - len + k) % recent.length];
    const l = syllableLevel(unit.syllables[k], w.text, unit.prefix && k === len - 1);
    if (l === NONE) return NONE;
    if (l < level) level = l;
  }
  return level;
}

interface Found {
  unit: number;
  level: Level;
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/**
 * Walks the words of NFC `text` and reports every unit occurrence (as one span from its first to its last word).
 * `onFound` returns true to stop: bodies are long and the snippet needs only the first good match.
 */
function scanMatches(text: string, h: Highlighter, onFound: (f: Found) => boolean): void {
  if (!h.units.length) return;
  const span = Math.max(...h.units.map((u) => u.syllables.length));
  const recent = new Array<Word>(span);
  let n = 0;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    recent[n % span] = { start: m.index, end: m.index + m[0].length, text: m[0] };
    n++;
    for (let u = 0; u < h.units.length; u++) {
      const level = unitLevelEndingAt(h.units[u], recent, n);
      if (level === NONE) continue;
      const first = recent[(n - h.units[u].syllables.length) % span];
      if (onFound({ unit: u, level, start: first.start, end: m.index + m[0].length })) return;
    }
  }
}

/** Ranges of the matches in `text` (which must already be NFC), exact ones per unit where it has any. Adjacent matches are joined. */
export function highlightRanges(text: string, h: Highlighter): Range[] {
  const found: Found[] = [];
  scanMatches(text, h, (f) => {
    found.push(f);
    return false;
  });
  const hasExact = new Set(found.filter((f) => f.level === EXACT).map((f) => f.unit));
  const kept = found
    .filter((f) => f.level === EXACT || !hasExact.has(f.unit))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Range[] = [];
  for (const f of kept) {
    const last = out[out.length - 1];
    if (last && (f.start <= last[1] || /^\s*$/u.test(text.slice(last[1], f.start)))) last[1] = Math.max(last[1], f.end);
    else out.push([f.start, f.end]);
  }
  return out;
}

const SNIPPET_CHARS = 220;

/** Where the snippet should show: the first exact match in the sources, else the first folded one. */
function bestMatch(sources: string[], h: Highlighter): { source: number; at: number } | null {
  let folded: { source: number; at: number } | null = null;
  for (let i = 0; i < sources.length; i++) {
    let exactAt = -1;
    scanMatches(sources[i], h, (f) => {
      if (f.level === EXACT) exactAt = f.start;
      else if (!folded) folded = { source: i, at: f.start };
      return exactAt >= 0;
    });
    if (exactAt >= 0) return { source: i, at: exactAt };
  }
  return folded;
}

/** A window of the lead or body around the best matched word (or their start), whitespace collapsed. */
export function buildSnippet(lead: string | null, body: string, h: Highlighter, size = SNIPPET_CHARS): { text: string; ranges: Range[] } {
  const sources = [toNFC(lead ?? ''), toNFC(body ?? '')].filter((s) => s.trim());
  const best = bestMatch(sources, h);
  const chosen = sources[best?.source ?? 0] ?? '';
  const at = best?.at ?? 0;
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
