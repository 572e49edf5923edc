// Registry of CMS-family rules. Order matters: the more specific markup first.
import { safeQuery } from '../dom';
import type { SiteRule } from './types';

export const SITE_RULES: SiteRule[] = [];

export function matchSiteRule(doc: Document, url: string): SiteRule | null {
  for (const rule of SITE_RULES) {
    if (rule.match.urls && !rule.match.urls.some((re) => re.test(url))) continue;
    if (rule.match.detect && !rule.match.detect.some((sel) => safeQuery(doc, sel))) continue;
    if (!rule.body.some((sel) => safeQuery(doc, sel))) continue;
    return rule;
  }
  return null;
}

export type { SiteRule };
