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

/** Parse html as if served from url (document.URL/baseURI = url). */
export function parseHtml(html: string, url = 'https://example.gov.vn/'): Document {
  const w = windowFor(url);
  const doc = new w.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return doc;
}

export async function closeParser(): Promise<void> {
  if (shared) {
    await shared.happyDOM.close();
    shared = null;
  }
}
