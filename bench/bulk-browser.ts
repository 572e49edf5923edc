// Debian Chromium with the built extension, started as its own process group (so that the bench can kill it the hard
// way, as a crash or a power cut would) and driven over the DevTools protocol with puppeteer-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { TargetType, type Browser, type CDPSession, type Target, type WebWorker } from 'puppeteer-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BUILT = resolve(import.meta.dirname, '../dist/chromium');

/**
 * A copy of the build with the bench host's permission granted up front: headless Chromium cannot answer the prompt
 * the popup raises (the request itself still runs, in the click, and resolves at once).
 */
export function extensionWithHost(host: string): string {
  if (!existsSync(join(BUILT, 'manifest.json'))) throw new Error('dist/chromium missing: run npm run build first');
  const dir = mkdtempSync(join(tmpdir(), 'pna-bulkbench-ext-'));
  cpSync(BUILT, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [`*://${host}/*`];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

export interface BenchBrowser {
  browser: Browser;
  child: ChildProcess;
  version: string;
  extensionId: string;
  worker(): Promise<WebWorker>;
  /** The extension's service worker and offscreen document, as DevTools sessions (for heap samples). */
  extensionTargets(): Target[];
  kill(): Promise<void>;
  close(): Promise<void>;
}

async function devToolsPort(profile: string, child: ChildProcess): Promise<number> {
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    const file = join(profile, 'DevToolsActivePort');
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port) return port;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Chromium did not start (exit ${child.exitCode})`);
}

export async function launchBenchBrowser(opts: { extensionDir: string; profile: string; host: string; port: number }): Promise<BenchBrowser> {
  rmSync(join(opts.profile, 'DevToolsActivePort'), { force: true });
  const args = [
    `--user-data-dir=${opts.profile}`,
    `--disable-extensions-except=${opts.extensionDir}`,
    `--load-extension=${opts.extensionDir}`,
    // The site's host answers from the bench's server; nothing else resolves.
    `--host-resolver-rules=MAP ${opts.host}:80 127.0.0.1:${opts.port}, MAP * ~NOTFOUND`,
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
    '--headless=new', '--remote-debugging-port=0', '--no-first-run', '--no-default-browser-check', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--lang=vi',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'about:blank',
  ];
  const child = spawn(CHROMIUM, args, { detached: true, stdio: 'ignore', env: { ...process.env, LANGUAGE: 'vi', DBUS_SESSION_BUS_ADDRESS: 'disabled:' } });
  const port = await devToolsPort(opts.profile, child);
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: { width: 1200, height: 800 } });
  const isSw = (t: Target) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith('chrome-extension://') && t.url().endsWith('/background.js');
  const swTarget = async () => browser.targets().filter(isSw).at(-1) ?? browser.waitForTarget(isSw, { timeout: 30_000 });
  const extensionId = new URL((await swTarget()).url()).host;
  const killGroup = () => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone already */ } };
  const exited = () => new Promise<void>((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));
  return {
    browser,
    child,
    version: (await browser.version()).replace(/^(?:Headless)?Chrome\//, 'chromium '),
    extensionId,
    async worker() {
      const w = (await (await swTarget()).worker())!;
      // The extension APIs are bound a moment after the worker's target appears.
      for (let i = 0; i < 100 && !(await w.evaluate(() => typeof (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage === 'object')); i++) await new Promise((r) => setTimeout(r, 100));
      return w;
    },
    extensionTargets: () => browser.targets().filter((t) => t.url().startsWith(`chrome-extension://${extensionId}/`) && (isSw(t) || t.url().includes('offscreen'))),
    async kill() {
      killGroup();
      await exited();
      browser.disconnect().catch(() => undefined);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await Promise.race([exited(), new Promise((r) => setTimeout(r, 5000))]);
      killGroup();
    },
  };
}

/** Samples the JavaScript heap of the extension's service worker and offscreen document; peak of their sum. */
export function sampleHeap(b: BenchBrowser, everyMs = 250): { stop(): { peakMB: number; peakWorkerMB: number; peakOffscreenMB: number; samples: number } } {
  const sessions = new Map<Target, Promise<CDPSession | null>>();
  let peak = 0, peakWorker = 0, peakOffscreen = 0, samples = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      let worker = 0, offscreen = 0;
      for (const t of b.extensionTargets()) {
        if (!sessions.has(t)) sessions.set(t, t.createCDPSession().catch(() => null));
        const s = await sessions.get(t);
        const used = await s?.send('Runtime.getHeapUsage').then((h) => h.usedSize).catch(() => 0) ?? 0;
        if (t.type() === TargetType.SERVICE_WORKER) worker += used; else offscreen += used;
      }
      samples++;
      peakWorker = Math.max(peakWorker, worker);
      peakOffscreen = Math.max(peakOffscreen, offscreen);
      peak = Math.max(peak, worker + offscreen);
    })().finally(() => { busy = false; });
  }, everyMs);
  const mb = (x: number) => +(x / 1048576).toFixed(1);
  return {
    stop() {
      clearInterval(timer);
      for (const s of sessions.values()) void s.then((x) => x?.detach()).catch(() => undefined);
      return { peakMB: mb(peak), peakWorkerMB: mb(peakWorker), peakOffscreenMB: mb(peakOffscreen), samples };
    },
  };
}
