// Cài đặt → "Vùng nội dung đã chọn": the user's content rules per host, listed with their selectors and date,
// editable and removable; and their part of the site list's export and import. Every selector typed or imported
// passes the core's checks (a strict grammar) and this browser's own parser before anything is stored.
import browser from 'webextension-polyfill';
import { checkUserRule, cleanUserRules, type RuleProblem, type UserRule } from '../core/extract/user-rules';
import { formatCount, formatDate, t } from '../shared/i18n';
import { loadUserRules, putUserRule, removeUserRule, saveUserRules, USER_RULES_KEY } from '../shared/user-rules';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const PROBLEM_KEYS: Record<string, string> = {
  empty: 'ruleProblemEmpty', 'too-long': 'ruleProblemTooLong', invalid: 'ruleProblemInvalid',
  'whole-page': 'ruleProblemWholePage', 'too-many': 'ruleProblemTooMany',
};

function ruleProblemSentence(problem: RuleProblem): string {
  if (problem.field === 'host') return t('ruleProblemHost');
  return t(PROBLEM_KEYS[problem.problem] ?? 'ruleProblemInvalid');
}

/** The grammar passed; this browser must be able to run the selector too. */
function browserRefuses(rule: UserRule): RuleProblem | null {
  const probe = document.createDocumentFragment();
  const tryRun = (sel: string) => {
    try {
      probe.querySelector(sel);
      return true;
    } catch {
      return false;
    }
  };
  if (!tryRun(rule.body)) return { field: 'body', problem: 'invalid' };
  const bad = rule.exclude.findIndex((s) => !tryRun(s));
  return bad >= 0 ? { field: 'exclude', index: bad, problem: 'invalid' } : null;
}

function checkRuleHere(value: unknown): { ok: true; rule: UserRule } | { ok: false; problem: RuleProblem } {
  const check = checkUserRule(value);
  if (!check.ok) return check;
  const refused = browserRefuses(check.rule);
  return refused ? { ok: false, problem: refused } : check;
}

function setRulesStatus(text: string, isError = false): void {
  $('rules-status').textContent = text;
  $('rules-status').className = isError ? 'error' : '';
}

function ruleRow(rule: UserRule): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.testid = 'user-rule';
  tr.dataset.host = rule.host;
  const cell = (...children: Node[]) => {
    const td = document.createElement('td');
    td.append(...children);
    tr.append(td);
    return td;
  };
  cell(document.createTextNode(rule.host));
  const body = document.createElement('input');
  body.value = rule.body;
  body.spellcheck = false;
  body.setAttribute('aria-label', `${t('optionsRuleBody')} — ${rule.host}`);
  body.dataset.testid = 'rule-body';
  cell(body);
  const exclude = document.createElement('textarea');
  exclude.value = rule.exclude.join('\n');
  exclude.rows = Math.min(4, Math.max(1, rule.exclude.length));
  exclude.spellcheck = false;
  exclude.setAttribute('aria-label', `${t('optionsRuleExclude')} — ${rule.host}`);
  exclude.dataset.testid = 'rule-exclude';
  cell(exclude);
  cell(document.createTextNode(formatDate(rule.createdAt)));
  const save = document.createElement('button');
  save.type = 'button';
  save.textContent = t('optionsRuleSave');
  save.setAttribute('aria-label', `${t('optionsRuleSave')} — ${rule.host}`);
  save.addEventListener('click', async () => {
    const excludes = exclude.value.split('\n').map((s) => s.trim()).filter(Boolean);
    const check = checkRuleHere({ host: rule.host, body: body.value, exclude: excludes, createdAt: rule.createdAt });
    if (!check.ok) return setRulesStatus(t('optionsRuleBad', rule.host, ruleProblemSentence(check.problem)), true);
    await putUserRule(check.rule);
    setRulesStatus(t('optionsRuleSaved', rule.host));
  });
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'secondary';
  remove.textContent = t('optionsRemove');
  remove.setAttribute('aria-label', `${t('optionsRemove')} — ${rule.host}`);
  remove.addEventListener('click', async () => {
    await removeUserRule(rule.host);
    setRulesStatus(t('optionsRuleRemoved', rule.host));
  });
  const actions = document.createElement('span');
  actions.className = 'actions';
  actions.append(save, remove);
  cell(actions);
  return tr;
}

async function renderUserRules(): Promise<void> {
  const rules = await loadUserRules();
  $('no-rules').hidden = rules.length > 0;
  $('rules').hidden = rules.length === 0;
  $('rule-rows').replaceChildren(...rules.sort((a, b) => a.host.localeCompare(b.host)).map(ruleRow));
}

/**
 * The rules of an imported site list: the good ones stored (replacing the same hosts' rules), the refused ones
 * only counted. Returns the sentence for the person, or '' when the file had no rules.
 */
export async function importUserRules(list: unknown): Promise<{ sentence: string; rejected: number }> {
  if (list === undefined) return { sentence: '', rejected: 0 };
  const raw = Array.isArray(list) ? list : [list];
  const { rules, rejected } = cleanUserRules(raw);
  const accepted = rules.filter((r) => !browserRefuses(r));
  const refused = rejected.length + (rules.length - accepted.length);
  if (accepted.length) {
    const merged = new Map((await loadUserRules()).map((r) => [r.host, r]));
    for (const r of accepted) merged.set(r.host, r);
    await saveUserRules([...merged.values()]);
  }
  return { sentence: t('optionsRulesImported', formatCount(accepted.length), formatCount(refused)), rejected: refused };
}

export function initUserRulesSettings(): void {
  void renderUserRules();
  // A rule picked on a page (or removed) while this page is open shows up here at once.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[USER_RULES_KEY]) void renderUserRules();
  });
}
