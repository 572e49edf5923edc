// Small DOM readings shared by the listing readers. Only the given Document is used (no DOM globals).

/** Text of a link, whitespace folded; an image link falls back to its title or the image's alt text. */
export function anchorText(a: Element): string {
  const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text) return text.normalize('NFC');
  const alt = a.getAttribute('title') ?? a.querySelector('img[alt]')?.getAttribute('alt') ?? '';
  return alt.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** The document's <base href>, resolved against the page URL. */
function baseOf(doc: Document, pageUrl: string): string {
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  if (!base) return pageUrl;
  try { return new URL(base, pageUrl).href; } catch { return pageUrl; }
}

/** An href made absolute (http/https only), or null for javascript:, mailto:, fragments and broken hrefs. */
export function absoluteHttpUrl(href: string | null, pageUrl: string, doc?: Document): string | null {
  if (!href) return null;
  const h = href.trim();
  if (!h || h.startsWith('#')) return null;
  try {
    const u = new URL(h, doc ? baseOf(doc, pageUrl) : pageUrl);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
