// Where keyboard focus goes as the reader opens and closes: to the article's title (read out by screen readers),
// then back to the result that was opened, so a keyboard user keeps their place in the list.
import { $ } from './page-kit';

/** The article the reader shows, while it is open. */
let openedId: string | null = null;

export function focusReaderTitle(id: string): void {
  openedId = id;
  $('reader-title').focus();
}

/** After the reader closed: the opened article's result (or the search box if it is gone), scrolled into view. */
export function focusOpenedResult(): void {
  if (openedId === null) return;
  const href = `#/article/${encodeURIComponent(openedId)}`;
  openedId = null;
  const link = Array.from(document.querySelectorAll<HTMLAnchorElement>('#results a.title')).find((a) => a.getAttribute('href') === href);
  const target = link ?? $('q');
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}

/** Escape leaves the reader, as the back link does (but not while a dialog is open: Escape closes that). */
export function closeReaderOnEscape(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || $('reader-view').hidden || document.querySelector('dialog[open]')) return;
    event.preventDefault();
    location.hash = '';
  });
}

/** The skip link goes to the search box, leaving the reader first if it is open. */
export function initSkipLink(): void {
  $('skip-to-search').addEventListener('click', (event) => {
    event.preventDefault();
    if ($('reader-view').hidden) {
      $('q').focus();
      return;
    }
    // The page's own hashchange listener shows the list first (synchronously, before this one runs).
    window.addEventListener('hashchange', () => $('q').focus(), { once: true });
    location.hash = '';
  });
}
