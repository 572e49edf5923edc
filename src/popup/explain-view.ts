// "Chi tiết trích xuất": the same explanation as `npm run extract -- --explain`, for the page in the tab.
// Everything is written with textContent: the strings come from a web page.
import browser from 'webextension-polyfill';
import { parseExplainReply, type ContentRequest, type ExplainReply } from '../shared/messages';
import { t } from '../shared/i18n';

const PATH_KEYS: Record<string, string> = { 'site-rule': 'popupExplainPathSiteRule', 'user-rule': 'popupExplainPathUserRule', generic: 'popupExplainPathGeneric' };

function add(parent: HTMLElement, tag: string, text: string, className = ''): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  parent.appendChild(el);
  return el;
}

function list(parent: HTMLElement, heading: string, lines: string[], empty: string): void {
  add(parent, 'h2', heading);
  if (!lines.length) {
    add(parent, 'p', empty, 'muted');
    return;
  }
  const ul = add(parent, 'ul', '');
  for (const line of lines) add(ul, 'li', line);
}

function renderExplain(target: HTMLElement, reply: ExplainReply): void {
  target.replaceChildren();
  const { explain: ex, error } = reply;
  if (error) add(target, 'p', t('popupExplainError', error), 'error');
  if (ex.detection) list(target, t('popupExplainDetection'), [ex.detection.decision, ...ex.detection.reasons], '');
  if (ex.path) {
    add(target, 'h2', t('popupExplainBody'));
    add(target, 'p', `${t(PATH_KEYS[ex.path] ?? 'popupExplainPathGeneric')}${ex.rule ? ` (${ex.rule})` : ''}`);
    list(target, t('popupExplainCandidates'), ex.candidates.map(String), t('popupExplainNoCandidates'));
    list(target, t('popupExplainMetadata'), Object.entries(ex.metadata).map(([k, f]) => `${k}: ${f.value ?? '—'} ← ${f.via}`), '');
    list(target, t('popupExplainRemoved'), ex.removed.map((r) => `${r.reason}: ${r.text}`), t('popupExplainNoneRemoved'));
  }
}

/** Wires the toggle: the first opening asks the tab's content script, later ones only show or hide. */
export function setupExplainToggle(toggle: HTMLButtonElement, panel: HTMLElement, tabId: number, generic: () => boolean): void {
  let loaded = false;
  toggle.hidden = false;
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (!open || loaded) return;
    panel.textContent = t('popupLoading');
    let reply: ExplainReply | null = null;
    try {
      reply = parseExplainReply(await browser.tabs.sendMessage(tabId, { type: 'explain', generic: generic() } satisfies ContentRequest));
    } catch {
      reply = null;
    }
    if (!reply) {
      panel.textContent = t('popupExplainUnavailable');
      return;
    }
    loaded = true;
    renderExplain(panel, reply);
  });
}
