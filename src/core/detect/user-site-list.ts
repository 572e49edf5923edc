import { normalizeHost, type UserSite } from './registry';
import { LISTED_SITE_KINDS } from '../shapes/site-kinds';

const KINDS: ReadonlySet<string> = new Set(LISTED_SITE_KINDS);

/** Keeps only well-formed entries (storage can hold anything), one per host, the last one winning. */
export function cleanUserSites(value: unknown): UserSite[] {
  if (!Array.isArray(value)) return [];
  const byHost = new Map<string, UserSite>();
  for (const s of value) {
    if (typeof s !== 'object' || s === null) continue;
    const { host, province, kind, name } = s as Record<string, unknown>;
    const h = typeof host === 'string' ? normalizeHost(host) : null;
    if (!h || typeof province !== 'string' || !province.trim() || typeof kind !== 'string' || !KINDS.has(kind)) continue;
    byHost.set(h, { host: h, province: province.normalize('NFC').trim(), kind: kind as UserSite['kind'], ...(typeof name === 'string' && name.trim() ? { name: name.trim() } : {}) });
  }
  return [...byHost.values()];
}
