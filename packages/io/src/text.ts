import type { ReadLimits } from './limits.js';
import type { InputError } from './place.js';
import { Utf8Decoder } from './utf8-decoder.js';

export { firstInvalidUtf8 } from './utf8-decoder.js';

/**
 * Bytes of a text input (CSV, JSON, JSON Lines) as a string: UTF-8, with or without a BOM — the
 * incremental `Utf8Decoder` given all of them at once. Refuses, with the line where it is, an
 * input that is too large, empty, binary or not UTF-8.
 */
export function decodeText(bytes: Uint8Array, limits: Pick<ReadLimits, 'maxBytes'>): { text: string } | { error: InputError } {
  const decoder = new Utf8Decoder(limits);
  const body = decoder.decode(bytes);
  if ('error' in body) return body;
  const rest = decoder.end();
  if ('error' in rest) return rest;
  return { text: rest.text === '' ? body.text : body.text + rest.text };
}
