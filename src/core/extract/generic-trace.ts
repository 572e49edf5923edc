// Why the generic extractor chose its body, for an --explain printout: the leading candidates with their scores, the
// path that fired (best candidate, or a fallback), the element chosen and how many sibling blocks were merged in.

interface GenericCandidate {
  /** tag#id.class (class list shortened). */
  element: string;
  /** Content score × (1 − link density). */
  score: number;
  chars: number;
  linkDensity: number;
}

type GenericPath = 'best-candidate' | 'largest-text-block' | 'whole-page' | 'none';

export interface GenericTrace {
  /** The five best-scoring containers, best first. */
  candidates: GenericCandidate[];
  path: GenericPath | null;
  chosen: string | null;
  /** Sibling blocks merged with the chosen container (0 when it stands alone). */
  mergedSiblings: number;
  /** Set when the first pass found too little and a pass without boilerplate pruning was taken instead. */
  retriedWithoutPruning: boolean;
  notes: string[];
}

export function newGenericTrace(): GenericTrace {
  return { candidates: [], path: null, chosen: null, mergedSiblings: 0, retriedWithoutPruning: false, notes: [] };
}

export function describeElement(el: Element): string {
  const id = el.getAttribute('id');
  const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 3);
  return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls.map((c) => `.${c}`).join('')}`;
}

/** The trace as lines a person reads (--explain, the popup's extraction details). */
export function describeGenericTrace(t: GenericTrace): string[] {
  const merged = t.mergedSiblings ? `, ${t.mergedSiblings} sibling block(s) merged` : '';
  return [
    `path: ${t.path ?? 'none'}${t.chosen ? ` → ${t.chosen}` : ''}${merged}${t.retriedWithoutPruning ? ' (second pass, without boilerplate pruning)' : ''}`,
    ...t.candidates.map((c, i) => `#${i + 1} ${c.element}: score ${c.score.toFixed(1)}, ${c.chars} chars, link density ${c.linkDensity.toFixed(2)}`),
    ...t.notes,
  ];
}
