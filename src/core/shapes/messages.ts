// The messages that cross contexts, declared once: their TypeScript types and the runtime checks in
// shared/messages.ts, shared/bulk-messages.ts and shared/bulk-parse.ts derive from these. Anything arriving over
// runtime messaging is untrusted until one of them accepted it; the caps bound what a compromised page can make
// another context hold. Accepted messages are rebuilt from their declared keys only (valibot's object drops the rest).
// Replies the background sends the popup are not checked (the popup trusts its own background) and stay plain types.
import * as v from 'valibot';
import { ARTICLE_LIMITS, ExtractedArticleSchema, isHttpProtocol } from './article';
import { DetectionSchema } from './detection';
import { EXTRACTOR_METHODS } from './site-kinds';
import { UserRuleSchema } from './settings';
import { MAX_EXCLUDES, MAX_SELECTOR_CHARS } from '../extract/user-rule-syntax';

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const filled = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
/** A count, or an id the browser hands out (tab ids): a whole number, 0 or more. */
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const HttpUrlSchema = v.pipe(v.string(), v.maxLength(ARTICLE_LIMITS.url), v.check(isHttpProtocol));

// From a content script to the background: what detection found on the page.
export const DetectedMessageSchema = v.object({ type: v.literal('detected'), url: HttpUrlSchema, detection: DetectionSchema });

/** Limits of what the popup may send with a save; the archive cleans and caps again (organize.ts). */
export const MAX_SAVE_TAGS = 200;
export const MAX_SAVE_NOTE_CHARS = 100_000;

export const PopupRequestSchema = v.variant('type', [
  v.object({ type: v.literal('preview'), tabId: Count }),
  v.object({
    type: v.literal('save'), tabId: Count, mode: v.picklist(['if-new', 'update']), generic: v.boolean(),
    // Optional, but a malformed one rejects the whole message.
    tags: v.optional(list(str(200), MAX_SAVE_TAGS)),
    note: v.optional(str(MAX_SAVE_NOTE_CHARS)),
    /** The id of the named collection to save into. */
    collection: v.optional(filled(100)),
  }),
  /** After the person granted access to all sites from the popup: fetch again the images a save of this article missed. */
  v.object({ type: v.literal('refetch-images'), articleId: filled(ARTICLE_LIMITS.id) }),
]);

export const USER_RULE_MISSES = ['invalid', 'no-match', 'whole-page', 'too-little-text'] as const;
export type UserRuleMiss = (typeof USER_RULE_MISSES)[number];

/** Whether the host's own rule (picked in the popup) gave the body, and if not why. */
export const UserRuleStatusSchema = v.variant('applied', [
  v.object({ host: filled(300), applied: v.literal(true) }),
  v.object({ host: filled(300), applied: v.literal(false), reason: v.picklist(USER_RULE_MISSES) }),
]);

export type ErrorCode = 'empty' | 'no-content' | 'too-large' | 'not-html' | 'quota' | 'storage' | 'no-tab' | 'restricted' | 'unreachable' | 'interrupted' | 'listing-page' | 'home-page' | 'unknown';
export const ErrorInfoSchema = v.object({
  // Taken as the content script names it (its extraction errors' codes); only its size is checked.
  code: v.pipe(str(40), v.transform((code) => code as ErrorCode)),
  message: str(2000),
});

/** The captured HTML's cap (characters): a page past it is saved without its original. */
export const MAX_PAGE_HTML_CHARS = 30_000_000;
/** The page as the content script saw it, sent with a save only (media capture, issue 18). */
const PageCaptureSchema = v.object({
  html: str(MAX_PAGE_HTML_CHARS), url: HttpUrlSchema, contentType: str(200), ogImage: v.nullish(HttpUrlSchema, null),
});

/** The content script's answer to 'extract'; a failure may come before detection ran (detection null). */
export const ExtractReplySchema = v.variant('ok', [
  v.object({
    ok: v.literal(true), article: ExtractedArticleSchema, detection: DetectionSchema, userRule: v.optional(UserRuleStatusSchema), page: v.optional(PageCaptureSchema),
  }),
  v.object({ ok: v.literal(false), error: ErrorInfoSchema, detection: v.nullish(DetectionSchema, null), userRule: v.optional(UserRuleStatusSchema) }),
]);

const MAX_EXPLAIN_ITEMS = 200;
/** Why the extractor chose what it chose (core/extract/explain.ts fills it; the popup shows it as text). */
export const ExtractionExplainSchema = v.object({
  /** Which path chose the body. */
  path: v.nullable(v.picklist(EXTRACTOR_METHODS)),
  /** The site rule's name when one matched. */
  rule: v.nullable(str(200)),
  /** The generic scorer's trace as lines (path taken, leading candidates with their scores), when it ran. */
  candidates: list(str(1000), MAX_EXPLAIN_ITEMS),
  metadata: v.pipe(
    v.record(str(40), v.object({ value: v.nullable(str(20_000)), via: str(500) })),
    v.check((fields) => Object.keys(fields).length <= 20),
  ),
  removed: list(v.object({ reason: str(500), text: str(500) }), MAX_EXPLAIN_ITEMS),
  detection: v.nullable(v.object({ decision: str(500), reasons: list(str(1000), MAX_EXPLAIN_ITEMS) })),
});
export const ExplainReplySchema = v.object({ ok: v.literal(true), explain: ExtractionExplainSchema, error: v.nullable(str(2000)) });

// The content picker: the popup asks the background to start it in a tab; the page sends the picked selectors back
// (shape only here: checkUserRule judges the selectors before anything stores them).
export const PickStartSchema = v.object({ type: v.literal('pick-start'), tabId: Count });
export const PickedRuleSchema = v.object({
  type: v.literal('user-rule-picked'), body: str(MAX_SELECTOR_CHARS), exclude: list(str(MAX_SELECTOR_CHARS), MAX_EXCLUDES),
});

/** From the background to the extension's open pages while it upgrades the archive after an update. */
export const UpgradeProgressSchema = v.object({ type: v.literal('upgrade-progress'), done: Count, total: Count });
/** From whichever context undoes an interrupted import (recovery.ts) to the extension's other open pages. */
export const RepairProgressSchema = v.object({ type: v.literal('repair-progress'), done: Count, total: Count });

/** What the background and the popup ask of a tab's content script (it answers only its own extension). */
export const ContentRequestSchema = v.variant('type', [
  /** `withPage` (a save): the reply also carries the page's HTML as it is now, kept as the original. */
  v.object({ type: v.literal('extract'), generic: v.boolean(), withPage: v.optional(v.boolean()) }),
  v.object({ type: v.literal('explain'), generic: v.boolean() }),
  v.object({ type: v.literal('pick-start') }),
  v.object({ type: v.literal('list-articles') }),
]);

const ListedArticleSchema = v.object({
  url: v.pipe(v.string(), v.regex(/^https?:/)),
  title: v.string(),
  /** "YYYY-MM-DD" or a date-time with +07:00, when the teaser shows one. */
  date: v.nullable(v.string()),
});
/** The content script's answer to 'list-articles': the articles the open listing page links to, and its next page. */
export const TabListingSchema = v.object({ url: v.string(), articles: list(ListedArticleSchema, 5000), next: v.nullable(v.string()) });

const MAX_BULK_PAGES = 5000;
const MAX_MORE_PAGES = 50;
/** The popup's requests about bulk runs. */
export const BulkRequestSchema = v.variant('type', [
  v.object({ type: v.literal('bulk-list'), tabId: Count }),
  v.object({
    type: v.literal('bulk-more'), listingUrl: HttpUrlSchema, next: HttpUrlSchema,
    pages: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_MORE_PAGES)), seen: list(HttpUrlSchema, MAX_BULK_PAGES),
  }),
  v.object({
    type: v.literal('bulk-start'), listingUrl: HttpUrlSchema,
    pages: v.pipe(v.array(v.object({ url: HttpUrlSchema, title: str(2000) })), v.minLength(1), v.maxLength(MAX_BULK_PAGES)),
  }),
  v.object({ type: v.literal('bulk-control'), runId: str(99), action: v.picklist(['pause', 'resume', 'cancel']) }),
  v.object({ type: v.literal('bulk-status') }),
  /** "Vẫn lưu": a page of a run that was not taken for an article, saved on the person's say-so. */
  v.object({ type: v.literal('bulk-save-anyway'), runId: str(99), url: HttpUrlSchema }),
]);
/** The background's progress broadcast: the fields the popup reads are checked, the rest of the run's counts ride along. */
export const BulkProgressSchema = v.object({
  type: v.literal('bulk-progress'), progress: v.looseObject({ runId: v.string(), total: Count, done: Count }),
});

/** The background's request to whichever context can parse a fetched page (the offscreen document, Firefox's background page). */
export const BulkParseRequestSchema = v.object({
  type: v.literal('bulk-parse'), mode: v.picklist(['article', 'listing']), html: v.string(), url: v.string(),
  /** The user's rule for the page's host, as a click would use it. */
  userRule: v.nullish(UserRuleSchema, null),
  /** Pages of the listing already read, which its next page may not be. */
  seen: v.optional(v.array(v.string())),
  /** Extract without the detector's gate ("Vẫn lưu"). */
  force: v.optional(v.boolean()),
});

// From the archive page: re-check these archived articles (Kiểm tra cập nhật); as many as a listing run may queue.
export const MAX_RECHECK = 5000;
export const RecheckRequestSchema = v.object({ type: v.literal('bulk-recheck'), ids: v.pipe(list(filled(ARTICLE_LIMITS.id), MAX_RECHECK), v.minLength(1)) });

// "Save every open tab": from the popup (the tab whose icon shows the outcome), and the background's progress.
export const TabsSaveRequestSchema = v.object({ type: v.literal('tabs-save'), tabId: v.optional(Count) });
export const TabsProgressSchema = v.pipe(
  v.object({ type: v.literal('tabs-progress'), done: Count, total: Count }),
  v.check((m) => m.done <= m.total),
);

export type DetectedMessage = v.InferOutput<typeof DetectedMessageSchema>;
export type RecheckRequest = v.InferOutput<typeof RecheckRequestSchema>;
export type TabsSaveRequest = v.InferOutput<typeof TabsSaveRequestSchema>;
export type TabsProgress = v.InferOutput<typeof TabsProgressSchema>;
export type PopupRequest = v.InferOutput<typeof PopupRequestSchema>;
export type UserRuleStatus = v.InferOutput<typeof UserRuleStatusSchema>;
export type ErrorInfo = v.InferOutput<typeof ErrorInfoSchema>;
export type ExtractReply = v.InferOutput<typeof ExtractReplySchema>;
export type ExtractionExplain = v.InferOutput<typeof ExtractionExplainSchema>;
export type ExplainReply = v.InferOutput<typeof ExplainReplySchema>;
export type PickStartRequest = v.InferOutput<typeof PickStartSchema>;
export type PickedRuleMessage = v.InferOutput<typeof PickedRuleSchema>;
export type UpgradeProgress = v.InferOutput<typeof UpgradeProgressSchema>;
export type RepairProgress = v.InferOutput<typeof RepairProgressSchema>;
export type BulkRequest = v.InferOutput<typeof BulkRequestSchema>;
export type BulkParseRequest = v.InferOutput<typeof BulkParseRequestSchema>;
export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;
export type ListedArticle = v.InferOutput<typeof ListedArticleSchema>;
export type TabListing = v.InferOutput<typeof TabListingSchema>;

/** Keys sent as undefined read as absent, as they did before the shapes (a structured clone keeps them). */
function withoutUndefined<T extends object>(o: T): T {
  for (const key in o) if (o[key] === undefined) delete o[key];
  return o;
}

/** The message as its schema declares it, or null. Never throws; stops at the first problem. */
export function parseMessage<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> | null {
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (!result.success) return null;
  const out = result.output;
  return typeof out === 'object' && out !== null && !Array.isArray(out) ? withoutUndefined(out) : out;
}
