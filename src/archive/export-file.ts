// Where a big export goes in Chromium: straight into a file the user picks (File System Access), a page at a time, so
// that neither the page nor the browser holds the whole file (as a Blob, an export of 100,000 articles is 800 MB of
// browser memory until the download has copied it). Firefox, and small exports, keep the download.

/** From this many articles, an export asks where to save and writes there as it goes. */
export const WRITE_TO_FILE_FROM = 5_000;

type SaveFilePicker = (options: { suggestedName: string; types?: Array<{ description: string; accept: Record<string, string[]> }> }) => Promise<FileSystemFileHandle>;

type ExportFileChoice = { kind: 'file'; stream: FileSystemWritableFileStream } | { kind: 'download' } | { kind: 'cancelled' };

/**
 * Asks where to save a big export, while the click's user activation lasts. The download stays when the browser
 * has no picker or refuses it (the activation ran out); `cancelled` when the user closed the picker.
 */
export async function chooseExportFile(count: number, name: string, mime: string): Promise<ExportFileChoice> {
  const picker = (globalThis as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  if (!picker || count < WRITE_TO_FILE_FROM) return { kind: 'download' };
  const extension = name.slice(name.lastIndexOf('.'));
  let handle: FileSystemFileHandle;
  try {
    handle = await picker({ suggestedName: name, types: [{ description: name, accept: { [mime.split(';')[0]]: [extension] } }] });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' };
    return { kind: 'download' };
  }
  return { kind: 'file', stream: await handle.createWritable() };
}
