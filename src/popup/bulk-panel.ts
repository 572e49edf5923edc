// The popup on a listing or home page: the articles it links to, chosen and queued; the next pages followed on request.
import browser from 'webextension-polyfill';
import type { BulkListReply, BulkMoreReply, BulkStartReply, ListedLink } from '../shared/bulk-messages';
import { formatCount, formatDate, t } from '../shared/i18n';
import { watchBulkRun } from '../shared/bulk-run-view';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface Row { link: ListedLink; box: HTMLInputElement; item: HTMLLIElement }

const rows: Row[] = [];
let listingUrl = '';
let next: string | null = null;

function originsOf(urls: string[]): string[] {
  return [...new Set(urls.map((u) => `${new URL(u).protocol}//${new URL(u).hostname}/*`))];
}
const hostsOf = (urls: string[]) => [...new Set(urls.map((u) => new URL(u).hostname))].join(', ');

function addRows(links: ListedLink[]): void {
  const list = $('bulk-list');
  for (const link of links) {
    const item = document.createElement('li');
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = !link.archived;
    box.addEventListener('change', updateCount);
    const text = document.createElement('span');
    text.textContent = link.title || link.url;
    label.append(box, text);
    if (link.date) label.append(Object.assign(document.createElement('span'), { className: 'date', textContent: formatDate(link.date) }));
    if (link.archived) label.append(Object.assign(document.createElement('span'), { className: 'mark', textContent: `✓ ${t('bulkArchived')}` }));
    item.dataset.url = link.url;
    item.append(label);
    list.append(item);
    rows.push({ link, box, item });
  }
  updateCount();
}

function updateCount(): void {
  $('bulk-selected').textContent = t('bulkSelected', formatCount(rows.filter((r) => r.box.checked).length));
  $('bulk-save').toggleAttribute('disabled', !rows.some((r) => r.box.checked));
}

function visibleRows(): Row[] {
  return rows.filter((r) => !r.item.hidden);
}

function applyFilter(): void {
  const words = $<HTMLInputElement>('bulk-filter').value.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean);
  for (const r of rows) r.item.hidden = !words.every((w) => r.link.title.normalize('NFC').toLowerCase().includes(w));
}

/** Asks for the hosts' permission inside the click (browsers only ask during a user gesture); true when granted. */
async function permitted(urls: string[]): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: originsOf(urls) });
  } catch {
    return false;
  }
}

async function saveSelected(setStatus: (text: string, kind?: '' | 'ok' | 'warn' | 'error') => void): Promise<void> {
  const chosen = rows.filter((r) => r.box.checked).map((r) => r.link);
  if (!chosen.length) return;
  const urls = chosen.map((c) => c.url);
  if (!(await permitted(urls))) return setStatus(t('bulkPermissionDenied', hostsOf(urls)), 'error');
  const reply = await browser.runtime.sendMessage<unknown, BulkStartReply>({ type: 'bulk-start', listingUrl, pages: chosen.map((c) => ({ url: c.url, title: c.title })) });
  if (!reply?.ok) return setStatus(t('errorUnknown', reply?.problem ?? '—'), 'error');
  setStatus(t('bulkQueued', formatCount(reply.queued)), 'ok');
  $('bulk').hidden = true;
  void watchBulkRun();
}

async function addNextPages(setStatus: (text: string, kind?: '' | 'ok' | 'warn' | 'error') => void): Promise<void> {
  if (!next) return;
  if (!(await permitted([next]))) return setStatus(t('bulkPermissionDenied', hostsOf([next])), 'error');
  const pages = Math.min(50, Math.max(1, Number($<HTMLInputElement>('bulk-pages').value) || 1));
  $('bulk-more').toggleAttribute('disabled', true);
  const reply = await browser.runtime.sendMessage<unknown, BulkMoreReply>({ type: 'bulk-more', listingUrl, next, pages, seen: rows.map((r) => r.link.url) });
  $('bulk-more').toggleAttribute('disabled', false);
  if (!reply?.ok) return setStatus(t('bulkMoreFailed', reply?.problem ?? '—'), 'error');
  addRows(reply.links);
  applyFilter();
  next = reply.next;
  $('bulk-more-row').hidden = !next;
  const added = t('bulkMoreAdded', formatCount(reply.pagesRead), formatCount(reply.links.length));
  $('bulk-count').textContent = `${t('bulkCount', formatCount(rows.length))} ${added}`;
  if (reply.problem) setStatus(t('bulkMoreFailed', reply.problem), 'warn');
}

/** Shows the panel when the page links to articles; false when it links to none (or could not be read). */
export async function initBulkPanel(tabId: number, setStatus: (text: string, kind?: '' | 'ok' | 'warn' | 'error') => void): Promise<boolean> {
  const reply = (await browser.runtime.sendMessage({ type: 'bulk-list', tabId }).catch(() => null)) as BulkListReply | null;
  if (!reply?.ok || !reply.links.length) return false;
  listingUrl = reply.listingUrl;
  next = reply.next;
  const filter = $<HTMLInputElement>('bulk-filter');
  filter.placeholder = t('bulkFilter');
  filter.setAttribute('aria-label', t('bulkFilter'));
  filter.addEventListener('input', applyFilter);
  $('bulk-all').addEventListener('click', () => { for (const r of visibleRows()) r.box.checked = true; updateCount(); });
  $('bulk-none').addEventListener('click', () => { for (const r of visibleRows()) r.box.checked = false; updateCount(); });
  $('bulk-save').addEventListener('click', () => void saveSelected(setStatus));
  $('bulk-more').addEventListener('click', () => void addNextPages(setStatus));
  $('bulk-more-row').hidden = !next;
  $('bulk-why').textContent = t('bulkPermissionWhy', hostsOf([listingUrl]));
  addRows(reply.links);
  // The status line keeps saying why this page itself is not saved; the panel says what it links to.
  $('bulk-count').textContent = t('bulkCount', formatCount(reply.links.length));
  $('bulk').hidden = false;
  return true;
}
