import browser from 'webextension-polyfill';
import type { ErrorInfo } from './messages';
import { roundEta } from '../core/progress-eta';

export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Fills every element carrying a data-i18n message key with its message (text only, never HTML). */
export function applyI18n(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) el.textContent = t(el.dataset.i18n!);
  document.documentElement.lang = browser.i18n.getUILanguage().startsWith('vi') ? 'vi' : browser.i18n.getUILanguage();
}

const ERROR_KEYS: Record<string, string> = {
  empty: 'errorEmpty',
  'no-content': 'errorNoContent',
  'too-large': 'errorTooLarge',
  'not-html': 'errorNotHtml',
  quota: 'errorQuota',
  storage: 'errorStorage',
  'no-tab': 'errorNoTab',
  restricted: 'popupRestricted',
  unreachable: 'errorUnreachable',
  interrupted: 'errorInterrupted',
  'listing-page': 'errorListingPage',
  'home-page': 'errorHomePage',
};

/** A sentence for a person, never a stack trace. */
export function errorSentence(error: ErrorInfo): string {
  const key = ERROR_KEYS[error.code];
  return key ? t(key, error.message) : t('errorUnknown', error.message);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}

/** A number as the UI language writes it: 100.000 or 1,5 in Vietnamese, 100,000 or 1.5 in English. */
export function formatCount(n: number): string {
  return n.toLocaleString(browser.i18n.getUILanguage());
}

const ETA_KEYS = { seconds: 'etaSeconds', minutes: 'etaMinutes', hours: 'etaHours' } as const;

/** " (còn khoảng 2 phút)" to put after a progress line, or '' while the time left is not known. */
export function etaSuffix(seconds: number | null): string {
  if (seconds === null) return '';
  const { unit, value } = roundEta(seconds);
  return ` (${t(ETA_KEYS[unit], formatCount(value))})`;
}
