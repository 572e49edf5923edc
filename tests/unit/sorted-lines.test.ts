// The WACZ's CDXJ index is sorted without holding every line: runs spilled to Blobs and merged come out exactly as
// one in-memory sort would put them.
import { describe, expect, it } from 'vitest';
import { SortedLines } from '../../src/core/archive/sorted-lines';

async function readAll(s: SortedLines, chunkChars?: number): Promise<string> {
  let out = '';
  for await (const chunk of s.chunks(chunkChars)) out += chunk;
  return out;
}

const surtLike = (i: number) => `vn,gov,tuyenquang)/tin-tuc/bai-${(i * 7919) % 1000}.html 2026${String(i % 12).padStart(2, '0')}01000000 {"offset":"${i}"}`;

describe('SortedLines', () => {
  it.each([1, 3, 64, 1000, 5000])('gives the lines of an in-memory sort with runs of %i lines', async (run) => {
    const lines = Array.from({ length: 2500 }, (_, i) => surtLike(i));
    const s = new SortedLines(run);
    for (const l of lines) s.add(l);
    expect(await readAll(s, 4096)).toBe([...lines].sort().map((l) => `${l}\n`).join(''));
  });

  it('keeps equal lines and non-ASCII text whole across read slices', async () => {
    const lines = ['b', 'a', 'Tuyên Quang 🇻🇳', 'a', 'Đà Lạt', 'x'.repeat(200_000), 'b'];
    const s = new SortedLines(2);
    for (const l of lines) s.add(l);
    expect((await readAll(s)).split('\n').slice(0, -1)).toEqual([...lines].sort());
  });

  it('gives nothing when nothing was added', async () => {
    expect(await readAll(new SortedLines())).toBe('');
  });
});
