// Small DOM helpers shared by the archive page's modules. Text always goes in as text, never as HTML.
import type { Range } from '../core/search';
import { openArchiveDb } from '../core/archive/db';
import { toArchiveError } from '../core/archive/errors';
import { errorSentence, etaSuffix, formatCount, t } from '../shared/i18n';
import { createEtaEstimator } from '../core/progress-eta';

let upgradeListener: ((done: number, total: number) => void) | null = null;

/** The page's archive; the first opening after an update may upgrade it, reporting to setUpgradeListener's listener. */
export const db = openArchiveDb({ onUpgradeProgress: (done, total) => upgradeListener?.(done, total) });

export function setUpgradeListener(listener: ((done: number, total: number) => void) | null): void {
  upgradeListener = listener;
}

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; testid?: string } = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.testid) node.dataset.testid = props.testid;
  node.append(...children);
  return node;
}

/**
 * Shows a long run's progress on a bar and a line: the message with the count (done, total), and the time left once
 * the run's pace is known. One display a run: it measures that run's pace.
 */
/** Runs `take` with each file picked in a file input; the input is emptied so picking the same file again works. */
export function onFilePicked(inputId: string, take: (file: File) => void): void {
  const input = $<HTMLInputElement>(inputId);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) take(file);
  });
}

export function progressDisplay(bar: HTMLProgressElement, line: HTMLElement, message: string): (done: number, total: number) => void {
  const eta = createEtaEstimator();
  return (done, total) => {
    bar.max = Math.max(total, 1);
    bar.value = done;
    line.textContent = t(message, formatCount(done), formatCount(total)) + etaSuffix(eta(done, total, performance.now()));
  };
}

/** Text with the given ranges wrapped in <mark>. */
export function highlighted(text: string, ranges: Range[]): DocumentFragment {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    out.append(text.slice(at, start), el('mark', { text: text.slice(start, end) }));
    at = end;
  }
  out.append(text.slice(at));
  return out;
}

/** A status line under the header; an optional action button (e.g. undo) and details list. */
export function notify(text: string, options: { error?: boolean; action?: { label: string; run: () => void }; details?: string[] } = {}): void {
  const notice = $('notice');
  notice.hidden = !text;
  notice.className = options.error ? 'notice error' : 'notice';
  notice.dataset.passing = String(!options.error && !options.action && !options.details?.length);
  notice.replaceChildren(el('span', { text }));
  if (options.action) {
    const button = el('button', { text: options.action.label, className: 'secondary', testid: 'notice-action' });
    button.type = 'button';
    button.addEventListener('click', () => { options.action!.run(); notice.hidden = true; }, { once: true });
    notice.append(' ', button);
  }
  if (options.details?.length) {
    const list = el('ul', { className: 'details' }, ...options.details.slice(0, 200).map((d) => el('li', { text: d })));
    notice.append(el('details', {}, el('summary', { text: t('archiveDetails', formatCount(options.details.length)) }), list));
  }
}

/**
 * A notice that only said something was done ("Đã xuất 36 bài.") goes once the user moves on (a new search, another
 * article): it was announced when it appeared. Errors, reports and offers to undo stay.
 */
export function clearPassingNotice(): void {
  const notice = $('notice');
  if (notice.dataset.passing !== 'true' || notice.hidden) return;
  notice.hidden = true;
  notice.replaceChildren();
}

export function notifyError(error: unknown): void {
  const e = toArchiveError(error);
  notify(errorSentence({ code: e.code, message: e.message }), { error: true });
}
