// Images on another server (a CDN that does not allow any origin), in real Chromium: without access to all sites a
// save keeps the article's own images, names the CDN in the popup and offers "allow images from any site"; Settings
// says the access is not granted and offers it with the reason. With the access granted (up front: headless
// Chromium cannot answer the browser's prompt), the same save keeps the CDN's image, the popup offers nothing and
// Settings says it is granted, with a way to revoke it. A save that missed the CDN's image (the CDN down then), once
// "allow" is answered in the popup, gets it: the popup says how many images are kept now, the reader no longer
// names it as missing.
declare const chrome: any;
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Route } from 'playwright-core';
import { extensionCopy, launchWithExtension, openArchive, openPopupFor, tabIdOf, type ExtensionSession } from './helpers/extension-browser';
import { allRowsOf } from './helpers/stored-article';
import { png } from './helpers/png';
import { axeViolations } from './helpers/axe';

const HOST = 'http://sotnmt.tuyenquang.gov.vn';
const CDN_HOST = 'cdn.anh-bao.vn';
const URL_ = `${HOST}/tin-tuc/rung-dau-nguon-2026.html`;
const TITLE = 'Rừng đầu nguồn sông Gâm được giao cho cộng đồng bảo vệ';
const OWN_IMAGE = `${HOST}/uploads/2026/rung-own.png`;
const CDN_IMAGE = `http://${CDN_HOST}/2026/11/rung-cdn.png`;
const p = Array.from({ length: 6 }, (_, i) => `<p>Đoạn ${i + 1}: các thôn bản ven sông Gâm nhận khoán bảo vệ rừng đầu nguồn, được hỗ trợ kinh phí hằng năm theo diện tích.</p>`);
const PAGE = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${TITLE}</title></head><body>
<div class="news-detail"><h1 class="news-title">${TITLE}</h1><div class="news-date">Thứ ba, ngày 17-11-2026, 09:00</div>
<div class="news-content" id="divContent">${p.slice(0, 3).join('')}
<figure><img src="${OWN_IMAGE}" alt="Rừng"><figcaption>Rừng ở Lâm Bình</figcaption></figure>${p.slice(3).join('')}
<figure><img src="${CDN_IMAGE}" alt="Sông Gâm"><figcaption>Sông Gâm mùa nước</figcaption></figure></div></div></body></html>`;

/**
 * The CDN is a real server on this machine (the browser maps its name here) that sends no Access-Control-Allow-Origin:
 * a request Playwright fulfils would pass the CORS check (it adds that header), so the CDN's requests go through.
 */
function startCdn(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== new URL(CDN_IMAGE).pathname) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/png' }).end(png(90, 60, [20, 60, 160]));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** The CDN unreachable for a while (a save then misses its image as it would without access). */
let cdnDown = false;

async function serve(session: ExtensionSession): Promise<void> {
  await session.context.route(/^https?:\/\//, async (route: Route) => {
    const url = route.request().url();
    if (url === URL_) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE });
    if (url === OWN_IMAGE) return route.fulfill({ status: 200, contentType: 'image/png', body: png(80, 50) });
    if (url === CDN_IMAGE) return cdnDown ? route.abort('connectionrefused') : route.continue();
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' });
  });
}

function suite(
  name: string, grantedUpFront: boolean, check: (s: ExtensionSession, msg: (k: string, subs?: string[]) => Promise<string>) => Promise<void>,
  what = 'saves, then Settings says whether images from any site may be fetched',
) {
  describe(name, () => {
    let session: ExtensionSession;
    let extensionDir: string | undefined;
    let cdn: Server;
    beforeAll(async () => {
      cdn = await startCdn();
      if (grantedUpFront) extensionDir = extensionCopy((manifest) => { manifest.host_permissions = ['*://*/*']; });
      const extraArgs = [`--host-resolver-rules=MAP ${CDN_HOST} 127.0.0.1:${(cdn.address() as AddressInfo).port}`];
      session = await launchWithExtension({ extraArgs, ...(extensionDir ? { extensionDir } : {}) });
      await serve(session);
    });
    afterAll(async () => {
      await session?.close();
      await new Promise((done) => cdn?.close(done));
      if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
    });
    const msg = async (key: string, subs: string[] = []) => (await session.serviceWorker()).evaluate(([k, s]) => chrome.i18n.getMessage(k, s), [key, subs] as const);
    it(what, () => check(session, msg));
  });
}

async function saveWithPopup(session: ExtensionSession, beforeSave?: (popup: Page) => Promise<unknown>) {
  const page = await session.context.newPage();
  await page.goto(URL_, { waitUntil: 'load' });
  const popup = await openPopupFor(session, await tabIdOf(session, page));
  await beforeSave?.(popup);
  await popup.getByTestId('save-button').click();
  await popup.waitForSelector('#status.ok, #status.warn, #status.error', { timeout: 60_000 });
  return { page, popup };
}

async function storedImages(popupPage: Awaited<ReturnType<typeof saveWithPopup>>['popup']) {
  const rows = (await popupPage.evaluate(allRowsOf, { database: 'provincial-news-archive', store: 'articleMedia' })) as Array<{ items: Array<{ src: string; sha256: string | null }> }>;
  return rows.flatMap((r) => r.items).map((i) => [i.src, !!i.sha256]);
}

async function openOptions(session: ExtensionSession) {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options/options.html`);
  await options.waitForFunction(() => document.querySelector('[data-testid=media-all-sites-state]')?.textContent);
  return options;
}

suite('an image on a CDN without access to all sites (Chromium)', false, async (session, msg) => {
  const { page, popup } = await saveWithPopup(session);
  expect(await popup.getAttribute('#status', 'class')).toBe('warn');
  expect(await storedImages(popup)).toEqual([[OWN_IMAGE, true], [CDN_IMAGE, false]]);
  // The popup names the CDN and offers the access, the button named by what it does and described by why.
  await popup.getByTestId('popup-all-sites').waitFor();
  expect(await popup.textContent('#all-sites-why')).toBe(await msg('popupAllSitesWhy', [CDN_HOST]));
  const grant = popup.getByRole('button', { name: await msg('allSitesGrant') });
  expect(await grant.isVisible()).toBe(true);
  expect(await grant.getAttribute('aria-describedby')).toBe('all-sites-why');
  expect(await axeViolations(popup)).toEqual([]);
  await popup.close();
  await page.close();

  const options = await openOptions(session);
  expect(await options.textContent('[data-testid=media-all-sites-state]')).toBe(await msg('optionsAllSitesNotGranted'));
  expect(await options.textContent('#media-all-sites-why')).toBe(await msg('optionsAllSitesWhy'));
  expect(await options.getByRole('button', { name: await msg('allSitesGrant') }).isVisible()).toBe(true);
  expect(await options.isVisible('[data-testid=media-all-sites-revoke]')).toBe(false);
  expect(await axeViolations(options)).toEqual([]);
  await options.close();
});

suite('an image on a CDN with access to all sites granted (Chromium)', true, async (session, msg) => {
  const { page, popup } = await saveWithPopup(session);
  expect(await popup.textContent('[data-testid=popup-status]')).toBe(await msg('popupSaved'));
  expect(await storedImages(popup)).toEqual([[OWN_IMAGE, true], [CDN_IMAGE, true]]);
  expect(await popup.isVisible('[data-testid=popup-all-sites]')).toBe(false);
  await popup.close();
  await page.close();

  const options = await openOptions(session);
  expect(await options.textContent('[data-testid=media-all-sites-state]')).toBe(await msg('optionsAllSitesGranted'));
  expect(await options.getByRole('button', { name: await msg('optionsAllSitesRevoke') }).isVisible()).toBe(true);
  expect(await options.isVisible('[data-testid=media-all-sites-grant]')).toBe(false);
  await options.close();
});

/**
 * The browser's prompt for the access, answered yes: headless Chromium cannot show it, so the popup's two permission
 * calls are answered here while the access itself is granted by the manifest copy (the extension really has it).
 * `contains` says no until then, as it would before the person allowed it.
 */
const answerPromptYes = (popup: Page) => popup.evaluate(() => {
  let granted = false;
  const answer = (value: () => boolean) => (_: unknown, done?: (v: boolean) => void) => (done ? done(value()) : Promise.resolve(value()));
  chrome.permissions.contains = answer(() => granted);
  chrome.permissions.request = answer(() => (granted = true));
});

suite('an image a save missed on a CDN, fetched once access is granted from the popup (Chromium)', true, async (session, msg) => {
  cdnDown = true;
  const { page, popup } = await saveWithPopup(session, answerPromptYes);
  expect(await popup.getAttribute('#status', 'class')).toBe('warn');
  expect(await storedImages(popup)).toEqual([[OWN_IMAGE, true], [CDN_IMAGE, false]]);
  await popup.getByTestId('popup-all-sites').waitFor();
  cdnDown = false;
  await popup.getByTestId('popup-all-sites-grant').click();
  // The popup says how many of the article's images are kept now, and the status line no longer names the CDN's.
  const refetched = await msg('popupAllSitesRefetched', ['1']);
  await popup.waitForFunction((text) => document.getElementById('all-sites-why')?.textContent === text, refetched, { timeout: 30_000 });
  expect(await popup.textContent('[data-testid=popup-status]')).toBe(await msg('popupSaved'));
  expect(await popup.getAttribute('#status', 'class')).toBe('ok');
  expect(await popup.isVisible('[data-testid=popup-all-sites-grant]')).toBe(false);
  // Kept in the archive: the article's row holds the CDN's image, and the stored copy is its bytes.
  expect(await storedImages(popup)).toEqual([[OWN_IMAGE, true], [CDN_IMAGE, true]]);
  const media = (await popup.evaluate(allRowsOf, { database: 'provincial-news-archive', store: 'media' })) as Array<{ url: string; size: number }>;
  expect(media.map((m) => m.url).sort()).toEqual([OWN_IMAGE, CDN_IMAGE].sort());
  expect(await axeViolations(popup)).toEqual([]);
  await popup.close();
  await page.close();

  // The reader shows both images from their stored copies, and no longer says one was not kept.
  const archive = await openArchive(session);
  await archive.locator('[data-testid=result-item] a.title', { hasText: TITLE }).click();
  const frame = (await (await archive.waitForSelector('[data-testid=reader-frame]')).contentFrame())!;
  await frame.waitForFunction(() => document.images.length === 2 && Array.from(document.images).every((i) => i.src.startsWith('blob:') && i.complete && i.naturalWidth > 0), undefined, { timeout: 20_000 });
  expect(await archive.isVisible('[data-testid=reader-media-note]')).toBe(false);
  await archive.close();
}, 'a save misses the image, then "allow" in the popup fetches it: the popup says so and the archive keeps it');
