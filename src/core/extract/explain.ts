// Why the extractor chose what it chose: filled during one extraction when the caller asks (--explain, the popup).
import type { RemovedBlock } from './prune-related';

export interface FieldReason { value: string | null; via: string }

export interface ExtractionExplain {
  /** Which path chose the body. */
  path: 'site-rule' | 'user-rule' | 'generic' | null;
  /** The site rule's name when one matched. */
  rule: string | null;
  /** The generic extractor's candidates and scores, when it exposes a trace (slot for generic-body.ts). */
  candidates: unknown[];
  metadata: Record<string, FieldReason>;
  removed: RemovedBlock[];
  detection: { decision: string; reasons: string[] } | null;
}

export function emptyExplain(): ExtractionExplain {
  return { path: null, rule: null, candidates: [], metadata: {}, removed: [], detection: null };
}
