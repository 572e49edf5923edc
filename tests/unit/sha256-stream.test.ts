// The streamed SHA-256 (for a WACZ's datapackage.json) agrees with Web Crypto on every length around the block edges
// and however the bytes are cut into chunks.
import { Sha256 } from '../../src/core/archive/sha256-stream';
import { sha256Hex } from '../../src/core/archive/zip-io';

describe('streamed SHA-256', () => {
  it('matches Web Crypto for lengths 0..300 and random chunkings', async () => {
    const bytes = new Uint8Array(300);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) & 0xff;
    for (let n = 0; n <= 300; n += n < 130 ? 1 : 17) {
      const data = bytes.subarray(0, n);
      const hasher = new Sha256();
      for (let at = 0; at < n;) {
        const step = 1 + ((at * 37 + n) % 70);
        hasher.update(data.subarray(at, at + step));
        at += step;
      }
      expect(hasher.hex(), `length ${n}`).toBe(await sha256Hex(data));
    }
  });

  it('hashes a megabyte as Web Crypto does', async () => {
    const data = new Uint8Array(1 << 20).map((_, i) => (i * 7919) & 0xff);
    expect(new Sha256().update(data.subarray(0, 12345)).update(data.subarray(12345)).hex()).toBe(await sha256Hex(data));
  });
});
