// detectPage: is this page a provincial news article, and whose?
import type { Detection, SiteInfo } from '../types';
import { classifyPage, type PageClassification } from './classify-page';
import { guessProvincial } from './provincial-hints';
import { isNationalHost, matchSite, type ProvinceRef } from './registry';

export { lookupSite, lookupProvince, matchSite, contentScriptMatches, isNationalHost, normalizeHost, setUserSites } from './registry';
export type { ProvinceRef, SiteMatch, UserSite } from './registry';
export { classifyPage, urlShape } from './classify-page';

function none(reason: string, site: SiteInfo | null = null, province: string | null = null): Detection {
  return { isProvincialNewsArticle: false, province, kind: 'other', pageKind: 'other', site, confidence: 0, reasons: [reason] };
}

/** Name the corpus truth files use: the province the site was named for (a former province for pre-merger sites). */
function provinceLabel(ref: ProvinceRef): string {
  return ref.former ?? ref.current;
}

function siteNameSources(doc: Document, cls: PageClassification): string[] {
  const out: string[] = [];
  const og = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content');
  if (og) out.push(og);
  const title = (doc.title ?? '').trim();
  if (title) {
    const parts = title.split(/\s+[-|–—»:]\s+|\s*\|\s*/).filter(Boolean);
    const headline = (cls.title ?? '').normalize('NFC').toLowerCase();
    // Drop the part that is the headline: a headline may name a province the site does not belong to.
    for (const p of parts) if (!headline || !headline.startsWith(p.normalize('NFC').toLowerCase().slice(0, 40))) out.push(p);
  }
  return out;
}

/**
 * Detects whether `doc` (loaded from `url`) is a news article on a provincial site.
 * Never throws; pages that are not http(s) (about:blank, file://, view-source:, chrome://) are 'other'.
 */
export function detectPage(doc: Document, url: string): Detection {
  try {
    return detect(doc, url);
  } catch (error) {
    return none(`detection failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function detect(doc: Document, url: string): Detection {
  let u: URL;
  try { u = new URL(url); } catch { return none('not a URL'); }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return none(`not a web page (${u.protocol})`);
  if (!doc || !doc.documentElement) return none('no document');

  const match = matchSite(u.hostname);
  const national = !match && isNationalHost(u.hostname);
  const cls = classifyPage(doc, u);
  const reasons = [...cls.reasons];

  let site: SiteInfo | null = null;
  let ref: ProvinceRef | null = null;
  let siteConfidence = 0;
  if (match) {
    site = match.site;
    ref = match.province;
    siteConfidence = match.confidence;
    reasons.unshift(`registry: ${match.rule} of ${provinceLabel(ref)}${ref.former ? ` (now ${ref.current})` : ''}`);
  } else if (national) {
    reasons.unshift('national outlet, not a provincial site');
  } else {
    const host = u.hostname.toLowerCase();
    const guess = guessProvincial(host, siteNameSources(doc, cls), cls.scan?.footer ?? '', host.endsWith('.gov.vn'));
    if (guess) {
      site = guess.site;
      ref = guess.province;
      siteConfidence = guess.confidence;
      reasons.unshift(guess.reason);
    } else {
      reasons.unshift('host not in the registry');
    }
  }

  const isArticle = cls.pageKind === 'article';
  const isProvincial = isArticle && !!site && !!ref;
  const kind = isProvincial
    ? site!.kind === 'newspaper' || site!.kind === 'broadcaster' ? 'newspaper' : 'government-portal'
    : isArticle ? 'other' : cls.pageKind;
  return {
    isProvincialNewsArticle: isProvincial,
    province: ref ? provinceLabel(ref) : null,
    kind,
    pageKind: cls.pageKind,
    site,
    confidence: Math.round((isProvincial ? cls.score * siteConfidence : cls.score) * 100) / 100,
    reasons,
  };
}
