// Imported article HTML is as hostile as any page: it is sanitized again before it is stored.
import { sanitizeArticleHtml } from '../core/extract/sanitize-html';

export function sanitizeImportedHtml(html: string, baseUrl: string): string {
  return sanitizeArticleHtml(new DOMParser().parseFromString(html, 'text/html').body, baseUrl);
}
