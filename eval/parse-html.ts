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
  if (!shared) shared = new Window({ url, settings: SETTINGS });
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
  const lower = html.toLowerCase();
  // A <style> is inside an svg when the last "<svg" before it comes after the last "</svg" before it.
  return html.replace(/<style[\s>][\s\S]*?<\/style\s*>/gi, (style, at: number) => (lower.lastIndexOf('<svg', at) > lower.lastIndexOf('</svg', at) ? '' : style));
}

/**
 * An end tag with anything after its name ("</svg\n</span>") ends at the next ">" in a browser, the rest ignored;
 * happy-dom does not close the element, and the page after it nests inside (one web-bench page loses its article).
 */
export function tidyEndTags(html: string): string {
  return html.replace(/<\/([a-z][a-z0-9-]*)\s[^>]*>/gi, '</$1>');
}

/** Parse html as if served from url (document.URL/baseURI = url). */
export function parseHtml(html: string, url = 'https://example.gov.vn/'): Document {
  const w = windowFor(url);
  const doc = new w.DOMParser().parseFromString(tidyEndTags(dropSvgStyles(html)), 'text/html') as unknown as Document;
  moveStrayHeadContent(doc);
  return doc;
}

export async function closeParser(): Promise<void> {
  if (shared) {
    await shared.happyDOM.close();
    shared = null;
  }
}
