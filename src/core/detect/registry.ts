// Host → provincial site. Pure functions over registry-data.ts; indexes are built once, lazily.
import type { SiteInfo } from '../types';
import { broadcasterSlug } from './registry-broadcasters';
import { LISTED_SITE_KINDS } from '../shapes/site-kinds';
import type { UserSite } from '../shapes/settings';
import {
  CURRENT_PROVINCES,
  DEPARTMENT_PREFIXES,
  DISTRICT_PORTALS,
  FORMER_PROVINCES,
  MEDIA_SITES,
  NATIONAL_HOSTS,
} from './registry-data';

export interface ProvinceRef {
  /** Current province (after 1 July 2025). */
  current: string;
  /** Pre-merger province the host belongs to, when its name differs from `current`; else null. */
  former: string | null;
}

/** A registry hit with the evidence strength; `lookupSite` returns only `site`. */
export interface SiteMatch {
  site: SiteInfo;
  province: ProvinceRef;
  /** 1 for listed hosts, lower for hosts matched only by a pattern. */
  confidence: number;
  rule: 'portal' | 'sub-site' | 'prefixed-domain' | 'district' | 'media' | 'media-pattern' | 'user';
}

interface Indexes {
  slugs: Map<string, ProvinceRef>;
  /** Slugs long enough to be matched as the tail of a label (`snntuyenquang`), longest first. */
  tailSlugs: string[];
  exact: Map<string, SiteMatch>;
  media: Map<string, SiteMatch>;
  cities: Set<string>;
}

let indexes: Indexes | null = null;

/** A host the user added in the options (registry extension). */
export type { UserSite };

let userSites = new Map<string, SiteMatch>();

/**
 * Replaces the user's own hosts; they take precedence over the built-in registry and also match their sub-domains.
 * Returns the entries that were rejected (bad host or unknown province), so the options page can say so.
 */
export function setUserSites(sites: readonly UserSite[]): UserSite[] {
  const next = new Map<string, SiteMatch>();
  const rejected: UserSite[] = [];
  for (const s of sites) {
    const host = normalizeHost(s?.host ?? '');
    const ref = typeof s?.province === 'string' ? resolveProvince(s.province.normalize('NFC').trim()) : null;
    if (!host || !ref || !LISTED_SITE_KINDS.includes(s.kind)) { rejected.push(s); continue; }
    const name = (typeof s.name === 'string' && s.name.trim()) || host;
    next.set(host, { site: { host, name, province: ref.current, kind: s.kind }, province: ref, confidence: 1, rule: 'user' });
  }
  userSites = next;
  return rejected;
}

function resolveProvince(name: string): ProvinceRef | null {
  if (CURRENT_PROVINCES.some((p) => p.name === name)) return { current: name, former: null };
  const f = FORMER_PROVINCES.find((p) => p.name === name);
  if (!f) return null;
  return { current: f.mergedInto, former: f.mergedInto === name ? null : f.name };
}

function build(): Indexes {
  const slugs = new Map<string, ProvinceRef>();
  const exact = new Map<string, SiteMatch>();
  const media = new Map<string, SiteMatch>();
  const cities = new Set(CURRENT_PROVINCES.filter((p) => p.city).map((p) => p.name));
  const portal = (host: string, ref: ProvinceRef) => {
    const named = ref.former ?? ref.current;
    exact.set(host, {
      site: { host, name: `Cổng TTĐT ${cities.has(named) ? 'thành phố' : 'tỉnh'} ${named}`, province: ref.current, kind: 'government-portal' },
      province: ref,
      confidence: 1,
      rule: 'portal',
    });
    slugs.set(host.slice(0, host.indexOf('.')), ref);
  };
  for (const p of CURRENT_PROVINCES) for (const h of p.hosts) portal(h, { current: p.name, former: null });
  for (const f of FORMER_PROVINCES) {
    const ref = { current: f.mergedInto, former: f.mergedInto === f.name ? null : f.name };
    for (const h of f.hosts) if (!exact.has(h)) portal(h, ref);
  }
  for (const d of DISTRICT_PORTALS) {
    const ref = resolveProvince(d.province);
    if (!ref) continue;
    for (const h of d.hosts) {
      exact.set(h, {
        site: { host: h, name: `Cổng TTĐT ${d.name} (${d.province})`, province: ref.current, kind: 'department-site' },
        province: ref,
        confidence: 1,
        rule: 'district',
      });
    }
  }
  for (const m of MEDIA_SITES) {
    const ref = resolveProvince(m.province);
    if (!ref) continue;
    for (const h of m.hosts) {
      media.set(h, { site: { host: h, name: m.name, province: ref.current, kind: m.kind }, province: ref, confidence: 1, rule: 'media' });
    }
  }
  const tailSlugs = [...slugs.keys()].filter((s) => s.length >= 5).sort((a, b) => b.length - a.length);
  return { slugs, tailSlugs, exact, media, cities };
}

function idx(): Indexes {
  return (indexes ??= build());
}

/** Lower-cases, drops the port, a trailing dot and leading `www.`/`m.`; null when it is not a DNS host name. */
export function normalizeHost(host: string): string | null {
  if (typeof host !== 'string') return null;
  let h = host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(h)) return null;
  while (/^(www\d?|m)\./.test(h) && h.split('.').length > 2) h = h.slice(h.indexOf('.') + 1);
  return h;
}

function withHost(m: SiteMatch, host: string, confidence = m.confidence, rule = m.rule): SiteMatch {
  return { ...m, site: { ...m.site, host }, confidence, rule };
}

function departmentName(label: string, ref: ProvinceRef): string | null {
  const named = ref.former ?? ref.current;
  const dept = DEPARTMENT_PREFIXES[label];
  return dept ? `${dept} ${idx().cities.has(named) ? 'thành phố' : 'tỉnh'} ${named}` : null;
}

function subSite(host: string, label: string, ref: ProvinceRef, confidence: number, rule: SiteMatch['rule']): SiteMatch {
  return {
    site: { host, name: departmentName(label, ref) ?? host, province: ref.current, kind: 'department-site' },
    province: ref,
    confidence,
    rule,
  };
}

const NEWSPAPER_TLDS = ['.vn', '.com.vn', '.org.vn'];

/** Full lookup with evidence; null for hosts that are not provincial sites. */
export function matchSite(rawHost: string): SiteMatch | null {
  const host = normalizeHost(rawHost);
  if (!host) return null;
  if (userSites.size) {
    const labels = host.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const u = userSites.get(labels.slice(i).join('.'));
      if (u) return withHost(u, host);
    }
  }
  const { slugs, tailSlugs, exact, media } = idx();
  const hit = exact.get(host);
  if (hit) return withHost(hit, host);

  if (host.endsWith('.gov.vn')) {
    const labels = host.slice(0, -'.gov.vn'.length).split('.');
    const last = labels[labels.length - 1];
    const ref = slugs.get(last);
    // *.<p>.gov.vn: department, district and agency sub-sites.
    if (ref) return subSite(host, labels[0], ref, 0.95, 'sub-site');
    // <prefix><p>.gov.vn: snntuyenquang.gov.vn, hdndtuyenquang.gov.vn.
    for (const slug of tailSlugs) {
      if (last.length > slug.length && last.endsWith(slug)) {
        const prefix = last.slice(0, -slug.length);
        if (/^[a-z]{2,12}$/.test(prefix)) return subSite(host, prefix, slugs.get(slug)!, 0.85, 'prefixed-domain');
      }
    }
    return null;
  }

  // Newspapers and broadcasters, with any sub-domain (m., dongkhoi.baovinhlong.vn).
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join('.');
    const m = media.get(suffix);
    if (m) return withHost(m, host);
  }
  // bao<slug>.vn | .com.vn | .org.vn for papers not listed.
  for (const tld of NEWSPAPER_TLDS) {
    if (!host.endsWith(tld)) continue;
    const rest = host.slice(0, -tld.length).split('.');
    const label = rest[rest.length - 1];
    if (rest.length > 2) continue;
    const station = broadcasterSlug(label);
    const stationRef = station ? slugs.get(station) : undefined;
    if (stationRef) {
      const named = stationRef.former ?? stationRef.current;
      return { site: { host, name: `Đài PT-TH ${named}`, province: stationRef.current, kind: 'broadcaster' }, province: stationRef, confidence: 0.8, rule: 'media-pattern' };
    }
    if (!label.startsWith('bao')) continue;
    const ref = slugs.get(label.slice(3));
    if (ref) {
      const named = ref.former ?? ref.current;
      return { site: { host, name: `Báo ${named}`, province: ref.current, kind: 'newspaper' }, province: ref, confidence: 0.8, rule: 'media-pattern' };
    }
  }
  return null;
}

/** The provincial site a host belongs to, or null. `province` is the current province. */
export function lookupSite(host: string): SiteInfo | null {
  return matchSite(host)?.site ?? null;
}

/** Current province of a host and, for a pre-merger province's site, the former province's name. */
export function lookupProvince(host: string): ProvinceRef | null {
  return matchSite(host)?.province ?? null;
}

/** True for national outlets and agencies (vov.vn, nhandan.vn, …) and their sub-domains. */
export function isNationalHost(rawHost: string): boolean {
  const host = normalizeHost(rawHost);
  if (!host) return false;
  return NATIONAL_HOSTS.some((h) => host === h || host.endsWith('.' + h));
}

/**
 * Content-script match patterns for the manifest: every .gov.vn host (department and district domains are
 * open-ended) plus each listed newspaper and broadcaster host and its sub-domains.
 */
export function contentScriptMatches(): string[] {
  // User hosts are not listed here: the manifest is static; the shell registers them at run time.
  const out = ['*://*.gov.vn/*'];
  for (const m of MEDIA_SITES) for (const h of m.hosts) out.push(`*://*.${h}/*`);
  return [...new Set(out)];
}

/** Every host the built-in registry lists (portals, district portals, newspapers), without the user's own. */
export function builtInSiteMatches(): SiteMatch[] {
  const { exact, media } = idx();
  return [...exact.values(), ...media.values()];
}
