// "JSON + tệp ảnh" (ZIP): an archive with stored images and original pages exported and imported into a fresh archive
// comes back whole, and a damaged or hostile ZIP is refused with the archive unchanged.
import { exportZip } from '../../src/core/archive/export-zip';
import { mediaPages, WrittenMedia } from '../../src/core/archive/export-media-pages';
import { openImport } from '../../src/core/archive/import-package';
import { applyImport, undoInterruptedImports, type DuplicatePolicy } from '../../src/core/archive/import-apply';
import type { ImportRow } from '../../src/core/archive/import-parse';
import { BlobReader, BlobWriter, TextReader, ZipReader, ZipWriter } from '../../src/core/archive/zip-io';
import type { ArchiveDb } from '../../src/core/archive/db';
import { freshDb } from '../helpers/sample-article';
import { collect, imageRow, expectRefusedUnchanged, seedMediaArchive, snapshot } from '../helpers/media-archive';
import { writeArchive } from '../../src/core/archive/store';


async function importInto(db: ArchiveDb, file: Blob, onDuplicate: DuplicatePolicy = 'skip') {
  const plan = await openImport(file);
  try {
    return await applyImport(db, plan.rows(), { total: plan.source.valid, media: plan.media, batchSize: plan.batchSize, onDuplicate, journalId: 'test' });
  } finally {
    await plan.close();
  }
}

/** The ZIP rewritten entry by entry, `change` deciding each entry's new name and bytes (null drops it). */
async function rewriteZip(zip: Blob, change: (name: string, bytes: Blob) => Promise<[string, Blob] | null> | [string, Blob] | null): Promise<Blob> {
  const reader = new ZipReader(new BlobReader(zip));
  return collect(async (sink) => {
    const writer = new ZipWriter(sink);
    for (const entry of await reader.getEntries()) {
      if (entry.directory) continue;
      const changed = await change(entry.filename, await entry.getData(new BlobWriter()));
      if (changed) await writer.add(changed[0], new BlobReader(changed[1]));
    }
    await writer.close();
  });
}

describe('JSON + tệp ảnh (ZIP) export and import', () => {
  it('restores every article, image and original page in a fresh archive, byte for byte', async () => {
    const db = freshDb();
    const ids = await seedMediaArchive(db, 7);
    const progress: number[] = [];
    const zip = await collect((sink) => exportZip(db, sink, { generator: 'test', pageSize: 3, onProgress: ({ done }) => progress.push(done) }));
    expect(progress.at(-1)).toBe(7);

    const names = (await new ZipReader(new BlobReader(zip)).getEntries()).map((e) => e.filename);
    expect(names).toContain('articles.json');
    expect(names.filter((n) => n.startsWith('media/'))).toHaveLength(7); // "shared" once, and six articles' own
    expect(names.filter((n) => n.startsWith('originals/'))).toHaveLength(6);

    const fresh = freshDb();
    const report = await importInto(fresh, zip);
    expect(report).toMatchObject({ added: 7, rejected: 0 });
    const [before, after] = [await snapshot(db), await snapshot(fresh)];
    for (const table of ['articles', 'media', 'articleMedia', 'originals'] as const) expect(after[table], table).toEqual(before[table]);
    expect((await fresh.articleMedia.get(ids[6]))?.items[1]).toMatchObject({ sha256: null, skipped: { reason: 'too-large' } });
  });

  it('writes an original two articles share once, even pages apart, and both get it back on import', async () => {
    const db = freshDb();
    const ids = await seedMediaArchive(db, 7);
    // Article 5 was captured from the same HTML as article 0 (same bytes, same hash), four pages of two apart.
    const first = (await db.originals.get(ids[0]))!;
    await writeArchive(db, (w) => w.putOriginals([{ ...first, articleId: ids[5] }]));
    const zip = await collect((sink) => exportZip(db, sink, { generator: 'test', pageSize: 2 }));
    const names = (await new ZipReader(new BlobReader(zip)).getEntries()).map((e) => e.filename);
    expect(names.filter((n) => n.startsWith('originals/'))).toHaveLength(5);
    expect(new Set(names).size).toBe(names.length);
    const fresh = freshDb();
    await importInto(fresh, zip);
    expect((await fresh.originals.get(ids[5]))?.sha256).toBe(first.sha256);
    const [before, after] = [await snapshot(db), await snapshot(fresh)];
    expect(after.originals).toEqual(before.originals);
  });

  it('remembers, across pages, only the images and originals that several articles show', async () => {
    const db = freshDb();
    await seedMediaArchive(db, 9);
    const written = new WrittenMedia();
    let pages = 0;
    for await (const page of mediaPages(db, null, 2, written)) {
      pages++;
      // Every image a page shows has its metadata, the shared one included after the page that wrote it.
      for (const row of page.rows) for (const h of row.articleMedia?.hashes ?? []) expect(page.meta.has(h)).toBe(true);
    }
    expect(pages).toBe(5);
    expect(written).toMatchObject({ images: 9, originals: 8 });
    expect([...written.sharedImages.values()].map((m) => m.url)).toEqual([(await imageRow('shared')).url]);
    expect(written.sharedOriginals.size).toBe(0);
  });

  it('stops when cancelled between pages, and the sink is aborted (nothing half-written is kept)', async () => {
    const db = freshDb();
    await seedMediaArchive(db, 7);
    const controller = new AbortController();
    let aborted = false;
    const sink = new WritableStream<Uint8Array>({ write() {}, abort() { aborted = true; } });
    const result = await exportZip(db, sink, { generator: 'test', pageSize: 2, signal: controller.signal, onProgress: () => controller.abort() }).catch((e: unknown) => e);
    expect((result as Error).name).toBe('AbortError');
    expect(aborted).toBe(true);
  });

  it('exports only the selection, with only its images', async () => {
    const db = freshDb();
    const ids = await seedMediaArchive(db, 4);
    const zip = await collect((sink) => exportZip(db, sink, { generator: 'test', filter: { ids: [ids[1]] } }));
    const fresh = freshDb();
    expect(await importInto(fresh, zip)).toMatchObject({ added: 1 });
    expect(await fresh.media.count()).toBe(2);
    expect(await fresh.originals.count()).toBe(1);
    expect((await fresh.articleMedia.get(ids[1]))?.hashes).toHaveLength(2);
  });

  it('a "keep both" copy gets its own images and original under its new id', async () => {
    const db = freshDb();
    const ids = await seedMediaArchive(db, 2);
    const zip = await collect((sink) => exportZip(db, sink, { generator: 'test' }));
    // Edited since the export (an unchanged article is never imported twice).
    for (const id of ids) await db.articles.update(id, { contentHash: 'edited' });
    expect(await importInto(db, zip, 'keep-both')).toMatchObject({ added: 2 });
    const copies = (await db.articles.toCollection().primaryKeys()).filter((id) => !ids.includes(id));
    expect(copies).toHaveLength(2);
    for (const id of copies) expect(await db.articleMedia.get(id)).toBeDefined();
    expect(await db.originals.count()).toBe(2); // the first article and its copy (the second has none)
  });

  it('an overwrite replaces an article\'s images with the file\'s, and a cancelled one puts the earlier ones back', async () => {
    const source = freshDb();
    const [first] = await seedMediaArchive(source, 2);
    const other = await imageRow('khac');
    await writeArchive(source, async (w) => {
      await w.putMedia([other]);
      await w.putArticleMedia([{ articleId: first, hashes: [other.sha256], items: [{ src: other.url, role: 'body', sha256: other.sha256 }] }]);
    });
    const zip = await collect((sink) => exportZip(source, sink, { generator: 'test' }));
    const db = freshDb();
    await seedMediaArchive(db, 2);
    const before = await snapshot(db);

    const controller = new AbortController();
    const plan = await openImport(zip);
    const cancelled = await applyImport(db, plan.rows(), { media: plan.media, onDuplicate: 'overwrite', journalId: 'c', signal: controller.signal, onProgress: () => controller.abort() }).catch((e: unknown) => e);
    expect((cancelled as Error).name).toBe('AbortError');
    expect(await snapshot(db)).toEqual(before);

    const done = await openImport(zip);
    expect(await applyImport(db, done.rows(), { media: done.media, onDuplicate: 'overwrite', journalId: 'o' })).toMatchObject({ updated: 2 });
    expect(await db.media.get(other.sha256)).toBeDefined();
  });

  it('an overwrite cut off by a crash is undone by the next start, earlier images and originals included', async () => {
    const source = freshDb();
    await seedMediaArchive(source, 3);
    const other = await imageRow('khac');
    const ids = await source.articles.toCollection().primaryKeys();
    await writeArchive(source, async (w) => {
      await w.putMedia([other]);
      await w.putArticleMedia(ids.map((id) => ({ articleId: id, hashes: [other.sha256], items: [{ src: other.url, role: 'body' as const, sha256: other.sha256 }] })));
    });
    const zip = await collect((sink) => exportZip(source, sink, { generator: 'test' }));
    const db = freshDb();
    await seedMediaArchive(db, 3);
    const before = await snapshot(db);

    // The first batch commits, then the page is gone: nothing of the run undoes it.
    const plan = await openImport(zip);
    let committed!: () => void;
    const firstBatch = new Promise<void>((resolve) => { committed = resolve; });
    async function* thenHang(rows: Iterable<ImportRow[]> | AsyncIterable<ImportRow[]>) {
      for await (const batch of rows) {
        yield batch;
        await new Promise(() => undefined);
      }
    }
    const rows = plan.rows();
    void applyImport(db, thenHang(Array.isArray(rows) ? [rows] : rows), { media: plan.media, onDuplicate: 'overwrite', journalId: 'crashed', onProgress: () => committed() });
    await firstBatch;
    expect(await db.media.get(other.sha256)).toBeDefined();
    expect(await undoInterruptedImports(db, () => false)).toBe(3);
    expect(await snapshot(db)).toEqual(before);
  });

  describe('refuses a damaged or hostile ZIP, leaving the archive as it was', () => {
    let zip: Blob;
    let db: ArchiveDb;
    let before: Record<string, unknown>;
    beforeAll(async () => {
      const source = freshDb();
      await seedMediaArchive(source, 3);
      zip = await collect((sink) => exportZip(source, sink, { generator: 'test' }));
      db = freshDb();
      await seedMediaArchive(db, 1);
      before = await snapshot(db);
    });

    const refused = (file: Blob, code: string) => expectRefusedUnchanged(db, before, importInto(db, file), code);

    it('cut short', () => refused(zip.slice(0, Math.floor(zip.size * 0.6)), 'truncated'));

    it('an image whose bytes are not its hash', async () => {
      let done = false;
      await refused(await rewriteZip(zip, (name, bytes) => {
        if (done || !name.startsWith('media/')) return [name, bytes];
        done = true;
        return [name, new Blob([bytes, 'x'])];
      }), 'bad-hash');
    });

    it('an original whose page is not its hash', async () => {
      const { gzip } = await import('../helpers/media-archive');
      await refused(await rewriteZip(zip, async (name, bytes) => [name, name.startsWith('originals/') ? await gzip('<p>khác</p>') : bytes]), 'bad-hash');
    });

    it.each(['../evil.txt', '/etc/passwd', 'media\\..\\x.jpg', 'media/../../x.jpg', 'C:/x.jpg', 'media/./x.jpg'])('an entry at %s', async (path) => {
      // Written straight after the good entries: the library's reader would refuse to copy such a ZIP.
      const entries = await new ZipReader(new BlobReader(zip)).getEntries();
      await refused(await collect(async (sink) => {
        const writer = new ZipWriter(sink);
        for (const entry of entries) if (!entry.directory) await writer.add(entry.filename, new BlobReader(await entry.getData(new BlobWriter())));
        await writer.add(path, new TextReader('pwned'));
        await writer.close();
      }), 'unsafe-path');
    });

    it('a media index that lies about an article\'s images', async () => {
      await refused(await rewriteZip(zip, async (name, bytes) => [name, name === 'media.ndjson' ? new Blob([(await bytes.text()).replace(/"sha256":"[0-9a-f]{64}","type"/, `"sha256":"${'0'.repeat(64)}","type"`)]) : bytes]), 'bad-hash');
    });

    it('an articles file changed after the export (a title edited)', async () => {
      await refused(await rewriteZip(zip, async (name, bytes) => [name, name === 'articles.json' ? new Blob([(await bytes.text()).replace('Bài số 1', 'Bài số 9')]) : bytes]), 'bad-hash');
    });

    it('a ZIP that is not one of ours', async () => {
      await refused(await collect(async (sink) => {
        const writer = new ZipWriter(sink);
        await writer.add('notes.txt', new TextReader('xin chào'));
        await writer.close();
      }), 'not-ours');
    });
  });
});
