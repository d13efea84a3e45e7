import { TextInputDecoder } from './encoding.js';
import type { ReadLimits } from './limits.js';
import type { InputError } from './place.js';

export { firstInvalidUtf8 } from './utf8-decoder.js';

/**
 * Bytes of a text input (CSV, JSON, JSON Lines) as a string — the incremental `TextInputDecoder`
 * given all of them at once: UTF-8 with or without a BOM, UTF-16 with a BOM, or Windows-1258 (said
 * in `notices`). Refuses, with the line where it is, an input that is too large, empty, binary,
 * not UTF-8, or in TCVN3 or VNI (with how to convert it).
 */
export function decodeText(bytes: Uint8Array, limits: Pick<ReadLimits, 'maxBytes'>): { text: string; notices: InputError[] } | { error: InputError } {
  const decoder = new TextInputDecoder(limits);
  const body = decoder.decode(bytes);
  if ('error' in body) return body;
  const rest = decoder.end();
  if ('error' in rest) return rest;
  return { text: rest.text === '' ? body.text : body.text + rest.text, notices: decoder.notices };
}
