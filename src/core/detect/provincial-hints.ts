// For hosts the registry does not know: does the page say it belongs to a provincial site?
// Evidence is read from the site's own name (og:site_name, the non-headline part of <title>, the footer),
// never from the headline, so that a national outlet writing about a province is not taken for it.
import type { SiteInfo } from '../types';
import { CURRENT_PROVINCES, DISTRICT_PORTALS, FORMER_PROVINCES } from './registry-data';
import { matchSite, type ProvinceRef } from './registry';

interface ProvincialGuess {
  site: SiteInfo;
  province: ProvinceRef;
  confidence: number;
  reason: string;
}

const NATIONAL_OWNER = /(cơ quan chủ quản|bản quyền thuộc( về)?|chịu trách nhiệm|đơn vị quản lý)\s*:?\s*(bộ|tổng cục|cục|ủy ban dân tộc|văn phòng chính phủ|chính phủ|quốc hội|thông tấn xã|đài tiếng nói|đài truyền hình việt nam)\s/;
const ADDRESS = /(địa chỉ|trụ sở|tòa soạn|văn phòng đại diện)\s*:?[^.;|]*/g;

const SITE_MARKER = /cổng|trang thông tin|báo|đài|sở|ban|ủy ban|ubnd|hđnd|huyện|tỉnh|thành phố|xã|phường|thị xã/i;

let namePattern: string | null = null;
function names(): string {
  if (namePattern) return namePattern;
  const all = new Set<string>([...CURRENT_PROVINCES.map((p) => p.name), ...FORMER_PROVINCES.map((p) => p.name)]);
  namePattern = [...all].sort((a, b) => b.length - a.length).map((n) => n.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return namePattern;
}

function refFor(name: string): ProvinceRef | null {
  const lower = name.toLowerCase();
  const cur = CURRENT_PROVINCES.find((p) => p.name.toLowerCase() === lower);
  if (cur) return { current: cur.name, former: null };
  const f = FORMER_PROVINCES.find((p) => p.name.toLowerCase() === lower);
  return f ? { current: f.mergedInto, former: f.mergedInto === f.name ? null : f.name } : null;
}

function canonicalName(lower: string): string {
  const all = [...CURRENT_PROVINCES.map((p) => p.name), ...FORMER_PROVINCES.map((p) => p.name)];
  return all.find((n) => n.toLowerCase() === lower) ?? lower;
}

/**
 * Looks for "Cổng thông tin điện tử tỉnh X", "Báo X", "Đài PT-TH X" in the site-name sources; on .gov.vn hosts also
 * for a known district ("huyện Chiêm Hóa"), a provincial .gov.vn e-mail or link domain, and "tỉnh X".
 */
export function guessProvincial(host: string, siteNames: string[], footer: string, isGov: boolean): ProvincialGuess | null {
  const sources = footer ? [...siteNames, footer] : siteNames;
  const n = names();
  const media = new RegExp(`(báo|đài phát thanh và truyền hình|đài pt-th|đài pt&th|đài ptth)\\s+(${n})(?![\\p{L}])`, 'u');
  const portal = new RegExp(`(cổng thông tin điện tử|cổng ttđt|trang thông tin điện tử|ủy ban nhân dân|ubnd)\\s+(tỉnh|thành phố|tp\\.?)\\s+(${n})(?![\\p{L}])`, 'u');
  const admin = new RegExp(`(tỉnh|thành phố|tp\\.)\\s+(${n})(?![\\p{L}])`, 'u');
  const folded = sources.map((raw) => raw.normalize('NFC').toLowerCase().replace(/\s+/g, ' '));
  // National agencies on .gov.vn print a Hà Nội address; their owner line gives them away.
  if (folded.some((s) => NATIONAL_OWNER.test(s))) return null;
  const named = siteNames.map((x) => x.replace(/\s+/g, ' ').trim()).filter((x) => x.length <= 120);
  const siteName = named.find((x) => SITE_MARKER.test(x.normalize('NFC'))) ?? host;
  const guess = (province: ProvinceRef | null, kind: SiteInfo['kind'], why: string): ProvincialGuess | null =>
    province && {
      site: { host, name: siteName, province: province.current, kind: isGov ? (kind === 'government-portal' ? kind : 'department-site') : kind },
      province,
      confidence: isGov ? 0.7 : 0.55,
      reason: `unlisted host: ${why}`,
    };

  for (const s of folded) {
    let m = portal.exec(s);
    if (m) return guess(refFor(m[3]), 'government-portal', `site name says "${canonicalName(m[3])}"`);
    m = media.exec(s);
    if (m) return guess(refFor(m[2]), m[1] === 'báo' ? 'newspaper' : 'broadcaster', `site name says "${canonicalName(m[2])}"`);
  }
  if (!isGov) return null;
  for (const s of folded) {
    const t = s.replace(ADDRESS, ' ');
    for (const d of DISTRICT_PORTALS) {
      if (t.includes(d.name.toLowerCase())) return guess(refFor(d.province), 'department-site', `site of ${d.name}`);
    }
  }
  for (const s of folded) {
    for (const m of s.matchAll(/@?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.gov\.vn)\b/g)) {
      const hit = matchSite(m[1]);
      if (hit) return guess(hit.province, 'government-portal', `mail/link domain ${m[1]}`);
    }
  }
  for (const s of folded) {
    // Addresses name provinces without saying whose site it is.
    const m = admin.exec(s.replace(ADDRESS, ' '));
    if (m) return guess(refFor(m[2]), 'government-portal', `site name says "${canonicalName(m[2])}"`);
  }
  return null;
}
