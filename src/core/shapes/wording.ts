// How a broken field is said to a person. The schemas carry these sentences as their error messages, so a
// rejected import names the field and the problem ("field "title" is empty"), never a library's wording.
import * as v from 'valibot';

const kindOf = (x: unknown): string => (x === null ? 'null' : typeof x);

/** A top-level field's sentence; an absent value reads as a missing field, whatever check met it. */
export function said(key: string, problem: string | ((input: unknown) => string)) {
  return (issue: v.BaseIssue<unknown>): string => issue.input === undefined
    ? `missing field "${key}"`
    : `field "${key}" ${typeof problem === 'string' ? problem : problem(issue.input)}`;
}

export const notA = (what: string) => (input: unknown): string => `must be ${what}, not ${kindOf(input)}`;

/**
 * An object whose missing keys are worded by the key's own schema (as if it were present and undefined), so
 * "missing field "title"" and "field "site.host" must be a string" come from the field's declaration alone.
 */
export function record<const E extends v.ObjectEntries>(entries: E, notObject: string | ((issue: v.BaseIssue<unknown>) => string)) {
  return v.object(entries, (issue) => {
    const at = issue.path?.[0];
    const key = at?.key;
    // A list passes valibot's object test and then lacks every key: say what it is instead.
    if (typeof key === 'string' && key in entries && !Array.isArray(at?.input)) return v.safeParse(entries[key], undefined, { abortEarly: true }).issues?.[0].message ?? `missing field "${key}"`;
    return typeof notObject === 'string' ? notObject : notObject(issue);
  });
}

/** The sentences for a failed parse, once each, with the list index filled in ("images[3].src …"). */
export function sentences(issues: readonly v.BaseIssue<unknown>[]): string[] {
  const out = new Set<string>();
  for (const issue of issues) {
    const index = issue.path?.find((p): p is typeof p & { key: number } => typeof p.key === 'number')?.key;
    out.add(index === undefined ? issue.message : issue.message.replace('[#]', `[${String(index)}]`));
  }
  return [...out];
}
