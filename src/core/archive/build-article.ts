import type { Article, ExtractedArticle, SiteInfo } from '../types';

/** SHA-256 (hex) of what makes two captures the same article: title and body text. */
async function computeContentHash(title: string, bodyText: string): Promise<string> {
  const data = new TextEncoder().encode(`${title.normalize('NFC')}\n\n${bodyText.normalize('NFC')}`);
  const digest = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Vietnam time (+07:00) ISO string, the form every stored date uses. */
export function toVietnamIso(date: Date): string {
  const shifted = new Date(date.getTime() + 7 * 3600_000);
  return shifted.toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

function siteFallback(url: string): SiteInfo {
  let host = '';
  try { host = new URL(url).host; } catch { /* keep empty */ }
  return { host, name: host, province: null, kind: 'other' };
}

/** Where an article came from when not from a click on its page (optional fields of Article). */
export type Provenance = Pick<Article, 'capturedVia' | 'listingUrl'>;

export async function buildArticle(
  extracted: ExtractedArticle,
  site: SiteInfo | null,
  options: { now?: Date; id?: string; tags?: string[]; note?: string; provenance?: Provenance } = {},
): Promise<Article> {
  return {
    ...options.provenance,
    ...extracted,
    id: options.id ?? crypto.randomUUID(),
    site: site ?? siteFallback(extracted.url),
    contentHash: await computeContentHash(extracted.title, extracted.bodyText),
    capturedAt: toVietnamIso(options.now ?? new Date()),
    tags: options.tags ?? [],
    note: options.note ?? '',
  };
}
