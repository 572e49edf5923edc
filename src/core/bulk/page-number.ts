// Where a listing URL carries its page number (?page=N, &p=N, /trang-N, /page/N, Liferay's …_cur=N), so that the next
// page of the same listing can be told from a link to another listing.

/** Query parameters that hold a page number; Liferay prefixes its own with the portlet id (`_101_INSTANCE_x_cur`). */
const PAGE_PARAM = /^(?:.*_)?(?:page|p|paged|trang|pageindex|pagenumber|pg|cur)$/i;
/** Path markers: /trang-2, /page/2, /page-2 (NukeViet), each optionally followed by .html or a slash. */
const PAGE_PATH = /\/(?:trang-|page-|page\/|p\/)(\d{1,5})(?:\.html?)?\/?$/i;

interface PageRef {
  /** The page number the URL names (1 when it names none). */
  page: number;
  /** The URL without its page marker, normalized: the same listing's pages share it. */
  listingKey: string;
  /** Host and path only (no query): a "Trang sau" link may add a portal's own parameters (Liferay's p_p_id). */
  pathKey: string;
}

/** Parameters a portal adds to its paging links that do not name another listing. */
const PORTAL_PARAM = /^(?:p_p_\w+|_\w+_(?:delta|resetCur|orderByCol|orderByType))$/;

function stripExtension(path: string): string {
  return path.replace(/\.(html?|aspx?|php)$/i, '').replace(/\/+$/, '') || '/';
}

/** The page number and listing key of `url`, or null when it is not an http(s) URL. */
export function pageRef(url: string): PageRef | null {
  let u: URL;
  try { u = new URL(url); } catch { return null; }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  let page = 1;
  let path = u.pathname;
  const inPath = PAGE_PATH.exec(path);
  if (inPath) {
    page = Number(inPath[1]);
    path = path.slice(0, inPath.index);
  }
  // forEach, not the entries() iterator: Firefox's content scripts get a URLSearchParams whose iterators do not spread.
  const entries: Array<[string, string]> = [];
  u.searchParams.forEach((v, k) => entries.push([k, v]));
  const params = entries.filter(([k, v]) => {
    if (PORTAL_PARAM.test(k)) return false;
    if (!PAGE_PARAM.test(k) || !/^\d{1,5}$/.test(v)) return true;
    page = Number(v);
    return false;
  }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const pathKey = `${hostKey(u.hostname)}${stripExtension(path).toLowerCase()}`;
  return { page, listingKey: `${pathKey}${query}`, pathKey };
}

/** The host without a leading www.: a site links both forms. */
export function hostKey(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** True when `url` is another page (a different number) of the listing `listingUrl`. */
export function isPageOfListing(url: string, listingUrl: string): boolean {
  const a = pageRef(url);
  const b = pageRef(listingUrl);
  return !!a && !!b && a.listingKey === b.listingKey;
}
