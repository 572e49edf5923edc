// What a save keeps besides the text (Cài đặt → "Ảnh và trang gốc"), in storage.local; cleaned on every read.
import browser from 'webextension-polyfill';
import { cleanMediaSettings, type MediaSettings } from '../core/media/settings';

const MEDIA_SETTINGS_KEY = 'mediaCapture';

export async function loadMediaSettings(): Promise<MediaSettings> {
  try {
    return cleanMediaSettings((await browser.storage.local.get(MEDIA_SETTINGS_KEY))[MEDIA_SETTINGS_KEY]);
  } catch {
    return cleanMediaSettings(undefined);
  }
}

export async function saveMediaSettings(settings: MediaSettings): Promise<MediaSettings> {
  const clean = cleanMediaSettings(settings);
  await browser.storage.local.set({ [MEDIA_SETTINGS_KEY]: clean });
  return clean;
}
