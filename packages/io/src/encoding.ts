import { formatBytes, type ReadLimits } from './limits.js';
import { type InputError, inputError } from './place.js';
import { type Decoded, Utf8Decoder } from './utf8-decoder.js';

/**
 * Bytes of Windows-1258 that Vietnamese text uses: its precomposed letters (à á â ă è é ê í ó ô ơ
 * ú ư đ and capitals) and its five combining tone marks. Text that is Windows-1258 is made of
 * these; text in TCVN3 or VNI, read as Windows-1258, is mostly other bytes.
 */
const VN_1258 = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc8, 0xc9, 0xca, 0xcc, 0xcd, 0xd0, 0xd2, 0xd3, 0xd4, 0xd5, 0xd9, 0xda, 0xdd, 0xde, 0xe0, 0xe1, 0xe2, 0xe3, 0xe8, 0xe9, 0xea, 0xec, 0xed, 0xf0, 0xf2, 0xf3, 0xf4, 0xf5, 0xf9,
  0xfa, 0xfd,
]);
/** TCVN3 (ABC, the .VnTime fonts) puts ă â ê ô ơ ư đ, their capitals and à ả ã á ạ here: symbols in Windows-1258. */
const isTcvn3Mark = (b: number) => (b >= 0xa1 && b <= 0xae) || (b >= 0xb5 && b <= 0xb9);
/** VNI writes a letter then a byte for its marks: ø û ï å ä ü ë ö ñ æ and capitals, which Vietnamese never uses. */
const VNI_MARKS = new Set([0xf8, 0xfb, 0xef, 0xe5, 0xe4, 0xfc, 0xeb, 0xf6, 0xf1, 0xe6, 0xd8, 0xdb, 0xcf, 0xc5, 0xc4, 0xd6, 0xd1, 0xc6, 0xcb, 0xdc]);

export type SingleByteText = 'windows-1258' | 'tcvn3' | 'vni' | 'unknown';

/** Which single-byte encoding text that is not UTF-8 is in, from its bytes above 127. */
export function singleByteEncoding(bytes: Uint8Array): SingleByteText {
  let high = 0;
  let vn = 0;
  let tcvn = 0;
  let vni = 0;
  const n = Math.min(bytes.length, 256 * 1024);
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    high++;
    if (VN_1258.has(b)) vn++;
    if (isTcvn3Mark(b)) tcvn++;
    if (VNI_MARKS.has(b)) vni++;
  }
  if (high === 0 || vn >= 0.8 * high) return 'windows-1258';
  if (tcvn + vni >= 0.3 * high) return tcvn >= vni ? 'tcvn3' : 'vni';
  return vn >= 0.5 * high ? 'windows-1258' : 'unknown';
}

/** Does this piece hold a whole UTF-8 character of two to four bytes? (Then the text is UTF-8, with a bad byte if any.) */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0xc2 || b > 0xf4) continue;
    const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

/** Does the text have a byte that breaks UTF-8? */
function breaksUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

const LEGACY: Readonly<Record<'tcvn3' | 'vni', { vi: string; en: string }>> = {
  tcvn3: { vi: 'TCVN3 (ABC, phông .VnTime)', en: 'TCVN3 (ABC, the .VnTime fonts)' },
  vni: { vi: 'VNI (phông VNI-Times)', en: 'VNI (the VNI-Times fonts)' },
};

const legacyError = (kind: 'tcvn3' | 'vni'): InputError =>
  inputError(
    {},
    'input.legacy_encoding',
    `tệp được gõ bằng bảng mã cũ ${LEGACY[kind].vi}, không đọc được đúng chữ Việt. Cách sửa: mở tệp bằng Excel, bôi đen các ô, dùng Unikey (Công cụ chuyển mã, nguồn ${kind === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI Windows'}, đích Unicode) rồi lưu thành "CSV UTF-8" hoặc Excel (.xlsx)`,
    `the file is typed in the old ${LEGACY[kind].en} encoding, which cannot be read as Vietnamese. To fix: open it in Excel, select the cells, convert them with Unikey (its converter, from ${kind === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI Windows'} to Unicode), then save as "CSV UTF-8" or Excel (.xlsx)`,
  );

/** Where a piece of text may be cut so that no combining mark is parted from its letter. */
function lastStarter(text: string): number {
  let i = text.length;
  while (i > 0 && /\p{M}/u.test(text[i - 1] as string)) i--;
  return Math.max(0, i - 1);
}

/** Bytes looked at, from the first above 127, to tell UTF-8 from the single-byte encodings. */
const SNIFF_BYTES = 4096;

/** A platform text decoder, as used here (a piece at a time). */
interface TextPieces {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

type Mode = 'undecided' | 'utf8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/**
 * Bytes of a text input to text, a piece at a time, in the encodings offices' files come in:
 * UTF-8 (with or without a BOM, through `Utf8Decoder`); UTF-16 LE or BE with a BOM (Excel's
 * "Unicode Text"); Windows-1258 (what Excel's "CSV" writes on a Vietnamese Windows), told from
 * UTF-8 by its first bytes above 127 and normalised to NFC. TCVN3 and VNI text is refused with how
 * to convert it. Refuses, as `Utf8Decoder` does, an input too large, binary, or empty.
 */
export class TextInputDecoder {
  readonly #utf8: Utf8Decoder;
  readonly #maxBytes: number;
  #mode: Mode = 'undecided';
  #other: TextPieces | undefined;
  /** The first bytes, held until there are enough to see a byte order mark. */
  #held: Uint8Array = new Uint8Array(0);
  #bytes = 0;
  /** Text whose last letter may still take a combining mark from the next piece. */
  #carry = '';
  #blank = true;
  #failed = false;
  /** What the reader should be told: the text was read as Windows-1258. */
  readonly notices: InputError[] = [];

  constructor(limits: Pick<ReadLimits, 'maxBytes'>) {
    this.#utf8 = new Utf8Decoder(limits);
    this.#maxBytes = limits.maxBytes;
  }

  /** Bytes given so far. */
  get bytesRead(): number {
    return this.#bytes;
  }

  /** The text of these bytes (a character they leave unfinished comes with the next piece). */
  decode(piece: Uint8Array): Decoded {
    if (this.#failed) return { text: '' };
    this.#bytes += piece.length;
    let bytes = piece;
    if (this.#mode === 'undecided') {
      bytes = this.#held.length ? joined(this.#held, piece) : piece;
      this.#held = new Uint8Array(0);
      // Too few bytes to tell: a byte order mark begun, or too little after the first byte above 127.
      const high = bytes.findIndex((b) => b >= 0x80);
      if ((bytes.length < 3 && (bytes[0] === 0xff || bytes[0] === 0xfe || bytes[0] === 0xef)) || (high >= 0 && bytes.length - high < SNIFF_BYTES && bytes.length < this.#maxBytes)) {
        this.#held = bytes;
        return { text: '' };
      }
    }
    return this.#route(bytes, false);
  }

  /** The end of the input. */
  end(): Decoded {
    if (this.#failed) return { text: '' };
    let first = '';
    if (this.#held.length) {
      const held = this.#held;
      this.#held = new Uint8Array(0);
      const text = this.#route(held, true);
      if ('error' in text) return text;
      first = text.text;
    }
    if (this.#mode === 'utf8' || this.#mode === 'undecided') {
      const rest = this.#utf8.end();
      return 'error' in rest ? rest : { text: first + rest.text };
    }
    let text: string;
    try {
      text = (this.#other as TextPieces).decode();
    } catch {
      return this.#fail(notUtf16());
    }
    const out = first + (this.#carry + text).normalize('NFC');
    this.#carry = '';
    if (this.#blank && out.trim() === '') return this.#fail(inputError({}, 'input.empty', 'tệp rỗng: không có dòng nào', 'the file is empty: it has no rows'));
    return { text: out };
  }

  /** Bytes to the decoder of their encoding, chosen from the first ones that tell. */
  #route(bytes: Uint8Array, last: boolean): Decoded {
    if (this.#mode === 'undecided') {
      this.#choose(bytes, last);
      if (this.#failed) return { error: this.notices.pop() as InputError };
    }
    if (this.#mode === 'utf8' || this.#mode === 'undecided') {
      const text = this.#utf8.decode(bytes);
      if ('text' in text && this.#blank && text.text.trim() !== '') this.#blank = false;
      return text;
    }
    return this.#other8or16(bytes);
  }

  /** The encoding, from the first piece: a byte order mark, or the first bytes above 127. */
  #choose(bytes: Uint8Array, last: boolean): void {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) this.#mode = 'utf-16le';
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) this.#mode = 'utf-16be';
    else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.#mode = 'utf8';
    else {
      const high = bytes.findIndex((b) => b >= 0x80);
      if (high < 0 || bytes.includes(0)) return; // still plain ASCII (or binary: Utf8Decoder says so)
      if (hasUtf8Sequence(bytes) || !breaksUtf8(last ? bytes : bytes.subarray(0, bytes.length - 3))) {
        this.#mode = 'utf8';
        return;
      }
      const kind = singleByteEncoding(bytes);
      if (kind === 'unknown') {
        this.#mode = 'utf8'; // Utf8Decoder refuses it with the line
        return;
      }
      if (kind !== 'windows-1258') {
        this.#failed = true;
        this.notices.push(legacyError(kind));
        return;
      }
      this.#mode = 'windows-1258';
      this.notices.push(
        inputError(
          {},
          'input.decoded',
          'tệp không phải UTF-8: đã đọc theo bảng mã Windows-1258 (Excel "CSV" trên Windows tiếng Việt); hãy kiểm tra tên người có đúng dấu không, và lần sau lưu thành "CSV UTF-8"',
          'the file is not UTF-8: it was read as Windows-1258 (Excel\'s "CSV" on a Vietnamese Windows); check that names show their accents, and next time save as "CSV UTF-8"',
        ),
      );
    }
    this.#other = this.#mode === 'utf8' ? undefined : new TextDecoder(this.#mode, { fatal: this.#mode !== 'windows-1258' });
  }

  /** A piece of UTF-16 or Windows-1258 text, normalised to NFC. */
  #other8or16(bytes: Uint8Array): Decoded {
    if (this.#bytes > this.#maxBytes) {
      return this.#fail(inputError({}, 'input.too_large', `tệp lớn hơn giới hạn ${formatBytes(this.#maxBytes)}`, `the file is larger than the limit of ${formatBytes(this.#maxBytes)}`));
    }
    if (this.#mode === 'windows-1258' && bytes.includes(0)) return this.#fail(binary());
    let text: string;
    try {
      text = (this.#other as TextPieces).decode(bytes, { stream: true });
    } catch {
      return this.#fail(notUtf16());
    }
    if (text.includes('\u0000')) return this.#fail(binary());
    const all = this.#carry + text;
    const cut = lastStarter(all);
    this.#carry = all.slice(cut);
    const out = all.slice(0, cut).normalize('NFC');
    if (this.#blank && all.trim() !== '') this.#blank = false;
    return { text: out };
  }

  #fail(error: InputError): Decoded {
    this.#failed = true;
    return { error };
  }
}

const joined = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

const binary = () => inputError({}, 'input.binary', 'tệp nhị phân (có byte 0), không phải văn bản CSV/JSON', 'a binary file (it has a zero byte), not CSV or JSON text');
const notUtf16 = () =>
  inputError(
    {},
    'input.not_utf8',
    'tệp có dấu UTF-16 nhưng nội dung hỏng; hãy lưu lại dưới dạng "CSV UTF-8" hoặc XLSX',
    'the file is marked UTF-16 but its content is broken; save it again as "CSV UTF-8" or as XLSX',
  );
