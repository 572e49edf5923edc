// Counts term keys of one document in an open-addressing table of typed arrays: a document adds ~1,500 keys,
// and a Map of doubles costs several times more (and leaves garbage for every document of an import).

export class KeyCounter {
  private keys = new Float64Array(4096);
  private counts = new Uint32Array(4096);
  private used = new Int32Array(2048);
  private n = 0;

  /** Adds `weight` to the key's count; true when the key is new in this document. */
  add(key: number, weight: number): boolean {
    const mask = this.keys.length - 1;
    let h = (key >>> 0) & mask;
    while (this.counts[h] !== 0 && this.keys[h] !== key) h = (h + 1) & mask;
    if (this.counts[h] !== 0) {
      this.counts[h] += weight;
      return false;
    }
    this.keys[h] = key;
    this.counts[h] = weight;
    this.used[this.n++] = h;
    if (this.n >= this.used.length) this.grow();
    return true;
  }

  /** The keys (sorted when asked) and their counts (capped at 255); empties the counter for the next document. */
  take(sorted: boolean): { keys: Float64Array; tf: Uint8Array } {
    const keys = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) keys[i] = this.keys[this.used[i]];
    const tf = new Uint8Array(this.n);
    if (!sorted) {
      for (let i = 0; i < this.n; i++) tf[i] = Math.min(255, this.counts[this.used[i]]);
      this.clear();
      return { keys, tf };
    }
    keys.sort();
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      let h = (keys[i] >>> 0) & mask;
      while (this.keys[h] !== keys[i]) h = (h + 1) & mask;
      tf[i] = Math.min(255, this.counts[h]);
    }
    this.clear();
    return { keys, tf };
  }

  private clear(): void {
    for (let i = 0; i < this.n; i++) this.counts[this.used[i]] = 0;
    this.n = 0;
  }

  /** Keeps the table at most half full. */
  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    const oldUsed = this.used.subarray(0, this.n);
    this.keys = new Float64Array(oldKeys.length * 2);
    this.counts = new Uint32Array(oldKeys.length * 2);
    this.used = new Int32Array(this.used.length * 2);
    const mask = this.keys.length - 1;
    let n = 0;
    for (const slot of oldUsed) {
      let h = (oldKeys[slot] >>> 0) & mask;
      while (this.counts[h] !== 0) h = (h + 1) & mask;
      this.keys[h] = oldKeys[slot];
      this.counts[h] = oldCounts[slot];
      this.used[n++] = h;
    }
    this.n = n;
  }
}
