// Recovery after a crash: an import cut off with its page or browser is undone first, under one lock, before any
// other write; a user's write that lands meanwhile is never taken back by that undo; no version row is orphaned.
import Dexie from 'dexie';
import { applyImport } from '../../src/core/archive/import-apply';
import { JOURNAL_PREFIX } from '../../src/core/archive/import-journal';
import { importLockName, recoverArchive, RECOVERY_LOCK, takeRecoveryReport, type ArchiveLocks } from '../../src/core/archive/recovery';
import { saveArticle } from '../../src/core/archive/save-article';
import { deleteMany, setNote, setTags } from '../../src/core/archive/organize';
import { buildArticle } from '../../src/core/archive/build-article';
import type { Article } from '../../src/core/types';
import { searchArchive } from '../../src/core/search';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

type Db = ReturnType<typeof freshDb>;

/** Web Locks as the browser keeps them for all of an extension's contexts: exclusive, granted in request order. */
function fakeLocks(): ArchiveLocks & { log: string[] } {
  const tails = new Map<string, Promise<void>>();
  const held = new Set<string>();
  const log: string[] = [];
  return {
    log,
    async exclusive(name, work) {
      const before = tails.get(name) ?? Promise.resolve();
      let release!: () => void;
      tails.set(name, before.then(() => new Promise<void>((r) => (release = r))));
      await before;
      held.add(name);
      log.push(`+${name}`);
      try {
        return await work();
      } finally {
        held.delete(name);
        log.push(`-${name}`);
        release();
      }
    },
    async held() {
      return new Set(held);
    },
  };
}

const snapshot = async (db: Db) => JSON.stringify(await db.articles.orderBy('id').toArray());

async function seeded(n: number): Promise<Db> {
  const db = freshDb();
  for (let i = 0; i < n; i++) await saveArticle(db, sampleExtracted({ title: `Bài cũ số ${i}`, bodyText: `Bài cũ số ${i}.` }), TUYEN_QUANG_SITE);
  return db;
}

/**
 * An import whose first batch (two new articles, one overwriting an archived one) is written, then never goes on:
 * its page is gone. `live` keeps its lock held (the import still runs in another page).
 */
async function cutOffImport(db: Db, locks: ArchiveLocks, options: { live?: boolean; signal?: AbortSignal } = {}) {
  const archived = (await db.articles.orderBy('id').first())!;
  const added = await Promise.all([1, 2].map((i) => buildArticle(sampleExtracted({ title: `Chợ phiên Bản Mới ${i}`, bodyText: `Chợ phiên Bản Mới ${i} mở cửa.` }), TUYEN_QUANG_SITE)));
  const overwritten: Article = { ...archived, title: 'Tiêu đề ghi đè', bodyText: 'Nội dung ghi đè hồ Thác Bà.', contentHash: 'changed' };
  let firstBatch!: () => void;
  const written = new Promise<void>((r) => (firstBatch = r));
  let goOn!: () => void;
  const next = new Promise<void>((r) => (goOn = r));
  async function* rows() {
    yield [...added, overwritten].map((article, i) => ({ row: i + 1, ok: true as const, article }));
    await next;
  }
  const run = () => applyImport(db, rows(), { onDuplicate: 'overwrite', journalId: 'j1', signal: options.signal, onProgress: () => firstBatch() });
  const finished = options.live ? locks.exclusive(importLockName('j1'), run) : run();
  finished.catch(() => undefined);
  await written;
  return { archived, added, finished, goOn };
}

async function orphanVersions(db: Db): Promise<number> {
  const owners = (await db.versions.orderBy('articleId').uniqueKeys()) as string[];
  const present = new Set(await db.articles.where(':id').anyOf(owners).primaryKeys());
  return owners.filter((id) => !present.has(id)).length;
}

describe('recovery of an interrupted import', () => {
  it('undoes it exactly, with progress in articles, and leaves nothing to do the next time', async () => {
    const db = await seeded(3);
    const before = await snapshot(db);
    const locks = fakeLocks();
    await cutOffImport(db, locks);
    const progress: Array<[number, number]> = [];
    expect(await recoverArchive(db, locks, { onProgress: (done, total) => progress.push([done, total]) })).toBe(3);
    expect(progress).toEqual([[0, 3], [3, 3]]);
    expect(await snapshot(db)).toBe(before);
    expect((await searchArchive(db, 'ban moi')).total).toBe(0);
    expect(await db.versions.count()).toBe(0);
    expect(await db.settings.where('key').startsWith(JOURNAL_PREFIX).count()).toBe(0);
    expect(locks.log).toEqual([`+${RECOVERY_LOCK}`, `-${RECOVERY_LOCK}`]);
    // The archive page tells of it once, whichever context ran it.
    expect(await takeRecoveryReport(db)).toBe(3);
    expect(await takeRecoveryReport(db)).toBe(0);
    expect(await recoverArchive(db, locks)).toBe(0);
    // Nothing to undo: the lock is not even asked for.
    expect(locks.log).toHaveLength(2);
  });

  it('leaves an import that still runs in another page alone', async () => {
    const db = await seeded(2);
    const locks = fakeLocks();
    const { goOn, finished } = await cutOffImport(db, locks, { live: true });
    const during = await snapshot(db);
    expect(await recoverArchive(db, locks)).toBe(0);
    expect(await snapshot(db)).toBe(during);
    goOn();
    await finished;
    expect(await db.settings.where('key').startsWith(JOURNAL_PREFIX).count()).toBe(0);
  });

  it('makes an update that arrives during the recovery wait for it, then applies it to the recovered state', async () => {
    const db = await seeded(3);
    const locks = fakeLocks();
    const { archived, added } = await cutOffImport(db, locks);
    // Two contexts open the archive at once: the archive page recovers, the background gets a popup's update of the
    // overwritten article and of one the import added; each recovers first, as every opening does.
    const page = recoverArchive(db, locks);
    const popup = (async () => {
      await recoverArchive(db, locks);
      const again = await saveArticle(db, { ...sampleExtracted({ url: archived.url, title: 'Bản cập nhật từ trang', bodyText: 'Nội dung mới về hồ Na Hang.' }) }, TUYEN_QUANG_SITE, { mode: 'update' });
      const gone = await db.articles.get(added[0].id);
      return { again, gone };
    })();
    const [undone, { again, gone }] = await Promise.all([page, popup]);
    expect(undone).toBe(3);
    expect(again.status).toBe('updated');
    expect(gone).toBeUndefined();
    const now = await db.articles.get(archived.id);
    expect(now?.title).toBe('Bản cập nhật từ trang');
    // The update's earlier version is the archive's own content, not the import's.
    const versions = await db.versions.where('articleId').equals(archived.id).toArray();
    expect(versions.map((v) => v.article.contentHash)).toEqual([archived.contentHash]);
    expect((await searchArchive(db, 'na hang')).total).toBe(1);
    expect((await searchArchive(db, 'thac ba')).total).toBe(0);
  });

  it('never takes back a write that landed before the recovery ran: tags, note, update and delete stay', async () => {
    const db = await seeded(3);
    const locks = fakeLocks();
    const { archived, added } = await cutOffImport(db, locks);
    const imported = (await db.articles.get(archived.id))!;
    // Written straight to the archive, as a context that has not recovered yet would (a race the lock cannot see).
    await setTags(db, added[0].id, ['quantrong']);
    await setNote(db, archived.id, 'Đã đối chiếu.');
    await deleteMany(db, [added[1].id]);
    expect(await recoverArchive(db, locks)).toBe(0);
    expect((await db.articles.get(added[0].id))?.tags).toEqual(['quantrong']);
    expect((await searchArchive(db, '', { filters: { tag: 'quantrong' } })).total).toBe(1);
    expect(await db.articles.get(archived.id)).toMatchObject({ title: imported.title, note: 'Đã đối chiếu.' });
    // What the import overwrote is kept as the article's earlier version; the deleted one stays deleted.
    expect((await db.versions.where('articleId').equals(archived.id).toArray()).map((v) => v.article.title)).toEqual([archived.title]);
    expect(await db.articles.get(added[1].id)).toBeUndefined();
    expect(await db.settings.where('key').startsWith(JOURNAL_PREFIX).count()).toBe(0);
  });

  it('keeps what the user changed during an import that is then cancelled', async () => {
    const db = await seeded(2);
    const locks = fakeLocks();
    const controller = new AbortController();
    const { added, goOn, finished } = await cutOffImport(db, locks, { live: true, signal: controller.signal });
    await setTags(db, added[0].id, ['giữ lại']);
    controller.abort();
    goOn();
    await expect(finished).rejects.toMatchObject({ name: 'AbortError' });
    expect((await db.articles.get(added[0].id))?.tags).toEqual(['giữ lại']);
    expect(await db.articles.get(added[1].id)).toBeUndefined();
  });

  it('leaves no orphaned versions: an update of an imported article goes with it, and older builds\' orphans are swept', async () => {
    const db = await seeded(1);
    const locks = fakeLocks();
    const { added } = await cutOffImport(db, locks);
    // An orphan as older builds left them: the version of an article that is gone.
    await db.versions.add({ articleId: 'gone-long-ago', replacedAt: '2026-01-01T00:00:00+07:00', article: { ...added[1], id: 'gone-long-ago' } });
    // A version the import's journal does not know of (the import's own later batch would write one like it).
    await db.versions.add({ articleId: added[0].id, replacedAt: '2026-01-01T00:00:00+07:00', article: added[0] });
    await recoverArchive(db, locks);
    expect(await orphanVersions(db)).toBe(0);
    expect(await db.versions.count()).toBe(0);
  });

  it('asks the browser to flush every write to disk before it is acknowledged', async () => {
    const db = freshDb();
    const durability = await db.transaction('rw', ['settings'], () => (Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction }).idbtrans.durability);
    expect(durability).toBe('strict');
  });
});
