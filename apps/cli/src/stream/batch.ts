/** Bytes of recurring texts, by what they stand for (kept while that is), for every batch: a run makes many. */
const kept = new WeakMap<object, Buffer>();

/** Texts up to this long are encoded to UTF-8 by `encodeShort`. */
const SHORT_TEXT = 128;

/**
 * `text` as UTF-8 into `out` at `at` (room for 3 bytes a character is there); the new end. A lone
 * surrogate becomes U+FFFD, as Buffer.write makes it.
 */
function encodeShort(text: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          out[at++] = 0xf0 | (cp >> 18);
          out[at++] = 0x80 | ((cp >> 12) & 0x3f);
          out[at++] = 0x80 | ((cp >> 6) & 0x3f);
          out[at++] = 0x80 | (cp & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      out[at++] = 0xe0 | (c >> 12);
      out[at++] = 0x80 | ((c >> 6) & 0x3f);
      out[at++] = 0x80 | (c & 0x3f);
    }
  }
  return at;
}

/** Bytes of output gathered before they are handed to the sink. */
const BATCH_BYTES = 64 * 1024;
const EMPTY = Buffer.alloc(0);

/**
 * Output text encoded as UTF-8 straight into 64 KiB buffers, a piece at a time. No large string
 * is ever built (nor copied again to bytes), so a long run leaves the JavaScript heap to
 * short-lived rows. Texts that recur (`addShared`, with the object they stand for) are encoded
 * once and then copied as bytes. Once `full`, the caller hands the batch on (`take`) and a new one starts.
 */
export class ByteBatch {
  #bytes: Buffer;
  #used = 0;

  /** `start`: a buffer to fill (one handed back after use), or how many bytes to allocate at once (default 64 KiB). */
  constructor(start: number | ArrayBuffer = BATCH_BYTES) {
    this.#bytes = typeof start === 'number' ? Buffer.allocUnsafe(Math.max(BATCH_BYTES, start)) : Buffer.from(start);
  }

  /** Adds text. */
  add(text: string): void {
    this.#room(text.length * 3);
    // A short text (a row's id and name) is encoded here: quicker than a call into Buffer.write.
    this.#used = text.length <= SHORT_TEXT ? encodeShort(text, this.#bytes, this.#used) : this.#used + this.#bytes.write(text, this.#used, 'utf8');
  }

  /** Adds a text that recurs, standing for `by` (the same object, the same text): its bytes are made once and kept. */
  addShared(text: string, by: object): void {
    let bytes = kept.get(by);
    if (bytes === undefined) {
      bytes = Buffer.from(text, 'utf8');
      kept.set(by, bytes);
    }
    this.#room(bytes.length);
    this.#bytes.set(bytes, this.#used);
    this.#used += bytes.length;
  }

  /** Gathered enough to be handed on. */
  get full(): boolean {
    return this.#used >= BATCH_BYTES;
  }

  get size(): number {
    return this.#used;
  }

  /** The bytes gathered (possibly none); a new batch starts, with `capacity` bytes (default 64 KiB; 0: none until more is added). */
  take(capacity = BATCH_BYTES): Buffer {
    const out = this.#bytes.subarray(0, this.#used);
    this.#bytes = capacity ? Buffer.allocUnsafe(Math.max(BATCH_BYTES, capacity)) : EMPTY;
    this.#used = 0;
    return out;
  }

  /** Makes room for `n` more bytes: a row longer than what is left moves the batch to a larger buffer. */
  #room(n: number): void {
    if (this.#used + n <= this.#bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(BATCH_BYTES, this.#used + n) * 2);
    this.#bytes.copy(larger, 0, 0, this.#used);
    this.#bytes = larger;
  }
}
