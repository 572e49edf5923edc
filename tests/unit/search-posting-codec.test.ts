// The stored form of postings gives back exactly what was written (doc numbers in any order, up to 2^32 - 1).
import fc from 'fast-check';
import { bucketPart, bucketsOfRow, decodeBucket, decodeListDocs, encodeBucket, encodeGroup, longKeysOf, type DecodedBucket } from '../../src/core/search/posting-codec';
import type { SearchListRow } from '../../src/core/search/schema';
import { keyOf, rowKeyOf, bucketOf, GROUP, groupRowOf } from '../../src/core/search/term-keys';

const postings = fc.array(fc.tuple(fc.nat({ max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 40 });
const bucketArb = fc.record({
  bucket: fc.nat({ max: 4095 }),
  seg: fc.nat({ max: 10_000 }),
  terms: fc.uniqueArray(fc.tuple(fc.nat({ max: 2 ** 32 - 1 }), postings), { selector: (t) => t[0], maxLength: 30 }),
});

function build({ bucket, seg, terms }: { bucket: number; seg: number; terms: Array<[number, Array<[number, number]>]> }): DecodedBucket {
  const sorted = [...terms].sort((a, b) => a[0] - b[0]);
  const starts = [0];
  const docs: number[] = [];
  const tf: number[] = [];
  for (const [, ps] of sorted) {
    for (const [d, f] of ps) {
      docs.push(d);
      tf.push(f);
    }
    starts.push(docs.length);
  }
  return { bucket, seg, keys: Uint32Array.from(sorted.map((t) => t[0])), starts: Uint32Array.from(starts), docs: Uint32Array.from(docs), tf: Uint8Array.from(tf) };
}

describe('posting codec (property)', () => {
  it('decodes what it encoded, short lists in the row and long ones as lists of their own', () => {
    fc.assert(fc.property(bucketArb, fc.integer({ min: 1, max: 50 }), (spec, longList) => {
      const b = build(spec);
      const lists: SearchListRow[] = [];
      const row = encodeBucket(b, longList, lists);
      const inRow = decodeBucket(row);
      const got = new Map<number, number[][]>();
      for (let i = 0; i < inRow.keys.length; i++) got.set(inRow.keys[i], [[...inRow.docs.subarray(inRow.starts[i], inRow.starts[i + 1])], [...inRow.tf.subarray(inRow.starts[i], inRow.starts[i + 1])]]);
      for (const l of lists) {
        expect(bucketOf(l.key)).toBe(b.bucket);
        expect(l.seg).toBe(b.seg);
        got.set(rowKeyOf(l.key), [[...decodeListDocs(l)], [...l.tf]]);
      }
      expect([...row.long].sort()).toEqual(lists.map((l) => rowKeyOf(l.key)).sort());
      for (let i = 0; i < b.keys.length; i++) {
        const want = [[...b.docs.subarray(b.starts[i], b.starts[i + 1])], [...b.tf.subarray(b.starts[i], b.starts[i + 1])]];
        expect(got.get(b.keys[i])).toEqual(want);
        expect(want[0].length >= longList).toBe(row.long.includes(b.keys[i]));
      }
      expect(got.size).toBe(b.keys.length);
    }), { numRuns: 500 });
  });

  it('a grouped row gives each of its buckets back exactly, whichever buckets of the group are empty', () => {
    const groupArb = fc.record({
      group: fc.nat({ max: 4096 / GROUP - 1 }),
      seg: fc.nat({ max: 10_000 }),
      parts: fc.uniqueArray(fc.tuple(fc.nat({ max: GROUP - 1 }), bucketArb.map((b) => b.terms)), { selector: (p) => p[0], maxLength: GROUP }),
    });
    fc.assert(fc.property(groupArb, fc.integer({ min: 1, max: 50 }), ({ group, seg, parts }, longList) => {
      const built = parts.sort((a, b) => a[0] - b[0]).map(([i, terms]) => build({ bucket: group * GROUP + i, seg, terms }));
      if (!built.length) return;
      const lists: SearchListRow[] = [];
      const row = encodeGroup(built, longList, lists);
      expect(row.bucket).toBe(groupRowOf(group * GROUP));
      expect(bucketsOfRow(row)).toEqual(Array.from({ length: GROUP }, (_, i) => group * GROUP + i));
      const decoded = decodeBucket(row);
      for (let i = 0; i < GROUP; i++) {
        const bucket = group * GROUP + i;
        const want = built.find((b) => b.bucket === bucket);
        const part = bucketPart(decoded, bucket);
        const got = new Map<number, number[][]>();
        for (let k = 0; k < part.keys.length; k++) got.set(part.keys[k], [[...part.docs.subarray(part.starts[k], part.starts[k + 1])], [...part.tf.subarray(part.starts[k], part.starts[k + 1])]]);
        for (const l of lists.filter((l) => bucketOf(l.key) === bucket)) got.set(rowKeyOf(l.key), [[...decodeListDocs(l)], [...l.tf]]);
        expect([...longKeysOf(row, bucket)].sort()).toEqual(lists.filter((l) => bucketOf(l.key) === bucket).map((l) => rowKeyOf(l.key)).sort());
        expect(got.size).toBe(want?.keys.length ?? 0);
        for (let k = 0; k < (want?.keys.length ?? 0); k++) {
          expect(got.get(want!.keys[k])).toEqual([[...want!.docs.subarray(want!.starts[k], want!.starts[k + 1])], [...want!.tf.subarray(want!.starts[k], want!.starts[k + 1])]]);
        }
      }
    }), { numRuns: 300 });
  });

  it('stores dense lists in about a byte a posting', () => {
    const docs = Uint32Array.from({ length: 10_000 }, (_, i) => 50_000 + i * 3);
    const lists: SearchListRow[] = [];
    encodeBucket({ bucket: 7, seg: 1, keys: Uint32Array.of(rowKeyOf(keyOf(7, 99))), starts: Uint32Array.of(0, docs.length), docs, tf: new Uint8Array(docs.length).fill(1) }, 512, lists);
    expect(lists).toHaveLength(1);
    expect(lists[0].docs.byteLength).toBeLessThan(docs.length * 1.01);
    expect([...decodeListDocs(lists[0])]).toEqual([...docs]);
  });
});
