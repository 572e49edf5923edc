// trafilatura's evaluation metric (its tests/comparison.py): per page, each `with` snippet found in the extracted text
// is a true positive (else a false negative), each `without` snippet found is a false positive (else a true
// negative); counts are summed over all pages, and F1 = 2tp / (2tp + fp + fn). Matching is a substring test after
// collapsing whitespace runs to one space on both sides.

export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export const collapseWs = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Counts for one page. `text` null means the extractor gave no article: every `with` snippet is missed. */
export function scoreSnippets(text: string | null, withSnippets: string[], withoutSnippets: string[]): SnippetCounts {
  const c: SnippetCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const t = text === null ? null : collapseWs(text);
  for (const s of withSnippets) {
    if (t !== null && t.includes(collapseWs(s))) c.tp++;
    else c.fn++;
  }
  for (const s of withoutSnippets) {
    if (t !== null && t.includes(collapseWs(s))) c.fp++;
    else c.tn++;
  }
  return c;
}

export function sumCounts(all: SnippetCounts[]): SnippetCounts {
  const s: SnippetCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const c of all) {
    s.tp += c.tp;
    s.fp += c.fp;
    s.fn += c.fn;
    s.tn += c.tn;
  }
  return s;
}

export interface SnippetTotals {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export function snippetTotals(c: SnippetCounts): SnippetTotals {
  const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    precision: div(c.tp, c.tp + c.fp),
    recall: div(c.tp, c.tp + c.fn),
    f1: div(2 * c.tp, 2 * c.tp + c.fp + c.fn),
    accuracy: div(c.tp + c.tn, c.tp + c.tn + c.fp + c.fn),
  };
}
