// The bytes of stored images and pages: the type comes from the bytes (a server's Content-Type is not trusted),
// the hash is the real SHA-256, and the page comes back from its gzip exactly as captured.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { gunzipText, gzipText, sha256Hex, sniffImageType } from '../../src/core/media/bytes';

const bytes = (...values: Array<number | string>) => new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('image type from the bytes', () => {
  it.each([
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF')],
    ['image/png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR')],
    ['image/gif', bytes('GIF89a', 1, 0, 1, 0)],
    ['image/webp', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ')],
    ['image/avif', bytes(0, 0, 0, 0x1c, 'ftypavif', 0, 0, 0, 0)],
    ['image/svg+xml', bytes('<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ['image/svg+xml', bytes('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg width="1"/>')],
  ])('recognises %s', (type, data) => {
    expect(sniffImageType(data)).toBe(type);
  });

  it.each([
    ['an HTML error page served as image/jpeg', bytes('<!doctype html><html><body>404</body></html>')],
    ['an MP4 video', bytes(0, 0, 0, 0x18, 'ftypmp42', 0, 0, 0, 0)],
    ['empty bytes', bytes()],
    ['JSON', bytes('{"svg":"<svg>"}')],
  ])('refuses %s', (_, data) => {
    expect(sniffImageType(data)).toBeNull();
  });
});

describe('hash and compression', () => {
  it('hashes as SHA-256 does', async () => {
    const data = bytes('Ảnh hội nghị'.normalize());
    expect(await sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('gzips the page so any gzip reader gets it back, with the size and hash of the uncompressed bytes', async () => {
    const html = `<!doctype html><html><head><title>Tin tức</title></head><body>${'<p>Đường tỉnh 201 được nâng cấp.</p>'.repeat(500)}</body></html>`;
    const { gzip, size, sha256 } = await gzipText(html);
    const raw = Buffer.from(html, 'utf8');
    expect(size).toBe(raw.byteLength);
    expect(sha256).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(gzip.size).toBeLessThan(raw.byteLength / 10);
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString('utf8')).toBe(html);
    expect(await gunzipText(gzip)).toBe(html);
  });
});
