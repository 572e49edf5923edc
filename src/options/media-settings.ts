// Cài đặt → "Ảnh và trang gốc": whether a save keeps the article's images and its original page, text only for
// bulk runs, and the size limits. Saved on every change.
import { t } from '../shared/i18n';
import { loadMediaSettings, saveMediaSettings } from '../shared/media-settings';

const MB = 1024 * 1024;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export async function initMediaSettings(): Promise<void> {
  const boxes = { images: $<HTMLInputElement>('media-images'), originals: $<HTMLInputElement>('media-originals'), textOnlyBulk: $<HTMLInputElement>('media-text-only-bulk') };
  const maxImage = $<HTMLInputElement>('media-max-image');
  const maxArticle = $<HTMLInputElement>('media-max-article');
  const show = (s: Awaited<ReturnType<typeof loadMediaSettings>>) => {
    boxes.images.checked = s.images;
    boxes.originals.checked = s.originals;
    boxes.textOnlyBulk.checked = s.textOnlyBulk;
    maxImage.value = String(Math.round((s.maxImageBytes / MB) * 10) / 10);
    maxArticle.value = String(Math.round((s.maxArticleBytes / MB) * 10) / 10);
  };
  show(await loadMediaSettings());
  const save = async () => {
    const current = await loadMediaSettings();
    const saved = await saveMediaSettings({
      ...current,
      images: boxes.images.checked, originals: boxes.originals.checked, textOnlyBulk: boxes.textOnlyBulk.checked,
      maxImageBytes: (Number(maxImage.value) || current.maxImageBytes / MB) * MB,
      maxArticleBytes: (Number(maxArticle.value) || current.maxArticleBytes / MB) * MB,
    });
    show(saved);
    $('media-status').textContent = t('optionsMediaSaved');
  };
  for (const input of [...Object.values(boxes), maxImage, maxArticle]) input.addEventListener('change', () => void save());
}
