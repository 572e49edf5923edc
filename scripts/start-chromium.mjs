#!/usr/bin/env node
// `npm start`: builds, then opens Debian's Chromium with the extension in a temporary profile on a demo provincial
// article served from the project's own fixtures (no network needed), says what it started and where, keeps
// Chromium's own output in a log file, and removes the profile when it stops (Ctrl+C, SIGTERM, window closed).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, 'dist/chromium');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const DEMO_HOST = 'tuyenquang.gov.vn';
// A 1×1 PNG for the fixture pages' pictures.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install it with: sudo apt-get install -y chromium chromium-l10n`);
  process.exit(1);
}
if (!existsSync(join(extension, 'manifest.json')) || process.argv.includes('--rebuild')) {
  process.stdout.write('Building the extension… ');
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(`failed:\n${build.stdout}${build.stderr}`);
    process.exit(build.status ?? 1);
  }
  console.log('done.');
}

/** Chromium's id for an unpacked extension: the SHA-256 of its absolute path, the first 32 hex digits written a–p. */
function unpackedExtensionId(path) {
  return createHash('sha256').update(path).digest('hex').slice(0, 32).replace(/./g, (h) => String.fromCharCode(97 + parseInt(h, 16)));
}

/** The site fixtures by URL path: what the demo host serves. */
function fixturePages() {
  const dir = join(root, 'tests/fixtures/site');
  const pages = new Map();
  for (const name of readdirSync(dir)) {
    const truthFile = join(dir, name, 'truth.json');
    if (!existsSync(truthFile)) continue;
    const url = new URL(JSON.parse(readFileSync(truthFile, 'utf8')).url);
    if (url.host === DEMO_HOST) pages.set(url.pathname, readFileSync(join(dir, name, 'page.html')));
  }
  return pages;
}

function startDemoServer(pages) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', `http://${DEMO_HOST}`).pathname;
    const page = pages.get(path);
    if (page) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (/\.(jpe?g|png|gif|webp)$/i.test(path)) return res.writeHead(200, { 'content-type': 'image/png' }).end(PIXEL);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không có trang này trong bản trình diễn (demo).');
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

async function devToolsUrl(profile, child) {
  for (let i = 0; i < 100 && child.exitCode === null; i++) {
    const file = join(profile, 'DevToolsActivePort');
    if (existsSync(file)) {
      const port = readFileSync(file, 'utf8').split('\n')[0].trim();
      if (port) return `http://127.0.0.1:${port}`;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

const pages = fixturePages();
const demoPath = [...pages.keys()].find((p) => /-\d+\.html$/.test(p)) ?? '/';
const server = await startDemoServer(pages);
const port = server.address().port;
const demoUrl = `http://${DEMO_HOST}${demoPath}`;
const profile = mkdtempSync(join(tmpdir(), 'pna-start-'));
// Kept after exit, for a look at what Chromium said; PNA_START_LOG puts it elsewhere.
const logFile = process.env.PNA_START_LOG ?? join(tmpdir(), `pna-chromium-${process.pid}.log`);
const log = openSync(logFile, 'a');
const extensionId = unpackedExtensionId(extension);

const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  // The demo host answers from the local server, whatever the network says; nothing else is mapped.
  `--host-resolver-rules=MAP ${DEMO_HOST}:80 127.0.0.1:${port}`,
  '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--lang=vi',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ...(headless ? ['--headless=new', '--remote-debugging-port=0'] : []),
  demoUrl,
];
// Its own process group: stopping it stops its helper processes too, before the profile they write to is removed.
const child = spawn(chromium, args, {
  detached: true,
  stdio: ['ignore', log, log],
  env: { ...process.env, LANGUAGE: process.env.LANGUAGE ?? 'vi', DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? 'disabled:' },
});

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  server.close();
  const finish = async () => {
    // Chromium's helper processes may still be writing into the profile for a moment after the browser exits.
    for (let i = 0; i < 50 && groupAlive(child.pid); i++) await new Promise((r) => setTimeout(r, 100));
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      console.log(`Chromium stopped; temporary profile removed (${profile}). Its output stays in ${logFile}.`);
    } catch (error) {
      console.log(`Chromium stopped; the temporary profile ${profile} could not be removed (${error.code ?? error.message}): delete it by hand. Chromium's output stays in ${logFile}.`);
    }
    process.exit(code);
  };
  if (child.exitCode !== null || child.signalCode !== null) return void finish();
  child.once('exit', () => void finish());
  signalGroup(child.pid, 'SIGTERM');
  setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5000).unref();
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
child.on('exit', (code) => {
  if (stopping) return;
  console.log(code ? `Chromium exited with status ${code} (see ${logFile}).` : 'Chromium was closed.');
  stop(code ?? 0);
});

const devtools = headless ? await devToolsUrl(profile, child) : null;
console.log([
  `Provincial News Archiver is running in Chromium${headless ? ' without a window (no DISPLAY: headless)' : ''}.`,
  `  extension     ${extension}  (id ${extensionId})`,
  `  archive page  chrome-extension://${extensionId}/archive/archive.html`,
  `  demo article  ${demoUrl}`,
  `                served from tests/fixtures/site by 127.0.0.1:${port}; no network needed. The toolbar icon shows`,
  `                the green TIN badge; click it to preview and save. /tin-tuc/kinh-te.html is a listing page.`,
  ...(headless ? [`  DevTools      ${devtools ?? '(not available: see the log)'}  (its pages: ${devtools ?? ''}/json/list)`] : []),
  `  profile       ${profile} (temporary, removed on exit)`,
  `  Chromium log  ${logFile}`,
  'Stop with Ctrl+C.',
].join('\n'));
