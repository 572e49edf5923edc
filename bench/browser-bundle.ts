// Bundles a bench entry into one IIFE script to evaluate inside a Chromium page.
import { build } from 'vite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** BENCH_NO_MINIFY=1 keeps names readable in CPU profiles. */
export async function bundleForBrowser(entry: string, name: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'pna-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, minify: process.env.BENCH_NO_MINIFY ? false : true, lib: { entry: resolve(import.meta.dirname, entry), formats: ['iife'], name, fileName: () => 'bundle.js' } },
    });
    return readFileSync(join(outDir, 'bundle.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
