// Messages of "save every open tab" between the popup and the background, checked against their declarations
// (core/shapes/messages.ts).
import type { TabsSummary } from '../core/bulk/open-tabs';
import { parseMessage, TabsProgressSchema, TabsSaveRequestSchema, type TabsProgress, type TabsSaveRequest } from '../core/shapes/messages';

export type { TabsProgress, TabsSaveRequest };
export type TabsSaveReply = { ok: true; summary: TabsSummary } | { ok: false; problem: string };

export const parseTabsSaveRequest = (v: unknown): TabsSaveRequest | null => parseMessage(TabsSaveRequestSchema, v);
export const parseTabsProgress = (v: unknown): TabsProgress | null => parseMessage(TabsProgressSchema, v);
