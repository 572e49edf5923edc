// After a save that could not reach images on another server (a CDN): the popup names the servers and offers access
// to all sites, asked inside the click; nothing is offered when the access is already there.
import { hostsNeedingAccess } from '../core/media/other-host-access';
import { hasAllSitesAccess, requestAllSitesAccess } from '../shared/all-sites-access';
import { t } from '../shared/i18n';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export async function offerAllSitesAccess(articleUrl: string, notKept: ReadonlyArray<{ src: string; reason: string }>): Promise<void> {
  const hosts = hostsNeedingAccess(articleUrl, notKept);
  const box = $('all-sites');
  box.hidden = !hosts.length || (await hasAllSitesAccess());
  if (box.hidden) return;
  $('all-sites-why').textContent = t('popupAllSitesWhy', hosts.join(', '));
  $('all-sites-grant').hidden = false;
}

export function initAllSitesOffer(): void {
  const button = $<HTMLButtonElement>('all-sites-grant');
  button.addEventListener('click', () => {
    void requestAllSitesAccess().then((granted) => {
      $('all-sites-why').textContent = t(granted ? 'popupAllSitesGranted' : 'allSitesDenied');
      button.hidden = granted;
    });
  });
}
