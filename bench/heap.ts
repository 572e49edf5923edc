// npm run bench -- heap: what the package exports (ZIP, WACZ) keep alive as they run. An archive of BENCH_DOCS
// articles (default 2,000) with 3 images of 150 KB and the original page each, in the extension's archive page in
// Chromium; a heap snapshot (after a full GC) before the export, at 20 % and 95 % of it, and after. Prints the live heap
// at each and the kinds of objects that grew between 20 % and 95 %: a flat export grows by nothing per article.
// BENCH_HEAP_FORMATS=wacz probes one format only. HEAP_OUT=PREFIX also writes the snapshots (PREFIX-<format>-<label>.heapsnapshot) for DevTools.
import { writeFileSync } from 'node:fs';
import { openBenchPage, type BenchPage } from './chromium-archive';

const r1 = (x: number) => Math.round(x * 10) / 10;

interface Agg { count: number; size: number }

function aggregate(json: string): Map<string, Agg> {
  const snap = JSON.parse(json) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = f.length;
  const iType = f.indexOf('type'), iName = f.indexOf('name'), iSize = f.indexOf('self_size');
  const out = new Map<string, Agg>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]];
    const name = type === 'object' || type === 'closure' || type === 'native' ? snap.strings[snap.nodes[i + iName]].slice(0, 60) : `(${type})`;
    const a = out.get(name) ?? { count: 0, size: 0 };
    a.count++;
    a.size += snap.nodes[i + iSize];
    out.set(name, a);
  }
  return out;
}

export async function benchHeap(): Promise<void> {
  const docs = Number(process.env.BENCH_DOCS ?? 2000);
  const b = await openBenchPage({ entry: 'media-entry.ts', global: '__pnaMediaBench', openArgs: ['http://127.0.0.1:9'] });
  try {
    for (let from = 0; from < docs; from += 500) await b.call<number>('fill', from, Math.min(docs, from + 500), 600, 150 * 1024);
    await b.call('flush');
    console.log(`filled ${docs}`);
    const formats = (process.env.BENCH_HEAP_FORMATS ?? 'zip,wacz').split(',').filter((f): f is 'zip' | 'wacz' => f === 'zip' || f === 'wacz');
    for (const format of formats) await probe(b, format, docs);
  } finally {
    await b.close();
  }
}

async function probe(b: BenchPage, format: 'zip' | 'wacz', docs: number): Promise<void> {
  const cdp = await b.session.context.newCDPSession(b.page);
  await cdp.send('HeapProfiler.enable');
  const snapshot = async (label: string) => {
    const chunks: string[] = [];
    const on = (e: { chunk: string }) => chunks.push(e.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', on);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', on);
    const json = chunks.join('');
    if (process.env.HEAP_OUT) writeFileSync(`${process.env.HEAP_OUT}-${format}-${label}.heapsnapshot`, json);
    const used = await cdp.send('Runtime.getHeapUsage');
    heap[label.replace(/-.*/, '')] = used.usedSize / 1_048_576;
    return aggregate(json);
  };
  const heap: Record<string, number> = {};
  const before = await snapshot('before');
  const running = b.call('exportPackage', format);
  const done = () => b.page.evaluate(() => (globalThis as { __pnaExportDone?: number }).__pnaExportDone ?? 0);
  const at = async (n: number) => { while ((await done()) < n) await new Promise((r) => setTimeout(r, 100)); return done(); };
  const earlyAt = await at(Math.round(docs * 0.2));
  const early = await snapshot('early');
  const lateAt = await at(Math.round(docs * 0.95));
  const late = await snapshot('late');
  await running;
  const after = await snapshot('after');
  await cdp.detach();
  const perArticleKB = ((heap.late - heap.early) * 1024) / (lateAt - earlyAt);
  console.log(`${format}: live heap ${heap.before.toFixed(1)} MB before, ${heap.early.toFixed(1)} MB at article ${earlyAt}, ${heap.late.toFixed(1)} MB at ${lateAt}, ${heap.after.toFixed(1)} MB after = ${perArticleKB.toFixed(2)} KB per article kept while it runs (×10,000 = ${(perArticleKB * 10).toFixed(1)} MB)`);
  const rows = [...late].map(([name, l]) => {
    const e = early.get(name) ?? { count: 0, size: 0 };
    return { name, dCount: l.count - e.count, dSizeKB: Math.round((l.size - e.size) / 1024), lateKB: Math.round(l.size / 1024), beforeKB: Math.round((before.get(name)?.size ?? 0) / 1024), afterKB: Math.round((after.get(name)?.size ?? 0) / 1024) };
  }).sort((x, y) => y.dSizeKB - x.dSizeKB).slice(0, 8);
  console.table(rows);
  console.log(JSON.stringify({ format, docs, beforeMB: r1(heap.before), earlyMB: r1(heap.early), lateMB: r1(heap.late), afterMB: r1(heap.after), keptKBPerArticle: r1(perArticleKB), browser: b.browser }));
}
