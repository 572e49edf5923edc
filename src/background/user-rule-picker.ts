// The background's part of "Chọn vùng nội dung": it starts the picker in the tab (the popup closes as soon as the
// page gets focus, so the picker lives in the page) and stores the rule the page sends back for its own host.
import browser, { type Runtime } from 'webextension-polyfill';
import { normalizeHost } from '../core/detect/registry';
import { checkUserRule } from '../core/extract/user-rules';
import type { ContentRequest, PickedRuleMessage, PickedRuleReply, PickStartReply } from '../shared/messages';
import { putUserRule } from '../shared/user-rules';
import { toErrorInfo } from './save-tab';
import { TabError } from './tab-extraction';

const HTTP = /^https?:/i;

/**
 * Asks the tab's content script to start picking; where the manifest did not inject it (a host outside the
 * registry), it is injected first through activeTab + scripting, as for an extraction.
 */
export async function startPicker(tabId: number): Promise<PickStartReply> {
  try {
    const tab = await browser.tabs.get(tabId).catch(() => {
      throw new TabError('no-tab', `No tab ${tabId}`);
    });
    if (tab.url && !HTTP.test(tab.url)) throw new TabError('restricted', `Cannot pick on ${tab.url}`);
    const ask = () => browser.tabs.sendMessage(tabId, { type: 'pick-start' } satisfies ContentRequest);
    await ask().catch(async () => {
      await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
      return ask();
    }).catch((error: unknown) => {
      throw new TabError('unreachable', error instanceof Error ? error.message : String(error));
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

/** Stores a picked rule for the host of the page that sent it, after the same checks as an imported one. */
export async function storePickedRule(message: PickedRuleMessage, sender: Runtime.MessageSender): Promise<PickedRuleReply> {
  let host: string | null = null;
  try {
    const url = new URL(sender.tab?.url ?? sender.url ?? '');
    if (HTTP.test(url.protocol)) host = normalizeHost(url.hostname);
  } catch {
    host = null;
  }
  if (!host) return { ok: false, problem: 'host' };
  const check = checkUserRule({ host, body: message.body, exclude: message.exclude });
  if (!check.ok) {
    const p = check.problem.problem;
    return { ok: false, problem: p === 'whole-page' ? 'whole-page' : 'invalid' };
  }
  try {
    await putUserRule(check.rule);
  } catch {
    return { ok: false, problem: 'storage' };
  }
  return { ok: true, host };
}
