// The stored images and original pages an import brings with its articles (ZIP and WACZ): read from the file a
// batch at a time, outside the batch's transaction, then written in it with the batch's articles, under the ids the
// articles ended up with (a "keep both" copy gets a new one). An article the import skips takes none of them; one
// the import added loses them with it when the import is undone.
import type { ArchiveWriter } from './store';
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

/** Inside the batch's transaction: each written article's images and original, under its archived id. */
export async function attachMedia(w: ArchiveWriter, plan: ReadonlyArray<{ article: { id: string }; fromId: string }>, loaded: LoadedMedia): Promise<void> {
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
