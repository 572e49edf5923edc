// The import's validation pass on a big file: it tells how far it has read (the page shows a percentage), decodes
// Vietnamese split across the file's pieces, and stops when cancelled.
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../src/core/archive/build-article';
import { importRowsOf, readImportSource } from '../../src/core/archive/import-read';
import { sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

/** The blob's bytes in pieces of `size` (a browser reads a file 64 KB at a time; an odd size cuts letters in two). */
function inPieces(blob: Blob, size: number): Blob {
  return new (class extends Blob {
    override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
      let at = 0;
      return new ReadableStream({
        async pull(controller) {
          if (at >= blob.size) return controller.close();
          controller.enqueue(new Uint8Array(await blob.slice(at, at + size).arrayBuffer()));
          at += size;
        },
      });
    }
  })([blob]);
}

/** An NDJSON file of `n` articles whose bodies are long Vietnamese text (the file arrives in many pieces). */
async function ndjson(n: number): Promise<{ blob: Blob; titles: string[] }> {
  const text = 'Đồng chí Bí thư Tỉnh ủy phát biểu chỉ đạo hội nghị tổng kết công tác dân tộc. '.repeat(120);
  const articles = await Promise.all(Array.from({ length: n }, (_, i) => buildArticle(
    sampleExtracted({ url: `https://bdt.tuyenquang.gov.vn/tin-tuc/bai-${i}.html`, title: `Hội nghị tổng kết năm ${2000 + i} ở xã Đồng Văn`, bodyText: text, bodyHtml: `<p>${text}</p>` }),
    TUYEN_QUANG_SITE, { now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) },
  )));
  return { blob: inPieces(new Blob([articles.map((a) => JSON.stringify(a)).join('\n')]), 9_997), titles: articles.map((a) => a.title) };
}

describe('checking an import file', () => {
  it('reports the bytes read as it goes, up to the whole file', async () => {
    const { blob } = await ndjson(60);
    const seen: Array<[number, number]> = [];
    const source = await readImportSource(blob, { onProgress: (read, bytes) => seen.push([read, bytes]) });
    expect(source).toMatchObject({ streamed: true, rows: 60, valid: 60 });
    expect(blob.size).toBeGreaterThan(500_000);
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);
    expect(seen.at(-1)).toEqual([blob.size, blob.size]);
  });

  it('reads Vietnamese letters that a piece boundary cuts in two', async () => {
    const { blob, titles } = await ndjson(60);
    const source = await readImportSource(blob);
    if (!source.streamed) throw new Error('expected a streamed file');
    // A damaged letter would make a row fail its content check or change its title; rows are re-read to apply them.
    expect(source.valid).toBe(60);
    const read: string[] = [];
    for await (const batch of importRowsOf(blob, source) as AsyncIterable<Array<{ ok: boolean; article?: { title: string; bodyText: string } }>>) {
      for (const row of batch) {
        expect(row.ok).toBe(true);
        expect(row.article!.bodyText).not.toContain('\uFFFD');
        read.push(row.article!.title);
      }
    }
    expect(read).toEqual(titles);
  });

  it('stops when cancelled, with an AbortError', async () => {
    const { blob } = await ndjson(60);
    const controller = new AbortController();
    const reading = readImportSource(blob, { signal: controller.signal, onProgress: (read) => { if (read > 100_000) controller.abort(); } });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
  });
});
