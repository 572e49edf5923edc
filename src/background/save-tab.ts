import { saveArticle, findArchivedByUrl } from '../core/archive/save-article';
import { toArchiveError } from '../core/archive/errors';
import { lookupSite } from '../core/detect/registry';
import type { Article, Detection, ExtractedArticle } from '../core/types';
import type { ArchivedRef, ErrorInfo, PreviewReply, SaveReply } from '../shared/messages';
import { archiveDb } from './archive';
import { setBadge } from './badge';
import { extractFromTab, TabError } from './tab-extraction';

const ref = (a: Article): ArchivedRef => ({ id: a.id, title: a.title, capturedAt: a.capturedAt, ...(a.updatedAt ? { updatedAt: a.updatedAt } : {}) });

export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof TabError) return { code: error.code, message: error.message };
  const archiveError = toArchiveError(error);
  return { code: archiveError.code, message: archiveError.message };
}

export async function archivedRefFor(url: string, canonicalUrl?: string): Promise<ArchivedRef | null> {
  try {
    const found = await findArchivedByUrl(archiveDb(), url, canonicalUrl);
    return found ? ref(found) : null;
  } catch {
    return null;
  }
}

function siteFor(article: ExtractedArticle, detection: Detection | null) {
  if (detection?.site) return detection.site;
  try { return lookupSite(new URL(article.url).host); } catch { return null; }
}

export async function previewTab(tabId: number): Promise<PreviewReply> {
  try {
    const reply = await extractFromTab(tabId, false);
    if (!reply.ok) {
      return { ok: false, detection: reply.detection, error: reply.error, archived: null };
    }
    const archived = await archivedRefFor(reply.article.url, reply.article.canonicalUrl);
    return { ok: true, detection: reply.detection, article: reply.article, archived };
  } catch (error) {
    return { ok: false, detection: null, error: toErrorInfo(error), archived: null };
  }
}

/** Extracts the tab's article and stores it; used by the popup, the context menu and the keyboard shortcut. */
export async function saveTab(tabId: number, mode: 'if-new' | 'update', generic: boolean): Promise<SaveReply> {
  let detection: Detection | null = null;
  try {
    const reply = await extractFromTab(tabId, generic);
    detection = reply.detection;
    if (!reply.ok) return { ok: false, error: reply.error };
    const result = await saveArticle(archiveDb(), reply.article, siteFor(reply.article, reply.detection), { mode });
    await setBadge(tabId, 'saved');
    return { ok: true, status: result.status, archived: ref(result.article) };
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.code === 'quota' || info.code === 'storage') await setBadge(tabId, 'error', { detection, error: info.message });
    return { ok: false, error: info };
  }
}
