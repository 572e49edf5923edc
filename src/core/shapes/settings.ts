// The settings, declared once: what the extension keeps in storage.local (the user's sites and content rules, the
// bulk runs' pacing) and in the archive's settings table (the backup reminder, named collections, import journals).
// Their types and the readers that clean a stored value derive from these. A stored value can hold anything (an
// older version, a hand-edited backup, another extension's tools): what does not match falls back to its default,
// and lists keep the entries that do.
import * as v from 'valibot';
import { DEFAULT_RUN_SETTINGS } from '../bulk/queue-types';
import { normalizeHost } from '../detect/registry';
import { MAX_EXCLUDES, selectorProblem, type SelectorProblem } from '../extract/user-rule-syntax';
import { LISTED_SITE_KINDS } from './site-kinds';

/** A host as the registry writes it (lower case, no port, www./m. kept for normalizeHost to judge). */
const Host = v.pipe(v.string(), v.transform(normalizeHost), v.string());
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

// storage.local

/** A person's (or a test's) pacing of bulk runs under storage.local `bulkSettings`; each field out of range is its default. */
const ms = (min: number, fallback: number) => v.fallback(v.pipe(v.number(), v.minValue(min), v.maxValue(600_000)), fallback);
export const BulkSettingsSchema = v.fallback(v.object({
  /** Pause between the end of one request to a host and the start of the next. */
  delayMs: ms(0, DEFAULT_RUN_SETTINGS.delayMs),
  /** A page that has not answered after this long is a timeout. */
  timeoutMs: ms(100, DEFAULT_RUN_SETTINGS.timeoutMs),
  /** First pause before a page's next try. */
  backoffMs: ms(0, DEFAULT_RUN_SETTINGS.backoffMs),
}), { delayMs: DEFAULT_RUN_SETTINGS.delayMs, timeoutMs: DEFAULT_RUN_SETTINGS.timeoutMs, backoffMs: DEFAULT_RUN_SETTINGS.backoffMs });

/** One of the user's own provincial hosts (options page), under storage.local `userSites`. */
const UserSiteFields = v.object({
  host: Host,
  /** A current or former province name, as in the registry. */
  province: v.pipe(v.string(), v.transform((p) => p.normalize('NFC').trim()), v.minLength(1)),
  kind: v.picklist(LISTED_SITE_KINDS),
  /** Shown instead of the host; a blank or malformed one is left out, not the site. */
  name: v.fallback(v.optional(v.pipe(v.string(), v.trim())), undefined),
});
type UserSiteFields = v.InferOutput<typeof UserSiteFields>;
export const UserSiteSchema = v.pipe(
  UserSiteFields,
  v.transform(({ name, ...site }: UserSiteFields): Omit<UserSiteFields, 'name'> & { name?: string } => (name ? { ...site, name } : site)),
);

/**
 * The user's own rule for a host (storage.local `userRules`): which element holds the article body and which blocks
 * inside it to leave out, as picked on a page in the popup's "Chọn vùng nội dung". Each check's message is the
 * problem checkUserRule reports (core/extract/user-rules.ts), in the order it reports them.
 */
const selector = v.pipe(
  v.unknown(),
  v.rawCheck(({ dataset, addIssue }) => {
    const problem = dataset.typed ? selectorProblem(dataset.value) : 'invalid';
    if (problem) addIssue({ message: problem });
  }),
  v.transform((s) => (s as string).trim()),
);
export const UserRuleSchema = v.object({
  host: Host,
  /** Selector of the article body on the host's pages. */
  body: selector,
  /** Selectors, relative to the body element, of blocks inside it to leave out. */
  exclude: v.pipe(
    v.nullish(v.array(v.unknown(), 'invalid'), []),
    v.maxLength(MAX_EXCLUDES, 'too-many'),
    v.array(selector),
    v.transform((list) => [...new Set(list)]),
  ),
  /** ISO date of the pick (or of the last edit). */
  createdAt: v.pipe(v.string(), v.maxLength(40), v.check((d) => !Number.isNaN(Date.parse(d)))),
});
export type RuleProblem =
  | { field: 'rule' | 'host' | 'createdAt'; problem: 'invalid' }
  | { field: 'body'; problem: SelectorProblem }
  | { field: 'exclude'; index: number; problem: SelectorProblem | 'too-many' };

/** The first problem of a rule the schema refused, as the settings page words it. */
export function ruleProblem(issue: v.BaseIssue<unknown>): RuleProblem {
  const [at, item] = issue.path ?? [];
  switch (at?.key) {
    case 'host': case 'createdAt': return { field: at.key, problem: 'invalid' };
    case 'body': return { field: 'body', problem: issue.message as SelectorProblem };
    case 'exclude':
      if (issue.message === 'too-many') return { field: 'exclude', index: MAX_EXCLUDES, problem: 'too-many' };
      return { field: 'exclude', index: typeof item?.key === 'number' ? item.key : 0, problem: item ? issue.message as SelectorProblem : 'invalid' };
    default: return { field: 'rule', problem: 'invalid' };
  }
}

// The archive's settings table

const MAX_REMINDER_EVERY = 100_000;
export const DEFAULT_REMINDER_EVERY = 50;
/** Row `backupReminderEvery`: articles between reminders, 0..MAX (0 = off); typed text counts; anything else is the default. */
export const ReminderEverySchema = v.fallback(v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.trim(), v.minLength(1), v.transform(Number))]),
  v.integer(), v.minValue(0), v.transform((n) => Math.min(n, MAX_REMINDER_EVERY)),
), DEFAULT_REMINDER_EVERY);
/** Row `backupReminderState`: new articles since the last backup, and the count at which the person last dismissed the reminder. */
export const ReminderStateSchema = v.fallback(v.object({
  sinceBackup: v.fallback(Count, 0),
  dismissedAt: v.fallback(Count, 0),
}), { sinceBackup: 0, dismissedAt: 0 });

const MAX_COLLECTION_NAME = 120;
/** A collection name as stored: NFC, single spaces, trimmed, capped. */
export function cleanCollectionName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_COLLECTION_NAME);
}
/** One named collection of the row `collections` (a list); a malformed one is left out. */
export const CollectionSchema = v.object({
  id: v.string(),
  name: v.pipe(v.string(), v.transform(cleanCollectionName), v.minLength(1)),
  createdAt: v.fallback(v.string(), ''),
  /** Article ids, in the order they were added. */
  ids: v.pipe(v.array(v.unknown()), v.transform((ids) => ids.filter((id): id is string => typeof id === 'string'))),
});

/** Row `recovery-report`: articles undone by recoveries the archive page has not told of yet. */
export const RecoveryReportSchema = v.fallback(Count, 0);

/** Rows `import-journal:<import>:<batch>`: what one import batch added and overwrote, for recovery to undo. */
export const JournalEntrySchema = v.object({
  added: v.array(v.string()),
  replaced: v.array(v.object({ articleId: v.string(), versionSeq: v.number() })),
});

export type BulkSettings = v.InferOutput<typeof BulkSettingsSchema>;
export type UserSite = v.InferOutput<typeof UserSiteSchema>;
export type UserRule = v.InferOutput<typeof UserRuleSchema>;
export type ReminderState = v.InferOutput<typeof ReminderStateSchema>;
export type Collection = v.InferOutput<typeof CollectionSchema>;
export type JournalEntry = v.InferOutput<typeof JournalEntrySchema>;

/** A stored value read through its schema: the schema's default where it does not match (never throws). */
export function storedSetting<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  return v.parse(schema, value);
}

/** The entries of a stored list that match their schema, by key, the last one of a key winning. */
export function storedList<S extends v.GenericSchema>(schema: S, value: unknown, key: (entry: v.InferOutput<S>) => string): v.InferOutput<S>[] {
  if (!Array.isArray(value)) return [];
  const byKey = new Map<string, v.InferOutput<S>>();
  for (const entry of value) {
    const parsed = v.safeParse(schema, entry);
    if (parsed.success) byKey.set(key(parsed.output), parsed.output);
  }
  return [...byKey.values()];
}
