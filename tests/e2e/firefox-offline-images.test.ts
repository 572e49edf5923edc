// Offline images in Firefox (firefox-esr, the Firefox build): an article whose images live on an image server is
// saved through the popup; the image server then stops (the network to it is cut), and the archive's reader still
// shows every image, from its stored copy (each image has its own size, so naturalWidth says which file is shown).
// The image server is a real one on this machine: request interception in Firefox answers a tab's requests, not the
// extension's own fetches. It allows any origin, as image servers commonly do.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CorpusPage } from '../helpers/corpus';
import { FIREFOX, firefoxPresent, launchFirefoxWithExtension, waitInPage, type FirefoxSession } from './helpers/firefox-browser';
import { png } from './helpers/png';

if (!firefoxPresent) console.warn(`${FIREFOX} not found (apt-get install -y firefox-esr): Firefox offline images test skipped`);

const URL_ = 'http://sotnmt.tuyenquang.gov.vn/tin-tuc/trong-rung-phong-ho-firefox-2026.html';
const TITLE = 'Tuyên Quang giao khoán bảo vệ rừng phòng hộ cho 40 thôn bản';
const SIZES = [[110, 70], [70, 50], [130, 90]] as const;
const FILES = SIZES.map((_, i) => `/uploads/2026/rung-ff-${i + 1}.png`);

function pageHtml(origin: string): string {
  const p = Array.from({ length: 8 }, (_, i) => `<p>Đoạn ${i + 1}: Năm 2026, các thôn bản vùng cao của tỉnh Tuyên Quang nhận khoán bảo vệ rừng phòng hộ đầu nguồn, được hỗ trợ kinh phí theo diện tích.</p>`);
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${TITLE}</title></head><body>
<div class="news-detail"><h1 class="news-title">${TITLE}</h1><div class="news-date">Thứ hai, ngày 16-11-2026, 08:00</div>
<div class="news-content" id="divContent">${p.slice(0, 3).join('')}
<figure><img src="${origin}${FILES[0]}" alt="Rừng 1"><figcaption>Rừng ở Na Hang</figcaption></figure>${p.slice(3, 6).join('')}
<figure><img src="${origin}${FILES[1]}" alt="Rừng 2"><figcaption>Rừng ở Lâm Bình</figcaption></figure>${p.slice(6).join('')}
<figure><img src="${origin}${FILES[2]}" alt="Rừng 3"><figcaption>Rừng đầu nguồn sông Gâm</figcaption></figure>
<p style="text-align:right"><strong>Minh Anh</strong></p></div></div></body></html>`;
}

describe.skipIf(!firefoxPresent)('images kept for offline reading (Firefox)', () => {
  let session: FirefoxSession;
  let images: Server;
  const served: string[] = [];

  beforeAll(async () => {
    images = createServer((req, res) => {
      const i = FILES.indexOf(req.url ?? '');
      served.push(req.url ?? '');
      if (i < 0) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(png(SIZES[i][0], SIZES[i][1]));
    });
    await new Promise<void>((done) => images.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
    const page = { id: 'offline-images', dir: '', html: pageHtml(origin), truth: { url: URL_ } } as unknown as CorpusPage;
    session = await launchFirefoxWithExtension({ pages: [page] });
    const { page: tab, tabId } = await session.openPage(page);
    const popup = await session.saveThroughPopup(tabId);
    expect(await popup.$eval('[data-testid=popup-status]', (e) => e.className)).toBe('ok');
    await popup.close();
    await tab.close();
  });
  afterAll(async () => {
    await session?.close();
    if (images?.listening) await new Promise((done) => images.close(done));
  });

  it('with the image server gone, the reader shows every image from its stored copy', async () => {
    // The extension fetched each image once, while saving.
    expect(served.filter((u) => FILES.includes(u)).sort()).toEqual([...FILES].sort());
    images.closeAllConnections();
    await new Promise((done) => images.close(done));
    served.length = 0;

    const archive = await session.openExtensionPage('archive/archive.html', 'body[data-ready="true"]');
    await waitInPage(archive, () => document.querySelectorAll('[data-testid=result-item]').length === 1);
    await archive.click('[data-testid=result-item] a.title');
    await archive.waitForSelector('#reader-view:not([hidden])');
    await waitInPage(archive, (n: number) => {
      const doc = (document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement).contentDocument;
      const shown = Array.from(doc?.images ?? []);
      return shown.length === n && shown.every((i) => i.complete && i.naturalWidth > 0);
    }, SIZES.length);
    const shown = await archive.evaluate(() => Array.from((document.querySelector('[data-testid=reader-frame]') as HTMLIFrameElement).contentDocument!.images,
      (i) => [i.src.slice(0, 5), i.naturalWidth, i.naturalHeight]));
    expect(shown).toEqual(SIZES.map(([w, h]) => ['blob:', w, h]));
    expect(served).toEqual([]);
    expect(await archive.$eval('[data-testid=reader-media-note]', (e) => (e as HTMLElement).hidden)).toBe(true);
    await archive.close();
  });
});
