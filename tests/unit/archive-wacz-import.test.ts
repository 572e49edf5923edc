// A WACZ made here imports back: articles from its metadata records, images and original pages from its response
// records. A WACZ with a bad hash, a WARC record that lies about its length, or another tool's WACZ is refused and
// the archive is left as it was.
import { WARCRecord, WARCSerializer } from 'warcio';
import { exportWacz } from '../../src/core/archive/export-wacz';
import { openImport } from '../../src/core/archive/import-package';
import { applyImport } from '../../src/core/archive/import-apply';
import { BlobReader, BlobWriter, TextReader, ZipReader, ZipWriter, sha256Hex } from '../../src/core/archive/zip-io';
import type { ArchiveDb } from '../../src/core/archive/db';
import { freshDb } from '../helpers/sample-article';
import { collect, expectRefusedUnchanged, seedMediaArchive, snapshot } from '../helpers/media-archive';

async function importInto(db: ArchiveDb, file: Blob) {
  const plan = await openImport(file);
  try {
    return await applyImport(db, plan.rows(), { total: plan.source.valid, media: plan.media, batchSize: plan.batchSize, journalId: 'wacz' });
  } finally {
    await plan.close();
  }
}

/** A WACZ around one WARC, its datapackage hashing what is there (so only the WARC itself is wrong). */
async function waczWith(warcName: string, warc: Blob): Promise<Blob> {
  const resource = { name: warcName, path: `archive/${warcName}`, hash: `sha256:${await sha256Hex(warc)}`, bytes: warc.size };
  const datapackage = JSON.stringify({ profile: 'data-package', wacz_version: '1.1.1', resources: [resource] });
  return collect(async (sink) => {
    const zip = new ZipWriter(sink, { level: 0 });
    await zip.add(resource.path, new BlobReader(warc));
    await zip.add('datapackage.json', new TextReader(datapackage));
    await zip.close();
  });
}

describe('WACZ import', () => {
  it('brings back every article, image and original page of a WACZ made here', async () => {
    const db = freshDb();
    await seedMediaArchive(db, 4);
    const wacz = await collect((sink) => exportWacz(db, sink, { generator: 'test', title: 'thử', pageSize: 3 }));
    const fresh = freshDb();
    expect(await importInto(fresh, wacz)).toMatchObject({ added: 4, rejected: 0 });
    const [before, after] = [await snapshot(db), await snapshot(fresh)];
    expect(after.articles).toEqual(before.articles);
    expect(after.media).toEqual(before.media);
    expect(after.articleMedia).toEqual(before.articleMedia);
    // Originals are compressed again on import: the page's bytes (its hash and size) are what must match.
    const pages = (rows: unknown) => (rows as Array<Record<string, unknown>>).map(({ html: _html, ...rest }) => rest);
    expect(pages(after.originals)).toEqual(pages(before.originals));
  });

  describe('refuses, leaving the archive as it was', () => {
    let db: ArchiveDb;
    let before: Record<string, unknown>;
    beforeAll(async () => {
      db = freshDb();
      await seedMediaArchive(db, 1);
      before = await snapshot(db);
    });
    const refused = (file: Blob, code: string) => expectRefusedUnchanged(db, before, importInto(db, file), code);

    it('a WARC record whose Content-Length is larger or smaller than its content', async () => {
      const record = WARCRecord.create({ url: 'https://bdt.tuyenquang.gov.vn/a.html', date: '2026-11-01T08:00:00Z', type: 'resource', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'text/html' } }, [new TextEncoder().encode('<p>Bài viết</p>')]);
      record.warcHeaders.headers.set('WARC-Block-Digest', `sha256:${await sha256Hex(new TextEncoder().encode('<p>Bài viết</p>'))}`);
      record.warcHeaders.headers.set('WARC-Payload-Digest', `sha256:${await sha256Hex(new TextEncoder().encode('<p>Bài viết</p>'))}`);
      const text = new TextDecoder().decode(await WARCSerializer.serialize(record));
      for (const lie of ['Content-Length: 9', 'Content-Length: 400']) {
        await refused(await waczWith('data.warc', new Blob([text.replace(/Content-Length: \d+/, lie)])), 'bad-record');
      }
    });

    it('a WARC that does not match its hash in datapackage.json', async () => {
      const source = freshDb();
      await seedMediaArchive(source, 1);
      const wacz = await collect((sink) => exportWacz(source, sink, { generator: 'test', title: 'thử' }));
      const entries = await new ZipReader(new BlobReader(wacz)).getEntries();
      const tampered = await collect(async (sink) => {
        const zip = new ZipWriter(sink, { level: 0 });
        for (const e of entries) {
          if (e.directory) continue;
          const blob = await e.getData(new BlobWriter());
          await zip.add(e.filename, new BlobReader(e.filename === 'archive/data.warc.gz' ? new Blob([blob.slice(0, blob.size - 1), new Uint8Array([0x42])]) : blob));
        }
        await zip.close();
      });
      await refused(tampered, 'bad-hash');
      await refused(wacz.slice(0, wacz.size - 100), 'truncated');
    });

    it('another tool\'s WACZ (no archived articles in it)', async () => {
      const record = WARCRecord.create({ url: 'https://example.org/', date: '2026-11-01T08:00:00Z', type: 'resource', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'text/html' } }, [new TextEncoder().encode('<p>x</p>')]);
      record.warcHeaders.headers.set('WARC-Block-Digest', `sha256:${await sha256Hex(new TextEncoder().encode('<p>x</p>'))}`);
      record.warcHeaders.headers.set('WARC-Payload-Digest', `sha256:${await sha256Hex(new TextEncoder().encode('<p>x</p>'))}`);
      await refused(await waczWith('data.warc', new Blob([await WARCSerializer.serialize(record) as BlobPart])), 'not-ours');
    });
  });
});
