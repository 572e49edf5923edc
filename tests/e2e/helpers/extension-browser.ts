 
declare const chrome: any;
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CorpusPage } from '../../helpers/corpus';

// PNA_EXTENSION_DIR runs the suite against another build (e.g. the main branch's, to see a test fail before a fix).
export const EXTENSION_DIR = process.env.PNA_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../../dist/chromium');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A 1×1 transparent PNG for every image the pages ask for: the machines have no network.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A copy of the built extension with these hosts' permission granted up front (see extensionCopy). */
export const extensionWithHostsGranted = (hosts: string[]): string =>
  extensionCopy((manifest) => { manifest.host_permissions = hosts.map((host) => `*://${host}/*`); });

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  pages?: CorpusPage[];
  profileDir?: string;
  extraArgs?: string[];
  extensionDir?: string;
  withoutDefaultArgs?: string[];
  /** Requests (by URL) left unanswered for ever, as an image server that never replies: the page's `load` never fires. */
  stall?: (url: string) => boolean;
  /**
   * The test's own routes, answering what `pages` and the image stand-in do not, in place before the catch-all: a
   * relaunched profile's extension fetches at once (a resumed bulk run), and must never meet the catch-all's 404.
   */
  routes?: (context: BrowserContext) => Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} missing: run npm run build first`);
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'pna-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'vi-VN',
    acceptDownloads: true,
    // Chromium on Linux takes its UI language (and so the extension's locale) from LANGUAGE.
    env: { ...process.env, LANGUAGE: 'vi', LANG: 'vi_VN.UTF-8' },
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--lang=vi',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.extraArgs ?? []),
    ],
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages', ...(options.withoutDefaultArgs ?? [])],
  });
  const byUrl = new Map((options.pages ?? []).map((p) => [p.truth.url, p]));
  await options.routes?.(context);
  await context.route(/^https?:\/\//, async (route) => {
    const request = route.request();
    const url = request.url().split('#')[0];
    if (options.stall?.(url)) return; // never fulfilled: the request stays pending until the page goes away
    const page = byUrl.get(url);
    if (page) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.html });
    // The page's own image loads, and the extension's fetches of them when it saves the article (issue 18).
    if (request.resourceType() === 'image' || /\.(jpe?g|png|gif|webp|avif)$/i.test(new URL(url).pathname)) return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
    if (options.routes) return route.fallback();
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the test corpus' });
  });
  // The newest worker: after a restart the old one may linger in the list until its target closes.
  const serviceWorker = async () => context.serviceWorkers().at(-1) ?? context.waitForEvent('serviceworker', { timeout: 30_000 });
  const sw = await serviceWorker();
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    serviceWorker,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * The browser's id of a page's tab. The extension has no "tabs" permission (tab URLs are hidden from it), so the
 * page is brought to the front and the active tab asked for.
 */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  await page.bringToFront();
  const sw = await session.serviceWorker();
  const id = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
  if (id < 0) throw new Error(`no tab for ${page.url()}`);
  return id;
}

export async function badgeText(session: ExtensionSession, tabId: number): Promise<string> {
  const sw = await session.serviceWorker();
  return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Polls until the badge shows `expected` (the content script reports after document_idle). */
export async function waitForBadge(session: ExtensionSession, tabId: number, expected: string, timeoutMs = 10_000): Promise<string> {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeoutMs) {
    text = await badgeText(session, tabId);
    if (text === expected) return text;
    await new Promise((r) => setTimeout(r, 150));
  }
  return text;
}

export async function openPopupFor(session: ExtensionSession, tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 400, height: 360 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup/popup.html?tab=${tabId}`);
  await popup.waitForSelector('main[data-state="ready"], main[data-state="error"]', { timeout: 20_000 });
  return popup;
}

export async function openArchive(session: ExtensionSession, hash = ''): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/archive/archive.html${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  return page;
}

/**
 * A copy of the built extension with its manifest changed, e.g. permissions granted up front: headless Chromium cannot
 * answer the prompts the pages raise (the requests still run in the clicks, and resolve at once). Remove it after use.
 */
export function extensionCopy(edit: (manifest: Record<string, any>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'pna-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** Opens `url` in a new tab and saves its article with the popup's button, as a person would; the tab stays open. */
export async function saveByClick(session: ExtensionSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  const popup = await openPopupFor(session, await tabIdOf(session, page));
  await popup.getByTestId('save-button').click();
  await popup.waitForSelector('#status.ok');
  await popup.close();
  return page;
}
