import { defineConfig } from 'vite';
import { resolve } from 'node:path';

const src = resolve(import.meta.dirname, 'src');
const outDir = resolve(import.meta.dirname, 'dist/build');

// Two environments, both built by `vite build` (the `builder` key turns on whole-app builds):
// - client: extension pages and the background service worker as ES modules with shared chunks;
// - content: the content script as one self-contained IIFE (content scripts cannot be modules).
export default defineConfig({
  root: src,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  builder: {},
  build: { target: 'es2022', minify: false, sourcemap: false, modulePreload: false },
  environments: {
    client: {
      build: {
        outDir,
        emptyOutDir: true,
        rollupOptions: {
          input: {
            popup: resolve(src, 'popup/popup.html'),
            archive: resolve(src, 'archive/archive.html'),
            options: resolve(src, 'options/options.html'),
            background: resolve(src, 'background/index.ts'),
            offscreen: resolve(src, 'offscreen/offscreen.html'),
          },
          output: {
            entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
          },
        },
      },
    },
    content: {
      consumer: 'client',
      build: {
        outDir,
        emptyOutDir: false,
        copyPublicDir: false,
        rollupOptions: {
          input: { content: resolve(src, 'content/index.ts') },
          output: { format: 'iife', entryFileNames: 'content.js' },
        },
      },
    },
  },
});
