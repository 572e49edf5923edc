// The messages that cross contexts, and their runtime validation. Anything arriving over runtime messaging is
// untrusted until one of these guards accepted it.
import { is } from 'valibot';
import type { Detection, ExtractedArticle } from '../core/types';
import { ExtractedArticleSchema } from '../core/shapes/article';
import { DetectionSchema } from '../core/shapes/detection';
import { MAX_EXCLUDES, type UserRuleMiss, type UserRuleStatus } from '../core/extract/user-rules';
import { MAX_SELECTOR_CHARS } from '../core/extract/user-rule-syntax';
import type { ExtractionExplain } from '../core/extract/explain';
import type { PageCapture } from '../core/media/capture';
import type { MediaSkipReason } from '../core/archive/media-rows';

export type ErrorCode = 'empty' | 'no-content' | 'too-large' | 'not-html' | 'quota' | 'storage' | 'no-tab' | 'restricted' | 'unreachable' | 'interrupted' | 'listing-page' | 'home-page' | 'unknown';
export interface ErrorInfo { code: ErrorCode; message: string }

type ContentToBackground = { type: 'detected'; url: string; detection: Detection };
export type ExplainReply = { ok: true; explain: ExtractionExplain; error: string | null };
export type ExtractReply =
  | { ok: true; article: ExtractedArticle; detection: Detection; userRule?: UserRuleStatus; page?: PageCapture }
  | { ok: false; error: ErrorInfo; detection: Detection | null; userRule?: UserRuleStatus };

type PopupRequest =
  | { type: 'preview'; tabId: number }
  | { type: 'save'; tabId: number; mode: 'if-new' | 'update'; generic: boolean; tags?: string[]; note?: string; collection?: string };

/** Limits of what the popup may send with a save; the archive cleans and caps again (organize.ts). */
export const MAX_SAVE_TAGS = 200;
const MAX_SAVE_TAG_CHARS = 200;
export const MAX_SAVE_NOTE_CHARS = 100_000;

/** A named collection the popup can save into. */
export interface CollectionRef { id: string; name: string }
const MAX_COLLECTION_ID_CHARS = 100;

export interface ArchivedRef { id: string; title: string; capturedAt: string; updatedAt?: string; tags?: string[]; note?: string }
export type PreviewReply =
  | { ok: true; detection: Detection; article: ExtractedArticle; archived: ArchivedRef | null; knownTags?: string[]; collections?: CollectionRef[]; userRule?: UserRuleStatus }
  | { ok: false; detection: Detection | null; error: ErrorInfo; archived: ArchivedRef | null; userRule?: UserRuleStatus };
export type SaveReply =
  | {
    ok: true; status: 'created' | 'duplicate' | 'updated' | 'unchanged'; archived: ArchivedRef;
    /** The collection chosen in the popup, when the article went into it; else why it did not. */
    collection?: CollectionRef; collectionProblem?: 'missing' | 'failed';
    /** The article's images that were not kept (the text is saved all the same), and why. */
    imagesNotKept?: Array<{ src: string; reason: MediaSkipReason; detail?: string }>;
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

/** The declared detection report (core/shapes/detection.ts). */
export function isDetection(v: unknown): v is Detection {
  return is(DetectionSchema, v);
}

/** The article's declared shape (core/shapes/article.ts), the same one an import is held to. */
export function isExtractedArticle(v: unknown): v is ExtractedArticle {
  return is(ExtractedArticleSchema, v);
}

/** From the background to the extension's open pages while it upgrades the archive after an update (minutes on a big one). */
export type UpgradeProgress = { type: 'upgrade-progress'; done: number; total: number };

export function parseUpgradeProgress(v: unknown): UpgradeProgress | null {
  if (!isObj(v) || v.type !== 'upgrade-progress' || !isCount(v.done) || !isCount(v.total)) return null;
  return { type: 'upgrade-progress', done: v.done, total: v.total };
}

/** From whichever context undoes an interrupted import (recovery.ts) to the extension's other open pages. */
export type RepairProgress = { type: 'repair-progress'; done: number; total: number };

export function parseRepairProgress(v: unknown): RepairProgress | null {
  if (!isObj(v) || v.type !== 'repair-progress' || !isCount(v.done) || !isCount(v.total)) return null;
  return { type: 'repair-progress', done: v.done, total: v.total };
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
  if (v.ok === true && detection && isExtractedArticle(v.article)) {
    const page = v.page === undefined ? undefined : parsePageCapture(v.page);
    if (page === null) return null;
    return { ok: true, article: v.article, detection, ...withRule, ...(page ? { page } : {}) };
  }
  if (v.ok === false && isObj(v.error) && isStr(v.error.code, 40) && isStr(v.error.message, 2000)) {
    return { ok: false, error: { code: v.error.code as ErrorCode, message: v.error.message }, detection, ...withRule };
  }
  return null;
}

// --- media capture (issue 18): the page as the content script saw it, sent with a save only.
/** The captured HTML's cap (characters): a page past it is saved without its original. */
export const MAX_PAGE_HTML_CHARS = 30_000_000;

function parsePageCapture(v: unknown): PageCapture | null {
  if (!isObj(v) || !isStr(v.html, MAX_PAGE_HTML_CHARS) || !isHttpUrl(v.url) || !isStr(v.contentType, 200)) return null;
  if (!(v.ogImage === undefined || v.ogImage === null || isHttpUrl(v.ogImage))) return null;
  return { html: v.html, url: v.url, contentType: v.contentType, ogImage: v.ogImage ?? null };
}
// --- end media capture

// The content picker ("Chọn vùng nội dung"): the popup asks the background to start it in a tab; the page sends
// the picked selectors back. The host is never taken from the message but from the sender's URL.

type PickStartRequest = { type: 'pick-start'; tabId: number };
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
  return { type: 'user-rule-picked', body: v.body, exclude: [...(exclude as string[])] };
}

const MAX_EXPLAIN_ITEMS = 200;
const strList = (v: unknown, max: number): string[] | null =>
  Array.isArray(v) && v.length <= MAX_EXPLAIN_ITEMS && v.every((x) => isStr(x, max)) ? (v) : null;

/** An explanation from a content script, rebuilt from its checked parts only (it is shown to the user as text). */
export function parseExplainReply(v: unknown): ExplainReply | null {
  if (!isObj(v) || v.ok !== true || !isObj(v.explain) || !(v.error === null || isStr(v.error, 2000))) return null;
  const e = v.explain;
  if (!(e.path === null || e.path === 'site-rule' || e.path === 'user-rule' || e.path === 'generic') || !isNullableStr(e.rule, 200)) return null;
  const metadata: ExtractionExplain['metadata'] = {};
  if (!isObj(e.metadata) || Object.keys(e.metadata).length > 20) return null;
  for (const [k, f] of Object.entries(e.metadata)) {
    if (!isStr(k, 40) || !isObj(f) || !isNullableStr(f.value, 20_000) || !isStr(f.via, 500)) return null;
    metadata[k] = { value: f.value, via: f.via };
  }
  if (!Array.isArray(e.removed) || e.removed.length > MAX_EXPLAIN_ITEMS) return null;
  const removed = e.removed.map((r) => (isObj(r) && isStr(r.reason, 500) && isStr(r.text, 500) ? { reason: r.reason, text: r.text } : null));
  if (removed.some((r) => r === null)) return null;
  const candidates = strList(e.candidates, 1000);
  if (!candidates) return null;
  let detection: ExtractionExplain['detection'] = null;
  if (e.detection !== null) {
    const d = e.detection;
    const reasons = isObj(d) ? strList(d.reasons, 1000) : null;
    if (!isObj(d) || !isStr(d.decision, 500) || !reasons) return null;
    detection = { decision: d.decision, reasons };
  }
  return { ok: true, error: v.error, explain: { path: e.path, rule: e.rule, metadata, removed: removed as { reason: string; text: string }[], candidates, detection } };
}
