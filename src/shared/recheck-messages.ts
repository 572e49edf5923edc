// The archive page asking the background to re-check archived articles (Kiểm tra cập nhật), and its validation.
// The reply is a BulkStartReply; progress comes as for any bulk run (bulk-progress, bulk-status).

export interface RecheckRequest { type: 'bulk-recheck'; ids: string[] }

/** As many as a listing run may queue. */
const MAX_RECHECK = 5000;

export function parseRecheckRequest(v: unknown): RecheckRequest | null {
  const m = v as Partial<RecheckRequest> | null;
  if (!m || typeof m !== 'object' || m.type !== 'bulk-recheck' || !Array.isArray(m.ids)) return null;
  if (!m.ids.length || m.ids.length > MAX_RECHECK || !m.ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 200)) return null;
  return { type: 'bulk-recheck', ids: [...m.ids] };
}
