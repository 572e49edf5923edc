// Reads a dexie-export-import backup a piece at a time: the file is never whole in memory, only the row being read.
// The format is one JSON object, {"formatName", "data": {..., "tables": [...], "data": [{"tableName", "rows": [...]}]}};
// the scanner follows its skeleton and hands over each row's text as soon as the row is complete.

/** A problem with the file's shape, in the words restore uses for it. */
export class BackupShapeError extends Error {
  constructor(readonly kind: 'not-backup' | 'truncated', message: string) {
    super(message);
    this.name = 'BackupShapeError';
  }
}

interface Frame {
  kind: 'obj' | 'arr';
  /** For an object: the key whose value is being read, null while a key is expected. */
  key: string | null;
}

const QUOTE = 34, BACKSLASH = 92, OPEN_OBJ = 123, CLOSE_OBJ = 125, OPEN_ARR = 91, CLOSE_ARR = 93, COMMA = 44, COLON = 58;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
const LITERAL_RE = /[-+.0-9a-zA-Z]+/y;

/** Splits the text of a backup, fed in pieces of any size, into `onRow(tableName, rowText)` calls. */
export class BackupRowScanner {
  private buf = '';
  private pos = 0;
  private readonly stack: Frame[] = [];
  private finished = false;
  private table: string | null = null;
  /** Where the row being read starts in `buf` (-1 outside rows), and how deep it is so far. */
  private rowStart = -1;
  private rowDepth = 0;
  private inString = false;

  constructor(private readonly onRow: (table: string, text: string) => void) {}

  push(text: string): void {
    const keep = this.rowStart >= 0 ? this.rowStart : this.pos;
    this.buf = this.buf.slice(keep) + text;
    this.pos -= keep;
    if (this.rowStart >= 0) this.rowStart = 0;
    this.scan(false);
  }

  /** The end of the file: anything left open means the file was cut short. */
  end(): void {
    this.scan(true);
    if (!this.finished || this.rowStart >= 0 || this.stack.length) throw new BackupShapeError('truncated', 'the file ends before its JSON does (truncated?)');
  }

  /** The rows array of a table dump: root.data.data[i].rows. */
  private inRows(): boolean {
    const s = this.stack;
    return s.length === 5 && s[4].kind === 'arr' && s[3].key === 'rows' && s[2].kind === 'arr' && s[1].key === 'data' && s[0].key === 'data';
  }

  private scan(final: boolean): void {
    const buf = this.buf;
    while (this.pos < buf.length) {
      if (this.rowStart >= 0) {
        if (!this.scanRow()) return;
        continue;
      }
      const c = buf.charCodeAt(this.pos);
      if (isSpace(c)) { this.pos++; continue; }
      if (this.finished) throw new BackupShapeError('not-backup', 'text after the end of the JSON');
      const top = this.stack[this.stack.length - 1];
      if (c === COMMA) {
        if (top?.kind === 'obj') top.key = null;
        this.pos++;
      } else if (c === COLON) {
        this.pos++;
      } else if (c === CLOSE_OBJ || c === CLOSE_ARR) {
        if (!top || top.kind !== (c === CLOSE_OBJ ? 'obj' : 'arr')) throw new BackupShapeError('not-backup', 'mismatched brackets');
        this.stack.pop();
        if (this.stack.length === 3) this.table = null; // a table dump ended
        if (!this.stack.length) this.finished = true;
        this.pos++;
      } else if (this.inRows()) {
        if (c !== OPEN_OBJ && c !== OPEN_ARR) throw new BackupShapeError('not-backup', 'a table row is not an object');
        if (this.table === null) throw new BackupShapeError('not-backup', 'rows before their table name');
        this.rowStart = this.pos;
        this.rowDepth = 0;
        this.inString = false;
      } else if (c === OPEN_OBJ || c === OPEN_ARR) {
        if (!top && this.stack.length === 0 && c !== OPEN_OBJ) throw new BackupShapeError('not-backup', 'not a JSON object');
        this.stack.push({ kind: c === OPEN_OBJ ? 'obj' : 'arr', key: null });
        this.pos++;
      } else if (c === QUOTE) {
        if (!this.scanSkeletonString(top)) return;
      } else {
        if (!top) throw new BackupShapeError('not-backup', 'not a JSON object');
        LITERAL_RE.lastIndex = this.pos;
        const m = LITERAL_RE.exec(buf);
        if (!m) throw new BackupShapeError('not-backup', `unexpected character at ${this.pos}`);
        if (this.pos + m[0].length >= buf.length && !final) return; // the literal may go on in the next piece
        this.pos += m[0].length;
      }
    }
  }

  /** A key or a short value of the skeleton; false when it goes on in the next piece. */
  private scanSkeletonString(top: Frame | undefined): boolean {
    const buf = this.buf;
    let q = this.pos + 1;
    for (;;) {
      q = buf.indexOf('"', q);
      if (q < 0) return false;
      let backslashes = 0;
      for (let k = q - 1; buf.charCodeAt(k) === BACKSLASH; k--) backslashes++;
      if (backslashes % 2 === 0) break;
      q++;
    }
    const value = JSON.parse(buf.slice(this.pos, q + 1)) as string;
    this.pos = q + 1;
    if (!top) throw new BackupShapeError('not-backup', 'not a JSON object');
    if (top.kind === 'obj' && top.key === null) top.key = value;
    else if (this.stack.length === 4 && top.key === 'tableName') this.table = value;
    return true;
  }

  /** Reads on in the current row; true once it is complete (and handed over). Strings are skipped with indexOf. */
  private scanRow(): boolean {
    const buf = this.buf;
    const len = buf.length;
    let pos = this.pos;
    while (pos < len) {
      if (this.inString) {
        const q = buf.indexOf('"', pos);
        if (q < 0) { pos = len; break; }
        let backslashes = 0;
        for (let k = q - 1; buf.charCodeAt(k) === BACKSLASH; k--) backslashes++;
        pos = q + 1;
        if (backslashes % 2 === 0) this.inString = false;
        continue;
      }
      const c = buf.charCodeAt(pos++);
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_OBJ || c === OPEN_ARR) this.rowDepth++;
      else if ((c === CLOSE_OBJ || c === CLOSE_ARR) && --this.rowDepth === 0) {
        const text = buf.slice(this.rowStart, pos);
        this.pos = pos;
        this.rowStart = -1;
        this.onRow(this.table!, text);
        return true;
      }
    }
    this.pos = pos;
    return false;
  }
}

export const BACKUP_CHUNK_BYTES = 1 << 20;

/**
 * Feeds the file to the scanner a slice at a time. `read` fetches a slice's bytes (inside a transaction it must keep
 * the transaction alive: Dexie.waitFor); `afterChunk` runs after each slice, with the bytes read so far.
 */
export async function scanBackupFile(
  file: Blob,
  scanner: BackupRowScanner,
  options: { chunkBytes?: number; read?: (slice: Blob) => PromiseLike<ArrayBuffer>; afterChunk?: (bytesRead: number) => unknown },
): Promise<void> {
  const size = Math.max(1, options.chunkBytes ?? BACKUP_CHUNK_BYTES);
  const read = options.read ?? ((slice: Blob) => slice.arrayBuffer());
  const decoder = new TextDecoder();
  for (let at = 0; at < file.size; at += size) {
    const bytes = await read(file.slice(at, Math.min(file.size, at + size)));
    // A letter cut in two by the slice is kept for the next one (stream: true).
    scanner.push(decoder.decode(new Uint8Array(bytes), { stream: true }));
    await options.afterChunk?.(Math.min(file.size, at + size));
  }
  scanner.push(decoder.decode());
  scanner.end();
}
