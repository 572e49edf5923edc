// An update keeps everything: an archive as the first release (schema v1, before the search index) left it in the
// browser — a committed dump, tests/fixtures/archive-v1 — is opened by the current build, which upgrades it: every
// article is there and searchable, old saves still answer as archived, and new saves are indexed too.
// (Needs no git history: the old layout comes from the fixture, not from building an old commit.)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPageDir } from '../../eval/pages';
import { loadSitePages } from '../helpers/site-fixtures';
import { launchWithExtension, openArchive, openPopupFor, tabIdOf, type ExtensionSession } from './helpers/extension-browser';

const fixtures = resolve(import.meta.dirname, '../fixtures');
const dump = JSON.parse(readFileSync(join(fixtures, 'archive-v1/archive-v1.json'), 'utf8'));
const pages = [...loadSitePages(), ...loadPageDir(join(fixtures, 'extract'), 'fixtures')];
const page = (prefix: string) => pages.find((p) => p.id.startsWith(prefix))!;

interface Dump {
  database: string;
  idbVersion: number;
  stores: Array<{ name: string; keyPath: string; autoIncrement: boolean; indexes: Array<{ name: string; keyPath: string; unique: boolean; multiEntry: boolean }> }>;
  rows: Record<string, unknown[]>;
}

/** Writes the dump into the extension's IndexedDB (from its worker, before any extension page opened the archive). */
async function restoreDump(session: ExtensionSession, d: Dump): Promise<number> {
  const sw = await session.serviceWorker();
  return sw.evaluate((d: Dump) => new Promise<number>((done, fail) => {
    const open = indexedDB.open(d.database, d.idbVersion);
    open.onupgradeneeded = () => {
      if (open.result.objectStoreNames.length) fail(new Error('the archive already existed'));
      for (const s of d.stores) {
        const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    };
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(Object.keys(d.rows), 'readwrite');
      for (const [name, rows] of Object.entries(d.rows)) for (const row of rows) tx.objectStore(name).add(row);
      tx.oncomplete = () => { const version = db.version; db.close(); done(version); };
      tx.onerror = () => fail(tx.error);
    };
  }), d);
}

describe('updating the extension', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchWithExtension({ pages });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('keeps every article of a schema-v1 archive, and makes them searchable, when the current build opens it', async () => {
    expect(await restoreDump(session, dump)).toBe(10);
    const archive = await openArchive(session);
    // Its first opening upgraded the archive (re-indexing every article) and says so.
    expect(await archive.textContent('[data-testid=notice]')).toBe('Đã nâng cấp kho lưu trữ: 3 bài, vẫn đủ và tìm được như trước.');
    expect(await archive.textContent('[data-testid=result-count]')).toBe('3');
    await archive.fill('[data-testid=search-input]', 'cau binh ca');
    await archive.press('[data-testid=search-input]', 'Enter');
    await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
    expect(await archive.textContent('[data-testid=result-item] .title')).toBe(page('s01').truth.title);
    // Tags and notes written by the first release are still there.
    await archive.locator('[data-testid=result-item] a.title').first().click();
    await archive.waitForSelector('#reader-view:not([hidden])');
    expect(await archive.inputValue('[data-testid=reader-note]')).toBe('ghi chú từ bản đầu tiên');
    expect(await archive.inputValue('[data-testid=reader-tags]')).toBe('giao thông');

    // The old saves still answer as "already archived" in the popup.
    const old = await session.context.newPage();
    await old.goto(page('f02').truth.url);
    const popup = await openPopupFor(session, await tabIdOf(session, old));
    expect(await popup.textContent('[data-testid=popup-status]')).toMatch(/^Bài này đã có trong kho/);
    await popup.close();

    // A new save goes into the upgraded archive and is indexed.
    const next = await session.context.newPage();
    await next.goto(page('f12').truth.url);
    const nextPopup = await openPopupFor(session, await tabIdOf(session, next));
    await nextPopup.getByTestId('save-button').click();
    await nextPopup.waitForSelector('#status.ok');
    await archive.goto(archive.url().split('#')[0]);
    await archive.waitForSelector('body[data-ready="true"]');
    await archive.fill('[data-testid=search-input]', 'quoc te phu nu');
    await archive.press('[data-testid=search-input]', 'Enter');
    await archive.waitForFunction((title) => document.querySelector('[data-testid=result-item] .title')?.textContent === title, page('f12').truth.title);
    expect(await archive.textContent('[data-testid=result-count]')).toBe('1');
    await archive.close();
  });
});
