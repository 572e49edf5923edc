// Parses a fetched page where a DOM parser exists (Chromium's offscreen document, Firefox's background page) and
// runs the same detection and extraction as a click: an article, or a listing's links and next page.
import { detectPage } from '../core/detect';
import { extractArticle, ExtractionError } from '../core/extract';
import { findListedArticles, type ListedArticle } from '../core/bulk/listing-links';
import { findNextPage } from '../core/bulk/pagination';
import type { Detection, ExtractedArticle } from '../core/types';
import { BulkParseRequestSchema, parseMessage, type BulkParseRequest } from '../core/shapes/messages';

export type { BulkParseRequest };

export type BulkParseReply =
  | { kind: 'article'; article: ExtractedArticle; detection: Detection }
  | { kind: 'not-article'; pageKind: string }
  | { kind: 'error'; message: string }
  | { kind: 'listing'; articles: ListedArticle[]; next: string | null };

export const parseBulkRequest = (v: unknown): BulkParseRequest | null => parseMessage(BulkParseRequestSchema, v);

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
