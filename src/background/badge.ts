import browser from 'webextension-polyfill';
import type { Detection } from '../core/types';
import { detectedProvinceText } from '../shared/province-text';

type BadgeState = 'none' | 'known-site' | 'article' | 'saved' | 'error' | 'refused';

const ICONS: Record<BadgeState, string> = { none: '', 'known-site': '', article: 'article-', saved: 'saved-', error: '', refused: '' };
const iconSet = (prefix: string) =>
  Object.fromEntries([16, 32, 48, 128].map((s) => [String(s), `/icons/icon-${prefix}${s}.png`]));

/** Badge text and colour per state: green "TIN" for a recognised article, blue "✓" once it is archived. */
export async function setBadge(tabId: number, state: BadgeState, detail?: { detection?: Detection | null; error?: string }): Promise<void> {
  const text = state === 'article' ? 'TIN' : state === 'saved' ? '✓' : state === 'error' ? '!' : state === 'refused' ? '✕' : '';
  const color = state === 'saved' ? '#2563eb' : state === 'error' ? '#b91c1c' : state === 'refused' ? '#6b7280' : '#16a34a';
  let title = browser.i18n.getMessage('actionTitle');
  if (state === 'article') title = browser.i18n.getMessage('badgeArticleTitle', (detail?.detection && detectedProvinceText(detail.detection)) || detail?.detection?.site?.host || '');
  // A known site's non-article page gets no badge (a badge there would be a false alarm), only a tooltip.
  if (state === 'known-site') title = browser.i18n.getMessage('badgeKnownSiteTitle', detail?.detection?.site?.name ?? '');
  if (state === 'saved') title = browser.i18n.getMessage('badgeSavedTitle');
  if (state === 'error') title = browser.i18n.getMessage('badgeErrorTitle', detail?.error ?? '');
  // A save refused (a listing or home page, from the context menu or the shortcut): the tooltip is the reason.
  if (state === 'refused') title = detail?.error ?? title;
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setBadgeBackgroundColor({ tabId, color }),
      browser.action.setTitle({ tabId, title }),
      browser.action.setIcon({ tabId, path: iconSet(ICONS[state]) }),
    ]);
  } catch {
    /* the tab closed meanwhile */
  }
}
