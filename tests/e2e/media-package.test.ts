// "JSON + tệp ảnh" (ZIP) in real Chromium: an archive with a stored image and an original page is exported from the
// archive page and imported into a fresh profile; the image and the original are there, byte for byte. And the
// WACZ export runs under the extension page's CSP (no workers, no WebAssembly).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WARCParser } from 'warcio';
import { BlobReader, BlobWriter, ZipReader, sha256Hex } from '../../src/core/archive/zip-io';
import { importReadingArchive, writeReadingArchive } from './helpers/reading-archive';
import { launchWithExtension, openArchive, type ExtensionSession } from './helpers/extension-browser';

const IMAGE = [0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 500 }, (_, i) => (i * 31) & 0xff)];

/** Stored media rows as the save path writes them (the test seeds them straight into IndexedDB). */
async function seedMedia(archive: Page, articleId: string): Promise<string> {
  return archive.evaluate(async ({ articleId, image }) => {
    const bytes = new Uint8Array(image);
    const hex = async (b: BufferSource) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', b))].map((x) => x.toString(16).padStart(2, '0')).join('');
    const sha256 = await hex(bytes);
    const html = new TextEncoder().encode('<html><body><h1>Bản gốc</h1></body></html>');
    const gz = await new Response(new Blob([html]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
    const originalSha = await hex(html);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('provincial-news-archive');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['media', 'articleMedia', 'originals'], 'readwrite');
    const url = 'https://bdt.tuyenquang.gov.vn/anh/hoi-nghi.jpg';
    tx.objectStore('media').put({ sha256, type: 'image/jpeg', size: bytes.length, blob: new Blob([bytes], { type: 'image/jpeg' }), url, storedAt: '2026-11-01T08:00:00.000Z' });
    tx.objectStore('articleMedia').put({ articleId, hashes: [sha256], items: [{ src: url, role: 'body', sha256 }] });
    tx.objectStore('originals').put({ articleId, url: 'https://bdt.tuyenquang.gov.vn/tin-tuc/anh.html', capturedAt: '2026-11-01T08:00:00.000Z', html: gz, size: html.length, sha256: originalSha, contentType: 'text/html' });
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
    return sha256;
  }, { articleId, image: IMAGE });
}

/** What the archive holds for the article: its image's bytes and its original's hash. */
function storedMedia(archive: Page, articleId: string) {
  return archive.evaluate(async (articleId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('provincial-news-archive');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const get = <T>(store: string, key: string) => new Promise<T | undefined>((resolve) => {
      const req = db.transaction(store).objectStore(store).get(key);
      req.onsuccess = () => resolve(req.result as T | undefined);
    });
    const links = await get<{ hashes: string[] }>('articleMedia', articleId);
    const image = links ? await get<{ blob: Blob; type: string }>('media', links.hashes[0]) : undefined;
    const original = await get<{ sha256: string; html: Blob }>('originals', articleId);
    db.close();
    return { hashes: links?.hashes ?? [], bytes: image ? [...new Uint8Array(await image.blob.arrayBuffer())] : [], type: image?.type, original: original?.sha256 };
  }, articleId);
}

const noticeIncludes = (archive: Page, text: string) =>
  archive.waitForFunction((text) => document.querySelector('[data-testid=notice]')?.textContent?.includes(text), text, { timeout: 60_000 });

describe('export with images (ZIP) and import into a fresh profile', () => {
  let dir: string;
  const sessions: ExtensionSession[] = [];
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'pna-media-package-')); });
  afterAll(async () => {
    for (const s of sessions) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries the stored image and original page to another profile', async () => {
    const first = await launchWithExtension();
    sessions.push(first);
    const archive = await openArchive(first);
    const { path, articles } = await writeReadingArchive(dir);
    await importReadingArchive(archive, path, articles.length);
    const id = articles[2].id;
    const sha256 = await seedMedia(archive, id);

    await archive.selectOption('[data-testid=export-format]', 'zip');
    const [download] = await Promise.all([archive.waitForEvent('download'), archive.getByTestId('export-json').click()]);
    expect(download.suggestedFilename()).toMatch(/^archive-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = join(dir, 'export.zip');
    await download.saveAs(zip);
    await noticeIncludes(archive, `Đã xuất ${articles.length}`);

    await archive.selectOption('[data-testid=export-format]', 'wacz');
    const [wacz] = await Promise.all([archive.waitForEvent('download'), archive.getByTestId('export-json').click()]);
    expect(wacz.suggestedFilename()).toMatch(/\.wacz$/);
    await wacz.saveAs(join(dir, 'export.wacz'));
    // The WACZ the page wrote: its datapackage hashes match, every page has a record, the image is in the WARC.
    const entries = new Map<string, Blob>();
    for (const e of await new ZipReader(new BlobReader(new Blob([readFileSync(join(dir, 'export.wacz'))]))).getEntries()) {
      if (!e.directory) entries.set(e.filename, await e.getData(new BlobWriter()));
    }
    const datapackage = JSON.parse(await entries.get('datapackage.json')!.text()) as { resources: Array<{ path: string; hash: string }> };
    for (const r of datapackage.resources) expect(r.hash).toBe(`sha256:${await sha256Hex(entries.get(r.path)!)}`);
    const urls: string[] = [];
    for await (const record of new WARCParser(entries.get('archive/data.warc.gz')!.stream())) {
      if (record.warcType === 'response' || record.warcType === 'resource') urls.push(record.warcTargetURI!);
      await record.readFully(false);
    }
    expect(urls).toContain('https://bdt.tuyenquang.gov.vn/anh/hoi-nghi.jpg');
    const pages = (await entries.get('pages/pages.jsonl')!.text()).trim().split('\n').slice(1).map((l) => (JSON.parse(l) as { url: string }).url);
    expect(pages).toHaveLength(articles.length);
    for (const url of pages) expect(urls).toContain(url);

    const second = await launchWithExtension();
    sessions.push(second);
    const fresh = await openArchive(second);
    await importReadingArchive(fresh, zip, articles.length);
    const stored = await storedMedia(fresh, id);
    expect(stored).toEqual({ hashes: [sha256], bytes: IMAGE, type: 'image/jpeg', original: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
  }, 180_000);
});
