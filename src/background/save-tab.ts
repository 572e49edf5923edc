import { saveArticle, findArchivedByUrl, type SaveResult } from '../core/archive/save-article';
import type { Provenance } from '../core/archive/build-article';
import { toArchiveError } from '../core/archive/errors';
import type { Article, Detection, ExtractedArticle } from '../core/types';
import type { ArchivedRef, CollectionRef, ErrorInfo, PreviewReply, SaveReply } from '../shared/messages';
import { addToCollection, listCollections } from '../core/archive/collections';
import { setNote, setTags } from '../core/archive/organize';
import { noteArticlesSaved } from '../core/archive/backup-reminder';
import type { ArchiveDb } from '../core/archive/db';
import { archiveDb, readyArchive } from './archive';
import { setBadge } from './badge';
import { extractFromTab, TabError } from './tab-extraction';
import { archivedRef as ref, collectionProblemOf, editsReplaceStored, failureShowsOnBadge, refusalOf, siteFor } from './save-reply';
import { errorSentence } from '../shared/i18n';
import { captureArticleExtras, type PageCapture } from '../core/media/capture';
import type { FetchLike } from '../core/media/fetch-image';
import type { ArticleMediaItem } from '../core/archive/media-rows';
import { loadMediaSettings } from '../shared/media-settings';
import { notKeptImages } from '../shared/media-notes';

/** Tags already in the archive, offered as suggestions in the popup; a multi-entry index makes this one key walk. */
async function knownTags(): Promise<string[]> {
  try {
    return ((await archiveDb().articles.orderBy('tags').uniqueKeys()) as string[]).slice(0, 500);
  } catch {
    return [];
  }
}

/** The archive's collections, for the popup's choice of where a save also goes. */
async function collectionRefs(): Promise<CollectionRef[]> {
  try {
    return (await listCollections(archiveDb())).map((c) => ({ id: c.id, name: c.name }));
  } catch {
    return [];
  }
}

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof TabError) return { code: error.code, message: error.message };
  const archiveError = toArchiveError(error);
  return { code: archiveError.code, message: archiveError.message };
}

export async function archivedRefFor(url: string, canonicalUrl?: string): Promise<ArchivedRef | null> {
  try {
    const found = await findArchivedByUrl(await readyArchive(), url, canonicalUrl);
    return found ? ref(found) : null;
  } catch {
    return null;
  }
}

export async function previewTab(tabId: number): Promise<PreviewReply> {
  try {
    const reply = await extractFromTab(tabId, false);
    const ruleStatus = reply.userRule ? { userRule: reply.userRule } : {};
    // A listing says it is one, whether or not the extractor found something in it.
    const refusal = refusalOf(reply.detection);
    if (refusal) return { ok: false, detection: reply.detection, error: refusal, archived: null, ...ruleStatus };
    if (!reply.ok) {
      return { ok: false, detection: reply.detection, error: reply.error, archived: null, ...ruleStatus };
    }
    const archived = await archivedRefFor(reply.article.url, reply.article.canonicalUrl);
    const [tags, collections] = await Promise.all([knownTags(), collectionRefs()]);
    return { ok: true, detection: reply.detection, article: reply.article, archived, knownTags: tags, collections, ...ruleStatus };
  } catch (error) {
    return { ok: false, detection: null, error: toErrorInfo(error), archived: null };
  }
}

interface SaveEdits { tags?: string[]; note?: string; collection?: string }

let bulkSaved = 0;
let bulkCountTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * The backup reminder's count of a bulk run's saves, written once a second rather than in a transaction of its own
 * after every page (it halved a run's pace). A worker stopped within that second leaves those few uncounted.
 */
function countBulkSave(db: ArchiveDb): void {
  bulkSaved++;
  bulkCountTimer ??= setTimeout(() => {
    const n = bulkSaved;
    bulkSaved = 0;
    bulkCountTimer = null;
    void noteArticlesSaved(db, n).catch(() => undefined);
  }, 1000);
}

/**
 * Stores an extracted article: the one save path of a click, the context menu, the shortcut and a bulk run (which
 * passes its provenance). Tags and note edited on an update replace the stored ones.
 */
export async function saveExtracted(
  extracted: ExtractedArticle, detection: Detection | null, mode: 'if-new' | 'update', edits: SaveEdits = {}, provenance?: Provenance, page?: PageCapture,
): Promise<{ status: SaveResult['status']; article: Article; imagesNotKept: ArticleMediaItem[] }> {
  // An interrupted import is undone before any save (which then applies to what the archive really holds).
  const db = await readyArchive();
  const result = await saveArticle(db, extracted, siteFor(extracted, detection), { mode, tags: edits.tags, note: edits.note, provenance });
  let article = result.article;
  if (editsReplaceStored(result.status)) {
    if (edits.tags !== undefined) await setTags(db, article.id, edits.tags);
    if (edits.note !== undefined) await setNote(db, article.id, edits.note);
    article = (await db.articles.get(article.id)) ?? article;
  }
  // A failing counter must not turn a successful save into an error.
  if (result.status === 'created' && provenance?.capturedVia === 'bulk') countBulkSave(db);
  else if (result.status === 'created') await noteArticlesSaved(db, 1).catch(() => undefined);
  const imagesNotKept = result.status === 'created' || result.status === 'updated' ? await keepExtras(db, article, page, provenance?.capturedVia === 'bulk') : [];
  return { status: result.status, article, imagesNotKept };
}

/** How the background asks for an image: no referrer (a page's address is not told to another server). */
export const imageFetcher: FetchLike = (url, init) => fetch(url, { ...init, referrerPolicy: 'no-referrer' });

/**
 * The article's images and its page, after its text is committed. The background's fetch reaches the images on the
 * hosts it may read: the tab's own (activeTab, granted by the click, the menu or the shortcut), a bulk run's, and
 * any other only when the person granted access to all sites or the image server allows any origin (CORS).
 */
async function keepExtras(db: ArchiveDb, article: Article, page: PageCapture | undefined, bulk: boolean): Promise<ArticleMediaItem[]> {
  try {
    const kept = await captureArticleExtras(db, article, page ?? null, await loadMediaSettings(), { fetcher: imageFetcher, bulk });
    return kept.items.filter((i) => !i.sha256);
  } catch (error) {
    // The text is saved: a failure here costs the images, and the reply says so.
    console.warn('[archiver] images not kept', error);
    return article.images.map((i) => ({ src: i.src, role: 'body', sha256: null, skipped: { reason: 'network', detail: toArchiveError(error).message } }));
  }
}

/**
 * Extracts the tab's article and stores it; used by the popup, the context menu and the keyboard shortcut.
 * Tags and note typed in the popup go with a new save; on an update they are what the popup showed and the person
 * edited (the archived ones, prefilled), so they replace the stored ones instead of being merged into them.
 */
export async function saveTab(tabId: number, mode: 'if-new' | 'update', generic: boolean, edits: SaveEdits = {}): Promise<SaveReply> {
  let detection: Detection | null = null;
  try {
    // An interrupted import is undone before the save (which then applies to what the archive really holds).
    await readyArchive();
    const reply = await extractFromTab(tabId, generic, true);
    detection = reply.detection;
    const refusal = refusalOf(reply.detection);
    if (refusal) {
      // The context menu and the shortcut have no popup to explain: the badge and its tooltip say why.
      await setBadge(tabId, 'refused', { detection, error: errorSentence(refusal) });
      return { ok: false, error: refusal };
    }
    if (!reply.ok) return { ok: false, error: reply.error };
    const { status, article, imagesNotKept } = await saveExtracted(reply.article, reply.detection, mode, edits, undefined, reply.page);
    await setBadge(tabId, 'saved');
    // The article is saved whatever happens here; the reply says whether it also went into the collection.
    const collected = edits.collection ? await putInCollection(edits.collection, article.id) : {};
    const notKept = notKeptImages(imagesNotKept);
    return { ok: true, status, archived: ref(article), ...collected, ...(notKept.length ? { imagesNotKept: notKept } : {}) };
  } catch (error) {
    const info = toErrorInfo(error);
    if (failureShowsOnBadge(info)) await setBadge(tabId, 'error', { detection, error: info.message });
    return { ok: false, error: info };
  }
}

/** Adds a saved article to the collection chosen in the popup: the collection it went into, or why it did not. */
async function putInCollection(id: string, articleId: string): Promise<Pick<SaveReply & { ok: true }, 'collection' | 'collectionProblem'>> {
  try {
    const { collection } = await addToCollection(archiveDb(), id, [articleId]);
    return { collection: { id: collection.id, name: collection.name } };
  } catch (error) {
    // Deleted in the archive page since the popup listed it, or the write failed (a full disk).
    return { collectionProblem: collectionProblemOf(error) };
  }
}
