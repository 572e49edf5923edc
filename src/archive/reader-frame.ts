// The reader shows archived HTML inside a sandboxed frame: no scripts may run there even if the sanitizer missed
// something, and the frame cannot reach the archive. Same origin (without allow-scripts) only lets this page size it.
import { sanitizeUntrustedHtml } from '../shared/untrusted-html';

const FRAME_STYLE = `
  :root { color-scheme: light dark; }
  body { margin: 0; font: 17px/1.65 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; overflow: hidden; }
  img { max-width: 100%; height: auto; display: block; margin: 0 auto; }
  figure { margin: 16px 0; }
  figcaption { font-size: 14px; opacity: .75; text-align: center; font-style: italic; }
  table { border-collapse: collapse; margin: 12px 0; }
  td, th { border: 1px solid #d1d5db; padding: 4px 8px; vertical-align: top; }
  a { color: #b91c1c; }
`;

/** Stored HTML is sanitized again before display: it was written by a web page and may be hostile. */
export function readerDocument(bodyHtml: string, baseUrl: string): string {
  const clean = sanitizeUntrustedHtml(bodyHtml, baseUrl);
  // CSP inside the frame as well: nothing but images from the web, no scripts, no plugins.
  const csp = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">`
    + `<base target="_blank"><meta name="referrer" content="no-referrer"><style>${FRAME_STYLE}</style></head><body>${clean}</body></html>`;
}

export function showInReaderFrame(frame: HTMLIFrameElement, bodyHtml: string, baseUrl: string): Promise<void> {
  frame.setAttribute('sandbox', 'allow-same-origin allow-popups allow-popups-to-escape-sandbox');
  frame.setAttribute('referrerpolicy', 'no-referrer');
  return new Promise((resolve) => {
    const fit = () => {
      const doc = frame.contentDocument;
      if (doc?.body) frame.style.height = `${doc.documentElement.scrollHeight}px`;
    };
    frame.onload = () => {
      fit();
      // Images arrive later and change the height.
      for (const img of Array.from(frame.contentDocument?.images ?? [])) img.addEventListener('load', fit);
      resolve();
    };
    frame.srcdoc = readerDocument(bodyHtml, baseUrl);
  });
}
