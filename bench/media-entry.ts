// Runs inside the extension's own archive page for `npm run bench -- media`: two archives of the same generated
// articles, one with 3 stored images (and the original page) per article, one text only; saves through the real
// save and capture code (images fetched from the bench's local server), ZIP and WACZ exports, and search on both.
import { openArchiveDb, type ArchiveDb } from '../src/core/archive/db';
import { applyImport } from '../src/core/archive/import-apply';
import { saveArticle } from '../src/core/archive/save-article';
import { writeArchive } from '../src/core/archive/store';
import { flushSearchIndex } from '../src/core/search/index-writer';
import { searchArchive } from '../src/core/search';
import { captureArticleExtras, type PageCapture } from '../src/core/media/capture';
import { DEFAULT_MEDIA_SETTINGS } from '../src/core/media/settings';
import { gzipText, sha256Hex } from '../src/core/media/bytes';
import { exportZip } from '../src/core/archive/export-zip';
import { exportWacz } from '../src/core/archive/export-wacz';
import { openImport } from '../src/core/archive/import-package';
import type { ArticleMediaRow, MediaRow, OriginalRow } from '../src/core/archive/media-rows';
import type { Article } from '../src/core/types';
import { sanitizeImportedHtml } from '../src/archive/imported-html';
import { chainSource, generateArticle, type WordSource } from './search-corpus';
import { makeBenchQueries } from './search-queries';

const dbs: Record<'images' | 'text', ArchiveDb | null> = { images: null, text: null };
let source: WordSource | undefined;
let imageBase = '';
const IMAGES_PER_ARTICLE = 3;

const heapMB = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1_048_576;

/** Article i with its 3 images, as an extraction would give it (addresses on the bench's image server). */
function articleWithImages(i: number, bodyWords: number): Article {
  const a = generateArticle(i, { source, bodyWords });
  const images = Array.from({ length: IMAGES_PER_ARTICLE }, (_, k) => ({ src: `${imageBase}/img/${i}/${k}.jpg`, caption: `Ảnh ${k + 1}`, alt: null }));
  const figures = images.map((im) => `<figure><img src="${im.src}"><figcaption>${im.caption}</figcaption></figure>`).join('');
  return { ...a, images, bodyHtml: a.bodyHtml + figures };
}

/** The page as the content script would hand it over: the article in a page around it. */
function pageOf(a: Article): PageCapture {
  return { html: `<!doctype html><html><head><meta charset="utf-8"><title>${a.title}</title></head><body><header>Cổng thông tin</header><article><h1>${a.title}</h1>${a.bodyHtml}</article><footer>…</footer></body></html>`, url: a.url, contentType: 'text/html' };
}

/** Distinct JPEG-looking bytes (a JFIF header, then random data): the sniffer accepts them, no two hash alike. */
function jpegBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65536) crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65536)));
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], 0);
  return bytes;
}

async function openDb(kind: 'images' | 'text'): Promise<ArchiveDb> {
  const db = openArchiveDb({ name: `bench-media-${kind}` });
  await db.delete();
  await db.open();
  dbs[kind] = db;
  return db;
}

/** A sink that counts and drops the bytes (the figures are the exporter's, not the disk's). */
function discardSink(counter: { bytes: number }): WritableStream<Uint8Array> {
  return new WritableStream({ write(chunk) { counter.bytes += chunk.byteLength; } });
}

const api = {
  async open(texts: string[], base: string) {
    source = chainSource(texts) ?? undefined;
    imageBase = base;
    await openDb('images');
    await openDb('text');
  },
  /**
   * BULK FILL (not the save path): articles [from, to) into both archives through the import path (article and
   * index), and for the image archive 3 generated images and the original page each, through the store's writer.
   */
  async fill(from: number, to: number, bodyWords: number, imageBytes: number) {
    const articles = Array.from({ length: to - from }, (_, j) => articleWithImages(from + j, bodyWords));
    const rows = articles.map((article, j) => ({ row: from + j + 1, ok: true as const, article }));
    const t0 = performance.now();
    await applyImport(dbs.text!, rows.map((r) => ({ ...r, article: { ...r.article, images: [] } })), { batchSize: 500, sanitizeHtml: sanitizeImportedHtml });
    await applyImport(dbs.images!, rows, { batchSize: 500, sanitizeHtml: sanitizeImportedHtml });
    const now = new Date().toISOString();
    for (let at = 0; at < articles.length; at += 25) {
      const media: MediaRow[] = [];
      const links: ArticleMediaRow[] = [];
      const originals: OriginalRow[] = [];
      for (const a of articles.slice(at, at + 25)) {
        const hashes: string[] = [];
        for (const im of a.images) {
          const bytes = jpegBytes(imageBytes);
          const sha256 = await sha256Hex(bytes);
          hashes.push(sha256);
          media.push({ sha256, type: 'image/jpeg', size: bytes.byteLength, blob: new Blob([bytes as BlobPart], { type: 'image/jpeg' }), url: im.src, storedAt: now });
        }
        links.push({ articleId: a.id, hashes, items: a.images.map((im, k) => ({ src: im.src, role: 'body' as const, sha256: hashes[k] })) });
        const page = pageOf(a);
        const { gzip, size, sha256 } = await gzipText(page.html);
        originals.push({ articleId: a.id, url: a.url, capturedAt: now, html: gzip, size, sha256, contentType: page.contentType });
      }
      await writeArchive(dbs.images!, async (w) => { await w.putMedia(media); await w.putArticleMedia(links); await w.putOriginals(originals); });
    }
    return performance.now() - t0;
  },
  async flush() {
    await flushSearchIndex(dbs.text!);
    await flushSearchIndex(dbs.images!);
  },
  /**
   * The save path, one article at a time as the popup saves: the text in its transaction, then (with images) the
   * capture fetches each image from the local server and stores it and the original page. Returns each save's ms.
   */
  async saves(from: number, to: number, bodyWords: number, withImages: boolean) {
    const db = withImages ? dbs.images! : dbs.text!;
    const settings = withImages ? DEFAULT_MEDIA_SETTINGS : { ...DEFAULT_MEDIA_SETTINGS, images: false, originals: false };
    const ms: number[] = [];
    for (let i = from; i < to; i++) {
      const a = articleWithImages(i, bodyWords);
      const extracted = withImages ? a : { ...a, images: [] };
      const t0 = performance.now();
      const saved = await saveArticle(db, extracted, a.site, { now: new Date() });
      await captureArticleExtras(db, saved.article, pageOf(a), settings, { fetcher: (url, init) => fetch(url, { ...init, referrerPolicy: 'no-referrer' }) });
      ms.push(performance.now() - t0);
    }
    return ms;
  },
  async storageMB() {
    return ((await navigator.storage.estimate()).usage ?? 0) / 1_048_576;
  },
  /** What each archive holds, to count what a run lost. */
  async counts() {
    const out: Record<string, number> = {};
    for (const kind of ['images', 'text'] as const) {
      const db = dbs[kind]!;
      out[`${kind}Articles`] = await db.articles.count();
      out[`${kind}Media`] = await db.media.count();
      let linked = 0;
      await db.articleMedia.each((r) => { linked += r.hashes.length; });
      out[`${kind}Linked`] = linked;
    }
    return out;
  },
  /** One package export of the image archive into a sink that drops the bytes, the JS heap sampled as it runs. */
  async exportPackage(format: 'zip' | 'wacz') {
    (globalThis as { __pnaExportDone?: number }).__pnaExportDone = 0;
    (globalThis as { gc?: () => void }).gc?.();
    const base = heapMB();
    let peak = base;
    const timer = setInterval(() => { peak = Math.max(peak, heapMB()); }, 50);
    const counter = { bytes: 0 };
    // Every 1,000 articles a full collection, then the heap: what the export keeps alive (the sampled peak also
    // counts garbage not yet collected).
    let live = base;
    let nextGc = 1000;
    const onProgress = ({ done }: { done: number }) => {
      // Read by a caller that takes heap snapshots mid-export (bench/heap.ts).
      (globalThis as { __pnaExportDone?: number }).__pnaExportDone = done;
      peak = Math.max(peak, heapMB());
      if (done < nextGc) return;
      nextGc += 1000;
      (globalThis as { gc?: () => void }).gc?.();
      live = Math.max(live, heapMB());
    };
    const options = { generator: 'bench', now: new Date(0), onProgress };
    const t0 = performance.now();
    try {
      const count = format === 'zip' ? await exportZip(dbs.images!, discardSink(counter), options) : await exportWacz(dbs.images!, discardSink(counter), { ...options, title: 'bench' });
      return { ms: performance.now() - t0, count, bytes: counter.bytes, baseHeapMB: base, peakHeapMB: peak, liveHeapMB: live };
    } finally {
      clearInterval(timer);
    }
  },
  /**
   * The first `n` articles of the image archive exported as a package into a file (Blob), then imported into a fresh
   * archive the way the archive page imports (journal, sanitizer, the plan's media): times, peak heap of the import,
   * and what came back against what went out.
   */
  async roundTrip(format: 'zip' | 'wacz', n: number) {
    const from = dbs.images!;
    const ids = await from.articles.orderBy('id').limit(n).primaryKeys();
    const parts: Blob[] = [];
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const keep = () => { parts.push(new Blob(pending as BlobPart[])); pending = []; pendingBytes = 0; };
    const sink = new WritableStream<Uint8Array>({
      write(chunk) { pending.push(chunk.slice()); pendingBytes += chunk.byteLength; if (pendingBytes > 32 * 1_048_576) keep(); },
      close: keep,
    });
    let t0 = performance.now();
    const options = { generator: 'bench', filter: { ids } };
    await (format === 'zip' ? exportZip(from, sink, options) : exportWacz(from, sink, { ...options, title: 'bench' }));
    const exportMs = performance.now() - t0;
    const file = new Blob(parts);
    const to = openArchiveDb({ name: 'bench-media-import' });
    await to.delete();
    await to.open();
    (globalThis as { gc?: () => void }).gc?.();
    const base = heapMB();
    let peak = base;
    const timer = setInterval(() => { peak = Math.max(peak, heapMB()); }, 50);
    t0 = performance.now();
    try {
      const plan = await openImport(file);
      const report = await applyImport(to, plan.rows(), { journalId: `bench-${format}`, total: plan.source.valid, media: plan.media, batchSize: plan.batchSize, sanitizeHtml: sanitizeImportedHtml });
      await plan.close();
      const importMs = performance.now() - t0;
      const wanted = new Set(ids);
      const sent = { media: new Set<string>(), linked: 0, originals: 0 };
      for (const r of await from.articleMedia.bulkGet(ids)) for (const h of r?.hashes ?? []) { sent.media.add(h); sent.linked++; }
      sent.originals = (await from.originals.bulkGet(ids)).filter(Boolean).length;
      let linked = 0;
      await to.articleMedia.each((r) => { if (wanted.has(r.articleId)) linked += r.hashes.length; });
      const back = { articles: await to.articles.count(), media: await to.media.count(), linked, originals: await to.originals.count() };
      const lost = Math.max(0, n - back.articles) + Math.max(0, sent.media.size - back.media) + Math.max(0, sent.linked - back.linked) + Math.max(0, sent.originals - back.originals);
      return { fileMB: file.size / 1_048_576, exportMs, importMs, added: report.added, baseHeapMB: base, peakHeapMB: peak, back, lost };
    } finally {
      clearInterval(timer);
      await to.delete();
    }
  },
  /** A WACZ of the first `n` articles, made by the extension's exporter, as bytes (base64) for the caller to write. */
  async smallWacz(n: number) {
    const ids = (await dbs.images!.articles.orderBy('id').limit(n).toArray()).map((a) => a.id);
    const parts: Uint8Array[] = [];
    await exportWacz(dbs.images!, new WritableStream({ write(chunk) { parts.push(chunk.slice()); } }), { generator: 'bench', title: 'bench', filter: { ids } });
    const blob = new Blob(parts as BlobPart[]);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (let at = 0; at < bytes.length; at += 32768) bin += String.fromCharCode(...bytes.subarray(at, at + 32768));
    return btoa(bin);
  },
  /** The same queries against both archives, alternating, `rounds` times: ms of each (images, text). */
  async search(count: number, texts: string[], rounds: number) {
    const sample = Array.from({ length: 50 }, (_, i) => generateArticle(i * 37, { source, bodyWords: 80 }));
    void texts;
    const queries = makeBenchQueries(sample, count);
    const out = { images: [] as number[], text: [] as number[] };
    // Steady state on both: the exports before this read gigabytes from one archive and left garbage behind, so a
    // full collection, then one round of every query on each archive unmeasured.
    (globalThis as { gc?: () => void }).gc?.();
    for (const kind of ['images', 'text'] as const) for (const q of queries) await searchArchive(dbs[kind]!, q.text, { filters: q.filters, limit: 20 });
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        for (const kind of (r % 2 ? ['text', 'images'] as const : ['images', 'text'] as const)) {
          const t0 = performance.now();
          await searchArchive(dbs[kind]!, q.text, { filters: q.filters, limit: 20 });
          out[kind].push(performance.now() - t0);
        }
      }
    }
    return out;
  },
  async drop() {
    for (const kind of ['images', 'text'] as const) await dbs[kind]?.delete();
  },
};

(globalThis as Record<string, unknown>).__pnaMediaBench = api;
export type MediaBenchApi = typeof api;
