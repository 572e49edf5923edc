// The first opening after an update may upgrade the archive's schema, which re-indexes every article (minutes on a
// big archive): the page says so, with the indexing's progress, instead of sitting empty, and says when it is done.
import { pendingUpgrade } from '../core/archive/schema-upgrade';
import { t } from '../shared/i18n';
import { $, db, el, notify, setUpgradeListener } from './page-kit';

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
  setUpgradeListener((done, total) => {
    bar.max = Math.max(total, 1);
    bar.value = done;
    text.textContent = t('archiveUpgradeProgress', String(done), String(total));
  });
  try {
    await db.open();
  } finally {
    setUpgradeListener(null);
  }
  notify(t('archiveUpgraded', String(await db.articles.count())));
}
