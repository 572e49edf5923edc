// Stored form of postings: doc numbers as zigzag-delta varints (a common word's list shrinks from 4 bytes a
// posting to about 1), per-key counts as varints, row keys as a Uint32Array. Reading IndexedDB is what a query
// waits for, so fewer bytes is faster even with the decoding.
import type { SearchBucketRow, SearchListRow } from './schema';
import { BUCKETS, GROUP, groupRowOf, keyOf } from './term-keys';

/** A term with at least this many postings in a segment gets a list row of its own (searchLists). */
export const LONG_LIST = 512;

/** A bucket's postings of one segment, decoded: keys[i]'s postings are docs/tf[starts[i] .. starts[i + 1]). */
export interface DecodedBucket {
  bucket: number;
  seg: number;
  /** Sorted row keys (see rowKeyOf). */
  keys: Uint32Array;
  starts: Uint32Array;
  docs: Uint32Array;
  tf: Uint8Array;
  /** Decoded grouped rows: keys of the group's i-th bucket are keys[sub[i] .. sub[i + 1]). */
  sub?: Uint32Array;
}

class ByteWriter {
  bytes = new Uint8Array(1024);
  n = 0;
  varint(v: number): void {
    // A value below 2^35 takes at most 5 bytes.
    if (this.n + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    // Arithmetic, not bit operators: zigzag deltas of 32-bit doc numbers reach 2^33.
    while (v >= 0x80) {
      this.bytes[this.n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.n++] = v;
  }
  /** Doc numbers from..to of `docs`, each as the zigzag delta to the previous one (the first to 0). */
  docs(docs: ArrayLike<number>, from: number, to: number): void {
    let prev = 0;
    for (let i = from; i < to; i++) {
      const d = docs[i] - prev;
      this.varint(d >= 0 ? d * 2 : -d * 2 - 1);
      prev = docs[i];
    }
  }
  take(): Uint8Array {
    return this.bytes.slice(0, this.n);
  }
}

class ByteReader {
  at = 0;
  constructor(private bytes: Uint8Array) {}
  varint(): number {
    // Bit operators while the value fits in 28 bits (nearly always), arithmetic beyond.
    const bytes = this.bytes;
    let b = bytes[this.at++];
    if (b < 0x80) return b;
    let v = b & 0x7f;
    b = bytes[this.at++];
    v |= (b & 0x7f) << 7;
    if (b < 0x80) return v;
    b = bytes[this.at++];
    v |= (b & 0x7f) << 14;
    if (b < 0x80) return v;
    b = bytes[this.at++];
    v |= (b & 0x7f) << 21;
    if (b < 0x80) return v;
    let shift = 28;
    do {
      b = bytes[this.at++];
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  }
  docs(out: Uint32Array, from: number, to: number): void {
    let prev = 0;
    for (let i = from; i < to; i++) {
      const z = this.varint();
      prev += z < 0x80000000 ? (z >>> 1) ^ -(z & 1) : z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      out[i] = prev;
    }
  }
}

/** Splits a decoded bucket into its stored row and the lists of keys with at least `longList` postings. */
export function encodeBucket(b: DecodedBucket, longList: number, lists: SearchListRow[]): SearchBucketRow {
  return encodeRow(b.bucket, b.seg, [b], longList, lists, false);
}

/** One stored row for buckets of one group (grouped segments), sorted by bucket; empty buckets may be left out. */
export function encodeGroup(parts: DecodedBucket[], longList: number, lists: SearchListRow[]): SearchBucketRow {
  return encodeRow(groupRowOf(parts[0].bucket), parts[0].seg, parts, longList, lists, true);
}

function encodeRow(bucket: number, seg: number, parts: DecodedBucket[], longList: number, lists: SearchListRow[], grouped: boolean): SearchBucketRow {
  let keyCount = 0;
  let postings = 0;
  for (const b of parts) {
    keyCount += b.keys.length;
    postings += b.starts[b.keys.length] - b.starts[0];
  }
  const keys = new Uint32Array(keyCount);
  const tf = new Uint8Array(postings);
  const long: number[] = [];
  const counts = new ByteWriter();
  const docs = new ByteWriter();
  const sub = grouped ? new Uint32Array(GROUP + 1) : null;
  const longSub = grouped ? new Uint32Array(GROUP + 1) : null;
  let nKeys = 0;
  let nTf = 0;
  let next = 0;
  for (const b of parts) {
    // Buckets of the group before this one (possibly empty ones) end where this one starts.
    const at = b.bucket % GROUP;
    for (; sub && longSub && next <= at; next++) {
      sub[next] = nKeys;
      longSub[next] = long.length;
    }
    for (let i = 0; i < b.keys.length; i++) {
      const from = b.starts[i];
      const to = b.starts[i + 1];
      if (to - from >= longList) {
        long.push(b.keys[i]);
        lists.push(encodeList(keyOf(b.bucket, b.keys[i]), b.seg, b.docs.subarray(from, to), b.tf.subarray(from, to)));
        continue;
      }
      keys[nKeys++] = b.keys[i];
      counts.varint(to - from);
      docs.docs(b.docs, from, to);
      tf.set(b.tf.subarray(from, to), nTf);
      nTf += to - from;
    }
  }
  for (; sub && longSub && next <= GROUP; next++) {
    sub[next] = nKeys;
    longSub[next] = long.length;
  }
  const row: SearchBucketRow = { bucket, seg, keys: nKeys === keyCount ? keys : keys.slice(0, nKeys), counts: counts.take(), docs: docs.take(), tf: nTf === postings ? tf : tf.slice(0, nTf), long: Uint32Array.from(long) };
  if (sub && longSub) {
    row.sub = sub;
    row.longSub = longSub;
  }
  return row;
}

export function decodeBucket(row: SearchBucketRow): DecodedBucket {
  const n = row.tf.length;
  const starts = new Uint32Array(row.keys.length + 1);
  const counts = new ByteReader(row.counts);
  for (let i = 0; i < row.keys.length; i++) starts[i + 1] = starts[i] + counts.varint();
  const docs = new Uint32Array(n);
  const reader = new ByteReader(row.docs);
  for (let i = 0; i < row.keys.length; i++) reader.docs(docs, starts[i], starts[i + 1]);
  const decoded: DecodedBucket = { bucket: row.bucket, seg: row.seg, keys: row.keys, starts, docs, tf: row.tf };
  if (row.sub) decoded.sub = row.sub;
  return decoded;
}

/** Bucket `bucket`'s part of a decoded row: the row itself unless it is grouped. Shares the row's arrays. */
export function bucketPart(row: DecodedBucket, bucket: number): DecodedBucket {
  if (!row.sub) return row;
  const i = bucket % GROUP;
  const from = row.sub[i];
  const to = row.sub[i + 1];
  // starts index into docs/tf, so the part's starts are a window of the row's.
  return { bucket, seg: row.seg, keys: row.keys.subarray(from, to), starts: row.starts.subarray(from, to + 1), docs: row.docs, tf: row.tf };
}

/** Row keys of `bucket` that have lists of their own, from a stored row (grouped or not). */
export function longKeysOf(row: SearchBucketRow, bucket: number): Uint32Array {
  if (!row.longSub) return row.long;
  const i = bucket % GROUP;
  return row.long.subarray(row.longSub[i], row.longSub[i + 1]);
}

/** The buckets a stored row covers. */
export function bucketsOfRow(row: SearchBucketRow): number[] {
  if (!row.sub) return [row.bucket];
  const first = (row.bucket - BUCKETS) * GROUP;
  return Array.from({ length: GROUP }, (_, i) => first + i);
}

function encodeList(key: number, seg: number, docs: ArrayLike<number>, tf: Uint8Array): SearchListRow {
  const w = new ByteWriter();
  w.docs(docs, 0, docs.length);
  return { key, seg, docs: w.take(), tf: tf.slice() };
}

export function decodeListDocs(list: SearchListRow): Uint32Array {
  const out = new Uint32Array(list.tf.length);
  new ByteReader(list.docs).docs(out, 0, out.length);
  return out;
}
