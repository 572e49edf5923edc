// The province line every page shows: "Hà Giang (nay thuộc Tuyên Quang)" for a pre-merger article, else one name.
import type { SiteInfo } from '../core/types';
import { articleProvince, provinceOfTime, type ProvinceOfTime } from '../core/detect/province-of-time';
import { t } from './i18n';

export function provinceText(p: ProvinceOfTime | null): string {
  if (!p) return '';
  return p.then === p.now ? p.now : t('provinceNowPartOf', p.then, p.now);
}

/** An archived article's province, the former one read from its site's host. */
export function articleProvinceText(site: Pick<SiteInfo, 'host' | 'province'>, publishedAt?: string | null): string {
  return provinceText(articleProvince(site, publishedAt));
}

/** A detection's province: `province` names the former province for a pre-merger site, `site.province` the current one. */
export function detectedProvinceText(detection: { province: string | null; site: Pick<SiteInfo, 'province'> | null }, publishedAt?: string | null): string {
  const current = detection.site?.province ?? null;
  const former = detection.province && detection.province !== current ? detection.province : null;
  return provinceText(provinceOfTime(former, current ?? detection.province, publishedAt));
}
