// Messages of "save every open tab" between the popup and the background, and their runtime validation.
import type { TabsSummary } from '../core/bulk/open-tabs';

/** `tabId`: the tab the popup was opened on, whose icon shows the outcome. */
export type TabsSaveRequest = { type: 'tabs-save'; tabId?: number };
export type TabsSaveReply = { ok: true; summary: TabsSummary } | { ok: false; problem: string };
/** From the background to the open popup after each tab. */
export type TabsProgress = { type: 'tabs-progress'; done: number; total: number };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function parseTabsSaveRequest(v: unknown): TabsSaveRequest | null {
  if (!isObj(v) || v.type !== 'tabs-save') return null;
  if (v.tabId === undefined) return { type: 'tabs-save' };
  return isCount(v.tabId) ? { type: 'tabs-save', tabId: v.tabId } : null;
}

export function parseTabsProgress(v: unknown): TabsProgress | null {
  if (!isObj(v) || v.type !== 'tabs-progress' || !isCount(v.done) || !isCount(v.total) || v.done > v.total) return null;
  return { type: 'tabs-progress', done: v.done, total: v.total };
}
