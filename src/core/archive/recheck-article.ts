// What a re-check (Kiểm tra cập nhật) writes on an archived article, in one store transaction: changed content
// becomes the current version with the archived one kept as an earlier version, an unchanged page gets its check
// date, a gone page its gone mark. Nothing archived is ever overwritten without being kept.
import type { ExtractedArticle, SiteInfo } from '../types';
import type { ArchiveDb } from './db';
import { buildArticle, toVietnamIso } from './build-article';
import { replaceContent } from './save-article';
import { writeArchive } from './store';
import { sameContent, type RecheckOutcome } from '../bulk/recheck';

/** What the fetch found: the page is gone, or it shows an article (extracted as a click would). */
export type RecheckFinding = { gone: true } | { gone: false; extracted: ExtractedArticle; site: SiteInfo | null };

/**
 * Records a re-check of article `id`. The first date a page was found gone is kept across later checks; a page found
 * again (changed or not) loses its gone mark. The archived address stays the article's address even when the page
 * now answers from another one. Null when the article is no longer in the archive.
 */
export async function recordRecheck(db: ArchiveDb, id: string, finding: RecheckFinding, when = new Date()): Promise<RecheckOutcome | null> {
  const now = toVietnamIso(when);
  // Built outside the transaction: hashing is not IndexedDB work and would end it.
  const fresh = finding.gone ? null : await buildArticle(finding.extracted, finding.site, { now: when });
  return writeArchive(db, async (w): Promise<RecheckOutcome | null> => {
    const existing = await w.read.articles.get(id);
    if (!existing) return null;
    if (!fresh) {
      await w.setCheckDates(id, { checkedAt: now, goneAt: existing.goneAt ?? now });
      return 'gone';
    }
    if (sameContent(existing, fresh)) {
      await w.setCheckDates(id, { checkedAt: now, goneAt: undefined });
      return 'unchanged';
    }
    const { capturedVia, listingUrl } = existing;
    await replaceContent(w, existing, {
      ...fresh,
      ...(capturedVia ? { capturedVia } : {}),
      ...(listingUrl ? { listingUrl } : {}),
      url: existing.url,
      canonicalUrl: existing.canonicalUrl,
      checkedAt: now,
    }, now);
    return 'changed';
  });
}
