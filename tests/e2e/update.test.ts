// An update keeps everything: the build before the search index (archive schema v1) saves articles, the current
// build replaces it in the same profile and folder (same extension id), every article is there and searchable, and
// the new build's service worker saves and indexes new articles in the upgraded archive.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus, corpusPresent, CORPUS_SKIP_MESSAGE, type CorpusPage } from '../helpers/corpus';
import { launchWithExtension, openArchive, openPopupFor, tabIdOf, EXTENSION_DIR } from './helpers/extension-browser';

const root = resolve(import.meta.dirname, '../..');

/** The last commit before the archive schema got its version 2, or null in a clone without that history. */
function previousRelease(): string | null {
  try {
    const introduced = execFileSync('git', ['log', '--format=%H', '-n1', '-S', 'db.version(2)', '--', 'src/core/archive/db.ts'], { cwd: root, encoding: 'utf8' }).trim();
    return introduced ? execFileSync('git', ['rev-parse', `${introduced}^`], { cwd: root, encoding: 'utf8' }).trim() : null;
  } catch {
    return null;
  }
}

const previous = previousRelease();
const skipReason = !corpusPresent ? CORPUS_SKIP_MESSAGE : !previous ? 'git history without the schema-v1 build: update test skipped' : '';
if (skipReason) console.warn(skipReason);

describe.skipIf(!!skipReason)('updating the extension', () => {
  const work = mkdtempSync(join(tmpdir(), 'pna-update-'));
  const extensionDir = join(work, 'extension');
  const profileDir = join(work, 'profile');
  const corpus = loadCorpus();
  const pages = ['a01', 'a09', 'a03'].map((id) => corpus.find((p) => p.id.startsWith(id)) as CorpusPage);

  beforeAll(() => {
    // Build the previous release from git, with this checkout's node_modules.
    const src = join(work, 'previous');
    mkdirSync(src);
    execFileSync('sh', ['-c', `git archive ${previous} | tar -x -C "${src}"`], { cwd: root });
    symlinkSync(join(root, 'node_modules'), join(src, 'node_modules'));
    execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: src, stdio: 'pipe' });
    execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/package-variants.ts'], { cwd: src, stdio: 'pipe' });
    cpSync(join(src, 'dist/chromium'), extensionDir, { recursive: true });
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps every article, and makes them searchable, after the new build replaces the old one', async () => {
    const old = await launchWithExtension({ pages: corpus, profileDir, extensionDir });
    const id = old.extensionId;
    for (const p of pages.slice(0, 2)) {
      const page = await old.context.newPage();
      await page.goto(p.truth.url);
      const popup = await openPopupFor(old, await tabIdOf(old, page));
      await popup.getByTestId('save-button').click();
      await popup.waitForSelector('#status.ok');
    }
    await old.close();

    // The update: same folder, new files, a higher version. An update from the store also registers the new build's
    // service worker; a relaunch with --load-extension keeps the old registration, and with it the old worker's code
    // (even with a higher version), so the registration is cleared as the update would replace it.
    rmSync(extensionDir, { recursive: true, force: true });
    cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
    const manifestPath = join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
    rmSync(join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
    const updated = await launchWithExtension({ pages: corpus, profileDir, extensionDir });
    try {
      expect(updated.extensionId).toBe(id);
      const archive = await openArchive(updated);
      // Its first opening upgraded the archive (re-indexing every article) and says so.
      expect(await archive.textContent('[data-testid=notice]')).toBe('Đã nâng cấp kho lưu trữ: 2 bài, vẫn đủ và tìm được như trước.');
      expect(await archive.textContent('[data-testid=result-count]')).toBe('2');
      await archive.fill('[data-testid=search-input]', 'cai cach hanh chinh');
      await archive.press('[data-testid=search-input]', 'Enter');
      await archive.waitForFunction(() => document.querySelector('[data-testid=result-count]')?.textContent === '1');
      expect(await archive.textContent('[data-testid=result-item] .title')).toBe(pages[0].truth.title);
      // The old saves still answer as "already archived" in the new popup.
      const page = await updated.context.newPage();
      await page.goto(pages[1].truth.url);
      const popup = await openPopupFor(updated, await tabIdOf(updated, page));
      expect(await popup.textContent('[data-testid=popup-status]')).toMatch(/^Bài này đã có trong kho/);
      // The new worker saves into the upgraded archive and indexes what it saves (the old worker's code, which had no
      // search index, would save an article that no search finds).
      const third = await updated.context.newPage();
      await third.goto(pages[2].truth.url);
      const thirdPopup = await openPopupFor(updated, await tabIdOf(updated, third));
      await thirdPopup.getByTestId('save-button').click();
      await thirdPopup.waitForSelector('#status.ok');
      await archive.reload();
      await archive.waitForSelector('body[data-ready="true"]');
      await archive.fill('[data-testid=search-input]', 'nong thon moi');
      await archive.press('[data-testid=search-input]', 'Enter');
      await archive.waitForFunction((title) => document.querySelector('[data-testid=result-item] .title')?.textContent === title, pages[2].truth.title);
      expect(await archive.textContent('[data-testid=result-count]')).toBe('1');
    } finally {
      await updated.close();
    }
  });
});
