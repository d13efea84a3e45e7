import { INPUT_LIMITS, parseJsonText, type Problem } from '@p135/rules';
import type { ReadLimits } from './limits.js';
import { type Line, LineSplitter } from './lines.js';
import { type InputError, inputError, type Place } from './place.js';

/** One value of a JSON document or one line of a JSON Lines file, with where it is. */
export interface JsonItem {
  readonly place: Place;
  readonly value: unknown;
}

export interface JsonItems {
  readonly items: JsonItem[];
  readonly errors: InputError[];
}

/** Line and character of an offset in a text, both 1-based. */
function lineAndChar(text: string, offset: number): { line: number; char: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, char: offset - start + 1 };
}

const parseError = (text: string): string | undefined => {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
};

/** Could this text be the start of a JSON document (it fails only because it ends too soon)? */
function isValidPrefix(text: string): boolean {
  const error = parseError(text);
  if (error === undefined || /end of JSON input/i.test(error)) return true;
  const at = /at position (\d+)/.exec(error);
  return at !== null && Number(at[1]) >= text.length;
}

/**
 * Offset of the first character that makes the text invalid JSON. Engines do not always say
 * (V8: `Unexpected token ',', "…" is not valid JSON`); then the longest valid prefix is found by
 * bisection: a prefix of a valid prefix is valid, so the property is monotone.
 */
function errorOffset(text: string, message: string): number {
  const at = /at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (/end of JSON input/i.test(message)) return text.length;
  let lo = 0;
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (isValidPrefix(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Where JSON.parse stopped and why, in the engine's words without the text it quotes. */
function syntaxPlace(text: string): { place: Place; why: string } {
  const message = parseError(text) ?? 'malformed';
  const why = message
    .replace(/\s+/g, ' ')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/, '')
    .slice(0, 160);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { place: { line: Number(lc[1]), char: Number(lc[2]) }, why };
  return { place: lineAndChar(text, errorOffset(text, message)), why };
}

/** `$[3]` + `$.role` → `$[3].role`. */
export function joinPath(base: string | undefined, path: string): string {
  return base ? base + path.slice(1) : path;
}

/** One JSON value from untrusted text, within limits; a syntax error names its line and character. */
export function readJsonValue(text: string, limits: ReadLimits, base: Place = {}): { value?: unknown; errors: InputError[] } {
  const parsed = parseJsonText(text, { ...INPUT_LIMITS, maxChars: limits.maxBytes });
  if (!parsed.errors.length) return { value: parsed.value, errors: [] };
  return {
    errors: parsed.errors.map((p: Problem) => {
      if (p.code !== 'json.malformed') return { place: { ...base, path: joinPath(base.path, p.path) }, code: p.code, message: p.message };
      const { place, why } = syntaxPlace(text);
      const at: Place = base.line !== undefined ? { ...base, char: place.char } : { ...base, ...place };
      return inputError(at, 'json.malformed', `JSON không hợp lệ (${why})`, `malformed JSON (${why})`);
    }),
  };
}

export const tooManyRows = (limits: Pick<ReadLimits, 'maxRows'>): InputError =>
  inputError({}, 'input.too_many_rows', `tệp có hơn ${limits.maxRows} dòng dữ liệu`, `the file has more than ${limits.maxRows} data rows`);

/** A JSON document holding a list: an array, or an object whose `candidates` is an array. */
export function readJsonDocument(text: string, limits: ReadLimits): JsonItems {
  const { value, errors } = readJsonValue(text, limits, {});
  if (errors.length) return { items: [], errors };
  let list: unknown = value;
  let base = '$';
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, 'candidates')) {
    list = (value as { candidates: unknown }).candidates;
    base = '$.candidates';
  }
  if (!Array.isArray(list)) {
    return {
      items: [],
      errors: [
        inputError(
          { path: base },
          'json.not_a_list',
          'cần một danh sách (mảng JSON) người, hoặc một đối tượng có trường "candidates" là danh sách',
          'expected a list (JSON array) of people, or an object whose "candidates" is a list',
        ),
      ],
    };
  }
  if (list.length > limits.maxRows) return { items: [], errors: [tooManyRows(limits)] };
  return { items: list.map((v, i) => ({ place: { path: `${base}[${i}]` }, value: v })), errors: [] };
}

/** One line of a JSON Lines file as an item, or its errors. */
export function readJsonLine(line: Line, limits: ReadLimits): { item?: JsonItem; errors: InputError[] } {
  const place: Place = { line: line.line };
  const one = readJsonValue(line.text, limits, place);
  return one.errors.length ? { errors: one.errors } : { item: { place, value: one.value }, errors: [] };
}

/** JSON Lines: one JSON value a line; blank lines are skipped. */
export function readJsonLines(text: string, limits: ReadLimits): JsonItems {
  const items: JsonItem[] = [];
  const errors: InputError[] = [];
  const splitter = new LineSplitter();
  const lines = splitter.push(text);
  lines.push(splitter.end());
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (items.length >= limits.maxRows) return { items, errors: [tooManyRows(limits)] };
    const one = readJsonLine(line, limits);
    if (one.item) items.push(one.item);
    else {
      errors.push(...one.errors);
      if (errors.length >= 100) break;
    }
  }
  return { items, errors };
}
