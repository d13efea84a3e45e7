/**
 * JSON and JSON Lines output. Values are written as they are: the rules package keeps money as
 * strings of whole đồng, so no amount ever passes through a floating-point number here.
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** One value as a line of JSON Lines. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

export function toJsonLines(values: Iterable<unknown>): string {
  let out = '';
  for (const v of values) out += jsonLine(v);
  return out;
}
