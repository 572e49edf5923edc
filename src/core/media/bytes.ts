// Pure helpers over the bytes of stored images and pages: what kind of image they are (never trusting the server's
// Content-Type), their SHA-256, and gzip for the captured HTML. Web APIs only (crypto.subtle, CompressionStream):
// they run in the background, the pages, workers and Node 20.

/** The image type the bytes start with, or null when they are not an image this archive keeps. */
export function sniffImageType(bytes: Uint8Array): string | null {
  const at = (offset: number, ...values: number[]) => values.every((v, i) => bytes[offset + i] === v);
  const ascii = (offset: number, text: string) => [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(4, 'ftyp')) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (brand === 'avif' || brand === 'avis') return 'image/avif';
  }
  if (at(0, 0x42, 0x4d) && bytes.length > 14) return 'image/bmp';
  if (at(0, 0x00, 0x00, 0x01, 0x00)) return 'image/x-icon';
  return looksLikeSvg(bytes) ? 'image/svg+xml' : null;
}

/** An SVG document: its first element (after an XML prolog, comments, a doctype) is <svg>. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const rest = head.replace(/^\s*(?:<\?xml[\s\S]*?\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*/i, '');
  return /^<svg[\s>]/i.test(rest);
}

/** Lowercase hex SHA-256 of the bytes. */
export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The captured page as stored: gzip bytes, and the size and SHA-256 of the uncompressed UTF-8 bytes. */
export async function gzipText(text: string): Promise<{ gzip: Blob; size: number; sha256: string }> {
  const raw = new TextEncoder().encode(text);
  const stream = new Blob([raw as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  const gzip = new Blob([await new Response(stream).arrayBuffer()], { type: 'application/gzip' });
  return { gzip, size: raw.byteLength, sha256: await sha256Hex(raw) };
}

export async function gunzipText(gzip: Blob): Promise<string> {
  const stream = gzip.stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}
