// The messages that cross contexts, and their runtime validation. Anything arriving over runtime messaging is
// untrusted until one of these guards accepted it. The shapes are declared once in core/shapes/messages.ts; the
// replies the background sends the popup (trusted) are plain types here.
import { is } from 'valibot';
import type { Detection, ExtractedArticle } from '../core/types';
import { ExtractedArticleSchema } from '../core/shapes/article';
import { DetectionSchema } from '../core/shapes/detection';
import type { MediaSkipReason } from '../core/archive/media-rows';
import {
  DetectedMessageSchema, ExplainReplySchema, ExtractReplySchema, parseMessage, PickedRuleSchema, PickStartSchema, PopupRequestSchema,
  RepairProgressSchema, UpgradeProgressSchema, UserRuleStatusSchema,
  type DetectedMessage, type ErrorInfo, type ExplainReply, type ExtractReply, type PickedRuleMessage, type PickStartRequest,
  type PopupRequest, type RepairProgress, type UpgradeProgress, type UserRuleStatus,
} from '../core/shapes/messages';

export { MAX_PAGE_HTML_CHARS, MAX_SAVE_NOTE_CHARS, MAX_SAVE_TAGS } from '../core/shapes/messages';
export type { ContentRequest, ErrorCode, ErrorInfo, ExplainReply, ExtractReply, PickedRuleMessage, RepairProgress, UpgradeProgress } from '../core/shapes/messages';

/** A named collection the popup can save into. */
export interface CollectionRef { id: string; name: string }

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
    imagesNotKept?: ImageNotKept[];
  }
  | { ok: false; error: ErrorInfo };
export interface ImageNotKept { src: string; reason: MediaSkipReason; detail?: string }
/** The images of the article fetched again after access was granted: how many are kept now, and what still is not. */
export type RefetchImagesReply = { ok: true; kept: number; imagesNotKept: ImageNotKept[] } | { ok: false; error: ErrorInfo };

/** The declared detection report (core/shapes/detection.ts). */
export function isDetection(v: unknown): v is Detection {
  return is(DetectionSchema, v);
}

/** The article's declared shape (core/shapes/article.ts), the same one an import is held to. */
export function isExtractedArticle(v: unknown): v is ExtractedArticle {
  return is(ExtractedArticleSchema, v);
}

export const parseUpgradeProgress = (v: unknown): UpgradeProgress | null => parseMessage(UpgradeProgressSchema, v);
export const parseRepairProgress = (v: unknown): RepairProgress | null => parseMessage(RepairProgressSchema, v);
export const parseContentMessage = (v: unknown): DetectedMessage | null => parseMessage(DetectedMessageSchema, v);
export const parsePopupRequest = (v: unknown): PopupRequest | null => parseMessage(PopupRequestSchema, v);
export const parseExtractReply = (v: unknown): ExtractReply | null => parseMessage(ExtractReplySchema, v);

// The content picker ("Chọn vùng nội dung"): the host is never taken from the message but from the sender's URL.
export type PickStartReply = { ok: true } | { ok: false; error: ErrorInfo };
/** `problem` names what was wrong with the rule (a message key suffix the picker turns into a sentence). */
export type PickedRuleReply = { ok: true; host: string } | { ok: false; problem: 'invalid' | 'whole-page' | 'host' | 'storage' };

export const parseUserRuleStatus = (v: unknown): UserRuleStatus | null => parseMessage(UserRuleStatusSchema, v);
export const parsePickStart = (v: unknown): PickStartRequest | null => parseMessage(PickStartSchema, v);
/** Shape only (strings, sizes); the selectors themselves are judged by checkUserRule before anything stores them. */
export const parsePickedRule = (v: unknown): PickedRuleMessage | null => parseMessage(PickedRuleSchema, v);
/** An explanation from a content script, rebuilt from its checked parts only (it is shown to the user as text). */
export const parseExplainReply = (v: unknown): ExplainReply | null => parseMessage(ExplainReplySchema, v);
