// Bytes of a fetched page → text, by the charset its server or its markup declares (BOM, then the Content-Type
// header, then <meta charset> / http-equiv in the first KB), as a browser would; old portals still serve windows-1258.

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function headerCharset(contentType: string | null): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1] : null;
}

function supported(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The encoding the page is in (a TextDecoder name); utf-8 when nothing says otherwise. */
export function pageCharset(bytes: Uint8Array, contentType: string | null): string {
  const bom = bomCharset(bytes);
  if (bom) return bom;
  const fromHeader = supported(headerCharset(contentType));
  if (fromHeader) return fromHeader;
  // The meta tag is ASCII in every encoding a page may declare: read the first KB as latin1.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const fromMeta = supported(META_CHARSET.exec(head)?.[1] ?? null);
  // A page that says utf-16 in its markup was decodable as ASCII, so it is not UTF-16 (the HTML standard's rule).
  if (fromMeta && !fromMeta.startsWith('utf-16')) return fromMeta;
  return 'utf-8';
}

/** The page's text, NFC-normalized (windows-1258 spells Vietnamese with combining tones). */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  return new TextDecoder(pageCharset(bytes, contentType)).decode(bytes).normalize('NFC');
}
