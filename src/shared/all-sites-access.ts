// Access to all sites (the optional `*://*/*` host permission): lets a save fetch an article's images from another
// server (a CDN) that does not allow any origin. Asked for only inside a click, with the reason on screen first.
import browser from 'webextension-polyfill';

const ALL_SITES = { origins: ['*://*/*'] };

export const hasAllSitesAccess = (): Promise<boolean> => browser.permissions.contains(ALL_SITES).catch(() => false);
export const requestAllSitesAccess = (): Promise<boolean> => browser.permissions.request(ALL_SITES).catch(() => false);
export const revokeAllSitesAccess = (): Promise<boolean> => browser.permissions.remove(ALL_SITES).catch(() => false);
