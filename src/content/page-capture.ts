// The page as the reader saw it when saving: the live DOM serialised (what the site's scripts built, not only what
// the server sent), with its doctype, kept as the article's original.
import type { PageCapture } from '../core/media/capture';
import { MAX_PAGE_HTML_CHARS } from '../shared/messages';

function doctypeOf(doc: Document): string {
  const d = doc.doctype;
  if (!d) return '';
  return `<!DOCTYPE ${d.name}${d.publicId ? ` PUBLIC "${d.publicId}"` : ''}${!d.publicId && d.systemId ? ' SYSTEM' : ''}${d.systemId ? ` "${d.systemId}"` : ''}>\n`;
}

function ogImageOf(doc: Document): string | null {
  const content = doc.querySelector('meta[property="og:image" i], meta[name="og:image" i]')?.getAttribute('content')?.trim();
  if (!content) return null;
  try {
    const url = new URL(content, doc.baseURI);
    return /^https?:$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export function capturePage(doc: Document): PageCapture | undefined {
  const html = doctypeOf(doc) + doc.documentElement.outerHTML;
  // A page past the cap is saved without its original (the message would be refused whole).
  if (html.length > MAX_PAGE_HTML_CHARS) return undefined;
  return { html, url: doc.location?.href ?? doc.URL, contentType: doc.contentType || 'text/html', ogImage: ogImageOf(doc) };
}
