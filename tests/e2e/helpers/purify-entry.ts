// Bundled into a plain Chromium page by tests/e2e/purify.test.ts: the capture and the untrusted-HTML path as the
// extension runs them, DOMPurify included, in a real DOM.
import DOMPurify from 'dompurify';
import { extractArticle } from '../../../src/core/extract';
import { PURIFY_CONFIG } from '../../../src/core/extract/purify-config';
import { purifyTree, sanitizeUntrustedHtml } from '../../../src/shared/untrusted-html';

const ACTIVE = ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'input', 'base', 'meta', 'link', 'template'];

/** What DOMPurify alone, with the article configuration, leaves that a browser could act on. */
export function purifyAloneProblems(html: string): string[] {
  const body = DOMPurify(window).sanitize(html, { ...PURIFY_CONFIG, ALLOWED_TAGS: [...PURIFY_CONFIG.ALLOWED_TAGS], ALLOWED_ATTR: [...PURIFY_CONFIG.ALLOWED_ATTR], FORBID_CONTENTS: [...PURIFY_CONFIG.FORBID_CONTENTS], RETURN_DOM: true });
  return activeParts(body);
}

/** Elements, handlers and URLs in a tree that a browser could act on. */
function activeParts(body: Element | null): string[] {
  const found: string[] = [];
  for (const el of Array.from(body?.querySelectorAll('*') ?? [])) {
    if (ACTIVE.includes(el.localName)) found.push(`<${el.localName}>`);
    for (const a of Array.from(el.attributes)) {
      if (a.name.startsWith('on')) found.push(a.name);
      if ((a.name === 'href' || a.name === 'src') && /^\s*(javascript|data|vbscript):/i.test(a.value)) found.push(`${a.name}=${a.value.slice(0, 20)}`);
    }
  }
  return found;
}

/** A page's body captured as the content script does (with DOMPurify) and by the serializer alone. */
export function captureBoth(html: string, url: string): { purified: string; plain: string } {
  const parse = () => new DOMParser().parseFromString(html, 'text/html');
  return {
    purified: extractArticle(parse(), url, { purify: purifyTree }).bodyHtml,
    plain: extractArticle(parse(), url).bodyHtml,
  };
}

/** What a browser could act on in HTML as the reader would parse it. */
export function activePartsOf(html: string): string[] {
  return activeParts(new DOMParser().parseFromString(html, 'text/html').body);
}

export { sanitizeUntrustedHtml };
