// The popup's "allow images from all sites", once granted: the images the save just missed for lack of that access
// are fetched again for the article, through the save's own fetch and settings, and the popup says how many came.
import { fetchMissedImages } from '../core/media/refetch';
import { loadMediaSettings } from '../shared/media-settings';
import { notKeptImages } from '../shared/media-notes';
import type { RefetchImagesReply } from '../shared/messages';
import { readyArchive } from './archive';
import { imageFetcher, toErrorInfo } from './save-tab';

export async function refetchImages(articleId: string): Promise<RefetchImagesReply> {
  try {
    const result = await fetchMissedImages(await readyArchive(), articleId, await loadMediaSettings(), { fetcher: imageFetcher });
    return { ok: true, kept: result.kept, imagesNotKept: notKeptImages(result.notKept) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
