// One archived article: clean reader (sandboxed frame), its tags and note, delete with undo.
import { deleteMany, parseTagInput, restoreArticles, setNote, setTags, versionsOf } from '../core/archive/organize';
import type { Article } from '../core/types';
import { formatCount, formatDate, t } from '../shared/i18n';
import { articleProvinceText } from '../shared/province-text';
import { $, db, el, notify, notifyError } from './page-kit';
import { showInReaderFrame } from './reader-frame';
import { initReaderCollections, showReaderCollections } from './reader-collections';
import { storedImagesOf, type ShownImages } from './stored-media';
import { offerOriginal } from './original-view';
import { imagesNotKeptSentence, notKeptImages } from '../shared/media-notes';

let currentId: string | null = null;
/** The shown article's stored images (blob URLs), released when another article is shown. */
let images: ShownImages = { urls: new Map(), notKept: [], revoke: () => {} };

export async function renderReader(id: string): Promise<boolean> {
  const article = await db.articles.get(id);
  if (!article) return false;
  currentId = id;
  document.title = article.title;
  $('reader-category').textContent = article.category ?? '';
  $('reader-title').textContent = article.title;
  const meta = [article.site.name || article.site.host, articleProvinceText(article.site, article.publishedAt), formatDate(article.publishedAt),
    article.author ? `${t('archiveAuthor')}: ${article.author}` : null, `${t('archiveCapturedAt')}: ${formatDate(article.capturedAt)}`,
    article.updatedAt ? `${t('archiveUpdatedAt')}: ${formatDate(article.updatedAt)}` : null,
    article.checkedAt ? `${t('archiveCheckedAt')}: ${formatDate(article.checkedAt)}` : null];
  $('reader-meta').textContent = meta.filter(Boolean).join(' · ');
  $('reader-gone').hidden = !article.goneAt;
  $('reader-gone').textContent = article.goneAt ? t('archiveGoneMark', formatDate(article.goneAt)) : '';
  $('reader-lead').textContent = article.lead ?? '';
  $<HTMLInputElement>('reader-tags').value = article.tags.join(', ');
  $<HTMLTextAreaElement>('reader-note').value = article.note;
  const original = $<HTMLAnchorElement>('reader-original');
  original.href = /^https?:/.test(article.url) ? article.url : '#';
  window.scrollTo(0, 0);
  await Promise.all([showVersions(article), showReaderCollections(article.id), showStoredMedia(article)]);
  await showArticleBody(article);
  return true;
}

/** The article's body in the frame, which screen readers announce as "Nội dung bài: ‹title›". */
function showArticleBody(article: Article): Promise<void> {
  const frame = $<HTMLIFrameElement>('reader-frame');
  frame.title = t('archiveReaderFrame', article.title);
  return showInReaderFrame(frame, article.bodyHtml, article.url, images.urls);
}

/** The article's stored images for the frame, the note naming those not kept, and the saved original's button. */
async function showStoredMedia(article: Article): Promise<void> {
  images.revoke();
  images = await storedImagesOf(article.id);
  const note = $('reader-media-note');
  const notKept = notKeptImages(images.notKept);
  note.textContent = imagesNotKeptSentence(notKept);
  note.title = images.notKept.map((i) => i.src).join('\n');
  note.hidden = notKept.length === 0;
  await offerOriginal(article.id, () => images.urls, article.title);
}

/** Earlier versions, when a later save or import replaced the content: each can be shown in the frame. */
async function showVersions(current: Article): Promise<void> {
  const versions = await versionsOf(db, current.id);
  $('reader-versions').hidden = versions.length === 0;
  const buttons: HTMLButtonElement[] = [];
  const choose = (button: HTMLButtonElement, article: Article) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b === button));
    $('reader-title').textContent = article.title;
    $('reader-lead').textContent = article.lead ?? '';
    void showArticleBody(article);
  };
  const entries: Array<[string, Article]> = [[t('archiveVersionCurrent'), current], ...versions.map((v): [string, Article] => [t('archiveVersionUntil', formatDate(v.replacedAt)), v.article])];
  for (const [label, article] of entries) {
    const button = el('button', { text: label, className: 'secondary' });
    button.type = 'button';
    button.setAttribute('aria-pressed', String(article === current));
    button.addEventListener('click', () => choose(button, article));
    buttons.push(button);
  }
  $('reader-version-list').replaceChildren(...buttons);
}

export function initReaderView(onChange: () => Promise<void>): void {
  initReaderCollections(onChange);
  $('reader-tags').addEventListener('change', async () => {
    if (!currentId) return;
    try {
      await setTags(db, currentId, parseTagInput($<HTMLInputElement>('reader-tags').value));
      const stored = await db.articles.get(currentId);
      $<HTMLInputElement>('reader-tags').value = stored?.tags.join(', ') ?? '';
      notify(t('archiveTagsSaved'));
      await onChange();
    } catch (error) {
      notifyError(error);
    }
  });
  let noteTimer: ReturnType<typeof setTimeout> | undefined;
  const saveNote = async () => {
    clearTimeout(noteTimer);
    if (!currentId) return;
    try {
      await setNote(db, currentId, $<HTMLTextAreaElement>('reader-note').value);
      $('reader-note-status').textContent = t('archiveNoteSaved');
    } catch (error) {
      notifyError(error);
    }
  };
  $('reader-note').addEventListener('input', () => {
    clearTimeout(noteTimer);
    noteTimer = setTimeout(() => void saveNote(), 600);
  });
  $('reader-note').addEventListener('blur', () => void saveNote());
  $('reader-delete').addEventListener('click', async () => {
    if (!currentId) return;
    try {
      const deleted = await deleteMany(db, [currentId]);
      location.hash = '';
      notify(t('archiveDeleted', formatCount(deleted.articles.length)), {
        action: { label: t('archiveUndo'), run: () => void restoreArticles(db, deleted).then(onChange, notifyError) },
      });
      await onChange();
    } catch (error) {
      notifyError(error);
    }
  });
}
