// Why the extractor chose what it chose: filled during one extraction when the caller asks (--explain, the popup).
import { detectPage } from '../detect';
import type { Detection } from '../types';
import { extractArticle } from './index';
import type { UserRule } from './user-rules';
import type { ExtractionExplain } from '../shapes/messages';

/** Declared with the messages that carry it to the popup (core/shapes/messages.ts). */
export type { ExtractionExplain };

export function emptyExplain(): ExtractionExplain {
  return { path: null, rule: null, candidates: [], metadata: {}, removed: [], detection: null };
}

/** The detection's decision and evidence, as the explanation shows it. */
export function explainDetection(d: Detection): ExtractionExplain['detection'] {
  const decision = `${d.isProvincialNewsArticle ? 'provincial news article' : 'not a provincial news article'} (page kind ${d.pageKind}, confidence ${d.confidence})`;
  return { decision, reasons: d.reasons };
}

/**
 * Detection and extraction of one page with the explanation filled; never throws: an unreadable page gives an
 * explanation with its error.
 */
export function explainPage(doc: Document, url: string, generic: boolean, userRule: UserRule | null = null): { explain: ExtractionExplain; error: string | null } {
  const explain = emptyExplain();
  try {
    explain.detection = explainDetection(detectPage(doc, url));
    extractArticle(doc, url, { useSiteRules: !generic, userRule, explain });
    return { explain, error: null };
  } catch (error) {
    return { explain, error: error instanceof Error ? error.message : String(error) };
  }
}
