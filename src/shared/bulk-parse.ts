// Parses a fetched page where a DOM parser exists (Chromium's offscreen document, Firefox's background page) and
// runs the same detection and extraction as a click: an article, or a listing's links and next page.
import { detectPage } from '../core/detect';
import { extractArticle, ExtractionError } from '../core/extract';
import { findListedArticles, type ListedArticle } from '../core/bulk/listing-links';
import { findNextPage } from '../core/bulk/pagination';
import type { UserRule } from '../core/extract/user-rules';
import type { Detection, ExtractedArticle } from '../core/types';

export type BulkParseRequest = { type: 'bulk-parse'; mode: 'article' | 'listing'; html: string; url: string; userRule: UserRule | null; seen?: string[]; force?: boolean };
export type BulkParseReply =
  | { kind: 'article'; article: ExtractedArticle; detection: Detection }
  | { kind: 'not-article'; pageKind: string }
  | { kind: 'error'; message: string }
  | { kind: 'listing'; articles: ListedArticle[]; next: string | null };

export function parseBulkRequest(v: unknown): BulkParseRequest | null {
  const m = v as Partial<BulkParseRequest> | null;
  if (!m || typeof m !== 'object' || m.type !== 'bulk-parse' || (m.mode !== 'article' && m.mode !== 'listing')) return null;
  if (typeof m.html !== 'string' || typeof m.url !== 'string') return null;
  return { type: 'bulk-parse', mode: m.mode, html: m.html, url: m.url, userRule: m.userRule ?? null, seen: Array.isArray(m.seen) ? m.seen.filter((s) => typeof s === 'string') : [], force: m.force === true };
}

export function parseBulkPage(request: BulkParseRequest, parser: DOMParser): BulkParseReply {
  try {
    const doc = parser.parseFromString(request.html, 'text/html');
    if (request.mode === 'listing') return { kind: 'listing', articles: findListedArticles(doc, request.url), next: findNextPage(doc, request.url, { seen: request.seen }) };
    const detection = detectPage(doc, request.url);
    // The person chose these links from a listing; only pages that are not articles at all (a listing, a home page,
    // a document list) are turned back, with the user's rule for the host taking precedence as on a click, unless the
    // person asked for this page to be saved all the same.
    if (detection.pageKind !== 'article' && !request.userRule && !request.force) return { kind: 'not-article', pageKind: detection.pageKind };
    return { kind: 'article', article: extractArticle(doc, request.url, { useSiteRules: true, userRule: request.userRule }), detection };
  } catch (error) {
    if (error instanceof ExtractionError) return { kind: 'error', message: `${error.code}: ${error.message}` };
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}
