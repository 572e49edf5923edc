// A re-check (Kiểm tra cập nhật) decides, for one archived article fetched again, whether its original page changed,
// stayed the same or is gone. Pure: the background fetches and parses, these functions judge.
import { collapseWhitespace, toNFC } from '../text/normalize';

/** What a re-check found, as recorded on the article (and counted in the run's progress). */
export type RecheckOutcome = 'changed' | 'unchanged' | 'gone';

/** HTTP statuses that say the page was removed: gone. Everything else that fails (5xx, 403, timeouts) is reported. */
const GONE_STATUSES = new Set([404, 410]);

// A site's front page under the names portals give it: "/", "/vi/", "/index.php", "/trang-chu", "/Default.aspx"…
const ROOT_PATH = /^\/(?:(?:vi|vn|en)\/?)?(?:(?:index|default|home|trang-chu|trangchu)(?:\.(?:html?|php|aspx?|jsp))?\/?)?$/i;

/** Whether `url` is a site's home page (any query, since "?lang=vi" is still the home page). */
export function isSiteRoot(url: string): boolean {
  try {
    return ROOT_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

const withoutHash = (url: string) => url.split('#')[0];

/** Whether the fetch of `articleUrl` ended somewhere else. */
export function wasRedirected(articleUrl: string, finalUrl: string): boolean {
  return withoutHash(articleUrl) !== withoutHash(finalUrl);
}

/** The HTTP status alone says the page is gone. */
export function goneByStatus(status: number): boolean {
  return GONE_STATUSES.has(status);
}

/**
 * After a successful fetch, before parsing: an article address that now lands on a site's home page (its own or a
 * new portal's after a merger) is gone, whatever that page shows.
 */
export function goneByRedirect(articleUrl: string, finalUrl: string): boolean {
  return wasRedirected(articleUrl, finalUrl) && isSiteRoot(finalUrl) && !isSiteRoot(articleUrl);
}

/**
 * After parsing, when the page is not an article: gone if the address was redirected there (a category or listing
 * that took the article's place). At its own address it is only reported — a redesign or a passing error page must
 * not mark a whole site gone; a later check decides.
 */
export function goneWhenNotArticle(articleUrl: string, finalUrl: string): boolean {
  return wasRedirected(articleUrl, finalUrl);
}

interface ComparedText { title: string; bodyText: string }

const comparable = (s: string) => collapseWhitespace(toNFC(s));

/**
 * Whether what the page shows now is the archived article: the extracted title and body text compared (not the raw
 * HTML, whose ads, counters and menus change every day), with spacing differences ignored.
 */
export function sameContent(archived: ComparedText, fetched: ComparedText): boolean {
  return comparable(archived.title) === comparable(fetched.title) && comparable(archived.bodyText) === comparable(fetched.bodyText);
}

interface CheckDates { checkedAt?: string; goneAt?: string; updatedAt?: string }

/**
 * What this run already recorded on the article, when an earlier try wrote its outcome and then the browser or the
 * worker stopped before the queue heard of it: the try again reports that outcome instead of comparing the article
 * with itself (which would say "unchanged" of a page it just found changed). Null when the run has not checked it.
 */
export function outcomeRecordedSince(article: CheckDates, queuedAt: number): RecheckOutcome | null {
  // Stored dates have whole seconds.
  const since = Math.floor(queuedAt / 1000) * 1000;
  const at = (iso: string | undefined) => (iso ? Date.parse(iso) : Number.NaN);
  if (!(at(article.checkedAt) >= since)) return null;
  if (article.goneAt) return 'gone';
  return at(article.updatedAt) >= since ? 'changed' : 'unchanged';
}
