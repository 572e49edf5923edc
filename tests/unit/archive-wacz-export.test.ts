// The WACZ export opens in a WARC reader: every record parses, datapackage.json's hashes and sizes are the files',
// every page of pages.jsonl has its record, and each CDXJ line's offset and length point at the record it names.
import { WARCParser } from 'warcio';
import { exportWacz } from '../../src/core/archive/export-wacz';
import { BlobReader, BlobWriter, ZipReader, sha256Hex } from '../../src/core/archive/zip-io';
import { freshDb } from '../helpers/sample-article';
import { collect, seedMediaArchive } from '../helpers/media-archive';

async function files(wacz: Blob): Promise<Map<string, Blob>> {
  const out = new Map<string, Blob>();
  for (const entry of await new ZipReader(new BlobReader(wacz)).getEntries()) {
    if (!entry.directory) out.set(entry.filename, await entry.getData(new BlobWriter()));
  }
  return out;
}

describe('WACZ export', () => {
  it('is a valid WACZ 1.1.1 whose WARC a reader parses record by record', async () => {
    const db = freshDb();
    await seedMediaArchive(db, 5);
    const wacz = await collect((sink) => exportWacz(db, sink, { generator: 'test', title: 'Lưu trữ thử', pageSize: 2 }));
    const entries = await files(wacz);
    expect([...entries.keys()].sort()).toEqual(['archive/data.warc.gz', 'datapackage-digest.json', 'datapackage.json', 'indexes/index.cdx', 'pages/pages.jsonl']);

    const datapackage = JSON.parse(await entries.get('datapackage.json')!.text()) as { profile: string; wacz_version: string; resources: Array<{ path: string; hash: string; bytes: number }> };
    expect(datapackage).toMatchObject({ profile: 'data-package', wacz_version: '1.1.1' });
    expect(datapackage.resources.map((r) => r.path).sort()).toEqual(['archive/data.warc.gz', 'indexes/index.cdx', 'pages/pages.jsonl']);
    for (const r of datapackage.resources) {
      const blob = entries.get(r.path)!;
      expect(r.bytes, r.path).toBe(blob.size);
      expect(r.hash, r.path).toBe(`sha256:${await sha256Hex(blob)}`);
    }
    const digest = JSON.parse(await entries.get('datapackage-digest.json')!.text()) as { path: string; hash: string };
    expect(digest).toEqual({ path: 'datapackage.json', hash: `sha256:${await sha256Hex(entries.get('datapackage.json')!)}` });

    // Every record parses; its payload has the digest it states.
    const warc = entries.get('archive/data.warc.gz')!;
    const parser = new WARCParser(warc.stream());
    const records: Array<{ type: string; url: string; date: string; offset: number; length: number; status?: number | string }> = [];
    for await (const record of parser) {
      const payload = await record.readFully(false);
      if (record.warcType !== 'warcinfo') expect(record.warcPayloadDigest).toBe(`sha256:${await sha256Hex(payload)}`);
      records.push({ type: record.warcType, url: record.warcTargetURI ?? '', date: record.warcDate ?? '', offset: parser.offset, length: parser.recordLength, status: record.httpHeaders?.statusCode });
    }
    expect(records[0].type).toBe('warcinfo');
    expect(records.filter((r) => r.type === 'response' && r.url.endsWith('.jpg'))).toHaveLength(5); // "shared" once, four own
    expect(records.filter((r) => r.type === 'metadata')).toHaveLength(5);
    expect(records.filter((r) => r.type === 'resource'), 'the article without an original').toHaveLength(1);

    // Each page has its record at its url and time.
    const [header, ...pages] = (await entries.get('pages/pages.jsonl')!.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(header).toEqual({ format: 'json-pages-1.0', id: 'pages', title: 'Lưu trữ thử', hasText: true });
    expect(pages).toHaveLength(5);
    for (const page of pages) {
      expect(page.text).toMatch(/Nội dung bài \d/);
      expect(records.some((r) => (r.type === 'response' || r.type === 'resource') && r.url === page.url && r.date === page.ts), String(page.url)).toBe(true);
    }

    // CDXJ: sorted, and every line points at the record it names.
    const cdx = (await entries.get('indexes/index.cdx')!.text()).trim().split('\n');
    expect([...cdx].sort()).toEqual(cdx);
    expect(cdx).toHaveLength(records.filter((r) => r.type === 'response' || r.type === 'resource').length);
    for (const line of cdx) {
      const fields = JSON.parse(line.slice(line.indexOf('{'))) as { url: string; offset: string; length: string; filename: string };
      expect(fields.filename).toBe('data.warc.gz');
      const at = records.find((r) => r.offset === Number(fields.offset));
      expect(at, line).toMatchObject({ url: fields.url, length: Number(fields.length) });
      const one = await WARCParser.parse(warc.slice(Number(fields.offset), Number(fields.offset) + Number(fields.length)).stream());
      expect(one?.warcTargetURI).toBe(fields.url);
    }
  });
});
