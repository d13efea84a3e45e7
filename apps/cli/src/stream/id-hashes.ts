/**
 * The duplicate-id check across the pieces of a file decided on worker threads, kept small and
 * quick: each worker sends a 64-bit hash of every id (two different 32-bit hashes), and the main
 * thread keeps the hashes seen. Two equal hashes mean "perhaps the same id": the file is then read
 * the usual way, whose exact check (every id compared whole) finds the repeat and names its rows —
 * or finds none, when two different ids happened to share a hash (about once in 10^13 files of a
 * million ids), and decides the file on one thread. Either way the answer is exact.
 */

/** The two hashes of an id, written at `at` and `at + 1` (the first is never 0: 0 marks an empty slot). */
export function hashId(id: string, out: Uint32Array, at: number): void {
  let a = 0x811c9dc5; // FNV-1a
  let b = 0x9747b28c ^ id.length; // a multiply-rotate mix, seeded differently
  for (let k = 0; k < id.length; k++) {
    const c = id.charCodeAt(k);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b = (b << 13) | (b >>> 19);
  }
  b ^= b >>> 16;
  b = Math.imul(b, 0x85ebca6b);
  b ^= b >>> 13;
  out[at] = (a >>> 0) | 1;
  out[at + 1] = b >>> 0;
}

/** The hashes seen, in an open-addressing table that doubles when half full. */
export class HashSeen {
  #hi = new Uint32Array(1 << 16);
  #lo = new Uint32Array(1 << 16);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds the pairs of `hashes` (as `hashId` wrote them); false as soon as one was seen already. */
  addAll(hashes: Uint32Array, count: number): boolean {
    for (let i = 0; i < count; i++) if (!this.add(hashes[2 * i] as number, hashes[2 * i + 1] as number)) return false;
    return true;
  }

  /** Adds one pair; false when it was seen already. */
  add(hi: number, lo: number): boolean {
    if (this.#size * 2 >= this.#hi.length) this.#grow();
    const mask = this.#hi.length - 1;
    for (let s = (lo ^ hi) & mask; ; s = (s + 1) & mask) {
      const h = this.#hi[s] as number;
      if (h === 0) {
        this.#hi[s] = hi;
        this.#lo[s] = lo;
        this.#size++;
        return true;
      }
      if (h === hi && this.#lo[s] === lo) return false;
    }
  }

  #grow(): void {
    const hi = this.#hi;
    const lo = this.#lo;
    this.#hi = new Uint32Array(hi.length * 2);
    this.#lo = new Uint32Array(lo.length * 2);
    this.#size = 0;
    for (let s = 0; s < hi.length; s++) if (hi[s] !== 0) this.add(hi[s] as number, lo[s] as number);
  }
}
