// npm run bench -- <name>   (names: extract)
import { benchExtract } from './extract';

const benches: Record<string, () => Promise<void>> = { extract: benchExtract };

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
