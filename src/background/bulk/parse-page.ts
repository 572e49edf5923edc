// Parsing a fetched page: directly where this context has a DOM parser (Firefox's background page), else in
// Chromium's offscreen document (reason DOM_PARSER), created on first need and kept while a run goes on.
import browser from 'webextension-polyfill';
import { parseBulkPage, type BulkParseReply, type BulkParseRequest } from '../../shared/bulk-parse';

// Chromium-only APIs the polyfill does not type (Firefox never reaches them: it parses in its background page).
interface ChromeOffscreen {
  runtime: { getContexts?: (filter: { contextTypes: string[]; documentUrls: string[] }) => Promise<unknown[]> };
  offscreen: { createDocument: (options: { url: string; reasons: string[]; justification: string }) => Promise<void> };
}
declare const chrome: ChromeOffscreen;

const OFFSCREEN_PATH = 'offscreen/offscreen.html';
let creating: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  // Being created: listed by getContexts already, but its script may not listen yet.
  if (creating) return creating;
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await chrome.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (contexts?.length) return;
  creating ??= chrome.offscreen
    .createDocument({ url: OFFSCREEN_PATH, reasons: ['DOM_PARSER'], justification: 'Parse pages fetched for a bulk capture' })
    .catch((error: unknown) => {
      // Another call created it meanwhile.
      if (!String(error).includes('single offscreen')) throw error;
    })
    .finally(() => { creating = null; });
  await creating;
}

export async function parseInDom(request: BulkParseRequest): Promise<BulkParseReply> {
  if (typeof DOMParser === 'function') return parseBulkPage(request, new DOMParser());
  for (let attempt = 1; ; attempt++) {
    await ensureOffscreen();
    try {
      const reply = await browser.runtime.sendMessage<BulkParseRequest, BulkParseReply | undefined>(request);
      if (!reply || typeof reply !== 'object' || typeof reply.kind !== 'string') return { kind: 'error', message: 'The page parser did not answer' };
      return reply;
    } catch (error) {
      // The document came up a moment ago and does not listen yet (pages of a resumed run start together): once more.
      if (attempt >= 3 || !String(error).includes('Receiving end does not exist')) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}
