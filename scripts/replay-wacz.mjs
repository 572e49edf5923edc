// Opens a WACZ in ReplayWeb.page (the Webrecorder player archives use) in Debian's Chromium and checks what it shows:
// the collection's page list holds every page of pages/pages.jsonl, and the first page replays with its title.
//   node scripts/replay-wacz.mjs FILE.wacz [DIR]
// DIR is an unpacked `replaywebpage` npm package (its ui.js and sw.js); without it, `npm pack replaywebpage@2.5.3`
// fetches it from the npm registry into a temporary folder. Screenshots go to FILE.wacz-pages.png and -page.png.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { BlobReader, TextWriter, ZipReader } from '@zip.js/zip.js';

const [wacz, given] = process.argv.slice(2);
if (!wacz) {
  console.error('usage: node scripts/replay-wacz.mjs FILE.wacz [replaywebpage-dir]');
  process.exit(2);
}

function player() {
  if (given) return given;
  const dir = mkdtempSync(join(tmpdir(), 'rwp-'));
  execFileSync('npm', ['pack', '--silent', 'replaywebpage@2.5.3'], { cwd: dir });
  execFileSync('tar', ['xzf', 'replaywebpage-2.5.3.tgz'], { cwd: dir });
  return join(dir, 'package');
}

async function pagesOf(file) {
  const reader = new ZipReader(new BlobReader(new Blob([readFileSync(file)])));
  const entry = (await reader.getEntries()).find((e) => e.filename === 'pages/pages.jsonl');
  const lines = (await entry.getData(new TextWriter())).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  await reader.close();
  return lines.filter((l) => l.url);
}

/** Serves the player and the WACZ (with byte ranges: the player reads a WACZ in pieces). */
function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path === '/archive.wacz' ? wacz : join(root, path === '/' ? 'index.html' : path);
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    const body = readFileSync(file);
    const headers = { 'content-type': { '.js': 'application/javascript', '.html': 'text/html' }[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes' };
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    if (!range) { res.writeHead(200, { ...headers, 'content-length': body.length }).end(body); return; }
    const start = Number(range[1]);
    const end = range[2] ? Number(range[2]) : body.length - 1;
    res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${body.length}`, 'content-length': end - start + 1 }).end(body.subarray(start, end + 1));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const pages = await pagesOf(wacz);
const server = await serve(player());
const base = `http://127.0.0.1:${server.address().port}`;
const source = encodeURIComponent(`${base}/archive.wacz`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
let failed = 0;
try {
  const page = await browser.newPage();
  await page.goto(`${base}/?source=${source}#view=pages`);
  // The player's page list ends with "N pages" once the collection is loaded.
  const listed = await page.getByText(/^\d+ pages?$/).first().textContent({ timeout: 60_000 });
  await page.screenshot({ path: `${wacz}-pages.png` });
  console.log(`page list: "${listed}" (pages.jsonl has ${pages.length})`);
  if (Number.parseInt(listed, 10) !== pages.length) failed++;

  const first = pages[0];
  await page.goto(`${base}/?source=${source}#view=pages&url=${encodeURIComponent(first.url)}`);
  const frame = await (async () => {
    for (let i = 0; i < 120; i++) {
      const f = page.frames().find((fr) => fr.url().includes('mp_/'));
      if (f && (await f.evaluate(() => document.body?.innerText ?? '').catch(() => '')).includes(first.title)) return f;
      await page.waitForTimeout(500);
    }
    return null;
  })();
  await page.screenshot({ path: `${wacz}-page.png` });
  console.log(frame ? `replayed ${first.url}: its title "${first.title}" is on the page` : `did not replay ${first.url} with its title`);
  if (!frame) failed++;
} finally {
  await browser.close();
  server.close();
}
console.log(failed ? 'FAIL' : 'PASS');
process.exit(failed ? 1 : 0);
