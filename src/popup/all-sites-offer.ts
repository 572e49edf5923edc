// After a save that could not reach images on another server (a CDN): the popup names the servers and offers access
// to all sites, asked inside the click; nothing is offered when the access is already there. Once granted, the
// images the save just missed are fetched again for that article, and the popup says how many are kept now.
import browser from 'webextension-polyfill';
import { hostsNeedingAccess } from '../core/media/other-host-access';
import { hasAllSitesAccess, requestAllSitesAccess } from '../shared/all-sites-access';
import { errorSentence, formatCount, t } from '../shared/i18n';
import type { ImageNotKept, RefetchImagesReply } from '../shared/messages';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The article the offer is about, and what to tell once its images were fetched again (the popup's status line). */
let justSaved: { articleId: string; onRefetched: (stillNotKept: ImageNotKept[]) => void } | null = null;

export async function offerAllSitesAccess(
  articleUrl: string, articleId: string, notKept: ReadonlyArray<{ src: string; reason: string }>, onRefetched: (stillNotKept: ImageNotKept[]) => void,
): Promise<void> {
  const hosts = hostsNeedingAccess(articleUrl, notKept);
  const box = $('all-sites');
  box.hidden = !hosts.length || (await hasAllSitesAccess());
  if (box.hidden) return;
  justSaved = { articleId, onRefetched };
  $('all-sites-why').textContent = t('popupAllSitesWhy', hosts.join(', '));
  $('all-sites-grant').hidden = false;
}

async function grant(button: HTMLButtonElement): Promise<void> {
  const granted = await requestAllSitesAccess();
  const why = $('all-sites-why');
  button.hidden = granted;
  if (!granted) return void (why.textContent = t('allSitesDenied'));
  const article = justSaved;
  justSaved = null;
  if (!article) return void (why.textContent = t('popupAllSitesGranted'));
  why.textContent = t('popupAllSitesFetching');
  const reply = await browser.runtime.sendMessage<unknown, RefetchImagesReply>({ type: 'refetch-images', articleId: article.articleId }).catch(() => null);
  if (!reply?.ok) {
    // The access is there: the button (which then asks nothing) tries the article's images again.
    justSaved = article;
    button.hidden = false;
    why.textContent = reply ? `${t('popupAllSitesRefetchFailed')} ${errorSentence(reply.error)}` : t('popupAllSitesRefetchFailed');
    return;
  }
  why.textContent = reply.kept ? t('popupAllSitesRefetched', formatCount(reply.kept)) : t('popupAllSitesNoneRefetched');
  article.onRefetched(reply.imagesNotKept);
}

export function initAllSitesOffer(): void {
  const button = $<HTMLButtonElement>('all-sites-grant');
  button.addEventListener('click', () => void grant(button));
}
