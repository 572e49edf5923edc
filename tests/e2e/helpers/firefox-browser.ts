// Debian's firefox-esr with the Firefox build installed, driven by puppeteer-core over WebDriver BiDi. Pages are
// served at their real URLs by request interception (no network); the extension's pages have a preset origin.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { CorpusPage } from '../../helpers/corpus';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../../dist/firefox');
export const ADDON_ID = 'provincial-news-archiver@archiver.vn';
/** Preset in the profile, so the extension's pages have a known moz-extension:// origin. */
export const UUID = '6f1c7c1e-3a52-4c5b-9f1e-2b7a5d0c9e11';
export const ORIGIN = `moz-extension://${UUID}`;
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export const firefoxPresent = existsSync(FIREFOX);

declare const browser: any;  

export interface FirefoxSession {
  ff: Browser;
  profileDir: string;
  /** An extension page kept open to ask the extension's APIs (tabs, badge). */
  control: Page;
  /** Called for every page the session opens (to attach listeners before anything runs in it). */
  onPage: (page: Page) => void;
  openExtensionPage(path: string, readySelector: string): Promise<Page>;
  /** Opens a served page in a new tab; `onCreated` sees the tab before anything loads in it. */
  openPage(p: CorpusPage, options?: { waitUntil?: 'load' | 'domcontentloaded'; onCreated?: (page: Page) => unknown }): Promise<{ page: Page; tabId: number }>;
  waitForBadge(tabId: number, expected: string, timeoutMs?: number): Promise<string>;
  saveThroughPopup(tabId: number): Promise<Page>;
  close(): Promise<void>;
  /** Kills Firefox's process at once, as a crash or a power cut would (the profile stays where it is). */
  kill(): Promise<void>;
}

/**
 * `extensionDir`: another build (e.g. one with host permissions granted); `prefs`: more Firefox preferences;
 * `profileDir`: a profile kept by the caller (not removed on close), to start Firefox again on what an earlier session
 * left. The add-on is installed as a temporary one, which Firefox drops when it stops: its storage and origin are kept
 * for the next install of the same add-on, as an installed add-on's are across a restart.
 */
export async function launchFirefoxWithExtension(options: { pages: CorpusPage[]; onPage?: (page: Page) => void; extensionDir?: string; prefs?: Record<string, unknown>; profileDir?: string }): Promise<FirefoxSession> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} missing: run npm run build`);
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'pna-firefox-'));
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profileDir,
    // Lets BiDi navigate tabs to moz-extension:// pages (the extension's own archive and popup).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      'browser.download.useDownloadDir': true,
      'browser.download.folderList': 2,
      'browser.download.dir': profileDir,
      'browser.download.always_ask_before_handling_new_types': false,
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      ...options.prefs,
    },
  });
  const installed = await ff.installExtension(extensionDir);
  if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);
  const onPage = options.onPage ?? (() => {});

  const newPage = async () => {
    const page = await ff.newPage();
    onPage(page);
    return page;
  };

  /**
   * BiDi lets the test navigate a tab to a moz-extension:// page (with --remote-allow-system-access) but reports no
   * load events for it, so puppeteer's own waiting never ends and page.url() stays stale: navigate without waiting,
   * then ask the document itself until it is the page we want and ready.
   */
  async function openExtensionPage(path: string, readySelector: string): Promise<Page> {
    const url = `${ORIGIN}/${path}`;
    const page = await newPage();
    page.goto(url).catch(() => {});
    const start = Date.now();
    for (;;) {
      const ready = await page.evaluate((u: string, sel: string) => location.href === u && document.querySelector(sel) !== null, url, readySelector).catch(() => false);
      if (ready) return page;
      if (Date.now() - start > 20_000) throw new Error(`${url} did not open: is the extension installed with UUID ${UUID}?`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const control = await openExtensionPage('archive/archive.html', 'body[data-ready="true"]');

  async function openPage(p: CorpusPage, openOptions: { waitUntil?: 'load' | 'domcontentloaded'; onCreated?: (page: Page) => unknown } = {}): Promise<{ page: Page; tabId: number }> {
    const page = await newPage();
    await openOptions.onCreated?.(page);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url().split('#')[0];
      const hit = options.pages.find((c) => c.truth.url === url);
      // BiDi requests carry no resource type: images by their extension. A request of a page closed meanwhile
      // (hostile pages keep loading) is gone: nothing to answer.
      const answer = hit ? { status: 200, contentType: 'text/html; charset=utf-8', body: hit.html }
        : /\.(png|jpe?g|gif|webp|ico|bmp)(\?|$)/i.test(url) ? { status: 200, contentType: 'image/png', body: PIXEL }
          : { status: 404, contentType: 'text/plain', body: 'not in the test corpus' };
      req.respond(answer).catch(() => {});
    });
    await page.goto(p.truth.url, { waitUntil: openOptions.waitUntil ?? 'load' });
    await page.bringToFront();
    const tabId: number = await control.evaluate(async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    if (!(tabId > 0)) throw new Error(`no tab id for ${p.truth.url}`);
    return { page, tabId };
  }

  async function waitForBadge(tabId: number, expected: string, timeoutMs = 10_000): Promise<string> {
    const start = Date.now();
    let text = '';
    while (Date.now() - start < timeoutMs) {
      text = await control.evaluate((id: number) => browser.action.getBadgeText({ tabId: id }), tabId);
      if (text === expected) return text;
      await new Promise((r) => setTimeout(r, 150));
    }
    return text;
  }

  async function saveThroughPopup(tabId: number): Promise<Page> {
    const popup = await openExtensionPage(`popup/popup.html?tab=${tabId}`, 'main[data-state="ready"], main[data-state="error"]');
    await popup.click('[data-testid=save-button]');
    // Saved; a warning names images that could not be kept (the text is saved all the same).
    await popup.waitForSelector('#status.ok, #status.warn', { timeout: 30_000 });
    return popup;
  }

  return {
    ff, profileDir, control, onPage, openExtensionPage, openPage, waitForBadge, saveThroughPopup,
    async close() {
      await ff.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
    async kill() {
      const child = ff.process();
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
      await ff.disconnect().catch(() => {});
    },
  };
}

/**
 * Waits until `predicate` holds in the page, polling with `page.evaluate`. Puppeteer's own waitForFunction builds its
 * poller with `new Function` inside the page, which an extension page's CSP (no 'unsafe-eval') blocks in Firefox.
 */
export async function waitInPage<A extends unknown[]>(page: Page, predicate: (...args: A) => unknown, ...args: A): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (await page.evaluate(predicate as (...a: unknown[]) => unknown, ...args)) return;
    if (Date.now() > deadline) throw new Error(`waitInPage: still false after 30 s: ${predicate.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
