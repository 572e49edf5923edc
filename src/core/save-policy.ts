// Which pages may be saved as an article. A listing or home page holds many articles' teasers, not one article:
// saving it stored a teaser's title and date as an "article", so it is refused wherever a save starts.
import type { Detection } from './types';

type UnsaveablePage = 'listing' | 'home';

/** 'listing' or 'home' when the page must not be saved as an article; null when a save (or "save anyway") is fine. */
export function unsaveablePage(detection: Pick<Detection, 'isProvincialNewsArticle' | 'pageKind'> | null): UnsaveablePage | null {
  if (!detection || detection.isProvincialNewsArticle) return null;
  return detection.pageKind === 'listing' || detection.pageKind === 'home' ? detection.pageKind : null;
}

/** The error code a refused save answers with (see ErrorCode in shared/messages.ts). */
export const REFUSAL_CODE = { listing: 'listing-page', home: 'home-page' } as const;
