// Cài đặt → "Ảnh và trang gốc": whether the extension may read all sites (so images on a CDN are kept), with the
// reason on screen before the browser asks, and a way to take the access back.
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { hasAllSitesAccess, requestAllSitesAccess, revokeAllSitesAccess } from '../shared/all-sites-access';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function show(note = ''): Promise<void> {
  const granted = await hasAllSitesAccess();
  $('media-all-sites-state').textContent = note || t(granted ? 'optionsAllSitesGranted' : 'optionsAllSitesNotGranted');
  $('media-all-sites-grant').hidden = granted;
  $('media-all-sites-revoke').hidden = !granted;
}

export function initAllSitesAccess(): void {
  $('media-all-sites-grant').addEventListener('click', () => {
    // Asked inside the click: browsers only prompt during a user gesture.
    void requestAllSitesAccess().then((granted) => show(granted ? '' : t('allSitesDenied')));
  });
  $('media-all-sites-revoke').addEventListener('click', () => {
    void revokeAllSitesAccess().then(() => show());
  });
  // Granted or revoked elsewhere (the popup, the browser's own settings): the line follows.
  browser.permissions.onAdded.addListener(() => void show());
  browser.permissions.onRemoved.addListener(() => void show());
  void show();
}
