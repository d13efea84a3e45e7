/** Bytes of output gathered before they are handed to the sink. */
const BATCH_BYTES = 64 * 1024;
/** Texts whose bytes are kept because they recur (shared track texts, line ends): a few hundred in practice. */
const MAX_KEPT = 8192;
const EMPTY = Buffer.alloc(0);

/**
 * Output text encoded as UTF-8 straight into 64 KiB buffers, a piece at a time. No large string
 * is ever built (nor copied again to bytes), so a long run leaves the JavaScript heap to
 * short-lived rows. Texts that recur as the very same string (`addShared`) are encoded once and
 * then copied as bytes. Once `full`, the caller hands the batch on (`take`) and a new one starts.
 */
export class ByteBatch {
  #bytes: Buffer;
  #used = 0;
  readonly #kept = new Map<string, Buffer>();

  /** `start`: a buffer to fill (one handed back after use), or how many bytes to allocate at once (default 64 KiB). */
  constructor(start: number | ArrayBuffer = BATCH_BYTES) {
    this.#bytes = typeof start === 'number' ? Buffer.allocUnsafe(Math.max(BATCH_BYTES, start)) : Buffer.from(start);
  }

  /** Adds text. */
  add(text: string): void {
    this.#room(text.length * 3);
    this.#used += this.#bytes.write(text, this.#used, 'utf8');
  }

  /** Adds a text that recurs: its bytes are made once and kept. */
  addShared(text: string): void {
    let bytes = this.#kept.get(text);
    if (bytes === undefined) {
      bytes = Buffer.from(text, 'utf8');
      if (this.#kept.size < MAX_KEPT) this.#kept.set(text, bytes);
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
