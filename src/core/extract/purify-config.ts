// The article allow-list as DOMPurify's configuration. DOMPurify, a maintained sanitizer, stands at the security
// boundary in front of the project's own normalising serializer (sanitize-html.ts), which is the second line.
// Pure data: the DOM-bound DOMPurify instance lives where a window exists (src/shared/untrusted-html.ts).
import { KEEP } from './sanitize-html';

/** Containers the serializer flattens into paragraphs: kept here so that it still sees the article's structure. */
const FLATTENED = ['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'center', 'address', 'details', 'summary', 'nav', 'h1', 'span', 'font', 'body'];

/** Attributes the serializer reads (images: the lazy-loading ones too, to find the real picture). */
const ATTRIBUTES = ['href', 'src', 'alt', 'colspan', 'rowspan', 'start', 'srcset', 'title', 'lazy-src'];

/** Only web addresses and relative ones; no javascript:, data:, vbscript: or other schemes. */
export const PURIFY_URI = /^(?:https?:|[^:/?#]*(?:[/?#]|$)|[/?#.])/i;

export const PURIFY_CONFIG = {
  ALLOWED_TAGS: [...KEEP, ...FLATTENED],
  ALLOWED_ATTR: ATTRIBUTES,
  ALLOW_DATA_ATTR: true,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: PURIFY_URI,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  FORBID_CONTENTS: ['script', 'style', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'select', 'textarea', 'title', 'head', 'xmp', 'noembed', 'noframes', 'plaintext'],
  WHOLE_DOCUMENT: false,
  SANITIZE_DOM: true,
} as const;
