// The first opening after an update may upgrade the archive's schema, which re-indexes every article (minutes on a
// big archive): the page says so, with the indexing's progress, instead of sitting empty, and says when it is done.
import browser from 'webextension-polyfill';
import { pendingUpgrade } from '../core/archive/schema-upgrade';
import { parseUpgradeProgress } from '../shared/messages';
import { formatCount, t } from '../shared/i18n';
import { $, db, el, notify, progressDisplay, setUpgradeListener } from './page-kit';

export async function openArchiveWithUpgradeNotice(): Promise<void> {
  const upgrade = await pendingUpgrade(indexedDB, db.name, db.verno).catch(() => null);
  if (!upgrade) {
    await db.open();
    return;
  }
  notify(t('archiveUpgrading'));
  const bar = el('progress', { testid: 'upgrade-progress' });
  const text = el('span');
  $('notice').append(' ', bar, ' ', text);
  const show = progressDisplay(bar, text, 'archiveUpgradeProgress');
  // The upgrade runs here, or in the background when it opened the archive first (this page's opening then waits).
  setUpgradeListener(show);
  const fromBackground = (message: unknown): undefined => {
    const progress = parseUpgradeProgress(message);
    if (progress) show(progress.done, progress.total);
    return undefined;
  };
  browser.runtime.onMessage.addListener(fromBackground);
  try {
    await db.open();
  } finally {
    setUpgradeListener(null);
    browser.runtime.onMessage.removeListener(fromBackground);
  }
  notify(t('archiveUpgraded', formatCount(await db.articles.count())));
}
