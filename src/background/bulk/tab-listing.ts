// The articles the open listing page links to, read from the live tab by the content script (no refetch).
import browser from 'webextension-polyfill';
import { parseMessage, TabListingSchema, type ContentRequest, type TabListing } from '../../core/shapes/messages';

export async function listTabArticles(tabId: number): Promise<TabListing | null> {
  const ask = () => browser.tabs.sendMessage(tabId, { type: 'list-articles' } satisfies ContentRequest);
  let reply: unknown;
  try {
    reply = await ask();
  } catch {
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
      reply = await ask();
    } catch {
      return null;
    }
  }
  return parseMessage(TabListingSchema, reply);
}
