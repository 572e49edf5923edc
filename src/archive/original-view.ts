// "Xem trang gốc đã lưu": the page as captured, decompressed and shown in a frame that runs no script (sandbox
// without allow-scripts, the extension's CSP inherited by srcdoc, and a CSP of its own), its images from the stored
// copies where the archive has them.
import { gunzipText } from '../core/media/bytes';
import { ORIGINAL_PAGE_CSP, defuseBase, prepareOriginalPage } from '../core/media/original-page';
import { formatDate, t } from '../shared/i18n';
import { parseInert } from '../shared/untrusted-html';
import { $, db } from './page-kit';

let shownFor: string | null = null;

/**
 * A new frame in place of the old one, its document given before it is in the page: navigating a frame that is in
 * the page adds a history entry (in Firefox), and Back would then step through frames instead of leaving the reader.
 */
function replaceFrame(setUp: (frame: HTMLIFrameElement) => void = () => {}): void {
  const old = $<HTMLIFrameElement>('reader-original-frame');
  const frame = old.cloneNode(false) as HTMLIFrameElement;
  frame.removeAttribute('srcdoc');
  setUp(frame);
  old.replaceWith(frame);
}

function hide(): void {
  $('reader-original-view').hidden = true;
  if ($<HTMLIFrameElement>('reader-original-frame').hasAttribute('srcdoc')) replaceFrame();
  $('reader-saved-original').textContent = t('readerOriginalShow');
  $('reader-saved-original').setAttribute('aria-expanded', 'false');
}

/** Offers the button when the article has a saved original (one key read, no bytes). */
export async function offerOriginal(articleId: string, stored: () => ReadonlyMap<string, string>, title: string): Promise<void> {
  hide();
  shownFor = articleId;
  const button = $<HTMLButtonElement>('reader-saved-original');
  button.hidden = (await db.originals.where('articleId').equals(articleId).count()) === 0;
  button.onclick = () => {
    if (!$('reader-original-view').hidden) return hide();
    void show(articleId, stored(), title);
  };
}

async function show(articleId: string, stored: ReadonlyMap<string, string>, title: string): Promise<void> {
  const row = await db.originals.get(articleId);
  if (!row || shownFor !== articleId) return;
  const caption = $('reader-original-caption');
  $('reader-original-view').hidden = false;
  $('reader-saved-original').textContent = t('readerOriginalHide');
  $('reader-saved-original').setAttribute('aria-expanded', 'true');
  try {
    const html = prepareOriginalPage(parseInert(defuseBase(await gunzipText(row.html))), row.url, stored);
    if (shownFor !== articleId) return;
    replaceFrame((frame) => {
      frame.setAttribute('sandbox', 'allow-same-origin');
      frame.setAttribute('csp', ORIGINAL_PAGE_CSP);
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.title = t('readerOriginalFrame', title);
      frame.srcdoc = html;
    });
    caption.textContent = t('readerOriginalCaptured', formatDate(row.capturedAt), row.url);
  } catch {
    caption.textContent = t('readerOriginalUnreadable');
    replaceFrame();
  }
}
