// The archive store's invariant: every committed article write is indexed in the same transaction. One run drives
// every public write path (save, update, tags, notes, an article's images and those fetched again, a re-check's three outcomes, bulk tags, delete and its undo,
// import in each duplicate mode, an import cancelled, an import cut off and recovered, ZIP and WACZ imports with images,
// a backup restored) and after
// each step compares what search finds with a brute-force scan of the articles; each article write also moves the
// index's generation (notes too).
// And nothing outside the store and the search module reaches the index's writer.
import '../helpers/blob-reader-shim';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { saveArticle, deleteArticle } from '../../src/core/archive/save-article';
import { recordRecheck } from '../../src/core/archive/recheck-article';
import { deleteMany, restoreArticles, setNote, setTags, tagMany } from '../../src/core/archive/organize';
import { applyImport, type DuplicatePolicy } from '../../src/core/archive/import-apply';
import { recoverArchive, type ArchiveLocks } from '../../src/core/archive/recovery';
import { createBackup, restoreBackup } from '../../src/core/archive/backup';
import { buildArticle } from '../../src/core/archive/build-article';
import { indexGeneration } from '../../src/core/archive/store';
import { searchArchiveIds } from '../../src/core/search';
import { foldVietnamese } from '../../src/core/text/normalize';
import type { Article } from '../../src/core/types';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';
import { collect, seedMediaArchive } from '../helpers/media-archive';
import { exportZip } from '../../src/core/archive/export-zip';
import { exportWacz } from '../../src/core/archive/export-wacz';
import { openImport } from '../../src/core/archive/import-package';
import { captureArticleExtras } from '../../src/core/media/capture';
import { fetchMissedImages } from '../../src/core/media/refetch';
import { DEFAULT_MEDIA_SETTINGS } from '../../src/core/media/settings';

type Db = ReturnType<typeof freshDb>;

const WORDS = ['thác', 'đèo', 'suối', 'chè', 'lúa', 'ngô', 'bản', 'chợ', 'cầu', 'đường', 'trường', 'làng'];
const syl = (s: string) => s.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean).map((w) => foldVietnamese(w));
const fieldsOf = (a: Article) => [a.title, a.lead ?? '', a.bodyText, a.author ?? ''].flatMap(syl);

/** What search finds for each word and tag, and in all, against a scan of every article. */
async function expectIndexMatchesArticles(db: Db, step: string): Promise<void> {
  const articles = await db.articles.toArray();
  const all = await searchArchiveIds(db, '');
  expect(new Set(all.ids), `${step}: every article listed once`).toEqual(new Set(articles.map((a) => a.id)));
  expect(all.total, step).toBe(articles.length);
  for (const word of WORDS) {
    const folded = foldVietnamese(word);
    const expected = articles.filter((a) => fieldsOf(a).includes(folded)).map((a) => a.id);
    const found = await searchArchiveIds(db, `${word} `, { prefix: false });
    expect(new Set(found.ids), `${step}: "${word}"`).toEqual(new Set(expected));
  }
  for (const tag of new Set(articles.flatMap((a) => a.tags))) {
    const expected = articles.filter((a) => a.tags.some((t) => foldVietnamese(t) === foldVietnamese(tag))).map((a) => a.id);
    const found = await searchArchiveIds(db, '', { filters: { tag } });
    expect(new Set(found.ids), `${step}: tag ${tag}`).toEqual(new Set(expected));
  }
}

let n = 0;
const extracted = (words: string[], url?: string) => {
  const title = `Tin ${++n}: ${words.join(' ')}`;
  return sampleExtracted({ ...(url ? { url, canonicalUrl: url } : {}), title, bodyText: `${title}. Về ${words.join(', ')} ở vùng cao.`, bodyHtml: `<p>${title}</p>` });
};
const importRows = (articles: Article[]) => articles.map((article, i) => ({ row: i + 1, ok: true as const, article }));

const noLocks: ArchiveLocks = { exclusive: (_name, work) => work(), held: async () => new Set() };

describe('the archive store', () => {
  it('keeps the search index equal to the articles through every public write path, and moves its generation', async () => {
    const db = freshDb();
    let gen = await indexGeneration(db);
    /** Runs one write path, then checks the index against the articles and that the generation moved. */
    const step = async (name: string, write: () => Promise<unknown>, moves = true) => {
      await write();
      const now = await indexGeneration(db);
      if (moves) expect(now, `${name}: generation`).toBeGreaterThan(gen);
      gen = now;
      await expectIndexMatchesArticles(db, name);
    };

    const a = await buildArticle(extracted(['thác', 'đèo']), TUYEN_QUANG_SITE);
    let saved!: Article;
    await step('save', async () => { saved = (await saveArticle(db, extracted(['thác', 'suối']), TUYEN_QUANG_SITE)).article; });
    await step('save another', () => saveArticle(db, extracted(['chè', 'lúa']), TUYEN_QUANG_SITE));
    await step('update', () => saveArticle(db, extracted(['ngô', 'bản'], saved.url), TUYEN_QUANG_SITE, { mode: 'update' }));
    await step('tags', () => setTags(db, saved.id, ['Chợ phiên', 'quantrong']));
    await step('note', () => setNote(db, saved.id, 'Ghi chú về cầu treo.'));
    // An image a save missed (its server unreachable), then fetched again: media rows only, the index untouched.
    const image = `${TUYEN_QUANG_SITE.host}/anh.png`;
    let reachable = false;
    const fetcher = () => (reachable
      ? Promise.resolve(new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), { headers: { 'content-type': 'image/png' } }))
      : Promise.reject(new TypeError('Failed to fetch')));
    await step('images of a save', () => captureArticleExtras(db, { id: saved.id, images: [{ src: `https://${image}` }] }, null, DEFAULT_MEDIA_SETTINGS, { fetcher }), false);
    reachable = true;
    await step('images fetched again', async () => expect((await fetchMissedImages(db, saved.id, DEFAULT_MEDIA_SETTINGS, { fetcher })).kept).toBe(1), false);
    // A re-check: unchanged (dates only), gone (the mark), changed (new content, the old kept as a version).
    await step('re-check unchanged', () => recordRecheck(db, saved.id, { gone: false, extracted: { ...extracted(['ngô', 'bản'], saved.url), title: saved.title, bodyText: saved.bodyText }, site: TUYEN_QUANG_SITE }));
    await step('re-check gone', () => recordRecheck(db, saved.id, { gone: true }));
    await step('re-check changed', () => recordRecheck(db, saved.id, { gone: false, extracted: extracted(['cầu', 'chợ'], saved.url), site: TUYEN_QUANG_SITE }));
    const ids = (await db.articles.toArray()).map((x) => x.id);
    await step('tag many', () => tagMany(db, ids, 'vùng cao'));
    await step('untag many', () => tagMany(db, ids.slice(0, 1), 'vùng cao', { remove: true }));
    for (const [i, policy] of (['skip', 'overwrite', 'keep-both'] as DuplicatePolicy[]).entries()) {
      const fresh = await buildArticle(extracted(['đường', policy === 'skip' ? 'trường' : 'làng']), TUYEN_QUANG_SITE);
      const changed = { ...saved, title: `Sửa ${policy}: cầu đường`, bodyText: 'Cầu đường.', contentHash: String(i + 1).repeat(64) };
      await step(`import (${policy})`, () => applyImport(db, importRows([a, fresh, changed]), { onDuplicate: policy, journalId: `j-${policy}`, batchSize: 2 }));
    }
    // Imports that bring stored images and original pages: a ZIP, then a WACZ of other copies of those articles.
    for (const [kind, write] of [['ZIP', exportZip], ['WACZ', exportWacz]] as const) {
      const other = freshDb();
      await seedMediaArchive(other, 2);
      const file = await collect((sink) => write(other, sink, { generator: 'test', title: kind }));
      await step(`import ${kind} with images`, async () => {
        const plan = await openImport(file);
        await applyImport(db, plan.rows(), { media: plan.media, batchSize: plan.batchSize, journalId: kind, onDuplicate: 'keep-both' });
      });
    }
    expect(await db.media.count(), "the images, stored once whatever the copies, and the one fetched again").toBe(3);
    const deleted = await deleteMany(db, ids);
    await expectIndexMatchesArticles(db, 'delete many');
    await step('undo delete', () => restoreArticles(db, deleted));
    await step('delete one', () => deleteArticle(db, ids[1]));

    // An import cancelled after its first batch: undone from its journal.
    const controller = new AbortController();
    const cancelled = await Promise.all(['suối', 'chè', 'lúa'].map((w) => buildArticle(extracted([w, 'thác']), TUYEN_QUANG_SITE)));
    await step('import cancelled', () => applyImport(db, importRows(cancelled), { batchSize: 1, journalId: 'cancelled', signal: controller.signal, onProgress: () => controller.abort() }).catch(() => undefined));
    // An import cut off after its first batch (its page gone), then recovered.
    let firstBatch!: () => void;
    const written = new Promise<void>((r) => (firstBatch = r));
    async function* forever() {
      yield importRows(await Promise.all(['bản', 'chợ'].map((w) => buildArticle(extracted([w, 'đèo']), TUYEN_QUANG_SITE))));
      await new Promise(() => undefined);
    }
    void applyImport(db, forever(), { journalId: 'cut-off', onProgress: () => firstBatch() });
    await step('import cut off', () => written);
    await step('recovery', () => recoverArchive(db, noLocks));

    // A backup restored over later changes: the index is rebuilt with the restored articles.
    const backup = await createBackup(db);
    const before = await db.articles.count();
    await saveArticle(db, extracted(['trường']), TUYEN_QUANG_SITE);
    await step('restore', () => restoreBackup(db, backup));
    expect(await db.articles.count()).toBe(before);
  });

  it('is the only way into the search index\'s writer: no other module imports it', () => {
    const src = join(import.meta.dirname, '../../src');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
    const allowed = new Set(['core/archive/store.ts', 'core/archive/db.ts']);
    const offenders = files(src).filter((path) => {
      const rel = relative(src, path);
      if (rel.startsWith('core/search/') || allowed.has(rel)) return false;
      const text = readFileSync(path, 'utf8');
      return /from '[./]*(?:core\/)?search\/(?:index-writer|writer|schema)'/.test(text)
        || /\b(?:indexArticlesInTx|indexArticleInTx|unindexArticlesInTx|unindexArticleInTx|rebuildSearchIndexInTx|rebuildSearchIndex|flushSearchIndex|compactSearchIndex|maybeFlushSearchIndex)\b/.test(text);
    }).map((path) => relative(src, path));
    expect(offenders).toEqual([]);
  });
});
