// The web-bench scoring pieces on inputs built here: trafilatura's snippet metric and browser-like charset decoding.
import { decodeHtml, sniffEncoding } from '../../eval/charset';
import { scoreSnippets, snippetTotals, sumCounts } from '../../eval/snippet-score';

describe('snippet metric', () => {
  it('counts found with-snippets as hits and found without-snippets as false alarms, across whitespace', () => {
    const text = 'Der  Rat hat\nbeschlossen, die Brücke zu sanieren.\n\nImpressum';
    const c = scoreSnippets(text, ['Rat hat beschlossen', 'die Brücke\tzu', 'nicht da'], ['Impressum', 'Kontakt']);
    expect(c).toEqual({ tp: 2, fn: 1, fp: 1, tn: 1 });
  });

  it('a page with no article misses every with-snippet and keeps every without-snippet out', () => {
    expect(scoreSnippets(null, ['a', 'b'], ['c'])).toEqual({ tp: 0, fn: 2, fp: 0, tn: 1 });
  });

  it('sums counts over pages before computing precision, recall and F1 = 2tp/(2tp+fp+fn)', () => {
    const total = sumCounts([
      { tp: 3, fp: 1, fn: 0, tn: 2 },
      { tp: 1, fp: 0, fn: 3, tn: 1 },
    ]);
    expect(total).toEqual({ tp: 4, fp: 1, fn: 3, tn: 3 });
    const t = snippetTotals(total);
    expect(t.precision).toBeCloseTo(4 / 5);
    expect(t.recall).toBeCloseTo(4 / 7);
    expect(t.f1).toBeCloseTo(8 / 12);
  });
});

const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('charset decoding as a browser would', () => {
  it('<meta charset> ISO-8859-1 reads as windows-1252 (0x80 is the euro sign)', () => {
    const bytes = latin1('<html><head><meta charset="ISO-8859-1"></head><body>Gr\xfc\xdfe \x80 5</body></html>');
    expect(sniffEncoding(bytes)).toBe('windows-1252');
    expect(decodeHtml(bytes)).toContain('Grüße € 5');
  });

  it('http-equiv content-type, unquoted and spread over lines, after a long script', () => {
    const head = `<head><script>var x = "${'a'.repeat(3000)}"; // <meta charset="utf-8"></script><meta\nhttp-equiv=Content-Type content="text/html; charset=Windows-1250">`;
    const bytes = latin1(`<html>${head}</head><body>Sejm zag\xb3osowa\xb3</body></html>`);
    expect(sniffEncoding(bytes)).toBe('windows-1250');
    expect(decodeHtml(bytes)).toContain('Sejm zagłosował');
  });

  it('a byte-order mark wins over the meta tag, and is not part of the text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="iso-8859-1"><p>Tiếng Việt</p>')]);
    expect(sniffEncoding(bytes)).toBe('utf-8');
    expect(decodeHtml(bytes).startsWith('<meta')).toBe(true);
    expect(decodeHtml(bytes)).toContain('Tiếng Việt');
  });

  it('UTF-16 BOM decodes as UTF-16', () => {
    const s = '<p>Zürich</p>';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) bytes[2 + 2 * i] = s.charCodeAt(i);
    expect(decodeHtml(bytes)).toBe(s);
  });

  it('no declaration, an unknown label, a meta in a comment or in the body: UTF-8', () => {
    const text = '<p>Tiếng Việt – Grüße</p>';
    expect(decodeHtml(utf8(`<html><head></head><body>${text}</body></html>`))).toContain(text);
    expect(sniffEncoding(utf8('<head><meta charset="no-such-charset"></head>'))).toBe('utf-8');
    expect(sniffEncoding(utf8('<head><!-- <meta charset="iso-8859-2"> --></head>'))).toBe('utf-8');
    expect(sniffEncoding(utf8('<head></head><body><p>charset=iso-8859-1</p><meta charset="windows-1252"></body>'))).toBe('utf-8');
  });

  it('a meta tag asking for UTF-16 means UTF-8', () => {
    expect(sniffEncoding(utf8('<head><meta charset="utf-16"></head>'))).toBe('utf-8');
  });
});
