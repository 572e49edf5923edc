// ScrapingHub article-extraction-benchmark body metric: 4-token shingles; per-page precision and recall;
// averaged over pages; F1 of the two means. Text is NFC-normalised first.

export function tokenize(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

export function shingles(text: string, n = 4): Map<string, number> {
  const toks = tokenize(text);
  const out = new Map<string, number>();
  if (toks.length === 0) return out;
  if (toks.length < n) {
    out.set(toks.join(' '), 1);
    return out;
  }
  for (let i = 0; i + n <= toks.length; i++) {
    const k = toks.slice(i, i + n).join(' ');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export interface PR {
  precision: number;
  recall: number;
}

export function precisionRecall(expected: string, predicted: string): PR {
  const e = shingles(expected);
  const p = shingles(predicted);
  let eTotal = 0;
  let pTotal = 0;
  let tp = 0;
  for (const v of e.values()) eTotal += v;
  for (const [k, v] of p) {
    pTotal += v;
    tp += Math.min(v, e.get(k) ?? 0);
  }
  if (eTotal === 0 && pTotal === 0) return { precision: 1, recall: 1 };
  return { precision: pTotal ? tp / pTotal : 0, recall: eTotal ? tp / eTotal : 0 };
}

export function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Totals as the benchmark defines them: mean precision, mean recall, F1 of the means. */
export function aggregate(prs: PR[]): { precision: number; recall: number; f1: number } {
  if (!prs.length) return { precision: 0, recall: 0, f1: 0 };
  const precision = prs.reduce((s, x) => s + x.precision, 0) / prs.length;
  const recall = prs.reduce((s, x) => s + x.recall, 0) / prs.length;
  return { precision, recall, f1: f1(precision, recall) };
}

export const foldWs = (s: string | null | undefined) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
