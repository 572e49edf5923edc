// One archived article: clean reader (sandboxed frame), its tags and note, delete with undo.
import { deleteMany, parseTagInput, restoreArticles, setNote, setTags } from '../core/archive/organize';
import { formatDate, t } from '../shared/i18n';
import { $, db, notify, notifyError } from './page-kit';
import { showInReaderFrame } from './reader-frame';

let currentId: string | null = null;

export async function renderReader(id: string): Promise<boolean> {
  const article = await db.articles.get(id);
  if (!article) return false;
  currentId = id;
  document.title = article.title;
  $('reader-category').textContent = article.category ?? '';
  $('reader-title').textContent = article.title;
  const meta = [article.site.name || article.site.host, article.site.province, formatDate(article.publishedAt),
    article.author ? `${t('archiveAuthor')}: ${article.author}` : null, `${t('archiveCapturedAt')}: ${formatDate(article.capturedAt)}`,
    article.updatedAt ? `${t('archiveUpdatedAt')}: ${formatDate(article.updatedAt)}` : null];
  $('reader-meta').textContent = meta.filter(Boolean).join(' · ');
  $('reader-lead').textContent = article.lead ?? '';
  $<HTMLInputElement>('reader-tags').value = article.tags.join(', ');
  $<HTMLTextAreaElement>('reader-note').value = article.note;
  const original = $<HTMLAnchorElement>('reader-original');
  original.href = /^https?:/.test(article.url) ? article.url : '#';
  window.scrollTo(0, 0);
  await showInReaderFrame($<HTMLIFrameElement>('reader-frame'), article.bodyHtml, article.url);
  return true;
}

export function initReaderView(onChange: () => Promise<void>): void {
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
      notify(t('archiveDeleted', String(deleted.articles.length)), {
        action: { label: t('archiveUndo'), run: () => void restoreArticles(db, deleted).then(onChange, notifyError) },
      });
      await onChange();
    } catch (error) {
      notifyError(error);
    }
  });
}
