import { formatBytes, type ReadLimits } from './limits.js';
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

/** 1-based line of a byte offset. */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes of a text input (CSV, JSON, JSON Lines) as a string: UTF-8, with or without a BOM.
 * Refuses, with the line where it is, an input that is too large, empty, binary or not UTF-8.
 */
export function decodeText(bytes: Uint8Array, limits: Pick<ReadLimits, 'maxBytes'>): { text: string } | { error: InputError } {
  if (bytes.length > limits.maxBytes) {
    return { error: inputError({}, 'input.too_large', `tệp lớn hơn giới hạn ${formatBytes(limits.maxBytes)}`, `the file is larger than the limit of ${formatBytes(limits.maxBytes)}`) };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = lineOfOffset(bytes, nul);
    return { error: inputError({ line }, 'input.binary', 'tệp nhị phân (có byte 0), không phải văn bản CSV/JSON', 'a binary file (it has a zero byte), not CSV or JSON text') };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = lineOfOffset(bytes, Math.max(at, 0));
    return {
      error: inputError(
        { line },
        'input.not_utf8',
        'tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng "CSV UTF-8" hoặc XLSX',
        'the file is not UTF-8 text; save it again as "CSV UTF-8" or as XLSX',
      ),
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { error: inputError({}, 'input.empty', 'tệp rỗng: không có dòng nào', 'the file is empty: it has no rows') };
  return { text };
}
