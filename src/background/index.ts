// Service worker (Chromium) / background script (Firefox): routes messages, keeps the badge, owns saving.
import browser, { type Runtime } from 'webextension-polyfill';
import { parseContentMessage, parsePickedRule, parsePickStart, parsePopupRequest, parseRepairProgress } from '../shared/messages';
import { setBadge } from './badge';
import { archivedRefFor, previewTab, saveTab } from './save-tab';
import { refetchImages } from './refetch-images';
import { recoverAtStartUp } from './archive';
import { syncUserSites } from './user-site-scripts';
import { startPicker, storePickedRule } from './user-rule-picker';
import { parseBulkRequest } from '../shared/bulk-messages';
import { handleBulkRequest, resumeBulkRuns, startRecheck } from './bulk/controller';
import { parseRecheckRequest } from '../shared/recheck-messages';
import { parseTabsSaveRequest, type TabsSaveReply } from '../shared/tabs-messages';
import { saveAllTabs } from './bulk/open-tabs';

const MENU_ID = 'save-article';
/** On the toolbar icon's own context menu: save every open tab's article. */
const TABS_MENU_ID = 'save-all-tabs';
const extensionOrigin = browser.runtime.getURL('');

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: MENU_ID, title: browser.i18n.getMessage('contextMenuSave'), contexts: ['page', 'selection', 'image', 'link'] });
    browser.contextMenus.create({ id: TABS_MENU_ID, title: browser.i18n.getMessage('tabsSaveAll'), contexts: ['action'] });
  }).catch((error) => console.warn('[archiver] context menu', error));
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID && tab?.id !== undefined) void saveTab(tab.id, 'if-new', false);
  if (info.menuItemId === TABS_MENU_ID) void saveAllTabs(tab?.id);
});

browser.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'save-article') return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId !== undefined) await saveTab(tabId, 'if-new', false);
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Other extensions and web pages cannot reach runtime.onMessage, but check the sender all the same.
  if (sender.id !== browser.runtime.id) return undefined;
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  if (fromExtensionPage) {
    const pick = parsePickStart(message);
    if (pick) return startPicker(pick.tabId);
    // The offscreen document's parse requests go to it, not here (its replies come back through sendMessage).
    if ((message as { type?: unknown })?.type === 'bulk-parse' || (message as { type?: unknown })?.type === 'bulk-progress') return undefined;
    const bulk = parseBulkRequest(message);
    if (bulk) return handleBulkRequest(bulk);
    const recheck = parseRecheckRequest(message);
    if (recheck) return startRecheck(recheck);
    const tabsSave = parseTabsSaveRequest(message);
    if (tabsSave) {
      return saveAllTabs(tabsSave.tabId).then(
        (summary): TabsSaveReply => ({ ok: true, summary }),
        (error: unknown): TabsSaveReply => ({ ok: false, problem: error instanceof Error ? error.message : String(error) }),
      );
    }
    // Progress of "save every open tab", for the popup.
    if ((message as { type?: unknown })?.type === 'tabs-progress') return undefined;
    // An archive page telling the popup how far its repair is: not for the background.
    if (parseRepairProgress(message)) return undefined;
    const request = parsePopupRequest(message);
    if (!request) {
      console.warn('[archiver] rejected a malformed request', message);
      return undefined;
    }
    if (request.type === 'refetch-images') return refetchImages(request.articleId);
    return request.type === 'preview' ? previewTab(request.tabId) : saveTab(request.tabId, request.mode, request.generic, { tags: request.tags, note: request.note, collection: request.collection });
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  const picked = parsePickedRule(message);
  if (picked) return storePickedRule(picked, sender);
  const detected = parseContentMessage(message);
  if (!detected) {
    console.warn('[archiver] rejected a malformed content message');
    return undefined;
  }
  void (async () => {
    if (!detected.detection.isProvincialNewsArticle) return setBadge(tabId, detected.detection.site ? 'known-site' : 'none', { detection: detected.detection });
    const archived = await archivedRefFor(detected.url);
    await setBadge(tabId, archived ? 'saved' : 'article', { detection: detected.detection });
  })();
  return undefined;
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.userSites) void syncUserSites();
});
// A bulk run interrupted by the browser closing or the service worker stopping goes on where it stopped.
void resumeBulkRuns();
browser.runtime.onStartup.addListener(() => void resumeBulkRuns());
browser.permissions.onAdded?.addListener(() => void syncUserSites());
void syncUserSites();

// An import cut off by a crash is undone at start-up, before a tab or the popup asks anything (they wait for it).
void recoverAtStartUp().catch((error) => console.warn('[archiver] recovery of an interrupted import', error));

// Ask the browser to keep the archive through storage pressure (granted silently for extensions in Chromium).
void navigator.storage?.persist?.().catch(() => false);
