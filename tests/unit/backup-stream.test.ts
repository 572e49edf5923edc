// Restoring a big backup a slice at a time, with progress (issue 20, point 9): the file is never read whole, every
// phase reports how far it got, and a damaged file (found before or while writing) or a cancel leaves the archive as it was.
import '../helpers/blob-reader-shim';
import { BackupError, checkBackup, createBackup, restoreBackup, type RestorePhase } from '../../src/core/archive/backup';
import { BackupRowScanner } from '../../src/core/archive/backup-stream';
import { buildArticle } from '../../src/core/archive/build-article';
import { searchArchive } from '../../src/core/search';
import { rebuildSearchIndexInTx } from '../../src/core/search/index-writer';
import type { ArchiveDb } from '../../src/core/archive/db';
import { addIndexed } from '../helpers/indexed-archive';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

/** A Blob that refuses to be read whole: only slices of it may be read. */
class SliceOnlyBlob extends Blob {
  override text(): Promise<string> { return Promise.reject(new Error('the whole file was read at once')); }
  override arrayBuffer(): Promise<ArrayBuffer> { return Promise.reject(new Error('the whole file was read at once')); }
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> { throw new Error('the whole file was streamed, not sliced'); }
}

function articlesOf(n: number, seed: string) {
  return Promise.all(Array.from({ length: n }, (_, i) => buildArticle(
    sampleExtracted({ title: `Bài ${i} về ${seed} “đường” {x} [y] \\ "z"`, bodyText: `Nội dung ${i}: cải cách hành chính ở ${seed}.`, bodyHtml: `<p>Nội dung ${i}: cải cách hành chính ở ${seed}.</p>` }),
    TUYEN_QUANG_SITE,
    { now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) },
  )));
}

/** The archive after the backup was taken: other articles (a backup restores only into its own database). */
async function changeArchive(db: ArchiveDb, n: number): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all([db.articles.clear(), db.versions.clear(), db.settings.clear()]);
    await rebuildSearchIndexInTx(db);
  });
  await addIndexed(db, await articlesOf(n, 'Hà Giang'));
}

async function archiveOf(n: number): Promise<ArchiveDb> {
  const db = freshDb();
  await addIndexed(db, await articlesOf(n, 'Tuyên Quang'));
  await db.settings.put({ key: 'backupReminderEvery', value: 20 });
  return db;
}

const snapshot = async (db: ArchiveDb) => ({
  articles: await db.articles.orderBy('id').toArray(),
  settings: await db.settings.orderBy('key').toArray(),
});

type Step = { phase: RestorePhase; done: number; total: number };

describe('streamed restore', () => {
  it('restores a generated backup read in small slices, reporting check, write and index progress to the end', async () => {
    const db = await archiveOf(300);
    const original = await snapshot(db);
    // With the storage.local snapshot, a settings row that is read but not written back to the table.
    const file = new SliceOnlyBlob([await (await createBackup(db, { storage: { userSites: [] } })).arrayBuffer()]);
    await changeArchive(db, 5);
    const target = db;
    const steps: Step[] = [];
    const result = await restoreBackup(target, file, { chunkBytes: 4096, onProgress: (phase, done, total) => steps.push({ phase, done, total }) });
    expect(result.articles).toBe(300);
    expect((await snapshot(target)).articles).toEqual(original.articles);
    expect((await searchArchive(target, 'ha giang')).total).toBe(0);
    expect((await searchArchive(target, 'cai cach')).total).toBe(300);

    for (const phase of ['check', 'write', 'index'] as const) {
      const mine = steps.filter((s) => s.phase === phase);
      expect(mine.length, phase).toBeGreaterThan(phase === 'index' ? 0 : 5);
      for (let i = 1; i < mine.length; i++) expect(mine[i].done, phase).toBeGreaterThanOrEqual(mine[i - 1].done);
      expect(mine.at(-1)!.done, phase).toBe(mine.at(-1)!.total);
    }
    expect(steps.filter((s) => s.phase === 'check').at(-1)!.total).toBe(file.size);
    expect(steps.filter((s) => s.phase === 'write').at(-1)!.total).toBe(302); // 300 articles, a setting, the snapshot
    expect(result.storage).toEqual({ userSites: [] });
    // The phases come in order: the whole file is checked before anything is written.
    const order = steps.map((s) => s.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(order).toEqual(['check', 'write', 'index']);
  });

  it('a damaged row is refused by the check, and the archive stays as it was', async () => {
    const target = await archiveOf(200);
    const good = await (await createBackup(target)).text();
    const at = good.indexOf('"title":"Bài 150 ');
    expect(at).toBeGreaterThan(0);
    // The row's closing quote of its title removed: the rest of the file is still well-formed around it.
    const end = good.indexOf('",', at + 9);
    const damaged = new SliceOnlyBlob([good.slice(0, end) + good.slice(end + 1)]);
    await changeArchive(target, 7);
    const before = await snapshot(target);
    const error = await restoreBackup(target, damaged, { chunkBytes: 2048 }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(await snapshot(target)).toEqual(before);
    expect((await searchArchive(target, 'ha giang')).total).toBe(7);
  });

  it('a file damaged after its check fails while writing, and the transaction leaves the archive as it was', async () => {
    const target = await archiveOf(200);
    const goodBlob = await createBackup(target);
    const good = await goodBlob.text();
    const checked = await checkBackup(target, goodBlob);
    // Same size and head; a row near the end is broken: found only after most rows were written.
    const at = good.lastIndexOf('"url":"');
    const damaged = new SliceOnlyBlob([`${good.slice(0, at)}"url":{${good.slice(at + 7)}`]);
    await changeArchive(target, 7);
    const before = await snapshot(target);
    let written = 0;
    const error = await restoreBackup(target, damaged, { checked, chunkBytes: 2048, onProgress: (phase, done) => { if (phase === 'write') written = done; } })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(written).toBeGreaterThan(100);
    expect(await snapshot(target)).toEqual(before);
    expect((await searchArchive(target, 'ha giang')).total).toBe(7);
  });

  it('cancel while writing leaves the archive as it was', async () => {
    const target = await archiveOf(200);
    const file = await createBackup(target);
    await changeArchive(target, 3);
    const before = await snapshot(target);
    const controller = new AbortController();
    const error = await restoreBackup(target, file, {
      chunkBytes: 4096,
      signal: controller.signal,
      onProgress: (phase, done) => { if (phase === 'write' && done >= 100) controller.abort(); },
    }).then(() => null, (e: unknown) => e);
    expect((error as Error)?.name).toBe('AbortError');
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('backup row scanner', () => {
  const text = JSON.stringify({
    formatName: 'dexie', formatVersion: 1,
    data: {
      databaseName: 'x', databaseVersion: 4, tables: [{ name: 'articles', schema: 'id', rowCount: 2 }, { name: 'settings', schema: 'key', rowCount: 1 }],
      data: [
        { tableName: 'articles', inbound: true, rows: [{ id: 'a', t: 'Đường "phố" {x} [y] \\ ,:' }, { id: 'b', n: [1, { m: 'ừ' }], e: '\\"' }] },
        { tableName: 'settings', inbound: true, rows: [{ key: 'k', value: { rows: [1, 2] } }] },
      ],
    },
  }, null, 1);

  it('finds the same rows however the text is cut, down to one character a piece', () => {
    const expected: Array<[string, unknown]> = [
      ['articles', { id: 'a', t: 'Đường "phố" {x} [y] \\ ,:' }],
      ['articles', { id: 'b', n: [1, { m: 'ừ' }], e: '\\"' }],
      ['settings', { key: 'k', value: { rows: [1, 2] } }],
    ];
    for (const size of [1, 2, 3, 7, 64, text.length]) {
      const rows: Array<[string, unknown]> = [];
      const scanner = new BackupRowScanner((table, row) => rows.push([table, JSON.parse(row)]));
      for (let i = 0; i < text.length; i += size) scanner.push(text.slice(i, i + size));
      scanner.end();
      expect(rows, `pieces of ${size}`).toEqual(expected);
    }
  });

  it('says when the text ends early or is not a backup', () => {
    const cut = new BackupRowScanner(() => {});
    cut.push(text.slice(0, text.length - 3));
    expect(() => cut.end()).toThrow(/truncated/);
    expect(() => new BackupRowScanner(() => {}).push('[1,2]')).toThrow();
    expect(() => { const s = new BackupRowScanner(() => {}); s.push('{"a":1} x'); s.end(); }).toThrow();
  });
});
