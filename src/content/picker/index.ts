// The content picker ("Chọn vùng nội dung"), started in the tab's content script on request from the popup. The person points at
// the article body and at blocks to leave out; the bar shows at once what the rule would extract; Xong sends the
// selectors to the background, which checks and stores them as the rule for this host. Escape or Huỷ cancels.
import browser from 'webextension-polyfill';
import { extractArticle } from '../../core/extract';
import { selectorsForPick } from '../../core/extract/user-rule-selector';
import { applyUserRule, type UserRule } from '../../core/extract/user-rules';
import { formatCount, t } from '../../shared/i18n';
import type { PickedRuleReply } from '../../shared/messages';
import { blockOf, childBlock, describe, parentBlock, siblingBlock, startBlock } from './navigation';
import { createOverlay, type Overlay } from './overlay';

const FLAG = '__provincialNewsArchiverPicker';
const scope = globalThis as unknown as Record<string, unknown>;
const BLOCKED = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick', 'contextmenu', 'submit'] as const;

interface State { hover: Element | null; body: Element | null; excluded: Element[]; rule: UserRule | null }

const MISS_KEYS = { 'too-little-text': 'pickerTooLittle', 'whole-page': 'pickerWholePage', 'no-match': 'pickerNoSelector', invalid: 'pickerNoSelector' } as const;
const PICK_PROBLEM_KEYS = { 'whole-page': 'pickerWholePage', 'no-selector': 'pickerNoSelector', 'no-exclude-selector': 'pickerNoSelector', 'exclude-outside': 'pickerExcludeOutside' } as const;
const STORE_PROBLEM_KEYS = { invalid: 'ruleProblemInvalid', 'whole-page': 'ruleProblemWholePage', host: 'ruleProblemHost', storage: 'ruleProblemStorage' } as const;

function runPicker(): void {
  const state: State = { hover: null, body: null, excluded: [], rule: null };
  let overlay: Overlay;
  let frame = 0;
  let byKeyboard = false;
  const redraw = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => overlay.draw(state.hover, state.body, state.excluded, byKeyboard));
  };

  /** What the chosen body and exclusions would give as a rule, run through the real extractor: the live preview. */
  const preview = () => {
    state.rule = null;
    overlay.bar.setDoneEnabled(false);
    if (!state.body) return overlay.bar.setSummary(t('pickerNothingYet'));
    const picked = selectorsForPick(document, state.body, state.excluded);
    if (!picked.ok) return overlay.bar.setSummary(t(PICK_PROBLEM_KEYS[picked.problem]));
    const rule: UserRule = { host: location.hostname, body: picked.body, exclude: picked.exclude, createdAt: '' };
    const hit = applyUserRule(document, rule);
    if (!hit.ok) return overlay.bar.setSummary(t(MISS_KEYS[hit.reason]));
    let firstLine = '';
    let words = hit.words;
    try {
      const article = extractArticle(document, location.href, { userRule: rule });
      words = article.wordCount;
      firstLine = article.bodyText.split('\n')[0].slice(0, 140);
    } catch {
      /* the count from the rule itself stands */
    }
    state.rule = rule;
    overlay.bar.setSummary(t('pickerSummary', formatCount(words), formatCount(state.excluded.length), firstLine));
    overlay.bar.setDoneEnabled(true);
  };

  const point = (el: Element) => {
    state.hover = el;
    overlay.bar.setPointing(t('pickerPointing', describe(el)), byKeyboard);
    redraw();
  };

  /** A click or Enter: the body first; then blocks inside it are left out (or taken back); a block outside it becomes the body. */
  const choose = (el: Element, leaveOut: boolean) => {
    overlay.bar.setMessage('');
    if (el === document.body || el === document.documentElement) return overlay.bar.setMessage(t('pickerWholePage'), 'error');
    const inside = state.body && state.body !== el && state.body.contains(el);
    if (leaveOut && !inside) return overlay.bar.setMessage(t('pickerExcludeOutside'), 'error');
    if (inside) {
      const at = state.excluded.indexOf(el);
      if (at >= 0) state.excluded.splice(at, 1);
      else state.excluded = [...state.excluded.filter((x) => !el.contains(x) && !x.contains(el)), el];
    } else if (el !== state.body) {
      state.body = el;
      state.excluded = state.excluded.filter((x) => x !== el && el.contains(x));
    }
    preview();
    redraw();
  };

  const finish = (text?: string, kind?: 'ok' | 'error') => {
    for (const type of BLOCKED) window.removeEventListener(type, block, true);
    window.removeEventListener('mousemove', onMove, true);
    window.removeEventListener('keydown', onKey, true);
    window.removeEventListener('scroll', redraw, true);
    window.removeEventListener('resize', redraw);
    if (text) {
      // Leave the outcome on the page a moment: the popup is closed, this is where the person looks.
      overlay.draw(null, null, []);
      overlay.bar.setMessage(text, kind);
      overlay.bar.setDoneEnabled(false);
      setTimeout(() => overlay.destroy(), 6000);
    } else overlay.destroy();
    scope[FLAG] = false;
  };

  const done = async () => {
    if (!state.rule) return;
    overlay.bar.setDoneEnabled(false);
    let reply: PickedRuleReply | undefined;
    try {
      reply = (await browser.runtime.sendMessage({ type: 'user-rule-picked', body: state.rule.body, exclude: state.rule.exclude })) as PickedRuleReply;
    } catch {
      reply = { ok: false, problem: 'storage' };
    }
    if (reply?.ok) finish(t('pickerSaved', reply.host), 'ok');
    else {
      overlay.bar.setMessage(t('pickerRejected', t(STORE_PROBLEM_KEYS[reply?.problem ?? 'invalid'])), 'error');
      overlay.bar.setDoneEnabled(true);
    }
  };
  const cancel = () => finish(t('pickerCancelled'));

  function block(e: Event): void {
    if (!e.isTrusted || overlay.owns(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type === 'click' && e.target instanceof Element) choose(blockOf(e.target), (e as MouseEvent).shiftKey);
  }
  function onMove(e: MouseEvent): void {
    if (!e.isTrusted) return;
    const own = overlay.owns(e);
    overlay.pointerAt(e.clientX, e.clientY, own);
    if (own || !(e.target instanceof Element)) return;
    byKeyboard = false;
    const el = blockOf(e.target);
    if (el !== state.hover) point(el);
  }
  function onKey(e: KeyboardEvent): void {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopImmediatePropagation();
      return cancel();
    }
    // Tab and Enter on the bar's buttons work as usual.
    const onButton = overlay.owns(e) && (e.composedPath()[0] as Element)?.tagName === 'BUTTON';
    if (onButton && (e.key === 'Enter' || e.key === ' ' || e.key === 'Tab')) return;
    const cur = state.hover ?? startBlock();
    const moves: Record<string, () => Element> = {
      ArrowUp: () => parentBlock(cur), ArrowDown: () => childBlock(cur),
      ArrowLeft: () => siblingBlock(cur, false), ArrowRight: () => siblingBlock(cur, true),
    };
    if (moves[e.key]) {
      byKeyboard = true;
      const next = moves[e.key]();
      next.scrollIntoView?.({ block: 'nearest' });
      point(next);
    } else if (e.key === 'Enter' || (e.key === 'Delete' && state.body)) {
      choose(cur, e.shiftKey || e.key === 'Delete');
    } else return;
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  overlay = createOverlay({ onDone: () => void done(), onCancel: cancel });
  for (const type of BLOCKED) window.addEventListener(type, block, true);
  window.addEventListener('mousemove', onMove, true);
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('scroll', redraw, true);
  window.addEventListener('resize', redraw);
  point(startBlock());
  preview();
  overlay.bar.focus();
}

/** Starts picking on this page, unless a pick is already going on (then its bar gets the focus back). */
export function startPicker(): void {
  if (scope[FLAG]) return;
  scope[FLAG] = true;
  runPicker();
}
