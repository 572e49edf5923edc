// npm run bench -- <name>   (names: extract, detect, search, export, durability, bulk, media, heap)
import { benchExtract } from './extract';
import { benchSearch } from './search';
import { benchDetect } from './detect';
import { benchChromium } from './chromium';
import { benchExport } from './export';
import { benchDurability } from './durability';
import { benchBulk } from './bulk';
import { benchMedia } from './media';
import { benchHeap } from './heap';

const benches: Record<string, () => Promise<void>> = {
  // Node (happy-dom) first, then the same code inside real Chromium pages.
  extract: async () => { await benchExtract(); await benchChromium(['extract']); },
  detect: async () => { await benchDetect(); await benchChromium(['detect']); },
  search: benchSearch,
  export: () => benchExport(),
  durability: benchDurability,
  bulk: benchBulk,
  media: benchMedia,
  heap: benchHeap,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const run = names.length ? names : Object.keys(benches);
  for (const n of run) {
    const b = benches[n];
    if (!b) {
      console.error(`unknown bench "${n}"; known: ${Object.keys(benches).join(', ')}`);
      process.exitCode = 2;
      continue;
    }
    await b();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
