// The reader shows archived HTML inside a sandboxed frame: no scripts may run there even if the sanitizer missed
// something, and the frame cannot reach the archive. Same origin (without allow-scripts) only lets this page size it.
import { parseInert, sanitizeUntrustedHtml } from '../shared/untrusted-html';

// flow-root keeps the first and last paragraphs' margins inside the body, so the root's box is the whole article.
const FRAME_STYLE = `
  :root { color-scheme: light dark; }
  html { overflow: hidden; }
  body { margin: 0; font: 17px/1.65 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; display: flow-root; }
  img { max-width: 100%; height: auto; display: block; margin: 0 auto; }
  figure { margin: 16px 0; }
  figcaption { font-size: 14px; color: light-dark(#4b5563, #bdc3cc); text-align: center; font-style: italic; }
  table { border-collapse: collapse; margin: 12px 0; }
  td, th { border: 1px solid light-dark(#6b7280, #9ca3af); padding: 4px 8px; vertical-align: top; }
  a { color: light-dark(#b91c1c, #fca5a5); }
  a:focus-visible { outline: 3px solid light-dark(#1d4ed8, #93c5fd); outline-offset: 2px; }
`;

/**
 * Stored HTML is sanitized again before display: it was written by a web page and may be hostile. Images kept in
 * the archive are shown from their stored copies (blob URLs, which the sanitizer would not let through): offline, or
 * once the site is gone, they still show.
 */
function readerDocument(bodyHtml: string, baseUrl: string, stored: ReadonlyMap<string, string>): string {
  const clean = withStoredImages(sanitizeUntrustedHtml(bodyHtml, baseUrl), stored);
  // CSP inside the frame as well: nothing but images (from the web, or stored), no scripts, no plugins.
  const csp = "default-src 'none'; img-src https: http: data: blob:; style-src 'unsafe-inline'";
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">`
    + `<base target="_blank"><meta name="referrer" content="no-referrer"><style>${FRAME_STYLE}</style></head><body>${clean}</body></html>`;
}

/** Clean HTML with each <img> whose address has a stored copy pointing at that copy (its srcset would outrank it). */
function withStoredImages(clean: string, stored: ReadonlyMap<string, string>): string {
  if (!stored.size) return clean;
  const doc = parseInert(`<body>${clean}`);
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const copy = stored.get(img.getAttribute('src') ?? '');
    if (!copy) continue;
    img.setAttribute('src', copy);
    img.removeAttribute('srcset');
    img.closest('picture')?.querySelectorAll('source').forEach((source) => source.remove());
  }
  return doc.body.innerHTML;
}

/** Stops watching the previous article's document when the frame gets another. */
let stopFitting: () => void = () => {};
/** Which call to showInReaderFrame is the latest: an earlier one still waiting must not watch the new document. */
let showing = 0;

export function showInReaderFrame(shown: HTMLIFrameElement, bodyHtml: string, baseUrl: string, stored: ReadonlyMap<string, string> = new Map()): Promise<void> {
  stopFitting();
  stopFitting = () => {};
  const call = ++showing;
  const frame = withDocument(shown, readerDocument(bodyHtml, baseUrl, stored));
  return whenParsed(frame, null).then((doc) => {
    if (call !== showing) return;
    stopFitting = keepFitted(frame, doc);
    forwardEscape(frame, doc);
    showFocus(frame, doc);
  });
}

/**
 * A new frame holding `html` in place of `shown` (same id, title and height), its document given before it is in the
 * page: navigating a frame already in the page adds a history entry in Firefox, and Back would then step the frame
 * back to a blank page instead of leaving the reader.
 */
function withDocument(shown: HTMLIFrameElement, html: string): HTMLIFrameElement {
  const frame = shown.cloneNode(false) as HTMLIFrameElement;
  frame.setAttribute('sandbox', 'allow-same-origin allow-popups allow-popups-to-escape-sandbox');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.classList.remove('has-focus');
  frame.srcdoc = html;
  shown.replaceWith(frame);
  return frame;
}

/**
 * The frame's new document once its text is parsed. Not its load event: that waits for every image, and a slow
 * photo kept the whole reader from opening. The frame runs no script to say so, hence the polling.
 */
function whenParsed(frame: HTMLIFrameElement, previous: Document | null): Promise<Document> {
  return new Promise((resolve) => {
    const check = () => {
      const doc = frame.contentDocument;
      if (doc && doc !== previous && doc.URL === 'about:srcdoc' && doc.readyState !== 'loading') resolve(doc);
      else setTimeout(check, 10);
    };
    check();
  });
}

/**
 * Keeps the frame as tall as its article: when the article's layout changes (late images, a narrower window) and
 * when the frame itself is resized or shown. The root's box is measured, not scrollHeight, which never drops below
 * the frame's current height (a short article after a long one kept the long one's height).
 */
function keepFitted(frame: HTMLIFrameElement, doc: Document): () => void {
  const win = doc.defaultView;
  if (!win) return () => {};
  const fit = () => {
    // A hidden frame has no layout: its 0 would cut the article. The frame's observer fires again once it is shown.
    if (!frame.isConnected || frame.getClientRects().length === 0) return;
    const height = Math.ceil(doc.documentElement.getBoundingClientRect().height);
    if (height > 0 && frame.style.height !== `${height}px`) frame.style.height = `${height}px`;
  };
  // The frame's own ResizeObserver watches its document (scripts stay off there: the callback is this page's).
  const inside = new win.ResizeObserver(fit);
  inside.observe(doc.documentElement);
  const outside = new ResizeObserver(fit);
  outside.observe(frame);
  const onImage = (event: Event) => { if (event.target instanceof win.HTMLImageElement) fit(); };
  doc.addEventListener('load', onImage, true);
  fit();
  return () => {
    inside.disconnect();
    outside.disconnect();
    doc.removeEventListener('load', onImage, true);
  };
}

/** The frame element never matches :focus while its document has focus, so the ring is put on by hand. */
function showFocus(frame: HTMLIFrameElement, doc: Document): void {
  frame.classList.toggle('has-focus', doc.hasFocus());
  doc.defaultView?.addEventListener('focus', () => frame.classList.add('has-focus'));
  doc.defaultView?.addEventListener('blur', () => frame.classList.remove('has-focus'));
}

/** Escape pressed while reading inside the frame reaches the page, which closes the reader. */
function forwardEscape(frame: HTMLIFrameElement, doc: Document): void {
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') frame.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
}
