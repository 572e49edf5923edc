// Times detectPage over the corpus pages: each page is parsed once, then detected many times.
// Run: npx tsx bench/detect.ts   (or through bench/run.ts as `npm run bench -- detect`)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { detectPage } from '../src/core/detect';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus/vn');
const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures/detect');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function benchDetect(runs = 50): Promise<void> {
  const pages: { id: string; url: string; html: string }[] = [];
  if (existsSync(CORPUS)) {
    for (const id of readdirSync(CORPUS).sort()) {
      const truthPath = join(CORPUS, id, 'truth.json');
      if (!existsSync(truthPath)) continue;
      pages.push({ id, url: JSON.parse(readFileSync(truthPath, 'utf8')).url, html: readFileSync(join(CORPUS, id, 'page.html'), 'utf8') });
    }
  } else {
    console.warn(`detect bench: ${CORPUS} is absent; using tests/fixtures/detect only`);
    for (const c of JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as { file: string; url: string }[]) {
      pages.push({ id: c.file, url: c.url, html: readFileSync(join(FIXTURES, c.file), 'utf8') });
    }
  }
  const perPage: { id: string; ms: number }[] = [];
  for (const p of pages) {
    const window = new Window({ url: p.url });
    const doc = new window.DOMParser().parseFromString(p.html, 'text/html') as unknown as Document;
    for (let i = 0; i < 5; i++) detectPage(doc, p.url); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      detectPage(doc, p.url);
      times.push(performance.now() - t0);
    }
    perPage.push({ id: p.id, ms: median(times) });
    await window.happyDOM.close();
  }
  const all = perPage.map((p) => p.ms);
  const slowest = perPage.reduce((a, b) => (b.ms > a.ms ? b : a), perPage[0]);
  console.log(`detectPage: ${pages.length} pages × ${runs} runs (happy-dom)`);
  console.log(`  median ${median(all).toFixed(3)} ms/page, slowest ${slowest?.id} ${slowest?.ms.toFixed(3)} ms`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchDetect();
