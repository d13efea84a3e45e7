/** Buffers at least this large are never slices of Node's shared pool: they may move between threads. */
export const OWN_BUFFER_BYTES = 64 * 1024;

/** Bytes of output gathered before they are handed to the sink. */
const BATCH_BYTES = 64 * 1024;
const EMPTY = Buffer.alloc(0);

/**
 * Output text encoded as UTF-8 straight into 64 KiB buffers, a piece at a time. No large string
 * is ever built (nor copied again to bytes), so a long run leaves the JavaScript heap to
 * short-lived rows. Texts that recur are encoded once by their owner (see `decisionEncoder`) and
 * then copied as bytes (`addBytes`). Once `full`, the caller hands the batch on (`take`) and a new one starts.
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
    this.#used += this.#bytes.write(text, this.#used, 'utf8');
  }

  /** Adds bytes already encoded (a text that recurs). */
  addBytes(bytes: Uint8Array): void {
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
