// The user's content rules per host (picked on a page, edited in Cài đặt): kept in storage.local next to the
// user's sites, cleaned on every read (storage and imported files can hold anything).
import browser from 'webextension-polyfill';
import { cleanUserRules, type UserRule } from '../core/extract/user-rules';

export const USER_RULES_KEY = 'userRules';

export async function loadUserRules(): Promise<UserRule[]> {
  try {
    const stored = await browser.storage.local.get(USER_RULES_KEY);
    return cleanUserRules(stored[USER_RULES_KEY]).rules;
  } catch {
    return [];
  }
}

export async function saveUserRules(rules: UserRule[]): Promise<void> {
  await browser.storage.local.set({ [USER_RULES_KEY]: cleanUserRules(rules).rules });
}

/** Stores `rule` as its host's rule, replacing an earlier one. */
export async function putUserRule(rule: UserRule): Promise<void> {
  await saveUserRules([...(await loadUserRules()).filter((r) => r.host !== rule.host), rule]);
}

export async function removeUserRule(host: string): Promise<void> {
  await saveUserRules((await loadUserRules()).filter((r) => r.host !== host));
}
