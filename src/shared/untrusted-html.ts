// Untrusted HTML (imported files, stored bodies, captured pages) in the contexts that have a DOM. It is parsed only
// into inert documents, by DOMPurify configured to the article allow-list, and then normalised by the project's
// serializer. In extension pages the parse happens in a sandboxed frame without scripts: a document there can never
// run a handler, so the browser does not even weigh the handlers against the page's CSP (a DOMParser document of the
// page itself does, and reports every blocked `onerror` as a CSP violation).
import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { PURIFY_CONFIG } from '../core/extract/purify-config';
import { sanitizeArticleHtml } from '../core/extract/sanitize-html';

const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: Window): Purifier {
  let purifier = purifiers.get(win);
  if (!purifier) {
    purifier = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
    purifiers.set(win, purifier);
  }
  return purifier;
}

let sandbox: HTMLIFrameElement | null = null;

/** The window whose DOMParser DOMPurify uses: a hidden script-less frame where the page has a body, else the page. */
function inertWindow(): Window {
  if (sandbox?.isConnected && sandbox.contentWindow) return sandbox.contentWindow;
  if (typeof document === 'undefined' || !document.body) return window;
  sandbox = document.createElement('iframe');
  sandbox.setAttribute('sandbox', 'allow-same-origin');
  sandbox.setAttribute('aria-hidden', 'true');
  sandbox.tabIndex = -1;
  sandbox.hidden = true;
  document.body.append(sandbox);
  return sandbox.contentWindow ?? window;
}

/** Untrusted HTML → allow-listed HTML with absolute http(s) URLs: DOMPurify first, then the normalising serializer. */
export function sanitizeUntrustedHtml(html: string, baseUrl: string, win: Window = inertWindow()): string {
  // A <base> element is never kept, but even in the sandboxed frame's document its insertion and removal set the
  // document's base URL, which the page's CSP (base-uri 'none') reports: it is renamed to an unknown element first.
  const markup = html.replace(/<base(?=[\s/>])/gi, '<x-base');
  const body = purifierFor(win).sanitize(markup, { ...PURIFY_CONFIG, ALLOWED_TAGS: [...PURIFY_CONFIG.ALLOWED_TAGS], ALLOWED_ATTR: [...PURIFY_CONFIG.ALLOWED_ATTR], FORBID_CONTENTS: [...PURIFY_CONFIG.FORBID_CONTENTS], RETURN_DOM: true });
  // No body at all (a frameset, say): nothing of an article to keep.
  return body ? sanitizeArticleHtml(body, baseUrl) : '';
}

/** Untrusted HTML parsed as it is (nothing removed) into an inert document of the script-less frame. */
export function parseInert(html: string): Document {
  return new (inertWindow() as Window & typeof globalThis).DOMParser().parseFromString(html, 'text/html');
}

/**
 * For the capture in a page (content script): the clean tree the extractor built from the live page goes through
 * DOMPurify before it is serialized. The tree holds no handlers (the builder copies only allow-listed attributes),
 * so importing it into DOMPurify's document triggers nothing in the page.
 */
export function purifyTree(tree: Element): Element {
  const win = tree.ownerDocument.defaultView ?? window;
  const body = purifierFor(win).sanitize(tree, { ...PURIFY_CONFIG, ALLOWED_TAGS: [...PURIFY_CONFIG.ALLOWED_TAGS], ALLOWED_ATTR: [...PURIFY_CONFIG.ALLOWED_ATTR], FORBID_CONTENTS: [...PURIFY_CONFIG.FORBID_CONTENTS], RETURN_DOM: true });
  // The tree's own wrapper <div> may come back around the blocks or be dropped by DOMPurify: either way, the blocks.
  const wrapper = body.childNodes.length === 1 && body.firstElementChild?.tagName.toLowerCase() === 'div' ? body.firstElementChild : null;
  return wrapper ?? body;
}
