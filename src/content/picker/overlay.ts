// What the picker draws on the page: boxes over the hovered element, the chosen body and the blocks left out, and
// a small bar with the instructions, a live summary and Xong / Huỷ. Everything sits in one shadow root on a
// fixed, click-through layer above the page, so the page's layout and styles are untouched (and cannot restyle it).
// Styles are set through the CSSOM, which a page's Content-Security-Policy does not block.
import { t } from '../../shared/i18n';

type Style = Record<string, string>;
const css = (el: HTMLElement, style: Style) => {
  for (const [k, v] of Object.entries(style)) el.style.setProperty(k, v, 'important');
  return el;
};

const BOX: Style = { position: 'fixed', 'box-sizing': 'border-box', 'pointer-events': 'none', margin: '0', padding: '0', 'border-radius': '2px' };
const LOOKS = {
  hover: { ...BOX, outline: '2px dashed #2563eb', background: 'rgba(37, 99, 235, 0.08)' },
  body: { ...BOX, outline: '3px solid #15803d', background: 'rgba(21, 128, 61, 0.06)' },
  excluded: { ...BOX, outline: '2px solid #b91c1c', background: 'repeating-linear-gradient(45deg, rgba(185,28,28,.22) 0 6px, rgba(185,28,28,.06) 6px 12px)' },
};
const LABEL: Style = { position: 'absolute', top: '-1.4em', left: '0', font: '600 11px/1.3 system-ui, sans-serif', color: '#fff', padding: '1px 5px', 'border-radius': '3px', 'white-space': 'nowrap' };
const FONT = '13px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif';

interface PickerBar {
  /** Where the person points (for keyboard and screen-reader users), the live summary, and a message line. */
  /** `announce`: read it out (keyboard moves); the mouse's constant moves are not. */
  setPointing(text: string, announce?: boolean): void;
  setSummary(text: string): void;
  setMessage(text: string, kind?: 'info' | 'error' | 'ok'): void;
  setDoneEnabled(enabled: boolean): void;
  focus(): void;
}

export interface Overlay {
  host: HTMLElement;
  bar: PickerBar;
  /** `avoid`: move the bar away from the hovered element (keyboard moves; the mouse sees through the bar instead). */
  draw(hover: Element | null, body: Element | null, excluded: readonly Element[], avoid?: boolean): void;
  /** The mouse is at (x, y): over the bar (not its buttons) the bar fades, so that the page under it shows. */
  pointerAt(x: number, y: number, overButton: boolean): void;
  owns(event: Event): boolean;
  destroy(): void;
}

function button(label: string, primary: boolean): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  css(b, {
    font: FONT, 'font-weight': '600', padding: '5px 14px', 'border-radius': '6px', cursor: 'pointer',
    border: `1px solid ${primary ? '#b91c1c' : '#6b7280'}`, background: primary ? '#b91c1c' : '#fff', color: primary ? '#fff' : '#111827',
  });
  css(b, { 'pointer-events': 'auto' });
  return b;
}

/** The bar's parts that change while the picker runs. */
interface BarParts { bar: HTMLElement; pointing: HTMLElement; summary: HTMLElement; message: HTMLElement; done: HTMLButtonElement }

/** A line of the bar: a <div> in the bar's font with its own style, and a test id if it is read by tests. */
function line(style: Style, testid?: string): HTMLElement {
  const el = css(document.createElement('div'), { font: FONT, ...style });
  if (testid) el.dataset.testid = testid;
  return el;
}

/** The bar: title, instructions, what is pointed at, the live summary, a message line and Huỷ / Xong. */
function buildBar(handlers: { onDone(): void; onCancel(): void }): BarParts {
  const bar = css(document.createElement('div'), {
    position: 'fixed', left: '50%', bottom: '12px', transform: 'translateX(-50%)', width: 'min(640px, calc(100vw - 24px))',
    // Click-through except its buttons: what lies under the bar can still be pointed at and picked.
    'pointer-events': 'none', background: '#fff', transition: 'opacity .12s', color: '#111827', font: FONT, 'text-align': 'left',
    border: '1px solid #d1d5db', 'border-radius': '10px', 'box-shadow': '0 6px 24px rgba(0,0,0,.25)', padding: '10px 14px', outline: 'none',
  });
  bar.setAttribute('role', 'dialog');
  bar.setAttribute('aria-label', t('pickerTitle'));
  bar.tabIndex = -1;
  bar.dataset.testid = 'picker-bar';
  const title = line({ 'font-weight': '700', color: '#b91c1c', 'margin-bottom': '2px' });
  title.textContent = t('pickerTitle');
  const help = line({ 'font-size': '12px', color: '#374151' });
  help.textContent = t('pickerHelp');
  const pointing = line({ 'font-size': '12px', color: '#1d4ed8', 'margin-top': '4px', 'white-space': 'nowrap', overflow: 'hidden', 'text-overflow': 'ellipsis' }, 'picker-pointing');
  const summary = line({ 'margin-top': '4px', 'max-height': '3.2em', overflow: 'hidden' }, 'picker-summary');
  summary.setAttribute('aria-live', 'polite');
  const message = line({ 'font-weight': '600', 'margin-top': '4px' }, 'picker-message');
  message.setAttribute('role', 'status');
  const actions = css(document.createElement('div'), { display: 'flex', gap: '8px', 'margin-top': '8px', 'justify-content': 'flex-end' });
  const done = button(t('pickerDone'), true);
  done.dataset.testid = 'picker-done';
  const cancel = button(t('pickerCancel'), false);
  cancel.dataset.testid = 'picker-cancel';
  // Synthetic clicks (a page script) are not the person's choice.
  done.addEventListener('click', (e) => e.isTrusted && handlers.onDone());
  cancel.addEventListener('click', (e) => e.isTrusted && handlers.onCancel());
  actions.append(cancel, done);
  bar.append(title, help, pointing, summary, message, actions);
  return { bar, pointing, summary, message, done };
}

function barControls({ bar, pointing, summary, message, done }: BarParts): PickerBar {
  return {
    setPointing(text, announce = false) {
      if (announce) pointing.setAttribute('aria-live', 'polite');
      else pointing.removeAttribute('aria-live');
      pointing.textContent = text;
    },
    setSummary: (text) => void (summary.textContent = text),
    setMessage(text, kind = 'info') {
      message.textContent = text;
      css(message, { color: kind === 'error' ? '#b91c1c' : kind === 'ok' ? '#15803d' : '#374151' });
    },
    setDoneEnabled(enabled) {
      done.disabled = !enabled;
      css(done, { opacity: enabled ? '1' : '.5', cursor: enabled ? 'pointer' : 'not-allowed' });
    },
    focus: () => bar.focus({ preventScroll: true }),
  };
}

/** A box over `el` in the given look, with a label above it. */
function placeBox(boxes: HTMLElement, kind: keyof typeof LOOKS, el: Element, label: string | null): void {
  const r = el.getBoundingClientRect();
  const box = css(document.createElement('div'), { ...LOOKS[kind], left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  if (label) {
    const tag = css(document.createElement('span'), { ...LABEL, background: kind === 'body' ? '#15803d' : '#b91c1c' });
    tag.textContent = label;
    box.append(tag);
  }
  boxes.append(box);
}

export function createOverlay(handlers: { onDone(): void; onCancel(): void }): Overlay {
  const host = document.createElement('pna-content-picker');
  css(host, { position: 'fixed', inset: '0', 'pointer-events': 'none', 'z-index': '2147483647', display: 'block', margin: '0', padding: '0', border: '0', background: 'transparent' });
  const root = host.attachShadow({ mode: 'open' });
  const layer = css(document.createElement('div'), { position: 'fixed', inset: '0', 'pointer-events': 'none' });
  const boxes = document.createElement('div');
  layer.append(boxes);
  const parts = buildBar(handlers);
  const { bar } = parts;
  root.append(layer, bar);
  document.documentElement.append(host);

  return {
    host,
    bar: barControls(parts),
    draw(hover, body, excluded, avoid = false) {
      boxes.replaceChildren();
      if (body) placeBox(boxes, 'body', body, t('pickerBodyLabel'));
      for (const x of excluded) placeBox(boxes, 'excluded', x, t('pickerExcludedLabel'));
      if (hover && hover !== body && !excluded.includes(hover)) placeBox(boxes, 'hover', hover, null);
      if (!avoid) return;
      // Keep the bar away from what the keyboard points at.
      const r = hover?.getBoundingClientRect();
      const low = r && r.top + r.height / 2 > window.innerHeight * 0.6 && r.height < window.innerHeight * 0.6;
      css(bar, low ? { top: '12px', bottom: 'auto' } : { bottom: '12px', top: 'auto' });
    },
    pointerAt(x, y, overButton) {
      const r = bar.getBoundingClientRect();
      const over = x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      css(bar, { opacity: over && !overButton ? '0.3' : '1' });
    },
    owns: (event) => event.composedPath().includes(host),
    destroy: () => host.remove(),
  };
}
