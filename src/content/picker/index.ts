// The content picker ("Chọn vùng nội dung"), started in the tab's content script on request from the popup. The
// person points at the article body and at blocks to leave out; the bar shows at once what the rule would extract;
// Xong sends the selectors to the background, which checks and stores them as the rule for this host. Escape or
// Huỷ cancels. The pick's logic is pure (core/extract/pick-state.ts); this file wires it to the page's events.
import browser from 'webextension-polyfill';
import { pickStep, previewPick, type Pick, type PickPreview } from '../../core/extract/pick-state';
import { formatCount, t } from '../../shared/i18n';
import type { PickedRuleReply } from '../../shared/messages';
import { blockOf, childBlock, describe, parentBlock, siblingBlock, startBlock } from './navigation';
import { createOverlay, type Overlay } from './overlay';

const BLOCKED = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'auxclick', 'dblclick', 'contextmenu', 'submit'] as const;

const PROBLEM_KEYS: Record<Exclude<PickPreview, { ok: true }>['problem'], string> = {
  'nothing-yet': 'pickerNothingYet', 'whole-page': 'pickerWholePage', 'no-selector': 'pickerNoSelector',
  'no-exclude-selector': 'pickerNoSelector', 'exclude-outside': 'pickerExcludeOutside',
  'too-little-text': 'pickerTooLittle', 'no-match': 'pickerNoSelector', invalid: 'pickerNoSelector',
};
const STORE_PROBLEM_KEYS = { invalid: 'ruleProblemInvalid', 'whole-page': 'ruleProblemWholePage', host: 'ruleProblemHost', storage: 'ruleProblemStorage' } as const;

class Picker {
  private pick: Pick = { body: null, excluded: [] };
  private hover: Element | null = null;
  private preview: PickPreview = { ok: false, problem: 'nothing-yet' };
  private byKeyboard = false;
  private finished = false;
  private frame = 0;
  private readonly overlay: Overlay;
  private readonly onBlocked = (e: Event) => this.block(e);
  private readonly onMove = (e: MouseEvent) => this.move(e);
  private readonly onKey = (e: KeyboardEvent) => this.key(e);
  private readonly redraw = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.overlay.draw(this.hover, this.pick.body, this.pick.excluded, this.byKeyboard));
  };

  constructor(private readonly onEnd: () => void) {
    this.overlay = createOverlay({ onDone: () => void this.done(), onCancel: () => this.finish(t('pickerCancelled')) });
    for (const type of BLOCKED) window.addEventListener(type, this.onBlocked, true);
    window.addEventListener('mousemove', this.onMove, true);
    window.addEventListener('keydown', this.onKey, true);
    window.addEventListener('scroll', this.redraw, true);
    window.addEventListener('resize', this.redraw);
    this.point(startBlock());
    this.update();
    this.overlay.bar.focus();
  }

  focus(): void {
    this.overlay.bar.focus();
  }

  /** The live preview: the rule the pick makes, run through the extractor. */
  private update(): void {
    this.preview = previewPick(document, location.href, location.hostname, this.pick, '');
    const p = this.preview;
    this.overlay.bar.setSummary(p.ok ? t('pickerSummary', formatCount(p.words), formatCount(this.pick.excluded.length), p.firstLine) : t(PROBLEM_KEYS[p.problem]));
    this.overlay.bar.setDoneEnabled(p.ok);
  }

  private point(el: Element): void {
    this.hover = el;
    this.overlay.bar.setPointing(t('pickerPointing', describe(el)), this.byKeyboard);
    this.redraw();
  }

  /** A click or Enter: see pickStep. */
  private choose(el: Element, leaveOut: boolean): void {
    const step = pickStep(document, this.pick, el, leaveOut);
    this.overlay.bar.setMessage(step.ok ? '' : t(PROBLEM_KEYS[step.problem]), step.ok ? 'info' : 'error');
    if (!step.ok) return;
    this.pick = step.pick;
    this.update();
    this.redraw();
  }

  private finish(text: string, kind?: 'ok' | 'error'): void {
    if (this.finished) return;
    this.finished = true;
    for (const type of BLOCKED) window.removeEventListener(type, this.onBlocked, true);
    window.removeEventListener('mousemove', this.onMove, true);
    window.removeEventListener('keydown', this.onKey, true);
    window.removeEventListener('scroll', this.redraw, true);
    window.removeEventListener('resize', this.redraw);
    cancelAnimationFrame(this.frame);
    // Leave the outcome on the page a moment: the popup is closed, this is where the person looks.
    this.overlay.draw(null, null, []);
    this.overlay.bar.setMessage(text, kind);
    this.overlay.bar.setDoneEnabled(false);
    setTimeout(() => this.overlay.destroy(), 6000);
    this.onEnd();
  }

  private async done(): Promise<void> {
    if (!this.preview.ok || this.finished) return;
    const { body, exclude } = this.preview.rule;
    this.overlay.bar.setDoneEnabled(false);
    let reply: PickedRuleReply | undefined;
    try {
      reply = await browser.runtime.sendMessage<unknown, PickedRuleReply>({ type: 'user-rule-picked', body, exclude });
    } catch {
      reply = { ok: false, problem: 'storage' };
    }
    if (reply?.ok) return this.finish(t('pickerSaved', reply.host), 'ok');
    this.overlay.bar.setMessage(t('pickerRejected', t(STORE_PROBLEM_KEYS[reply?.problem ?? 'invalid'])), 'error');
    this.overlay.bar.setDoneEnabled(true);
  }

  /** The page's own handlers see no clicks while picking (no link followed, no form sent); a click picks. */
  private block(e: Event): void {
    if (!e.isTrusted || this.overlay.owns(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type === 'click' && e.target instanceof Element) this.choose(blockOf(e.target), (e as MouseEvent).shiftKey);
  }

  private move(e: MouseEvent): void {
    if (!e.isTrusted) return;
    const own = this.overlay.owns(e);
    this.overlay.pointerAt(e.clientX, e.clientY, own);
    if (own || !(e.target instanceof Element)) return;
    this.byKeyboard = false;
    const el = blockOf(e.target);
    if (el !== this.hover) this.point(el);
  }

  private key(e: KeyboardEvent): void {
    if (!e.isTrusted) return;
    // Tab, Enter and Space on the bar's buttons work as usual.
    const onButton = this.overlay.owns(e) && (e.composedPath()[0] as Element)?.tagName === 'BUTTON';
    if (onButton && (e.key === 'Enter' || e.key === ' ' || e.key === 'Tab')) return;
    const cur = this.hover ?? startBlock();
    const moves: Record<string, () => Element> = {
      ArrowUp: () => parentBlock(cur), ArrowDown: () => childBlock(cur),
      ArrowLeft: () => siblingBlock(cur, false), ArrowRight: () => siblingBlock(cur, true),
    };
    if (e.key === 'Escape') this.finish(t('pickerCancelled'));
    else if (moves[e.key]) {
      this.byKeyboard = true;
      const next = moves[e.key]();
      next.scrollIntoView?.({ block: 'nearest' });
      this.point(next);
    } else if (e.key === 'Enter' || (e.key === 'Delete' && this.pick.body)) this.choose(cur, e.shiftKey || e.key === 'Delete');
    else return;
    e.preventDefault();
    e.stopImmediatePropagation();
  }
}

let current: Picker | null = null;

/** Starts picking on this page; when a pick is already going on, its bar gets the focus back. */
export function startPicker(): void {
  if (current) return current.focus();
  current = new Picker(() => {
    current = null;
  });
}
