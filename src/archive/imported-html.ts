// Imported article HTML is as hostile as any page: it is sanitized again before it is stored. HTML that already
// holds only what the sanitizer keeps (every body of our own exports) is stored as it is, without a DOM parse.
import { isAllowListedHtml } from '../core/extract/allowlisted-html';
import { sanitizeUntrustedHtml } from '../shared/untrusted-html';

export function sanitizeImportedHtml(html: string, baseUrl: string): string {
  if (isAllowListedHtml(html)) return html;
  return sanitizeUntrustedHtml(html, baseUrl);
}
