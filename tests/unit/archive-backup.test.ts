import '../helpers/blob-reader-shim';
import { BackupError, createBackup, inspectBackup, restoreBackup } from '../../src/core/archive/backup';
import { getReminderState, noteArticlesSaved, setReminderEvery } from '../../src/core/archive/backup-reminder';
import { saveArticle } from '../../src/core/archive/save-article';
import { setNote, setTags, deleteMany } from '../../src/core/archive/organize';
import { searchArchive } from '../../src/core/search';
import { JOURNAL_PREFIX, undoInterruptedImports } from '../../src/core/archive/import-apply';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';
import type { ArchiveDb } from '../../src/core/archive/db';

async function tables(db: ArchiveDb) {
  return {
    articles: await db.articles.orderBy('id').toArray(),
    versions: await db.versions.orderBy('seq').toArray(),
    settings: await db.settings.orderBy('key').toArray(),
  };
}

async function filledDb() {
  const db = freshDb();
  const first = await saveArticle(db, sampleExtracted({ title: 'Hội nghị dân tộc thiểu số' }), TUYEN_QUANG_SITE);
  const url = first.article.url;
  await saveArticle(db, sampleExtracted({ url, canonicalUrl: url, title: 'Hội nghị dân tộc thiểu số', bodyText: 'Nội dung đã sửa.', bodyHtml: '<p>Nội dung đã sửa.</p>' }), TUYEN_QUANG_SITE, { mode: 'update' });
  const second = await saveArticle(db, sampleExtracted({ title: 'Lễ hội Thành Tuyên' }), TUYEN_QUANG_SITE);
  await setTags(db, second.article.id, ['lễ hội', 'du lịch']);
  await setNote(db, second.article.id, 'Đối chiếu bản in.');
  await setReminderEvery(db, 20);
  return db;
}

/** The file with one row cut out, as if it had ended between rows: still well-formed JSON. */
function dropRow(text: string, row: string): string {
  const cut = text.replace(`,${row}`, '').replace(row, '');
  expect(cut).not.toBe(text);
  return cut;
}

describe('full backup and restore', () => {
  it('backup → wipe → restore gives identical tables, the stored site list, and a working search', async () => {
    const db = await filledDb();
    const before = await tables(db);
    expect(before.versions.length).toBe(1);
    const hitsBefore = (await searchArchive(db, 'Thành Tuyên')).total;
    expect(hitsBefore).toBeGreaterThan(0);
    const storage = { userSites: [{ host: 'sotnmt.tuyenquang.gov.vn', province: 'Tuyên Quang' }] };
    const file = await createBackup(db, { storage });
    expect(await db.settings.get('backup:storageLocal')).toBeUndefined();
    expect(await inspectBackup(db, file)).toMatchObject({ articles: 2, versions: 1 });

    await deleteMany(db, before.articles.map((a) => a.id));
    await db.settings.clear();
    expect(await db.articles.count()).toBe(0);

    const result = await restoreBackup(db, file);
    expect(result).toMatchObject({ articles: 2, versions: 1, storage });
    const after = await tables(db);
    expect(after.articles).toEqual(before.articles);
    expect(after.versions).toEqual(before.versions);
    expect(after.settings.filter((s) => s.key !== 'backupReminderState')).toEqual(before.settings.filter((s) => s.key !== 'backupReminderState'));
    expect((await searchArchive(db, 'Thành Tuyên')).total).toBe(hitsBefore);
    expect((await searchArchive(db, '', { filters: { tag: 'du lịch' } })).total).toBe(1);
  });

  it('refuses foreign, corrupt, truncated and newer files and leaves the archive unchanged', async () => {
    const db = await filledDb();
    const before = await tables(db);
    const good = await (await createBackup(db)).text();
    const other = freshDb();
    await saveArticle(other, sampleExtracted(), TUYEN_QUANG_SITE);
    const foreign = await createBackup(other); // another database's backup
    const parsed = JSON.parse(good);
    const newer = structuredClone(parsed);
    newer.data.databaseVersion = 99;
    const badRow = structuredClone(parsed);
    badRow.data.data.find((t: { tableName: string }) => t.tableName === 'articles').rows[1].url = 'javascript:alert(1)';
    const typed = structuredClone(parsed);
    typed.data.data.find((t: { tableName: string }) => t.tableName === 'articles').rows[0].$types = { capturedAt: 'date' };
    // Passes every row check but fails while writing (the same id twice): the transaction must undo the clearing.
    const twice = structuredClone(parsed);
    const articleDump = twice.data.data.find((t: { tableName: string }) => t.tableName === 'articles');
    articleDump.rows[1] = { ...articleDump.rows[1], id: articleDump.rows[0].id };
    const exportFile = { format: 'provincial-news-archive', version: 1, articles: [] };
    const cases: Array<[string, Blob, BackupError['code'] | null]> = [
      ['empty', new Blob(['']), 'not-backup'],
      ['not json', new Blob(['hello']), 'not-backup'],
      ['export, not backup', new Blob([JSON.stringify(exportFile)]), 'not-backup'],
      ['foreign database', foreign, 'not-backup'],
      ['newer schema', new Blob([JSON.stringify(newer)]), 'newer'],
      ['hostile row', new Blob([JSON.stringify(badRow)]), 'invalid-row'],
      ['typeson special value', new Blob([JSON.stringify(typed)]), 'invalid-row'],
      ['fails while writing', new Blob([JSON.stringify(twice)]), null],
      ['truncated', new Blob([good.slice(0, Math.floor(good.length * 0.8))]), null],
      ['truncated after a row', new Blob([dropRow(good, '{"key":"backupReminderEvery","value":20}')]), null],
    ];
    for (const [name, file, code] of cases) {
      const error = await restoreBackup(db, file).then(() => null, (e: unknown) => e);
      expect(error, name).toBeInstanceOf(Error);
      if (code) expect((error as BackupError).code, name).toBe(code);
      expect(await tables(db), name).toEqual(before);
    }
    expect((await searchArchive(db, '', { filters: { tag: 'du lịch' } })).total).toBe(1);
  });

  it('resets the backup reminder after a restore', async () => {
    const db = await filledDb();
    const file = await createBackup(db);
    await noteArticlesSaved(db, 30);
    await restoreBackup(db, file);
    expect((await getReminderState(db)).sinceBackup).toBe(0);
  });

  it('does not bring back the journal of an import that was running when the backup was taken', async () => {
    const db = await filledDb();
    const [article] = await db.articles.toArray();
    await db.settings.put({ key: `${JOURNAL_PREFIX}elsewhere:1`, value: { added: [article.id], replaced: [] } });
    const file = await createBackup(db);
    await restoreBackup(db, file);
    expect(await db.settings.where('key').startsWith(JOURNAL_PREFIX).count()).toBe(0);
    expect(await undoInterruptedImports(db, () => false)).toBe(0);
    expect(await db.articles.get(article.id)).toBeDefined();
  });
});
