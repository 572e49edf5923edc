// The stored images and original pages an import brings with its articles (ZIP and WACZ): read from the file a
// batch at a time, outside the batch's transaction, then written in it with the batch's articles, under the ids the
// articles ended up with (a "keep both" copy gets a new one). An article the import skips takes none of them; one
// the import added loses them with it when the import is undone.
import { writeArchive, type ArchiveWriter, type KeptMedia } from './store';
import type { ArchiveDb } from './db';
import type { ArticleMediaRow, MediaRow, OriginalRow } from './media-rows';
import type { ArticleMediaLine } from '../shapes/media-bundle';

/** What a batch's articles carry, by their ids in the file. */
export interface LoadedMedia {
  articles: Map<string, { articleMedia?: Omit<ArticleMediaRow, 'articleId'>; original?: Omit<OriginalRow, 'articleId'> }>;
  media: Map<string, MediaRow>;
}

export interface ImportMedia {
  /** Reads the images and originals of these articles (ids as in the file). */
  load(fileIds: string[]): Promise<LoadedMedia>;
}

/** What an overwrite replaced of articles' images and originals, so that undoing the import puts it back. */
export interface ReplacedMedia extends KeptMedia { ids: string[] }

/** Inside the transaction, before an overwrite: the images and original the articles `ids` have now. */
async function mediaOf(w: ArchiveWriter, ids: string[]): Promise<ReplacedMedia> {
  const articleMedia = (await w.read.articleMedia.bulkGet(ids)).filter((r): r is ArticleMediaRow => !!r);
  const originals = (await w.read.originals.bulkGet(ids)).filter((r): r is OriginalRow => !!r);
  const media = (await w.read.media.bulkGet([...new Set(articleMedia.flatMap((r) => r.hashes))])).filter((r): r is MediaRow => !!r);
  return { ids, articleMedia, originals, media };
}

/**
 * Inside an undo's transaction: the articles `replaced.ids` (those of them in `only`, when given) lose the file's
 * images and original and get back the ones they had.
 */
export async function putBackReplacedMedia(w: ArchiveWriter, replaced: ReplacedMedia, only?: ReadonlySet<string>): Promise<void> {
  const keep = (id: string) => !only || only.has(id);
  const ids = replaced.ids.filter(keep);
  if (!ids.length) return;
  const articleMedia = replaced.articleMedia.filter((r) => keep(r.articleId));
  const needed = new Set(articleMedia.flatMap((r) => r.hashes));
  await w.dropMedia(ids, { images: true, originals: true });
  await w.putMedia(replaced.media.filter((m) => needed.has(m.sha256)));
  await w.putArticleMedia(articleMedia);
  await w.putOriginals(replaced.originals.filter((r) => keep(r.articleId)));
}

/** Undoes overwrites' media of an import without a journal (after its articles were put back). */
export async function restoreReplacedMedia(db: ArchiveDb, replaced: ReplacedMedia[]): Promise<void> {
  if (!replaced.some((r) => r.ids.length)) return;
  await writeArchive(db, async (w) => {
    // Last batch first: an article overwritten twice gets what it had before the first.
    for (const r of [...replaced].reverse()) await putBackReplacedMedia(w, r);
  }, { origin: 'import' });
}

/**
 * Inside the batch's transaction: each written article's images and original, under its archived id. Returns what
 * the overwritten articles had before (for an undo).
 */
export async function attachMedia(w: ArchiveWriter, plan: ReadonlyArray<{ kind: 'add' | 'replace'; article: { id: string }; fromId: string }>, loaded: LoadedMedia): Promise<ReplacedMedia> {
  const before = await mediaOf(w, plan.filter((p) => p.kind === 'replace' && loaded.articles.has(p.fromId)).map((p) => p.article.id));
  const articleMedia: ArticleMediaRow[] = [];
  const originals: OriginalRow[] = [];
  const needed = new Map<string, MediaRow>();
  for (const p of plan) {
    const carried = loaded.articles.get(p.fromId);
    if (!carried) continue;
    if (carried.articleMedia) {
      articleMedia.push({ ...carried.articleMedia, articleId: p.article.id });
      for (const h of carried.articleMedia.hashes) {
        const row = loaded.media.get(h);
        if (row) needed.set(h, row);
      }
    }
    if (carried.original) originals.push({ ...carried.original, articleId: p.article.id });
  }
  if (needed.size) await w.putMedia([...needed.values()]);
  if (articleMedia.length) await w.putArticleMedia(articleMedia);
  if (originals.length) await w.putOriginals(originals);
  return before;
}

/** Loads a batch from media lines (by file id): `readMedia` and `readOriginal` fetch the bytes from the file. */
export async function loadFromLines(
  fileIds: string[],
  lines: Map<string, ArticleMediaLine>,
  readMedia: (sha256: string, type: string) => Promise<Blob | null>,
  readOriginal: (line: ArticleMediaLine) => Promise<Blob | null>,
): Promise<LoadedMedia> {
  const loaded: LoadedMedia = { articles: new Map(), media: new Map() };
  for (const id of fileIds) {
    const line = lines.get(id);
    if (!line) continue;
    for (const m of line.media) {
      if (loaded.media.has(m.sha256) || !line.hashes.includes(m.sha256)) continue;
      const blob = await readMedia(m.sha256, m.type);
      if (blob) loaded.media.set(m.sha256, { sha256: m.sha256, type: m.type, size: blob.size, blob, url: m.url, storedAt: m.storedAt });
    }
    // Only images the file holds are listed as stored; the others keep their address, as not kept.
    const hashes = line.hashes.filter((h) => loaded.media.has(h));
    const items = line.items.map((item) => (item.sha256 && !loaded.media.has(item.sha256) ? { src: item.src, role: item.role, sha256: null } : item));
    const html = line.original ? await readOriginal(line) : null;
    const { original } = line;
    loaded.articles.set(id, {
      ...(line.items.length || hashes.length ? { articleMedia: { hashes, items } } : {}),
      ...(original && html ? { original: { ...original, html } } : {}),
    });
  }
  return loaded;
}
