// Chromium's offscreen document: the service worker has no DOM parser, so fetched pages are parsed here.
// Only runtime messaging is available in this document; it answers the background's bulk-parse requests only.
import browser, { type Runtime } from 'webextension-polyfill';
import { parseBulkPage, parseBulkRequest } from '../shared/bulk-parse';

const parser = new DOMParser();

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const request = parseBulkRequest(message);
  if (!request) return undefined;
  return Promise.resolve(parseBulkPage(request, parser));
});
