// Messages between the popup and the background about bulk runs, and their runtime validation.
import type { FailReason, ItemState, RunProgress } from '../core/bulk/queue-types';

export interface ListedLink { url: string; title: string; date: string | null; archived: boolean }

export type BulkRequest =
  | { type: 'bulk-list'; tabId: number }
  | { type: 'bulk-more'; listingUrl: string; next: string; pages: number; seen: string[] }
  | { type: 'bulk-start'; listingUrl: string; pages: Array<{ url: string; title: string }> }
  | { type: 'bulk-control'; runId: string; action: 'pause' | 'resume' | 'cancel' }
  | { type: 'bulk-status' }
  | { type: 'bulk-save-anyway'; runId: string; url: string };

export type BulkListReply = { ok: true; listingUrl: string; links: ListedLink[]; next: string | null } | { ok: false };
export type BulkMoreReply = { ok: true; links: ListedLink[]; next: string | null; pagesRead: number; problem?: string } | { ok: false; problem: string };
export type BulkStartReply = { ok: true; runId: string; queued: number } | { ok: false; problem: string };
export interface BulkItemView { url: string; title: string; state: ItemState; reason?: FailReason; detail?: string; articleId?: string }
export type BulkStatusReply = { progress: RunProgress | null; items: BulkItemView[] };
export type BulkSaveAnywayReply = { ok: true; state: ItemState } | { ok: false; problem: string };
const MAX_BULK_PAGES = 5000;
const MAX_MORE_PAGES = 50;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isHttpUrl = (v: unknown): v is string => {
  if (typeof v !== 'string' || v.length > 8192) return false;
  try { return /^https?:$/.test(new URL(v).protocol); } catch { return false; }
};
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function parseBulkRequest(v: unknown): BulkRequest | null {
  if (!isObj(v)) return null;
  switch (v.type) {
    case 'bulk-list':
      return isCount(v.tabId) ? { type: 'bulk-list', tabId: v.tabId } : null;
    case 'bulk-more': {
      const seen = v.seen;
      if (!isHttpUrl(v.listingUrl) || !isHttpUrl(v.next) || !isCount(v.pages) || v.pages < 1 || v.pages > MAX_MORE_PAGES) return null;
      if (!Array.isArray(seen) || seen.length > MAX_BULK_PAGES || !seen.every(isHttpUrl)) return null;
      return { type: 'bulk-more', listingUrl: v.listingUrl, next: v.next, pages: v.pages, seen: [...seen] };
    }
    case 'bulk-start': {
      const pages = v.pages;
      if (!isHttpUrl(v.listingUrl) || !Array.isArray(pages) || !pages.length || pages.length > MAX_BULK_PAGES) return null;
      const clean: Array<{ url: string; title: string }> = [];
      for (const p of pages) {
        if (!isObj(p) || !isHttpUrl(p.url) || typeof p.title !== 'string' || p.title.length > 2000) return null;
        clean.push({ url: p.url, title: p.title });
      }
      return { type: 'bulk-start', listingUrl: v.listingUrl, pages: clean };
    }
    case 'bulk-control':
      return typeof v.runId === 'string' && v.runId.length < 100 && (v.action === 'pause' || v.action === 'resume' || v.action === 'cancel')
        ? { type: 'bulk-control', runId: v.runId, action: v.action } : null;
    case 'bulk-status':
      return { type: 'bulk-status' };
    case 'bulk-save-anyway':
      return typeof v.runId === 'string' && v.runId.length < 100 && isHttpUrl(v.url) ? { type: 'bulk-save-anyway', runId: v.runId, url: v.url } : null;
    default:
      return null;
  }
}

export function parseBulkProgress(v: unknown): RunProgress | null {
  if (!isObj(v) || v.type !== 'bulk-progress' || !isObj(v.progress)) return null;
  const p = v.progress;
  return typeof p.runId === 'string' && isCount(p.total) && isCount(p.done) ? (p as unknown as RunProgress) : null;
}
