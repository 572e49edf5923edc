// Fetched pages decoded by their declared charset: a windows-1258 portal's Vietnamese comes out right.
import { decodeHtml, pageCharset } from '../../src/core/bulk/decode-html';

// "Hội nghị" in windows-1258: H, o + U+0302 (0xF4 'ô') + combining dot below (0xF2), i, space, n, g, h, i + dot below.
const CP1258_TITLE = Uint8Array.from([0x48, 0xf4, 0xf2, 0x69, 0x20, 0x6e, 0x67, 0x68, 0x69, 0xf2]);
const page = (head: string, body: Uint8Array) => {
  const enc = new TextEncoder();
  return Uint8Array.from([...enc.encode(`<html><head>${head}</head><body><h1>`), ...body, ...enc.encode('</h1></body></html>')]);
};

describe('decoding fetched pages', () => {
  it('windows-1258 named by <meta charset> becomes NFC Vietnamese', () => {
    const html = decodeHtml(page('<meta charset="windows-1258">', CP1258_TITLE), 'text/html');
    expect(html).toContain('<h1>Hội nghị</h1>');
  });

  it('the http-equiv form and the Content-Type header are read too; the header wins over the markup', () => {
    expect(pageCharset(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">', CP1258_TITLE), null)).toBe('windows-1258');
    expect(pageCharset(page('<meta charset="utf-8">', CP1258_TITLE), 'text/html; charset=windows-1258')).toBe('windows-1258');
  });

  it('a BOM wins; an unknown label or none means UTF-8', () => {
    const utf8 = new TextEncoder().encode('<p>Tuyên Quang</p>');
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]), 'text/html; charset=windows-1258')).toBe('<p>Tuyên Quang</p>');
    expect(pageCharset(utf8, 'text/html; charset=x-made-up')).toBe('utf-8');
    expect(decodeHtml(utf8, null)).toBe('<p>Tuyên Quang</p>');
  });
});
