// Derives dist/chromium and dist/firefox from the one root manifest.json and the Vite output in dist/build.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentScriptMatches } from '../src/core/detect/registry';
import { chromiumManifest, firefoxManifest, withContentScriptMatches } from './manifest-variants';

const root = resolve(import.meta.dirname, '..');
const built = resolve(root, 'dist/build');
if (!existsSync(resolve(built, 'background.js')) || !existsSync(resolve(built, 'content.js'))) {
  throw new Error('dist/build is incomplete: run `vite build` first');
}
// Content scripts run on the registry's hosts only; the manifest's own patterns stay first.
const base = withContentScriptMatches(JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')), contentScriptMatches());

for (const [name, transform] of [['chromium', chromiumManifest], ['firefox', firefoxManifest]] as const) {
  const dir = resolve(root, 'dist', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(built, dir, { recursive: true });
  cpSync(resolve(root, 'icons'), resolve(dir, 'icons'), { recursive: true });
  cpSync(resolve(root, '_locales'), resolve(dir, '_locales'), { recursive: true });
  writeFileSync(resolve(dir, 'manifest.json'), `${JSON.stringify(transform(base), null, 2)}\n`);
}
console.log(`packaged dist/chromium and dist/firefox (${base.content_scripts[0].matches.length} content-script host patterns)`);
