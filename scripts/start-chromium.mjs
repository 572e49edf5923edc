#!/usr/bin/env node
// `npm start`: builds if needed, then opens Debian's Chromium with the extension loaded in a fresh profile.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, 'dist/chromium');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install it with: sudo apt-get install -y chromium`);
  process.exit(1);
}
if (!existsSync(join(extension, 'manifest.json')) || process.argv.includes('--rebuild')) {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const profile = mkdtempSync(join(tmpdir(), 'pna-start-'));
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ...(process.env.DISPLAY ? [] : ['--headless', '--remote-debugging-port=9222']),
  'https://bdt.tuyenquang.gov.vn/',
];
console.log(`Chromium with the extension from ${extension}\nprofile: ${profile}${process.env.DISPLAY ? '' : '\n(no DISPLAY: running headless, DevTools on port 9222)'}`);
const child = spawn(chromium, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
