// The popup's side of "Chọn vùng nội dung": the button that starts the picker in the page, and the line that says
// whether this page came out through the user's rule for its host or, when the rule no longer fits, that the
// preview is the automatic result.
import browser from 'webextension-polyfill';
import type { UserRuleMiss, UserRuleStatus } from '../core/extract/user-rules';
import { errorSentence, t } from '../shared/i18n';
import type { PickStartReply, PreviewReply } from '../shared/messages';
import { USER_RULES_KEY } from '../shared/user-rules';

const MISS_KEYS: Record<UserRuleMiss, string> = {
  'no-match': 'userRuleMissNoMatch',
  'too-little-text': 'userRuleMissTooLittle',
  'whole-page': 'userRuleMissWholePage',
  invalid: 'userRuleMissInvalid',
};

export function showUserRuleNote(status: UserRuleStatus | undefined): void {
  const note = document.getElementById('user-rule-note')!;
  note.hidden = !status;
  if (!status) return;
  note.className = status.applied ? 'ok' : 'warn';
  note.textContent = status.applied ? t('popupUserRuleApplied', status.host) : t('popupUserRuleMissed', status.host, t(MISS_KEYS[status.reason]));
}

/** Offers the picker on any page the extension can reach (not on the browser's own pages). */
export function initPickButton(tabId: number, reply: PreviewReply | undefined, setStatus: (text: string, kind?: '' | 'ok' | 'warn' | 'error') => void): void {
  const pick = document.getElementById('pick') as HTMLButtonElement;
  if (!reply || (!reply.ok && (reply.error.code === 'restricted' || reply.error.code === 'no-tab'))) return;
  pick.hidden = false;
  pick.addEventListener('click', async () => {
    pick.disabled = true;
    let started: PickStartReply | undefined;
    try {
      started = await browser.runtime.sendMessage<unknown, PickStartReply>({ type: 'pick-start', tabId });
    } catch {
      started = undefined;
    }
    pick.disabled = false;
    if (!started?.ok) return setStatus(started ? errorSentence(started.error) : t('errorUnknown', '—'), 'error');
    setStatus(t('popupPickStarted'));
    // The picker lives in the page; a real popup closes so that the page gets the mouse and the keyboard.
    if (!new URLSearchParams(location.search).has('tab')) return window.close();
    // Opened as a page (?tab=N), it stays: once the page stores the rule, show the preview extracted with it.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[USER_RULES_KEY]) location.reload();
    });
  });
}
