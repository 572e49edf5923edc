// The archive page asking the background to re-check archived articles (Kiểm tra cập nhật), checked against its
// declaration (core/shapes/messages.ts). The reply is a BulkStartReply; progress comes as for any bulk run.
import { parseMessage, RecheckRequestSchema, type RecheckRequest } from '../core/shapes/messages';

export type { RecheckRequest };

export const parseRecheckRequest = (v: unknown): RecheckRequest | null => parseMessage(RecheckRequestSchema, v);
