import browser from 'webextension-polyfill';
import { parseExtractReply, type ExtractReply } from '../shared/messages';

const RESTRICTED = /^(chrome|edge|brave|opera|vivaldi|coccoc|about|moz-extension|chrome-extension|view-source|devtools|file|data|blob):/i;

export class TabError extends Error {
  constructor(public readonly code: 'no-tab' | 'restricted' | 'unreachable', message: string) {
    super(message);
  }
}

async function askContentScript(tabId: number, generic: boolean, withPage: boolean): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, { type: 'extract', generic, ...(withPage ? { withPage } : {}) });
}

/**
 * Asks the tab's content script for the article. Where the manifest did not inject it (a host outside the
 * registry), it is injected on demand through activeTab + scripting, so no broad host permission is needed.
 * `withPage` (a save): the reply also carries the page's HTML as it is now, kept as the original.
 */
export async function extractFromTab(tabId: number, generic: boolean, withPage = false): Promise<ExtractReply> {
  let tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    throw new TabError('no-tab', `No tab ${tabId}`);
  }
  // tab.url is only visible where the extension has access (activeTab, content-script hosts); without it, just ask.
  const url = tab.url ?? '';
  if (url && (RESTRICTED.test(url) || /\.pdf($|[?#])/i.test(url))) throw new TabError('restricted', `Cannot read ${url}`);
  let raw: unknown;
  try {
    raw = await askContentScript(tabId, generic, withPage);
  } catch {
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
      raw = await askContentScript(tabId, generic, withPage);
    } catch (error) {
      throw new TabError('unreachable', error instanceof Error ? error.message : String(error));
    }
  }
  const reply = parseExtractReply(raw);
  if (!reply) throw new TabError('unreachable', 'The page answered with a malformed message');
  return reply;
}
