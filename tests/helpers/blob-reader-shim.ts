// dexie-export-import reads files with FileReader and tests `'FileReaderSync' in self` when it loads: give Node
// both (import this before the module under test). Browsers have them natively.
const g = globalThis as Record<string, unknown>;
if (!('self' in g)) g.self = globalThis;
if (!('FileReader' in g)) {
  g.FileReader = class {
    result: unknown = null;
    onload: ((ev: { target: unknown }) => void) | null = null;
    onerror: ((ev: { target: unknown }) => void) | null = null;
    onabort: (() => void) | null = null;
    error: unknown = null;
    readAsArrayBuffer(blob: Blob): void {
      blob.arrayBuffer().then(
        (buffer) => { this.result = buffer; this.onload?.({ target: this }); },
        (error) => { this.error = error; this.onerror?.({ target: this }); },
      );
    }
    readAsText(blob: Blob): void {
      blob.text().then(
        (text) => { this.result = text; this.onload?.({ target: this }); },
        (error) => { this.error = error; this.onerror?.({ target: this }); },
      );
    }
  };
}
export {};
