import { type ReadLimits, tooLargeError } from './limits.js';
import { type InputError, inputError } from './place.js';

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line breaks (LF) in `bytes` before `end`. */
function lineBreaks(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** The bytes at the end that begin a character not finished yet (0 to 3 of them). */
function unfinishedTail(bytes: Uint8Array): Uint8Array {
  for (let k = 1; k <= Math.min(4, bytes.length); k++) {
    const b = bytes[bytes.length - k] as number;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: the start is further back
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > k ? bytes.slice(bytes.length - k) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}

const joined = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

export type Decoded = { readonly text: string } | { readonly error: InputError };

/**
 * UTF-8 bytes to text, a piece at a time: a character split between pieces is joined, and a byte
 * order mark at the start is dropped (even split). Refuses, with the line where it is, an input
 * that is larger than `maxBytes`, binary (a zero byte), not UTF-8, or empty. After an error it
 * gives nothing more.
 */
export class Utf8Decoder {
  readonly #maxBytes: number;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #bytes = 0;
  /** Line of the first byte of the next piece. */
  #line = 1;
  /** The start of a character the last piece did not finish (for the place of an error). */
  #tail: Uint8Array = new Uint8Array(0);
  #blank = true;
  #failed = false;

  constructor(limits: Pick<ReadLimits, 'maxBytes'>) {
    this.#maxBytes = limits.maxBytes;
  }

  /** Bytes given so far. */
  get bytesRead(): number {
    return this.#bytes;
  }

  /** The text of these bytes (without a character they leave unfinished: that comes with the next piece). */
  decode(bytes: Uint8Array): Decoded {
    if (this.#failed) return { text: '' };
    this.#bytes += bytes.length;
    if (this.#bytes > this.#maxBytes) {
      return this.#fail(tooLargeError(this.#maxBytes));
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const line = this.#line + lineBreaks(bytes, nul);
      return this.#fail(inputError({ line }, 'input.binary', 'tệp nhị phân (có byte 0), không phải văn bản CSV/JSON', 'a binary file (it has a zero byte), not CSV or JSON text'));
    }
    let text: string;
    try {
      text = this.#decoder.decode(bytes, { stream: true });
    } catch {
      const all = joined(this.#tail, bytes);
      const at = Math.max(0, firstInvalidUtf8(all) - this.#tail.length);
      return this.#fail(notUtf8(this.#line + lineBreaks(bytes, at)));
    }
    this.#line += lineBreaks(bytes);
    this.#tail = bytes.length >= 4 ? unfinishedTail(bytes) : unfinishedTail(joined(this.#tail, bytes));
    if (this.#blank && text.trim() !== '') this.#blank = false;
    return { text };
  }

  /** The end of the input: a character left unfinished is an error, and so is an input with nothing but blanks. */
  end(): Decoded {
    if (this.#failed) return { text: '' };
    let text: string;
    try {
      text = this.#decoder.decode();
    } catch {
      return this.#fail(notUtf8(this.#line));
    }
    if (this.#blank && text.trim() === '') return this.#fail(inputError({}, 'input.empty', 'tệp rỗng: không có dòng nào', 'the file is empty: it has no rows'));
    return { text };
  }

  #fail(error: InputError): Decoded {
    this.#failed = true;
    return { error };
  }
}

const notUtf8 = (line: number): InputError =>
  inputError({ line }, 'input.not_utf8', 'tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng "CSV UTF-8" hoặc XLSX', 'the file is not UTF-8 text; save it again as "CSV UTF-8" or as XLSX');
