// The user's own provincial hosts (options page): kept in storage.local, applied to detection in every context.
import browser from 'webextension-polyfill';
import { setUserSites, type UserSite } from '../core/detect';
import { cleanUserSites } from '../core/detect/user-site-list';

export const USER_SITES_KEY = 'userSites';

export async function loadUserSites(): Promise<UserSite[]> {
  try {
    const stored = await browser.storage.local.get(USER_SITES_KEY);
    return cleanUserSites(stored[USER_SITES_KEY]);
  } catch {
    return [];
  }
}

export async function saveUserSites(sites: UserSite[]): Promise<void> {
  await browser.storage.local.set({ [USER_SITES_KEY]: cleanUserSites(sites) });
}

/** Loads the user's hosts into the detector of this context. */
export async function applyUserSites(): Promise<UserSite[]> {
  const sites = await loadUserSites();
  setUserSites(sites);
  return sites;
}

export function hostMatchPatterns(host: string): string[] {
  return [`*://${host}/*`, `*://*.${host}/*`];
}
