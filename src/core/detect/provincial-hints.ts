// For hosts the registry does not know: does the page say it belongs to a provincial site?
// Evidence is read from the site's own name (og:site_name, the non-headline part of <title>, the footer),
// never from the headline, so that a national outlet writing about a province is not taken for it.
import type { SiteInfo } from '../types';
import { CURRENT_PROVINCES, FORMER_PROVINCES } from './registry-data';
import type { ProvinceRef } from './registry';

export interface ProvincialGuess {
  site: SiteInfo;
  province: ProvinceRef;
  confidence: number;
  reason: string;
}

const NATIONAL_OWNER = /(cơ quan chủ quản|bản quyền thuộc( về)?|chịu trách nhiệm|đơn vị quản lý)\s*:?\s*(bộ|tổng cục|cục|ủy ban dân tộc|văn phòng chính phủ|chính phủ|quốc hội|thông tấn xã|đài tiếng nói|đài truyền hình việt nam)\s/;
const ADDRESS = /(địa chỉ|trụ sở|tòa soạn|văn phòng đại diện)\s*:?[^.;|]*/g;

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
 * Looks for "tỉnh X" / "thành phố X" (gov hosts) or "Báo X" / "Đài PT-TH X" / "Cổng thông tin điện tử tỉnh X"
 * (other hosts) in the site-name sources.
 */
export function guessProvincial(host: string, sources: string[], isGov: boolean): ProvincialGuess | null {
  const n = names();
  const media = new RegExp(`(báo|đài phát thanh và truyền hình|đài pt-th|đài pt&th|đài ptth)\\s+(${n})(?![\\p{L}])`, 'u');
  const portal = new RegExp(`(cổng thông tin điện tử|cổng ttđt|trang thông tin điện tử|ủy ban nhân dân|ubnd)\\s+(tỉnh|thành phố|tp\\.?)\\s+(${n})(?![\\p{L}])`, 'u');
  const admin = new RegExp(`(tỉnh|thành phố|tp\\.)\\s+(${n})(?![\\p{L}])`, 'u');
  const folded = sources.map((raw) => raw.normalize('NFC').toLowerCase().replace(/\s+/g, ' '));
  // National agencies on .gov.vn print a Hà Nội address; their owner line gives them away.
  if (folded.some((s) => NATIONAL_OWNER.test(s))) return null;
  for (let i = 0; i < sources.length; i++) {
    const raw = sources[i];
    // Addresses name provinces without saying whose site it is.
    const s = folded[i].replace(ADDRESS, ' ');
    if (!s.trim()) continue;
    let m = portal.exec(s);
    let kind: SiteInfo['kind'] = 'government-portal';
    let name = m?.[3];
    if (!name) {
      m = media.exec(s);
      if (m) { name = m[2]; kind = m[1] === 'báo' ? 'newspaper' : 'broadcaster'; }
    }
    if (!name && isGov) {
      m = admin.exec(s);
      name = m?.[2];
    }
    if (!name) continue;
    const province = refFor(name);
    if (!province) continue;
    const siteName = raw.replace(/\s+/g, ' ').trim().slice(0, 120);
    return {
      site: { host, name: siteName || host, province: province.current, kind: isGov ? (kind === 'government-portal' ? kind : 'department-site') : kind },
      province,
      confidence: isGov ? 0.7 : 0.55,
      reason: `unlisted host whose site name says "${canonicalName(name)}"`,
    };
  }
  return null;
}
