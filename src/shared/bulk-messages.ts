// Messages between the popup and the background about bulk runs, and their runtime validation (the requests'
// shapes are declared in core/shapes/messages.ts).
import type { FailReason, ItemState, RunProgress } from '../core/bulk/queue-types';
import { BulkProgressSchema, BulkRequestSchema, parseMessage, type BulkRequest } from '../core/shapes/messages';

export type { BulkRequest } from '../core/shapes/messages';

export interface ListedLink { url: string; title: string; date: string | null; archived: boolean }

export type BulkListReply = { ok: true; listingUrl: string; links: ListedLink[]; next: string | null } | { ok: false };
export type BulkMoreReply = { ok: true; links: ListedLink[]; next: string | null; pagesRead: number; problem?: string } | { ok: false; problem: string };
export type BulkStartReply = { ok: true; runId: string; queued: number } | { ok: false; problem: string };
export interface BulkItemView { url: string; title: string; state: ItemState; reason?: FailReason; detail?: string; articleId?: string }
export type BulkStatusReply = { progress: RunProgress | null; items: BulkItemView[] };
export type BulkSaveAnywayReply = { ok: true; state: ItemState } | { ok: false; problem: string };
/** A popup's request about bulk runs, or null: a malformed one is refused whole. */
export const parseBulkRequest = (v: unknown): BulkRequest | null => parseMessage(BulkRequestSchema, v);

export function parseBulkProgress(v: unknown): RunProgress | null {
  return (parseMessage(BulkProgressSchema, v)?.progress as RunProgress | undefined) ?? null;
}
