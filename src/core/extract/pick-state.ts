// What a pick on a page amounts to, step by step: the first choice is the body; later choices inside it leave
// blocks out (or take them back); a choice outside it becomes the new body. And the live preview: the rule the
// pick makes, run through the extractor as a save would. Pure: works on any Document handed in.
import { extractArticle } from './index';
import { selectorsForPick } from './user-rule-selector';
import { applyUserRule, type UserRule, type UserRuleMiss } from './user-rules';

export interface Pick { body: Element | null; excluded: Element[] }
type PickStep = { ok: true; pick: Pick } | { ok: false; problem: 'whole-page' | 'exclude-outside' };

export function pickStep(doc: Document, pick: Pick, el: Element, leaveOut: boolean): PickStep {
  if (el === doc.body || el === doc.documentElement) return { ok: false, problem: 'whole-page' };
  const inside = !!pick.body && pick.body !== el && pick.body.contains(el);
  if (leaveOut && !inside) return { ok: false, problem: 'exclude-outside' };
  if (inside) {
    const excluded = pick.excluded.includes(el)
      ? pick.excluded.filter((x) => x !== el)
      // A block and one inside it are not both left out: the newer choice wins.
      : [...pick.excluded.filter((x) => !el.contains(x) && !x.contains(el)), el];
    return { ok: true, pick: { body: pick.body, excluded } };
  }
  if (el === pick.body) return { ok: true, pick };
  return { ok: true, pick: { body: el, excluded: pick.excluded.filter((x) => x !== el && el.contains(x)) } };
}

export type PickPreview =
  | { ok: true; rule: UserRule; words: number; firstLine: string }
  | { ok: false; problem: 'nothing-yet' | 'whole-page' | 'no-selector' | 'no-exclude-selector' | 'exclude-outside' | UserRuleMiss };

/** The rule a pick makes and what it extracts from this page (word count, first line), or why it cannot be used. */
export function previewPick(doc: Document, url: string, host: string, pick: Pick, createdAt: string): PickPreview {
  if (!pick.body) return { ok: false, problem: 'nothing-yet' };
  const picked = selectorsForPick(doc, pick.body, pick.excluded);
  if (!picked.ok) return { ok: false, problem: picked.problem };
  const rule: UserRule = { host, body: picked.body, exclude: picked.exclude, createdAt };
  const hit = applyUserRule(doc, rule);
  if (!hit.ok) return { ok: false, problem: hit.reason };
  try {
    const article = extractArticle(doc, url, { userRule: rule });
    return { ok: true, rule, words: article.wordCount, firstLine: article.bodyText.split('\n')[0].slice(0, 140) };
  } catch {
    return { ok: true, rule, words: hit.words, firstLine: '' };
  }
}
