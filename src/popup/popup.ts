import browser from 'webextension-polyfill';
import type { Detection } from '../core/types';
import { parseRepairProgress, parseUpgradeProgress, type PreviewReply, type SaveReply } from '../shared/messages';
import { applyI18n, errorSentence, etaSuffix, formatCount, formatDate, t } from '../shared/i18n';
import { imagesNotKeptSentence } from '../shared/media-notes';
import { initAllSitesOffer, offerAllSitesAccess } from './all-sites-offer';
import { detectedProvinceText } from '../shared/province-text';
import { createEtaEstimator } from '../core/progress-eta';
import { initPickButton, showUserRuleNote } from './pick-content';
import { initBulkPanel } from './bulk-panel';
import { watchBulkRun } from '../shared/bulk-run-view';
import { initTabsSave } from './tabs-save';
import { chosenCollectionName, fillCollections, fillOrganize, forgetCollection, organizeEdits } from './organize-fields';
import { setupExplainToggle } from './explain-view';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const saveButton = $<HTMLButtonElement>('save');
const updateButton = $<HTMLButtonElement>('update');

function setStatus(text: string, kind: '' | 'ok' | 'warn' | 'error' = ''): void {
  status.textContent = text;
  status.className = kind;
}

/** The tab to work on: the active tab, or ?tab=N when the popup is opened as a page (tests, keyboard users). */
async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function excerpt(text: string): string {
  const firstLines = text.split(/\n\s*\n/).slice(0, 2).join(' ');
  return firstLines.length > 320 ? `${firstLines.slice(0, 320).trimEnd()}…` : firstLines;
}

/** The previewed article's address: a save's images on other servers are told apart from its own. */
let articleUrl = '';

function showPreview(reply: PreviewReply): void {
  if (!reply.ok) return;
  const { article, detection } = reply;
  articleUrl = article.url;
  $('preview').hidden = false;
  const kind = $('preview-kind');
  kind.textContent = stateLine(detection, article.publishedAt);
  kind.classList.toggle('not-article', !detection.isProvincialNewsArticle);
  $('preview-title').textContent = article.title;
  $('preview-source').textContent = `${t('popupSource')}: ${detection.site?.name ?? new URL(article.url).host}`;
  $('preview-date').textContent = article.publishedAt ? `${t('popupDate')}: ${formatDate(article.publishedAt)}` : t('popupNoDate');
  $('preview-excerpt').textContent = excerpt(article.bodyText);
}

/** Recognised article (sure or likely), a known site's other page, or a site outside the registry. */
function stateLine(detection: Detection, publishedAt?: string | null): string {
  if (detection.isProvincialNewsArticle) {
    const label = detection.site ? t('popupRecognised') : t('popupLikelyProvincial');
    const province = detectedProvinceText(detection, publishedAt);
    return `${label}${province ? ` · ${province}` : ''}`;
  }
  return detection.site ? t('popupKnownSite', detection.site.name) : t('popupUnknownSite');
}

let generic = false;

/** Requests to the background still waiting for the archive (a preview or a save). */
let waiting = 0;

async function askBackground<T>(message: object): Promise<T> {
  waiting++;
  try {
    return (await browser.runtime.sendMessage(message));
  } finally {
    waiting--;
  }
}

const upgradeEta = createEtaEstimator();

/** While the background upgrades the archive after an update, a preview or save waits for it: say why, and how far. */
function showUpgradeProgress(message: unknown): undefined {
  const progress = parseUpgradeProgress(message);
  if (progress && waiting > 0 && progress.done < progress.total) {
    const left = etaSuffix(upgradeEta(progress.done, progress.total, performance.now()));
    setStatus(`${t('popupUpgrading')} ${t('archiveUpgradeProgress', formatCount(progress.done), formatCount(progress.total))}${left}.`);
  }
  return undefined;
}

const repairEta = createEtaEstimator();

/**
 * While the archive is repaired after an interrupted import (the background or an archive page undoes it), a preview
 * or save waits for it: say so, and how far, so that nothing looks archived (or saved) before the archive is whole.
 */
function showRepairProgress(message: unknown): undefined {
  const progress = parseRepairProgress(message);
  if (progress && waiting > 0 && progress.done < progress.total) {
    const left = etaSuffix(repairEta(progress.done, progress.total, performance.now()));
    setStatus(`${t('popupRepairing')} ${t('archiveRepairProgress', formatCount(progress.done), formatCount(progress.total))}${left}.`, 'warn');
    document.querySelector('main')!.dataset.repairing = 'true';
  }
  return undefined;
}

/** Whether the tab's article is in the archive now (false when that cannot be known). */
async function archivedNow(tabId: number): Promise<boolean> {
  try {
    const after = await browser.runtime.sendMessage<unknown, PreviewReply>({ type: 'preview', tabId });
    return Boolean(after?.ok && after.archived);
  } catch {
    return false;
  }
}

async function save(tabId: number, mode: 'if-new' | 'update'): Promise<void> {
  saveButton.disabled = updateButton.disabled = true;
  setStatus(t('popupSaving'));
  let reply: SaveReply | undefined;
  const edits = organizeEdits();
  const collectionName = chosenCollectionName();
  try {
    reply = await askBackground<SaveReply>({ type: 'save', tabId, mode, generic, ...edits });
  } catch {
    // The background was stopped mid-save (browser closing, extension updating). Its transaction either committed
    // before the stop or never did: ask the restarted background which, so that the message is the truth.
    if (mode === 'if-new' && (await archivedNow(tabId))) {
      saveButton.disabled = updateButton.disabled = false;
      setStatus(t('popupSaved'), 'ok');
      saveButton.hidden = true;
      return;
    }
    reply = { ok: false, error: { code: 'interrupted', message: '' } };
  }
  saveButton.disabled = updateButton.disabled = false;
  if (!reply?.ok) {
    setStatus(reply ? errorSentence(reply.error) : t('errorUnknown', '—'), 'error');
    return;
  }
  // Show what the archive now holds: the typed tags cleaned, or (for a duplicate) the archived ones to edit.
  fillOrganize(reply.archived);
  let collected = reply.collection ? ` ${t('popupAddedToCollection', reply.collection.name)}` : '';
  // Saved, but not into the chosen collection: said, so that the researcher does not count on finding it there.
  const done = reply.collectionProblem ? 'warn' : 'ok';
  if (reply.collectionProblem === 'missing') {
    collected = ` ${t('popupCollectionGone', collectionName)}`;
    forgetCollection(edits.collection!);
  } else if (reply.collectionProblem) {
    collected = ` ${t('popupCollectionFailed', collectionName)}`;
  }
  // Saved, but some images not kept: said with the reasons (the reader shows the same note on the article).
  const images = reply.imagesNotKept?.length ? ` ${imagesNotKeptSentence(reply.imagesNotKept)}` : '';
  // Some were on another server the extension may not read: the access that would keep them is offered, and once
  // granted the line says what is still missing.
  if (reply.imagesNotKept?.length) {
    const lead = t(reply.status === 'updated' ? 'popupUpdated' : 'popupSaved') + collected;
    void offerAllSitesAccess(articleUrl, reply.archived.id, reply.imagesNotKept, (left) => {
      setStatus(left.length ? `${lead} ${imagesNotKeptSentence(left)}` : lead, left.length ? 'warn' : done);
    });
  }
  if (reply.status === 'created') {
    setStatus(t('popupSaved') + collected + images, images ? 'warn' : done);
    $('save-hint').hidden = true;
    saveButton.hidden = true;
    // Tags and note can still be changed right after saving: "update" keeps the edited ones.
    updateButton.hidden = false;
  } else if (reply.status === 'duplicate') {
    setStatus(`${t('popupAlreadySaved', formatDate(reply.archived.capturedAt))}${collected} ${t('popupOrganizeHint')}`, reply.collectionProblem ? 'warn' : '');
    saveButton.hidden = true;
    updateButton.hidden = false;
  } else if (reply.status === 'updated') {
    setStatus(t('popupUpdated') + collected + images, images ? 'warn' : done);
  } else {
    setStatus(t('popupUnchanged') + collected, done);
  }
}

async function main(): Promise<void> {
  applyI18n(document);
  $('open-archive').addEventListener('click', () => {
    void browser.tabs.create({ url: browser.runtime.getURL('archive/archive.html') });
    if (!new URLSearchParams(location.search).has('tab')) window.close();
  });
  $('open-options').addEventListener('click', () => void browser.runtime.openOptionsPage());
  const tabId = await targetTabId();
  if (tabId === null) return setStatus(t('errorNoTab'), 'error');
  initTabsSave(tabId);
  initAllSitesOffer();
  saveButton.addEventListener('click', () => void save(tabId, 'if-new'));
  updateButton.addEventListener('click', () => void save(tabId, 'update'));

  browser.runtime.onMessage.addListener(showUpgradeProgress);
  // A bulk run going on shows its progress whatever page the popup opened on.
  void watchBulkRun(true);
  browser.runtime.onMessage.addListener(showRepairProgress);
  const reply = await askBackground<PreviewReply>({ type: 'preview', tabId });
  initPickButton(tabId, reply, setStatus);
  showUserRuleNote(reply?.userRule);
  // Extraction details: offered once the page answered (the preview injected the content script if needed).
  if (reply?.ok || reply?.detection) setupExplainToggle($<HTMLButtonElement>('explain-toggle'), $('explain'), tabId, () => generic);
  document.querySelector('main')!.dataset.state = reply?.ok ? 'ready' : 'error';
  if (!reply) return setStatus(t('errorUnknown', '—'), 'error');
  if (!reply.ok) {
    // Say what the page is (e.g. a listing of a known portal) before why nothing could be taken from it.
    // A listing or home page is not a failure but a refusal: said as a warning, with no way to save it anyway.
    const refused = reply.error.code === 'listing-page' || reply.error.code === 'home-page';
    setStatus(reply.detection ? `${stateLine(reply.detection)} ${errorSentence(reply.error)}` : errorSentence(reply.error), refused ? 'warn' : 'error');
    // A listing's articles can be saved together (bulk capture): the line then points to the list below instead.
    if (refused && (await initBulkPanel(tabId, setStatus))) {
      const pointer = t(reply.error.code === 'home-page' ? 'errorHomePageBulk' : 'errorListingPageBulk');
      setStatus(reply.detection ? `${stateLine(reply.detection)} ${pointer}` : pointer, 'warn');
    }
    // A page the rules could not read can still be tried with the generic extractor.
    if (reply.error.code === 'unknown') {
      generic = true;
      saveButton.textContent = t('popupSaveAnyway');
      saveButton.hidden = false;
    }
    return;
  }
  showPreview(reply);
  fillOrganize(reply.archived, reply.knownTags);
  fillCollections(reply.collections);
  if (reply.archived) {
    setStatus(`${t('popupAlreadySaved', formatDate(reply.archived.capturedAt))} ${t('popupOrganizeHint')}`);
    updateButton.hidden = false;
    return;
  }
  setStatus('');
  if (!reply.detection.isProvincialNewsArticle) {
    // Below the preview's "not an article" line, which is what the hint answers.
    $('save-hint').textContent = t('popupSaveAnywayHint');
    $('save-hint').hidden = false;
    // Outside the recognised articles the site rules do not apply: save what the generic extractor finds.
    generic = true;
    saveButton.textContent = t('popupSaveAnyway');
  }
  saveButton.hidden = false;
}

main().catch((error) => setStatus(t('errorUnknown', error instanceof Error ? error.message : String(error)), 'error'));
