// Lines sorted in code-unit order (as Array.prototype.sort), for an index written after what it indexes (the WACZ's
// CDXJ). Kept in sorted runs that go into Blobs as they fill, merged when read back: memory holds one run and a
// read-ahead slice of each spilled one, whatever the number of lines.

/** The lines of a Blob of '\n'-terminated lines, read a slice at a time. */
async function* linesOf(blob: Blob): AsyncGenerator<string> {
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const parts = (rest + value).split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest) yield rest;
}

interface Head { line: string; from: AsyncGenerator<string> }

/** A binary min-heap of each run's next line. */
class RunHeap {
  private readonly items: Head[] = [];
  get size() { return this.items.length; }
  push(h: Head) {
    const a = this.items;
    a.push(h);
    for (let i = a.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (a[up].line <= a[i].line) break;
      [a[up], a[i]] = [a[i], a[up]];
      i = up;
    }
  }
  pop(): Head {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && a[l].line < a[m].line) m = l;
        if (r < a.length && a[r].line < a[m].line) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

export class SortedLines {
  private run: string[] = [];
  private readonly runs: Blob[] = [];
  constructor(private readonly runLength = 4096) {}

  add(line: string): void {
    this.run.push(line);
    if (this.run.length >= this.runLength) this.spill();
  }

  private spill(): void {
    this.run.sort();
    this.runs.push(new Blob(this.run.map((l) => `${l}\n`)));
    this.run = [];
  }

  /** Every line added, in order, each followed by '\n', in strings of about `chunkChars` characters. */
  async *chunks(chunkChars = 1 << 20): AsyncGenerator<string> {
    if (this.run.length) this.spill();
    const heap = new RunHeap();
    for (const blob of this.runs) {
      const from = linesOf(blob);
      const first = await from.next();
      if (!first.done) heap.push({ line: first.value, from });
    }
    let out: string[] = [];
    let chars = 0;
    while (heap.size) {
      const head = heap.pop();
      out.push(`${head.line}\n`);
      chars += head.line.length + 1;
      const next = await head.from.next();
      if (!next.done) heap.push({ line: next.value, from: head.from });
      if (chars >= chunkChars) {
        yield out.join('');
        out = [];
        chars = 0;
      }
    }
    if (out.length) yield out.join('');
  }
}
