// `npm start` as a newcomer meets it without a display: it says what it started and where, the demo provincial
// article is served from the project's own fixtures under its real address (no network) and gets the badge, and
// Ctrl+C stops Chromium and removes the temporary profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { EXTENSION_DIR } from './helpers/extension-browser';
declare const chrome: any;  

const root = resolve(import.meta.dirname, '../..');

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  let text = '';
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ${pattern} in: ${text}`)), timeoutMs);
    child.stdout!.on('data', (chunk) => {
      text += String(chunk);
      if (pattern.test(text)) { clearTimeout(timer); done(text); }
    });
  });
}

describe('npm start without a display', () => {
  it('says what it started, serves the demo article with the badge, and cleans up on Ctrl+C', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'pna-start-log-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PNA_START_LOG: join(logDir, 'chromium.log') };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(process.execPath, ['scripts/start-chromium.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => { stderr += String(c); });
    try {
      const out = await waitForOutput(child, /Stop with Ctrl\+C\./);
      const id = /\(id ([a-p]{32})\)/.exec(out)?.[1];
      expect(id).toBeDefined();
      expect(out).toContain(`archive page  chrome-extension://${id}/archive/archive.html`);
      expect(out).toMatch(/demo article {2}http:\/\/tuyenquang\.gov\.vn\/tin-tuc\/kinh-te\/[^\s]+-2412\.html/);
      const devtools = /DevTools {6}(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const profile = /profile {7}(\S+)/.exec(out)?.[1];
      const log = /Chromium log {2}(\S+)/.exec(out)?.[1];
      expect([devtools, profile].every(Boolean)).toBe(true);
      expect(log).toBe(env.PNA_START_LOG);
      expect(existsSync(profile!)).toBe(true);
      // Chromium's own chatter went to the log, not the terminal.
      expect(stderr).toBe('');

      const browser = await chromium.connectOverCDP(devtools!);
      const context = browser.contexts()[0];
      const demo = context.pages().find((p) => p.url().includes('tuyenquang.gov.vn'))!;
      await demo.waitForLoadState('domcontentloaded');
      expect(await demo.title()).toMatch(/^Tuyên Quang khởi công cầu Bình Ca 2/);
      const sw = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`)) ?? await context.waitForEvent('serviceworker');
      expect(EXTENSION_DIR).toBe(resolve(root, 'dist/chromium'));
      let badges: string[] = [];
      for (let i = 0; i < 50 && !badges.includes('TIN'); i++) {
        badges = await sw.evaluate(async () => Promise.all((await chrome.tabs.query({})).map((t: { id: number }) => chrome.action.getBadgeText({ tabId: t.id }))));
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(badges).toContain('TIN');
      const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      const said = waitForOutput(child, /temporary profile removed/);
      child.kill('SIGINT');
      expect(await exit).toBe(0);
      await said;
      await browser.close().catch(() => {});
      expect(existsSync(profile!)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(logDir, { recursive: true, force: true });
    }
  }, 120_000);
});
