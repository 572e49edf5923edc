// Decode a saved HTML file the way a browser would without an HTTP header: a byte-order mark first, then the first
// <meta charset> / <meta http-equiv="content-type"> in the head (a browser re-decodes when it meets one after its
// 1024-byte prescan, so the whole head counts), UTF-8 otherwise. Labels resolve as the Encoding Standard says
// (TextDecoder: "iso-8859-1" and "latin1" are windows-1252, "gb2312" is GBK…).

/** Where a declaration is looked for: up to </head>, and never past this many bytes. */
const HEAD_SCAN_LIMIT = 512 * 1024;

function bomEncoding(b: Uint8Array): string | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return null;
}

/** The Encoding Standard's name for a label, or null when TextDecoder does not know it. */
export function resolveLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (!l) return null;
  // A meta tag cannot switch to UTF-16 (its bytes would not have parsed as ASCII); x-user-defined reads as 1252.
  if (l === 'x-user-defined') return 'windows-1252';
  try {
    const enc = new TextDecoder(l).encoding;
    return enc.startsWith('utf-16') ? 'utf-8' : enc;
  } catch {
    return null;
  }
}

/** The HTML spec's "extract a character encoding from a meta element" on a content="…" value. */
export function charsetFromContent(content: string): string | null {
  const m = /charset\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s;"']+))/i.exec(content);
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}

function attributes(tagBody: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(tagBody); m; m = re.exec(tagBody)) {
    const name = m[1].toLowerCase();
    if (!out.has(name)) out.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** The encoding the head's meta tags declare (the first one a decoder supports), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 keeps one character per byte, so ASCII markup reads the same whatever the real encoding.
  const prefix = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEAD_SCAN_LIMIT)).toString('latin1');
  const headEnd = prefix.search(/<\/head\s*>|<body[\s>]/i);
  const head = (headEnd >= 0 ? prefix.slice(0, headEnd) : prefix)
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<(script|style|textarea|title)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, ' ');
  for (const m of head.matchAll(/<meta\b([^>]*)>/gi)) {
    const attrs = attributes(m[1]);
    let label = attrs.get('charset') ?? null;
    if (label === null && (attrs.get('http-equiv') ?? '').trim().toLowerCase() === 'content-type') label = charsetFromContent(attrs.get('content') ?? '');
    const enc = label === null ? null : resolveLabel(label);
    if (enc) return enc;
  }
  return null;
}

/** The encoding a browser would use for these bytes (no HTTP header): BOM, then meta, then UTF-8. */
export function sniffEncoding(bytes: Uint8Array): string {
  return bomEncoding(bytes) ?? declaredCharset(bytes) ?? 'utf-8';
}

// windows-1252's 0x80–0x9F (Node 20's TextDecoder decodes them as C1 controls, as ISO-8859-1 would; browsers do not).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    let s = '';
    for (let j = i; j < end; j++) {
      const b = bytes[j];
      s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    parts.push(s);
  }
  return parts.join('');
}

/** The file's text as a browser would decode it (a BOM is consumed, invalid bytes become U+FFFD). */
export function decodeHtml(bytes: Uint8Array): string {
  const enc = sniffEncoding(bytes);
  return enc === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(enc).decode(bytes);
}
