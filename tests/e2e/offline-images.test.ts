// Offline fidelity in real Chromium: an article with three images (two on its own host, one on a CDN that allows
// any origin) is saved through the popup; with the network then cut, the reader shows every image from its stored
// copy, and the saved original page opens with its images from the stored copies and none of its scripts running.
import { deflateSync } from 'node:zlib';
import type { Page, Route } from 'playwright-core';
import { launchWithExtension, openArchive, openPopupFor, tabIdOf, type ExtensionSession } from './helpers/extension-browser';

const HOST = 'https://sotnmt.tuyenquang.gov.vn';
const CDN = 'https://cdn.anh-bao.vn';
const URL_ = `${HOST}/tin-tuc/tin-hoat-dong/trong-rung-phong-ho-dau-nguon-2026.html`;
const TITLE = 'Tuyên Quang trồng mới 1.200 ha rừng phòng hộ đầu nguồn';
const IMAGES = [`${HOST}/uploads/2026/rung-1.png`, `${HOST}/uploads/2026/rung-2.png`, `${CDN}/2026/11/rung-3.png`];

/** A real PNG of w×h pixels (one colour), so that naturalWidth says which file was shown. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf: Buffer) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set([40, 120, 60], y * (width * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>Đoạn ${i + 1}: Năm 2026, tỉnh Tuyên Quang trồng mới rừng phòng hộ đầu nguồn tại các huyện vùng cao, góp phần giữ nước và chống sạt lở trong mùa mưa bão.</p>`);
const PAGE = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${TITLE}</title>
<meta property="og:image" content="${IMAGES[0]}"></head><body>
<div class="news-detail"><h1 class="news-title">${TITLE}</h1><div class="news-date">Thứ hai, ngày 16-11-2026, 08:00</div>
<div class="news-content" id="divContent">${paragraphs.slice(0, 3).join('')}
<figure><img src="/uploads/2026/rung-1.png" alt="Rừng 1"><figcaption>Rừng phòng hộ ở Na Hang</figcaption></figure>${paragraphs.slice(3, 6).join('')}
<figure><img src="/uploads/2026/rung-2.png" alt="Rừng 2"><figcaption>Trồng cây ở Lâm Bình</figcaption></figure>${paragraphs.slice(6).join('')}
<figure><img src="${IMAGES[2]}" alt="Rừng 3"><figcaption>Rừng đầu nguồn sông Gâm</figcaption></figure>
<p style="text-align:right"><strong>Minh Anh</strong></p></div></div>
<script>document.body.dataset.runs = String(Number(document.body.dataset.runs || 0) + 1); if (top !== window) top.document.title = 'page script ran in the extension';</script>
<img src="/x.gif" onerror="document.body.dataset.handler = 'ran'; if (top !== window) top.document.title = 'handler ran'" alt="">
</body></html>`;
const SIZES = [[120, 80], [90, 60], [150, 100]];

describe('images and the original page kept for offline reading (Chromium)', () => {
  let session: ExtensionSession;
  let online = true;
  const imageRequests: string[] = [];

  beforeAll(async () => {
    session = await launchWithExtension();
    await session.context.route(/^https?:\/\//, async (route: Route) => {
      const url = route.request().url();
      if (!online) return route.abort('internetdisconnected');
      if (url === URL_) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE });
      const i = IMAGES.indexOf(url);
      if (i >= 0) {
        imageRequests.push(url);
        // The CDN allows any origin (as image CDNs commonly do): the extension's fetch may read it without host access.
        return route.fulfill({ status: 200, contentType: 'image/png', body: png(SIZES[i][0], SIZES[i][1]), headers: url.startsWith(CDN) ? { 'access-control-allow-origin': '*' } : {} });
      }
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not here' });
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  async function openReader(): Promise<Page> {
    const archive = await openArchive(session);
    await archive.locator('[data-testid=result-item] a.title', { hasText: TITLE }).click();
    await archive.waitForSelector('#reader-view:not([hidden])');
    return archive;
  }

  it('saves the article with its three images, and the popup says nothing is missing', async () => {
    const page = await session.context.newPage();
    await page.goto(URL_, { waitUntil: 'load' });
    const popup = await openPopupFor(session, await tabIdOf(session, page));
    await popup.getByTestId('save-button').click();
    await popup.waitForSelector('#status.ok, #status.warn, #status.error', { timeout: 60_000 });
    // (English where Chromium has no Vietnamese UI: chromium-l10n missing.)
    expect(await popup.textContent('[data-testid=popup-status]')).toMatch(/^(Đã lưu vào kho lưu trữ|Saved to the archive)\.$/);
    await popup.close();
    await page.close();
  });

  it('with the network cut, the reader shows every image from the stored copy', async () => {
    online = false;
    imageRequests.length = 0;
    const archive = await openReader();
    const frame = archive.frames().find((f) => f.url() === 'about:srcdoc')!;
    await frame.waitForFunction((n) => document.images.length === n && Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0), 3, { timeout: 20_000 });
    const shown = await frame.evaluate(() => Array.from(document.images, (i) => ({ src: i.src.slice(0, 5), w: i.naturalWidth, h: i.naturalHeight })));
    expect(shown).toEqual(SIZES.map(([w, h]) => ({ src: 'blob:', w, h })));
    expect(imageRequests).toEqual([]);
    expect(await archive.isVisible('[data-testid=reader-media-note]')).toBe(false);
    await archive.close();
  });

  it('opens the saved original page, its images from the stored copies, and none of its scripts run', async () => {
    const archive = await openReader();
    await archive.getByTestId('reader-saved-original').click();
    await archive.waitForSelector('[data-testid=reader-original-view]:not([hidden])');
    const frameEl = await archive.waitForSelector('[data-testid=reader-original-frame]');
    const frame = (await frameEl.contentFrame())!;
    await frame.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('1.200 ha'), undefined, { timeout: 20_000 });
    await frame.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('figure img')).every((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 20_000 });
    expect(await frame.evaluate(() => Array.from(document.querySelectorAll<HTMLImageElement>('figure img'), (i) => i.naturalWidth))).toEqual(SIZES.map(([w]) => w));
    // The live page ran its script once before the capture (runs = 1, and its handler fired there); shown here, again never.
    expect(await frame.evaluate(() => document.body.dataset.runs)).toBe('1');
    expect(await frame.evaluate(() => document.querySelectorAll('script, [onerror]').length)).toBe(0);
    expect(await archive.title()).toBe(TITLE);
    expect(await archive.textContent('#reader-original-caption')).toContain(URL_);
    await archive.close();
  });
});
