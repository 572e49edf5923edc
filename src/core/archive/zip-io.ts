// The ZIP library as the exports and imports use it: native (CompressionStream) codecs only and no web workers, so it
// runs under the extension pages' CSP (no blob: workers, no WebAssembly) and in Node; plus the checks every entry of
// a file from outside passes before it is read.
import { BlobReader, BlobWriter, configure, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js/index-native.js';
import { ImportFileError } from './import-parse';
import { sha256Hex as bytesSha256 } from '../media/bytes';

configure({ useWebWorkers: false });

export { BlobReader, BlobWriter, ZipReader, ZipWriter, TextReader } from '@zip.js/zip.js/index-native.js';
export type { Entry, FileEntry };

/** A path inside the package that stays inside it: relative, forward slashes, no `..` or `.` segment, no drive. */
export function isSafeEntryPath(path: string): boolean {
  if (!path || path.length > 1024 || path.includes('\\') || path.includes('\0')) return false;
  if (path.startsWith('/') || /^[a-z]:/i.test(path)) return false;
  return path.split('/').every((segment, i, all) => (segment !== '' || i === all.length - 1) && segment !== '.' && segment !== '..');
}

/**
 * The file entries of a ZIP, each path checked. A ZIP without its central directory (cut short) or that is no ZIP at
 * all, and any entry whose path would leave the package, refuse the whole file.
 */
export async function zipEntries(file: Blob, what: string): Promise<{ reader: ZipReader<unknown>; entries: Map<string, FileEntry> }> {
  const reader = new ZipReader(new BlobReader(file));
  let entries: Entry[];
  try {
    entries = await reader.getEntries();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The library refuses such paths itself while it reads the directory.
    if (/unsafe filename/i.test(message)) {
      throw new ImportFileError('unsafe-path', `The ${what} file holds an entry whose path leaves its folder: ${JSON.stringify((error as { filename?: string }).filename ?? '')}`);
    }
    throw new ImportFileError('truncated', `The ${what} file is cut short or is not a ZIP file (${message})`);
  }
  const files = new Map<string, FileEntry>();
  for (const entry of entries) {
    if (!isSafeEntryPath(entry.filename)) throw new ImportFileError('unsafe-path', `The ${what} file holds an entry whose path leaves its folder: ${JSON.stringify(entry.filename)}`);
    if (files.has(entry.filename)) throw new ImportFileError('wrong-shape', `The ${what} file holds ${JSON.stringify(entry.filename)} twice`);
    if (!entry.directory) files.set(entry.filename, entry);
  }
  return { reader, entries: files };
}

/** An entry's bytes as a Blob, refused past `max` bytes (whatever its header says) and on a CRC mismatch. */
export async function entryBlob(entry: FileEntry, max: number, type = ''): Promise<Blob> {
  if (entry.uncompressedSize > max) throw new ImportFileError('too-large', `${entry.filename} is larger (${entry.uncompressedSize} bytes) than allowed (${max})`);
  let blob: Blob;
  try {
    blob = await entry.getData(new BlobWriter(type), { checkSignature: true });
  } catch (error) {
    throw new ImportFileError('truncated', `${entry.filename} cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (blob.size > max || blob.size !== entry.uncompressedSize) throw new ImportFileError('bad-record', `${entry.filename} is not the size its header says`);
  return blob;
}

/**
 * A stored (uncompressed) entry's bytes as a slice of the file itself: nothing copied, however large (a WACZ's WARC).
 * Compressed entries are read as usual. Callers check the bytes (a WACZ's datapackage.json hashes them).
 */
export async function entrySlice(file: Blob, entry: FileEntry, max: number): Promise<Blob> {
  if (entry.compressionMethod !== 0 || entry.encrypted) return entryBlob(entry, max);
  if (entry.uncompressedSize > max) throw new ImportFileError('too-large', `${entry.filename} is larger (${entry.uncompressedSize} bytes) than allowed (${max})`);
  const local = new DataView(await file.slice(entry.offset, entry.offset + 30).arrayBuffer());
  if (local.byteLength < 30 || local.getUint32(0, true) !== 0x04034b50) throw new ImportFileError('truncated', `${entry.filename} has no local header (the file is damaged)`);
  const start = entry.offset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  if (start + entry.uncompressedSize > file.size) throw new ImportFileError('truncated', `${entry.filename} is cut short`);
  return file.slice(start, start + entry.uncompressedSize);
}

/** Lowercase hex SHA-256 of a Blob or bytes (a Blob is read whole: callers bound the size first). */
export async function sha256Hex(blob: Blob | Uint8Array): Promise<string> {
  return bytesSha256(blob instanceof Blob ? await blob.arrayBuffer() : blob);
}

/** The gunzipped bytes of a Blob, refused past `max` bytes. */
export async function gunzipBounded(blob: Blob, max: number, name: string): Promise<Blob> {
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = blob.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel();
        throw new ImportFileError('too-large', `${name} is larger than allowed once uncompressed (${max} bytes)`);
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('bad-record', `${name} is not valid gzip (${error instanceof Error ? error.message : String(error)})`);
  }
  return new Blob(parts as BlobPart[]);
}

/** File name extension for a stored image's MIME type. */
export function extensionOf(type: string): string {
  const known: Record<string, string> = {
    'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/svg+xml': 'svg', 'image/bmp': 'bmp',
  };
  return known[type.split(';')[0].trim().toLowerCase()] ?? 'bin';
}

/** Largest image and largest original page (uncompressed) an import accepts. */
export const MAX_MEDIA_BYTES = 64 * 1024 * 1024;
export const MAX_ORIGINAL_BYTES = 64 * 1024 * 1024;
