// Images on another server than the article's (a CDN) are fetched only where the extension may read them: that
// server allows any origin, or the person granted access to all sites. A save that could not reach such images
// names their servers, so the popup can offer the access that would have kept them.

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
};

/** The other servers whose images failed to load on this save (a refused cross-origin read looks like a network error). */
export function hostsNeedingAccess(articleUrl: string, notKept: ReadonlyArray<{ src: string; reason: string }>): string[] {
  const own = hostOf(articleUrl);
  const hosts = new Set<string>();
  for (const item of notKept) {
    const host = item.reason === 'network' ? hostOf(item.src) : null;
    if (host && host !== own) hosts.add(host);
  }
  return [...hosts];
}
