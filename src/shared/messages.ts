// The messages that cross contexts, and their runtime validation. Anything arriving over runtime messaging is
// untrusted until one of these guards accepted it.
import type { Detection, ExtractedArticle } from '../core/types';
import { MAX_EXCLUDES, type UserRuleMiss, type UserRuleStatus } from '../core/extract/user-rules';
import { MAX_SELECTOR_CHARS } from '../core/extract/user-rule-syntax';

export type ErrorCode = 'empty' | 'no-content' | 'too-large' | 'not-html' | 'quota' | 'storage' | 'no-tab' | 'restricted' | 'unreachable' | 'interrupted' | 'listing-page' | 'home-page' | 'unknown';
export interface ErrorInfo { code: ErrorCode; message: string }

export type ContentToBackground = { type: 'detected'; url: string; detection: Detection };
export type BackgroundToContent = { type: 'extract'; generic: boolean };
export type ExtractReply =
  | { ok: true; article: ExtractedArticle; detection: Detection; userRule?: UserRuleStatus }
  | { ok: false; error: ErrorInfo; detection: Detection | null; userRule?: UserRuleStatus };

export type PopupRequest =
  | { type: 'preview'; tabId: number }
  | { type: 'save'; tabId: number; mode: 'if-new' | 'update'; generic: boolean; tags?: string[]; note?: string; collection?: string };

/** Limits of what the popup may send with a save; the archive cleans and caps again (organize.ts). */
export const MAX_SAVE_TAGS = 200;
export const MAX_SAVE_TAG_CHARS = 200;
export const MAX_SAVE_NOTE_CHARS = 100_000;

/** A named collection the popup can save into. */
export interface CollectionRef { id: string; name: string }
export const MAX_COLLECTION_ID_CHARS = 100;

export interface ArchivedRef { id: string; title: string; capturedAt: string; updatedAt?: string; tags?: string[]; note?: string }
export type PreviewReply =
  | { ok: true; detection: Detection; article: ExtractedArticle; archived: ArchivedRef | null; knownTags?: string[]; collections?: CollectionRef[]; userRule?: UserRuleStatus }
  | { ok: false; detection: Detection | null; error: ErrorInfo; archived: ArchivedRef | null; userRule?: UserRuleStatus };
export type SaveReply =
  | {
    ok: true; status: 'created' | 'duplicate' | 'updated' | 'unchanged'; archived: ArchivedRef;
    /** The collection chosen in the popup, when the article went into it; else why it did not. */
    collection?: CollectionRef; collectionProblem?: 'missing' | 'failed';
  }
  | { ok: false; error: ErrorInfo };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 10_000_000): v is string => typeof v === 'string' && v.length <= max;
const isNullableStr = (v: unknown, max = 100_000): v is string | null => v === null || isStr(v, max);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isTabId = isCount;
const isHttpUrl = (v: unknown): v is string => {
  if (!isStr(v, 8192)) return false;
  try { return /^https?:$/.test(new URL(v).protocol); } catch { return false; }
};

export function isDetection(v: unknown): v is Detection {
  return isObj(v) && typeof v.isProvincialNewsArticle === 'boolean' && isNullableStr(v.province, 200) && isStr(v.kind, 50)
    && isStr(v.pageKind, 50) && typeof v.confidence === 'number' && Array.isArray(v.reasons)
    && (v.site === null || (isObj(v.site) && isStr(v.site.host, 300) && isStr(v.site.name, 500)));
}

export function isExtractedArticle(v: unknown): v is ExtractedArticle {
  if (!isObj(v)) return false;
  const images = v.images;
  const extractor = v.extractor;
  return isHttpUrl(v.url) && isHttpUrl(v.canonicalUrl) && isStr(v.title, 5000) && (v.title as string).trim().length > 0
    && isNullableStr(v.category, 1000) && isNullableStr(v.lead, 20_000) && isNullableStr(v.author, 1000)
    && isNullableStr(v.source ?? null, 1000) && isNullableStr(v.publishedAt, 40) && isStr(v.language, 20)
    && isStr(v.bodyHtml) && isStr(v.bodyText) && Number.isInteger(v.wordCount)
    && Array.isArray(images) && images.length <= 2000
    && images.every((i) => isObj(i) && isHttpUrl(i.src) && isNullableStr(i.caption, 5000) && isNullableStr(i.alt, 5000))
    && isObj(extractor) && isStr(extractor.version, 50) && (extractor.method === 'site-rule' || extractor.method === 'user-rule' || extractor.method === 'generic');
}

/** From the background to the extension's open pages while it upgrades the archive after an update (minutes on a big one). */
export type UpgradeProgress = { type: 'upgrade-progress'; done: number; total: number };

export function parseUpgradeProgress(v: unknown): UpgradeProgress | null {
  if (!isObj(v) || v.type !== 'upgrade-progress' || !isCount(v.done) || !isCount(v.total)) return null;
  return { type: 'upgrade-progress', done: v.done, total: v.total };
}

export function parseContentMessage(v: unknown): ContentToBackground | null {
  if (!isObj(v) || v.type !== 'detected' || !isHttpUrl(v.url) || !isDetection(v.detection)) return null;
  return { type: 'detected', url: v.url, detection: v.detection };
}

export function parsePopupRequest(v: unknown): PopupRequest | null {
  if (!isObj(v) || !isTabId(v.tabId)) return null;
  if (v.type === 'preview') return { type: 'preview', tabId: v.tabId };
  if (v.type === 'save' && (v.mode === 'if-new' || v.mode === 'update') && typeof v.generic === 'boolean') {
    // Tags and note are optional, but when present they must be well formed: a wrong one rejects the whole message.
    if (v.tags !== undefined && !isTagList(v.tags)) return null;
    if (v.note !== undefined && !isStr(v.note, MAX_SAVE_NOTE_CHARS)) return null;
    if (v.collection !== undefined && !(isStr(v.collection, MAX_COLLECTION_ID_CHARS) && v.collection)) return null;
    return {
      type: 'save', tabId: v.tabId, mode: v.mode, generic: v.generic,
      ...(v.tags !== undefined ? { tags: [...v.tags] } : {}),
      ...(v.note !== undefined ? { note: v.note } : {}),
      ...(v.collection !== undefined ? { collection: v.collection } : {}),
    };
  }
  return null;
}

function isTagList(v: unknown): v is string[] {
  if (!Array.isArray(v) || v.length > MAX_SAVE_TAGS) return false;
  // An index loop, not every(): every() skips the holes of a sparse array.
  for (let i = 0; i < v.length; i++) if (!isStr(v[i], MAX_SAVE_TAG_CHARS)) return false;
  return true;
}

export function parseExtractReply(v: unknown): ExtractReply | null {
  if (!isObj(v)) return null;
  const detection = v.detection === null || v.detection === undefined ? null : isDetection(v.detection) ? v.detection : undefined;
  if (detection === undefined) return null;
  const userRule = v.userRule === undefined ? undefined : parseUserRuleStatus(v.userRule);
  if (userRule === null) return null;
  const withRule = userRule ? { userRule } : {};
  if (v.ok === true && detection && isExtractedArticle(v.article)) return { ok: true, article: v.article, detection, ...withRule };
  if (v.ok === false && isObj(v.error) && isStr(v.error.code, 40) && isStr(v.error.message, 2000)) {
    return { ok: false, error: { code: v.error.code as ErrorCode, message: v.error.message }, detection, ...withRule };
  }
  return null;
}

// The content picker ("Chọn vùng nội dung"): the popup asks the background to start it in a tab; the page sends
// the picked selectors back. The host is never taken from the message but from the sender's URL.

export type PickStartRequest = { type: 'pick-start'; tabId: number };
export type PickStartReply = { ok: true } | { ok: false; error: ErrorInfo };
export type PickedRuleMessage = { type: 'user-rule-picked'; body: string; exclude: string[] };
/** `problem` names what was wrong with the rule (a message key suffix the picker turns into a sentence). */
export type PickedRuleReply = { ok: true; host: string } | { ok: false; problem: 'invalid' | 'whole-page' | 'host' | 'storage' };

const USER_RULE_MISSES: readonly UserRuleMiss[] = ['invalid', 'no-match', 'whole-page', 'too-little-text'];

export function parseUserRuleStatus(v: unknown): UserRuleStatus | null {
  if (!isObj(v) || !isStr(v.host, 300) || !v.host) return null;
  if (v.applied === true) return { host: v.host, applied: true };
  if (v.applied === false && USER_RULE_MISSES.includes(v.reason as UserRuleMiss)) return { host: v.host, applied: false, reason: v.reason as UserRuleMiss };
  return null;
}

export function parsePickStart(v: unknown): PickStartRequest | null {
  return isObj(v) && v.type === 'pick-start' && isTabId(v.tabId) ? { type: 'pick-start', tabId: v.tabId } : null;
}

/** Shape only (strings, sizes); the selectors themselves are judged by checkUserRule before anything stores them. */
export function parsePickedRule(v: unknown): PickedRuleMessage | null {
  if (!isObj(v) || v.type !== 'user-rule-picked' || !isStr(v.body, MAX_SELECTOR_CHARS)) return null;
  const exclude = v.exclude;
  if (!Array.isArray(exclude) || exclude.length > MAX_EXCLUDES) return null;
  for (let i = 0; i < exclude.length; i++) if (!isStr(exclude[i], MAX_SELECTOR_CHARS)) return null;
  return { type: 'user-rule-picked', body: v.body, exclude: [...exclude] };
}
