// Derives dist/chromium and dist/firefox from the one root manifest.json and the Vite output in dist/build.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentScriptMatches } from '../src/core/detect/registry';

const root = resolve(import.meta.dirname, '..');
const built = resolve(root, 'dist/build');
if (!existsSync(resolve(built, 'background.js')) || !existsSync(resolve(built, 'content.js'))) {
  throw new Error('dist/build is incomplete: run `vite build` first');
}
const base = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));
// Content scripts run on the registry's hosts only; the manifest's own patterns stay first.
const matches = [...new Set([...base.content_scripts[0].matches, ...contentScriptMatches()])];
base.content_scripts[0].matches = matches;

function chromium(m: any) {
  const out = structuredClone(m);
  delete out.browser_specific_settings;
  out.background = { service_worker: 'background.js', type: 'module' };
  return out;
}

function firefox(m: any) {
  const out = structuredClone(m);
  out.background = { scripts: ['background.js'], type: 'module' };
  return out;
}

for (const [name, transform] of [['chromium', chromium], ['firefox', firefox]] as const) {
  const dir = resolve(root, 'dist', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(built, dir, { recursive: true });
  cpSync(resolve(root, 'icons'), resolve(dir, 'icons'), { recursive: true });
  cpSync(resolve(root, '_locales'), resolve(dir, '_locales'), { recursive: true });
  writeFileSync(resolve(dir, 'manifest.json'), `${JSON.stringify(transform(base), null, 2)}\n`);
}
console.log(`packaged dist/chromium and dist/firefox (${matches.length} content-script host patterns)`);
