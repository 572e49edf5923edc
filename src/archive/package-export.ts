// The two exports that carry stored images and original pages: "JSON + tệp ảnh" (ZIP) and WACZ. They write a byte
// stream (the ZIP library's output) into the file the user picked, or into Blob parts for a download.
import { exportZip, type PackageExportOptions } from '../core/archive/export-zip';
import { exportWacz } from '../core/archive/export-wacz';
import type { ArchiveDb } from '../core/archive/db';

export type PackageFormat = 'zip' | 'wacz';

export const PACKAGE_FILES: Record<PackageFormat, { extension: string; mime: string }> = {
  zip: { extension: 'zip', mime: 'application/zip' },
  wacz: { extension: 'wacz', mime: 'application/wacz' },
};

export const isPackageFormat = (format: string): format is PackageFormat => format in PACKAGE_FILES;

/** A stream into the picked file (closed by the caller, who also aborts it on failure) or into Blob parts. */
export function packageSink(file: FileSystemWritableFileStream | null, parts: Blob[]): WritableStream<Uint8Array> {
  return new WritableStream({
    async write(chunk) {
      if (file) await file.write(chunk as BufferSource);
      else parts.push(new Blob([chunk as BlobPart]));
    },
  });
}

/** Writes the package; returns the number of articles in it. `title` names a WACZ's collection. */
export function writePackage(db: ArchiveDb, format: PackageFormat, sink: WritableStream<Uint8Array>, options: PackageExportOptions & { title: string }): Promise<number> {
  return format === 'zip' ? exportZip(db, sink, options) : exportWacz(db, sink, options);
}
