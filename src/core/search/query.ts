// Query text → what must match. Never throws: anything that is not a word is ignored.
//   words            all must match (folded: typed with or without diacritics)
//   last word        also matches as a prefix while it is being typed (no trailing space)
//   "a b c"          consecutive syllables
//   -word, -"a b"    excluded
//   province:… site:… tag:… category:…   filters (value may be quoted)
import { collapseWhitespace, toNFC } from '../text/normalize';
import { tokenize } from '../text/tokenize';

export interface QuerySyllable {
  /** As typed (NFC). */
  text: string;
  folded: string;
  /** Exact key (see exactWordKey) when typed with diacritics, else null. */
  exact: string | null;
}

export interface QueryUnit {
  kind: 'word' | 'prefix' | 'phrase';
  syllables: QuerySyllable[];
}

export interface TextFilters {
  province?: string;
  site?: string;
  tag?: string;
  category?: string;
}

export interface ParsedQuery {
  /** All must match. At most one unit is a prefix. */
  required: QueryUnit[];
  /** None may match. */
  excluded: QueryUnit[];
  filters: TextFilters;
  /** No words at all (filters may still be present): list newest first. */
  isEmpty: boolean;
}

/** Longer queries are cut here; more units than MAX_UNITS are ignored. */
export const MAX_QUERY_CHARS = 1000;
export const MAX_UNITS = 32;

const FILTER_KEYS: Record<string, keyof TextFilters> = {
  province: 'province',
  tinh: 'province',
  site: 'site',
  tag: 'tag',
  nhan: 'tag',
  category: 'category',
  chuyenmuc: 'category',
};

const OPEN_QUOTES = '"“”„«»';
const isSpace = (c: string) => /\s/u.test(c);

function syllables(text: string): QuerySyllable[] {
  return tokenize(text).map((t) => ({ text: t.text, folded: t.folded, exact: t.exact }));
}

function unitKey(u: QueryUnit): string {
  return `${u.kind}:${u.syllables.map((s) => s.exact ?? s.folded).join(' ')}`;
}

export function parseQuery(input: unknown, options: { prefix?: boolean } = {}): ParsedQuery {
  const allowPrefix = options.prefix ?? true;
  let text = typeof input === 'string' ? input : '';
  text = toNFC(text).replace(/[\u200b-\u200d\ufeff]/g, '');
  if (text.length > MAX_QUERY_CHARS) text = text.slice(0, MAX_QUERY_CHARS);
  const required: QueryUnit[] = [];
  const excluded: QueryUnit[] = [];
  const filters: TextFilters = {};
  let lastBare: { unit: QueryUnit; endsText: boolean } | null = null;

  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text[i])) i++;
    if (i >= n) break;
    let negated = false;
    if ((text[i] === '-' || text[i] === '\u2212') && i + 1 < n && !isSpace(text[i + 1])) {
      negated = true;
      i++;
    }
    let chunk: string;
    let quoted = false;
    if (OPEN_QUOTES.includes(text[i])) {
      quoted = true;
      let j = i + 1;
      while (j < n && !OPEN_QUOTES.includes(text[j])) j++;
      chunk = text.slice(i + 1, j);
      i = Math.min(n, j + 1);
    } else {
      let j = i;
      while (j < n && !isSpace(text[j])) j++;
      chunk = text.slice(i, j);
      // key:value or key:"quoted value"
      const m = /^([a-zA-Z]+):(.*)$/u.exec(chunk);
      const key = m ? FILTER_KEYS[m[1].toLowerCase()] : undefined;
      if (m && key && !negated) {
        let value = m[2];
        if (value && OPEN_QUOTES.includes(value[0])) {
          const start = i + m[1].length + 2;
          let k = start;
          while (k < n && !OPEN_QUOTES.includes(text[k])) k++;
          value = text.slice(start, k);
          j = Math.min(n, k + 1);
        }
        value = collapseWhitespace(key === 'site' ? value : value.replace(/[-_]+/g, ' '));
        if (value) filters[key] = value;
        i = j;
        lastBare = null;
        continue;
      }
      i = j;
    }
    const syl = syllables(chunk);
    if (!syl.length) {
      lastBare = null;
      continue;
    }
    const unit: QueryUnit = { kind: syl.length > 1 ? 'phrase' : 'word', syllables: syl };
    (negated ? excluded : required).push(unit);
    lastBare = !negated && !quoted && syl.length === 1 ? { unit, endsText: i >= n } : null;
  }
  if (allowPrefix && lastBare?.endsText && /[\p{L}\p{M}\p{N}]$/u.test(text)) lastBare.unit.kind = 'prefix';

  const dedupe = (units: QueryUnit[]) => {
    const seen = new Set<string>();
    return units.filter((u) => {
      const k = unitKey(u);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }).slice(0, MAX_UNITS);
  };
  const req = dedupe(required);
  const exc = dedupe(excluded);
  return { required: req, excluded: exc, filters, isEmpty: req.length === 0 && exc.length === 0 };
}
