/** Bytes in a page of id text (offsets are page << 16 | byte); an id is never split between pages. */
const TEXT_PAGE = 1 << 16;
/** Ids in a page of entries (entry e is in page e >>> 14). */
const ENTRY_PAGE = 1 << 14;
/** Ids kept as bytes are at most this long in UTF-8 (the length is one byte); longer ones go in a Map. */
const MAX_PACKED = 255;

const encoder = new TextEncoder();

/**
 * Ids and the number of the row where each was first seen, for the duplicate-id check of a roster
 * of any length. Exact (ids are compared whole, never by a hash alone) and small: each id is kept
 * as its UTF-8 bytes in flat pages, with 12 bytes of entry and a 4-byte slot of an open-addressing
 * table — about 30 bytes for a 10-character id, where a `Map<string, number>` takes about 60 bytes
 * of heap (≈100 bytes of resident memory). Pages are added, never copied, as the index grows; only
 * the slot table doubles.
 */
export class IdIndex {
  /** Pages of `[length byte, UTF-8 bytes]` records. */
  readonly #text: Uint8Array[] = [];
  #textUsed = TEXT_PAGE;
  /** Pages of entries: `[text offset, row, hash]` per id. */
  readonly #entries: Uint32Array[] = [];
  #size = 0;
  /** Entry number + 1 per slot; 0 is an empty slot. */
  #slots = new Uint32Array(1 << 10);
  #scratch = new Uint8Array(64);
  /** Ids longer than MAX_PACKED bytes (rare). */
  readonly #long = new Map<string, number>();

  /** How many ids are held. */
  get size(): number {
    return this.#size + this.#long.size;
  }

  /**
   * The row where `id` was first seen; when it was not seen yet, it is added with `row` (a whole
   * number from 0 to 2^32 − 1) and the answer is undefined.
   */
  firstOrAdd(id: string, row: number): number | undefined {
    const length = this.#encode(id);
    if (length > MAX_PACKED) {
      const first = this.#long.get(id);
      if (first === undefined) this.#long.set(id, row);
      return first;
    }
    const bytes = this.#scratch;
    let hash = 0x811c9dc5;
    for (let k = 0; k < length; k++) hash = Math.imul(hash ^ (bytes[k] as number), 0x01000193);
    hash >>>= 0;
    const mask = this.#slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const e = this.#slots[s] as number;
      if (e === 0) break;
      const page = this.#entries[(e - 1) >>> 14] as Uint32Array;
      const at = ((e - 1) & (ENTRY_PAGE - 1)) * 3;
      if (page[at + 2] === hash && this.#equals(page[at] as number, length)) return page[at + 1];
    }
    this.#add(length, row, hash);
    return undefined;
  }

  /** UTF-8 bytes of the id in the scratch buffer; their count. */
  #encode(id: string): number {
    if (this.#scratch.length < id.length * 3) this.#scratch = new Uint8Array(id.length * 3);
    const bytes = this.#scratch;
    for (let k = 0; k < id.length; k++) {
      const c = id.charCodeAt(k);
      if (c >= 0x80) return encoder.encodeInto(id, bytes).written;
      bytes[k] = c;
    }
    return id.length;
  }

  #equals(offset: number, length: number): boolean {
    const page = this.#text[offset >>> 16] as Uint8Array;
    let at = offset & (TEXT_PAGE - 1);
    if (page[at] !== length) return false;
    at++;
    const bytes = this.#scratch;
    for (let k = 0; k < length; k++) if (page[at + k] !== bytes[k]) return false;
    return true;
  }

  #add(length: number, row: number, hash: number): void {
    if (this.#textUsed + length + 1 > TEXT_PAGE) {
      this.#text.push(new Uint8Array(TEXT_PAGE));
      this.#textUsed = 0;
    }
    const pageNo = this.#text.length - 1;
    const page = this.#text[pageNo] as Uint8Array;
    page[this.#textUsed] = length;
    page.set(this.#scratch.subarray(0, length), this.#textUsed + 1);
    const offset = pageNo * TEXT_PAGE + this.#textUsed;
    this.#textUsed += length + 1;

    const e = this.#size++;
    if ((e & (ENTRY_PAGE - 1)) === 0) this.#entries.push(new Uint32Array(ENTRY_PAGE * 3));
    const entries = this.#entries[e >>> 14] as Uint32Array;
    const at = (e & (ENTRY_PAGE - 1)) * 3;
    entries[at] = offset;
    entries[at + 1] = row;
    entries[at + 2] = hash;
    if (this.#size * 4 > this.#slots.length * 3) this.#grow();
    else this.#place(this.#slots, e, hash);
  }

  #place(slots: Uint32Array, e: number, hash: number): void {
    const mask = slots.length - 1;
    let s = hash & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = e + 1;
  }

  /** Twice the slots, every entry placed again by its kept hash. */
  #grow(): void {
    const slots = new Uint32Array(this.#slots.length * 2);
    for (let e = 0; e < this.#size; e++) {
      const page = this.#entries[e >>> 14] as Uint32Array;
      this.#place(slots, e, page[(e & (ENTRY_PAGE - 1)) * 3 + 2] as number);
    }
    this.#slots = slots;
  }
}
