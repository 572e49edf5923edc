// A page that now redirects to its site's home page: portals answer so for an article they took down (instead of a
// 404), so a bulk run reports it as gone rather than parsing the home page as if it were the article.
import { urlShape } from '../detect/classify-page';
import { hostKey } from './page-number';

/** True when fetching `requested` ended on the home page of the same site (or of the site it moved to). */
export function redirectedHome(requested: string, final: string): boolean {
  let from: URL, to: URL;
  try {
    from = new URL(requested);
    to = new URL(final);
  } catch {
    return false;
  }
  from.hash = '';
  to.hash = '';
  if (from.href === to.href || urlShape(from).home) return false;
  return urlShape(to).home && (hostKey(to.hostname) === hostKey(from.hostname) || to.pathname === '/');
}
