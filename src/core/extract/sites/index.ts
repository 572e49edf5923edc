// Registry of CMS-family rules. Order matters: the more specific markup first.
import { safeQuery } from '../dom';
import { joomla, wordpress } from './cms';
import { liferayHoaBinh, liferayJournal } from './liferay';
import { newspaperArticleBody, newspaperContentDetail, newspaperN3, newspaperOthers } from './newspapers';
import { nukeviet3, nukeviet4 } from './nukeviet';
import { aspnetPortal, bootstrapPortal, oldPhpDetail } from './portals';
import { sharepointArticleContent, sharepointTanDan, sharepointVnpt } from './sharepoint';
import { tuyenQuangG1, tuyenQuangG2 } from './tuyenquang';
import type { SiteRule } from './types';
import { buildDocIndex, mayMatch, type DocIndex } from './prefilter';

export const SITE_RULES: SiteRule[] = [
  nukeviet4,
  nukeviet3,
  sharepointTanDan,
  sharepointVnpt,
  sharepointArticleContent,
  liferayHoaBinh,
  liferayJournal,
  tuyenQuangG2,
  tuyenQuangG1,
  newspaperN3,
  joomla,
  wordpress,
  newspaperContentDetail,
  newspaperArticleBody,
  bootstrapPortal,
  oldPhpDetail,
  aspnetPortal,
  newspaperOthers,
];

export function matchSiteRule(doc: Document, url: string, index?: DocIndex): SiteRule | null {
  const ix = index ?? (doc.documentElement ? buildDocIndex(doc.documentElement) : null);
  if (!ix) return null;
  const has = (sel: string) => mayMatch(sel, ix) && !!safeQuery(doc, sel, ix);
  for (const rule of SITE_RULES) {
    if (rule.match.urls && !rule.match.urls.some((re) => re.test(url))) continue;
    if (rule.match.detect && !rule.match.detect.some(has)) continue;
    if (!rule.body.some(has)) continue;
    return rule;
  }
  return null;
}

export type { SiteRule };
