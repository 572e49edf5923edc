// npm run bench -- durability: what strict durability (a write flushed to disk before it is acknowledged) costs a
// popup save and an import batch, against the browser's default, in real Chromium with the profile on this disk.
// Rounds alternate the two so that both see the same machine load; medians of all rounds are printed.
//
// Environment: BENCH_DUR_ROUNDS (default 3), BENCH_DUR_SAVES (default 40 a round), BENCH_DUR_BATCHES (default 10 a round,
// 1,000 articles each, as the archive page imports).
import { openBenchPage } from './chromium-archive';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? NaN;

export async function benchDurability(): Promise<void> {
  const rounds = Number(process.env.BENCH_DUR_ROUNDS) || 3;
  const saves = Number(process.env.BENCH_DUR_SAVES) || 40;
  const batches = Number(process.env.BENCH_DUR_BATCHES) || 10;
  const b = await openBenchPage();
  const out = { strict: { saveMs: [] as number[], batchMs: [] as number[] }, default: { saveMs: [] as number[], batchMs: [] as number[] } };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const kind of (r % 2 ? ['strict', 'default'] as const : ['default', 'strict'] as const)) {
        const run = await b.call<{ saveMs: number[]; batchMs: number[] }>('durability', kind, saves, batches, 1000, 400);
        out[kind].saveMs.push(...run.saveMs.slice(1));
        out[kind].batchMs.push(...run.batchMs.slice(1));
      }
    }
  } finally {
    await b.close();
  }
  console.log(`durability (${b.browser}; ${rounds} rounds, ${saves} saves and ${batches} import batches of 1,000 articles of ~400 words a round, the first of each dropped)`);
  for (const kind of ['default', 'strict'] as const) {
    const { saveMs, batchMs } = out[kind];
    console.log(`  ${kind.padEnd(7)} save: median ${median(saveMs).toFixed(1)} ms, p90 ${p90(saveMs).toFixed(1)} ms | import batch: median ${median(batchMs).toFixed(0)} ms, p90 ${p90(batchMs).toFixed(0)} ms`);
  }
  const dSave = median(out.strict.saveMs) - median(out.default.saveMs);
  const dBatch = median(out.strict.batchMs) - median(out.default.batchMs);
  console.log(`  strict costs ${dSave.toFixed(1)} ms a save and ${dBatch.toFixed(0)} ms a batch (${((dBatch / median(out.default.batchMs)) * 100).toFixed(1)}% of a batch)`);
}
