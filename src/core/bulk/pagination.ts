// The next page of a listing: rel=next, a "Trang sau" / "Trang tiếp" / "»" / "›" link, or the link to page N+1 of the
// same listing (?page=N, /trang-N, /page/N, &p=N).
import { pageRef } from './page-number';
import { absoluteHttpUrl, anchorText } from './link-dom';

/** Link texts that mean "next page" (after folding case and spaces); "»»"/"Cuối" (last page) are not next. */
const NEXT_TEXT = /^(?:trang sau|trang tiếp(?: theo)?|tiếp theo|tiếp|sau|next|next page|»|›|>|>>|→)(?:\s*[»›>→])?$/i;

interface NextPageOptions {
  /** Listing pages already seen (their URLs): a "next" pointing back to one of them is a loop, not a next page. */
  seen?: Iterable<string>;
}

/** The URL of the page after this one in the listing's pagination, or null when there is none. */
export function findNextPage(doc: Document, pageUrl: string, options: NextPageOptions = {}): string | null {
  const here = pageRef(pageUrl);
  if (!here) return null;
  const seen = new Set([pageUrl, ...(options.seen ?? [])].map(dropHash));
  const ok = (u: string | null): u is string => !!u && !seen.has(dropHash(u)) && sameHost(u, pageUrl);

  for (const link of Array.from(doc.querySelectorAll('link[rel], a[rel]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = absoluteHttpUrl(link.getAttribute('href'), pageUrl, doc);
    if (rel.includes('next') && ok(href)) return dropHash(href);
  }
  const anchors = Array.from(doc.querySelectorAll('a[href]'));
  for (const a of anchors) {
    const text = anchorText(a).toLowerCase();
    const label = (a.getAttribute('title') ?? a.getAttribute('aria-label') ?? '').trim().toLowerCase();
    if (!NEXT_TEXT.test(text) && !(text.length <= 2 && NEXT_TEXT.test(label))) continue;
    const href = absoluteHttpUrl(a.getAttribute('href'), pageUrl, doc);
    // A "»" in a menu or breadcrumb leads elsewhere: a next link stays within the same listing.
    const ref = href ? pageRef(href) : null;
    if (ok(href) && ref && ref.pathKey === here.pathKey && ref.page > here.page) return dropHash(href);
  }
  for (const a of anchors) {
    const href = absoluteHttpUrl(a.getAttribute('href'), pageUrl, doc);
    const ref = href ? pageRef(href) : null;
    if (ok(href) && ref && ref.listingKey === here.listingKey && ref.page === here.page + 1) return dropHash(href);
  }
  return null;
}

function dropHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

function sameHost(a: string, b: string): boolean {
  return new URL(a).hostname.replace(/^www\./, '') === new URL(b).hostname.replace(/^www\./, '');
}
