// A pre-merger site's articles belong to two provinces: the one of their time (Hà Giang) and the one it is part of
// now (Tuyên Quang). The archive stores the current one (site.province); the former one comes from the site's host.
import type { SiteInfo } from '../types';
import { foldVietnamese } from '../text/normalize';
import { FORMER_PROVINCES } from './registry-data';
import { lookupProvince } from './registry';

/** Resolution 202/2025/QH15: the 34 provinces from this moment (Vietnam time). */
const MERGER_MS = Date.parse('2025-07-01T00:00:00+07:00');

export interface ProvinceOfTime {
  /** The province when the article was published (the former one for a pre-merger article). */
  then: string;
  /** The province it is part of now; equal to `then` when nothing changed. */
  now: string;
}

/** `former` is the pre-merger province of the site, if any; a date on or after the merger makes it moot. */
export function provinceOfTime(former: string | null, current: string | null, publishedAt?: string | null): ProvinceOfTime | null {
  const now = current || former;
  if (!now) return null;
  const published = publishedAt ? Date.parse(publishedAt) : NaN;
  const afterMerger = Number.isFinite(published) && published >= MERGER_MS;
  return { then: former && !afterMerger ? former : now, now };
}

/** Former province of an archived site, read from its host (built-in registry and the user's own sites). */
export function formerProvinceOf(site: Pick<SiteInfo, 'host' | 'province'>): string | null {
  const ref = site.host ? lookupProvince(site.host) : null;
  return ref?.former && (!site.province || ref.current === site.province) ? ref.former : null;
}

export function articleProvince(site: Pick<SiteInfo, 'host' | 'province'>, publishedAt?: string | null): ProvinceOfTime | null {
  return provinceOfTime(formerProvinceOf(site), site.province, publishedAt);
}

/** "Hà Giang (nay thuộc Tuyên Quang)": the Vietnamese label exports carry (the UI formats its own, per language). */
export function provinceLabelVi(p: ProvinceOfTime | null): string {
  if (!p) return '';
  return p.then === p.now ? p.now : `${p.then} (nay thuộc ${p.now})`;
}

/** A former province whose name differs from the province it merged into, matched without case or diacritics. */
export function formerProvinceNamed(name: string): { former: string; current: string } | null {
  const key = foldVietnamese(name.normalize('NFC').trim());
  const f = FORMER_PROVINCES.find((p) => p.name !== p.mergedInto && foldVietnamese(p.name) === key);
  return f ? { former: f.name, current: f.mergedInto } : null;
}

/** True when a province filter (current or former name) takes in this site. */
export function siteInProvince(site: Pick<SiteInfo, 'host' | 'province'>, name: string): boolean {
  const key = foldVietnamese(name.normalize('NFC').trim());
  if (site.province && foldVietnamese(site.province) === key) return true;
  const former = formerProvinceOf(site);
  return !!former && foldVietnamese(former) === key;
}
