/** Bytes of output gathered before they are handed to the sink. */
const BATCH_BYTES = 64 * 1024;

/**
 * Output text encoded as UTF-8 straight into 64 KiB buffers, a row at a time. No large string is
 * ever built (nor copied again to bytes), so a long run leaves the JavaScript heap to short-lived
 * rows; a full buffer is handed on and a new one started.
 */
export class ByteBatch {
  #bytes = Buffer.allocUnsafe(BATCH_BYTES);
  #used = 0;

  /** Adds text; returns the bytes gathered so far when they had to be handed on first (the text then starts a new batch). */
  add(text: string): Buffer | undefined {
    let full: Buffer | undefined;
    if (this.#used + text.length * 3 > this.#bytes.length) {
      full = this.take();
      if (text.length * 3 > this.#bytes.length) this.#bytes = Buffer.allocUnsafe(text.length * 3);
    }
    this.#used += this.#bytes.write(text, this.#used, 'utf8');
    return full;
  }

  /** The bytes gathered (possibly none); a new batch starts. */
  take(): Buffer {
    const out = this.#bytes.subarray(0, this.#used);
    this.#bytes = Buffer.allocUnsafe(BATCH_BYTES);
    this.#used = 0;
    return out;
  }

  get size(): number {
    return this.#used;
  }
}
