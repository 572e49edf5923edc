// The save's decisions that need no tab and no storage: whether a page is refused, the site an article is filed
// under, what the popup is told about the stored article, and which failures the badge shows.
import type { Article, Detection, ExtractedArticle, SiteInfo } from '../core/types';
import type { SaveResult } from '../core/archive/save-article';
import type { ArchivedRef, ErrorInfo } from '../shared/messages';
import { CollectionError } from '../core/archive/collections';
import { lookupSite } from '../core/detect/registry';
import { REFUSAL_CODE, unsaveablePage } from '../core/save-policy';

/** Why the page must not be saved as an article (a listing or home page), or null. */
export function refusalOf(detection: Detection | null): ErrorInfo | null {
  const kind = unsaveablePage(detection);
  return kind ? { code: REFUSAL_CODE[kind], message: '' } : null;
}

/** What the popup shows of an archived article. */
export const archivedRef = (a: Article): ArchivedRef => ({
  id: a.id, title: a.title, capturedAt: a.capturedAt, ...(a.updatedAt ? { updatedAt: a.updatedAt } : {}), tags: a.tags, note: a.note,
});

/** The detected site, else the registry's entry for the article's host, else none. */
export function siteFor(article: ExtractedArticle, detection: Detection | null): SiteInfo | null {
  if (detection?.site) return detection.site;
  try { return lookupSite(new URL(article.url).host); } catch { return null; }
}

/** Tags and note sent with a save of an article already archived replace the stored ones (a new save takes them as given). */
export const editsReplaceStored = (status: SaveResult['status']): boolean => status === 'updated' || status === 'unchanged';

/** A failed save marks the tab's badge only when the archive itself is in trouble (full or broken storage). */
export const failureShowsOnBadge = (error: ErrorInfo): boolean => error.code === 'quota' || error.code === 'storage';

/** Why a saved article did not go into the chosen collection: deleted since the popup listed it, or a failed write. */
export const collectionProblemOf = (error: unknown): 'missing' | 'failed' =>
  error instanceof CollectionError && error.problem === 'missing' ? 'missing' : 'failed';
