import { storedList, UserSiteSchema, type UserSite } from '../shapes/settings';

/** Keeps only well-formed entries (storage can hold anything), one per host, the last one winning. */
export function cleanUserSites(value: unknown): UserSite[] {
  return storedList(UserSiteSchema, value, (site) => site.host);
}
