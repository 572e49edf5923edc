// The user's own rule for a host: which element holds the article body and which blocks inside it to leave out,
// as picked on a page in the popup's "Chọn vùng nội dung". Pure: validation, storage cleaning, and applying a rule
// to a Document handed in.
import * as v from 'valibot';
import { toVietnamIso } from '../archive/build-article';
import { normalizeHost } from '../detect/registry';
import { countWords } from './body-text';
import { removeNode, textOf } from './dom';
import { selectorProblem } from './user-rule-syntax';
import type { SiteRule } from './sites/types';
import type { UserRuleMiss, UserRuleStatus } from '../shapes/messages';
import { ruleProblem, UserRuleSchema, type RuleProblem, type UserRule } from '../shapes/settings';

export type { RuleProblem, UserRule, UserRuleMiss, UserRuleStatus };

/** Fewer words than this under the rule's body is a miss: the page changed and the selector found a shell. */
const USER_RULE_MIN_WORDS = 30;

type RuleCheck = { ok: true; rule: UserRule } | { ok: false; problem: RuleProblem };

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A well-formed rule (core/shapes/settings.ts) or the first thing wrong with it. Untrusted input (a message, a stored
 * value, an imported file) goes through here before anything stores or runs it; a rule without a date is dated now.
 */
export function checkUserRule(value: unknown, now: () => string = () => toVietnamIso(new Date())): RuleCheck {
  if (!isObj(value)) return { ok: false, problem: { field: 'rule', problem: 'invalid' } };
  const parsed = v.safeParse(UserRuleSchema, value.createdAt === undefined ? { ...value, createdAt: now() } : value, { abortEarly: true });
  return parsed.success ? { ok: true, rule: parsed.output } : { ok: false, problem: ruleProblem(parsed.issues[0]) };
}

/** The well-formed rules of a stored or imported list, one per host (the last one wins), and how many were refused. */
export function cleanUserRules(value: unknown): { rules: UserRule[]; rejected: RuleProblem[] } {
  const byHost = new Map<string, UserRule>();
  const rejected: RuleProblem[] = [];
  if (!Array.isArray(value)) return { rules: [], rejected };
  for (const item of value.slice(0, 10_000)) {
    const check = checkUserRule(item);
    if (check.ok) byHost.set(check.rule.host, check.rule);
    else rejected.push(check.problem);
  }
  return { rules: [...byHost.values()], rejected };
}

/** The rule for a page's host: exact host after normalisation (www. and m. dropped). */
export function userRuleFor(rules: readonly UserRule[], pageUrl: string): UserRule | null {
  let host: string | null = null;
  try {
    host = normalizeHost(new URL(pageUrl).hostname);
  } catch {
    return null;
  }
  return (host && rules.find((r) => r.host === host)) || null;
}

type UserRuleResult =
  | { ok: true; body: Element; words: number }
  | { ok: false; reason: UserRuleMiss };

function safeAll(scope: ParentNode, selector: string): Element[] {
  try {
    return Array.from(scope.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** The body text of `el` with the rule's excluded blocks taken out, counted on a clone (the page is untouched). */
function wordsWithout(el: Element, exclude: readonly string[]): number {
  const clone = el.cloneNode(true) as Element;
  for (const sel of exclude) for (const x of safeAll(clone, sel)) removeNode(x);
  return countWords(textOf(clone));
}

/**
 * Applies a rule to a page: the live body element it names (the first match inside <body>), or why it misses —
 * nothing matches, it names the whole page, or too little text is left once the excluded blocks are out.
 */
export function applyUserRule(doc: Document, rule: UserRule): UserRuleResult {
  if (selectorProblem(rule.body) || rule.exclude.some((s) => selectorProblem(s))) return { ok: false, reason: 'invalid' };
  const page = doc.body;
  if (!page) return { ok: false, reason: 'no-match' };
  const matches = safeAll(doc, rule.body);
  if (matches.some((m) => m === page || m === doc.documentElement)) return { ok: false, reason: 'whole-page' };
  const body = matches.find((m) => page.contains(m));
  if (!body) return { ok: false, reason: 'no-match' };
  const words = wordsWithout(body, rule.exclude);
  if (words < USER_RULE_MIN_WORDS) return { ok: false, reason: 'too-little-text' };
  return { ok: true, body, words };
}

/** The rule in the shape of a site rule, so that the extractor runs its usual path (metadata, pruning) on it. */
export function userRuleAsSiteRule(rule: UserRule): SiteRule {
  return { id: `user:${rule.host}`, family: 'user', match: {}, body: [rule.body], strip: rule.exclude, fixtures: [] };
}

/** Whether a page's extraction went through the user's rule for its host, and if not, why (for the popup). */

export function userRuleStatus(doc: Document, rule: UserRule, method: string): UserRuleStatus {
  if (method === 'user-rule') return { host: rule.host, applied: true };
  const result = applyUserRule(doc, rule);
  // The rule matched, but the extractor could not use it on the page as cleaned: still a miss for the person.
  return { host: rule.host, applied: false, reason: result.ok ? 'no-match' : result.reason };
}
