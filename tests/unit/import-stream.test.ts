import { importRowsFromLines, linesOf, NotStreamableError } from '../../src/core/archive/import-stream';
import { parseImportText, ImportFileError, type ImportRow } from '../../src/core/archive/import-parse';
import { applyImport } from '../../src/core/archive/import-apply';
import { exportChunks } from '../../src/core/archive/export-stream';
import { buildArticle } from '../../src/core/archive/build-article';
import { freshDb, sampleExtracted, TUYEN_QUANG_SITE } from '../helpers/sample-article';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function rowsOf(text: string, batchSize = 500, chunk = 97): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const batch of importRowsFromLines(linesOf(chunked(text, chunk)), batchSize)) out.push(...batch);
  return out;
}

async function exportOf(n: number, format: 'json' | 'ndjson') {
  const db = freshDb();
  await db.articles.bulkAdd(await Promise.all(Array.from({ length: n }, (_, i) => buildArticle(sampleExtracted({ title: `Bài số ${i}` }), TUYEN_QUANG_SITE))));
  let text = '';
  for await (const c of exportChunks(db, { format, generator: 'test' })) text += c;
  return text;
}

describe('streaming import', () => {
  it('reads our JSON export line by line into the same rows as a whole-file parse', async () => {
    const text = await exportOf(25, 'json');
    expect(await rowsOf(text, 7)).toEqual(parseImportText(text).rows);
  });

  it('reads NDJSON line by line, a broken line becoming a rejected row', async () => {
    const lines = (await exportOf(5, 'ndjson')).trim().split('\n');
    lines.splice(2, 0, '{"id": "cut');
    const rows = await rowsOf(lines.join('\r\n'), 2);
    expect(rows.map((r) => r.ok)).toEqual([true, true, false, true, true, true]);
    expect(rows[2]).toMatchObject({ row: 3, ok: false });
  });

  it('finds the same id twice even when the copies fall in different batches', async () => {
    const lines = (await exportOf(3, 'ndjson')).trim().split('\n');
    const rows = await rowsOf([...lines, lines[0]].join('\n'), 2);
    expect(rows[3]).toMatchObject({ row: 4, ok: false, reason: expect.stringContaining('also row 1') });
  });

  it('says a JSON export cut off at a line end is truncated', async () => {
    const text = await exportOf(10, 'json');
    const cut = text.split('\n').slice(0, 6).join('\n');
    await expect(rowsOf(cut)).rejects.toMatchObject({ code: 'truncated' });
  });

  it('leaves layouts it cannot stream to a whole-file parse', async () => {
    const text = await exportOf(3, 'json');
    await expect(rowsOf(JSON.stringify(JSON.parse(text), null, 2))).rejects.toBeInstanceOf(NotStreamableError);
    await expect(rowsOf(text.slice(0, text.length - 40))).rejects.toBeInstanceOf(NotStreamableError);
  });

  it('refuses a file from a future format version before reading any article', async () => {
    const text = (await exportOf(2, 'json')).replace('"version":1', '"version":7');
    await expect(rowsOf(text)).rejects.toMatchObject({ code: 'future-version' });
  });

  it('undoes everything when the stream turns out to be truncated after some batches were written', async () => {
    const db = freshDb();
    const text = await exportOf(30, 'json');
    const cut = text.split('\n').slice(0, 25).join('\n');
    const error = await applyImport(db, importRowsFromLines(linesOf(chunked(cut, 500)), 5)).catch((e) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(await db.articles.count()).toBe(0);
  });
});
