// Parse an HTML string into a happy-dom Document for eval, bench and tests (scripts and resource loading off).
import { Window } from 'happy-dom';

const SETTINGS = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
  navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true, disableMainFrameNavigation: true, disableFallbackToSetURL: true },
};

let shared: Window | null = null;

function windowFor(url: string): Window {
  if (!shared) shared = new Window({ url, settings: SETTINGS as never });
  return shared;
}

const HEAD_TAGS = new Set(['meta', 'link', 'title', 'style', 'script', 'base', 'noscript', 'template']);

/**
 * happy-dom keeps body content that follows a stray element in <head> (a <div>, <img>, <svg>…) inside the head; a
 * browser ends the head at the first such node and puts it and everything after it into <body>. Do the same, so the
 * extractors see the tree a browser builds (on the web-bench set, ~1 page in 10 is affected).
 */
function moveStrayHeadContent(doc: Document): void {
  const head = doc.head;
  const body = doc.body;
  if (!head || !body) return;
  const kids = Array.from(head.childNodes);
  const first = kids.findIndex((n) => (n.nodeType === 1 ? !HEAD_TAGS.has((n as Element).tagName.toLowerCase()) : n.nodeType === 3 && /\S/.test(n.textContent ?? '')));
  if (first < 0) return;
  const anchor = body.firstChild;
  for (const n of kids.slice(first)) body.insertBefore(n, anchor);
}

/**
 * happy-dom stops building the tree at a <style> inside inline <svg> (everything after it is lost, where a browser
 * reads on); such styles only paint icons, so they are dropped before parsing.
 */
export function dropSvgStyles(html: string): string {
  if (!/<svg[\s>]/i.test(html)) return html;
  return html.replace(/<svg[\s>][\s\S]*?<\/svg\s*>/gi, (svg) => svg.replace(/<style[\s>][\s\S]*?<\/style\s*>/gi, ''));
}

/** Parse html as if served from url (document.URL/baseURI = url). */
export function parseHtml(html: string, url = 'https://example.gov.vn/'): Document {
  const w = windowFor(url);
  const doc = new w.DOMParser().parseFromString(dropSvgStyles(html), 'text/html') as unknown as Document;
  moveStrayHeadContent(doc);
  return doc;
}

export async function closeParser(): Promise<void> {
  if (shared) {
    await shared.happyDOM.close();
    shared = null;
  }
}
