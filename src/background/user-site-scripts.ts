import browser from 'webextension-polyfill';
import { applyUserSites, hostMatchPatterns } from '../shared/user-sites';

const SCRIPT_ID = 'user-sites';

/**
 * Applies the user's hosts to this context's detector and runs the content script on those the user granted
 * access to (optional host permissions, asked for on the options page when a host is added).
 */
export async function syncUserSites(): Promise<void> {
  const sites = await applyUserSites();
  try {
    const granted: string[] = [];
    for (const site of sites) {
      for (const pattern of hostMatchPatterns(site.host)) {
        if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
      }
    }
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (granted.length) {
      await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, matches: granted, js: ['content.js'], runAt: 'document_start', persistAcrossSessions: true }]);
    }
  } catch (error) {
    console.warn('[archiver] could not register content scripts for user sites', error);
  }
}
