// The articles the open listing page links to, read from the live tab by the content script (no refetch).
import browser from 'webextension-polyfill';
import type { ListedArticle } from '../../core/bulk/listing-links';

interface TabListing { url: string; articles: ListedArticle[]; next: string | null }

function isListing(v: unknown): v is TabListing {
  const m = v as TabListing | null;
  return !!m && typeof m.url === 'string' && Array.isArray(m.articles) && m.articles.length <= 5000
    && m.articles.every((a) => a && typeof a.url === 'string' && /^https?:/.test(a.url) && typeof a.title === 'string' && (a.date === null || typeof a.date === 'string'))
    && (m.next === null || typeof m.next === 'string');
}

export async function listTabArticles(tabId: number): Promise<TabListing | null> {
  const ask = () => browser.tabs.sendMessage(tabId, { type: 'list-articles' });
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
  return isListing(reply) ? reply : null;
}
