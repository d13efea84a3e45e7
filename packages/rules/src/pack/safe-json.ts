import { type Problem, problem, jsonPath, type PathPart } from '../problems.js';
import { firstJsonError, lineAndColumn } from './json-position.js';

export interface JsonLimits {
  /** Largest text accepted, in characters. */
  readonly maxChars: number;
  /** Deepest nesting of arrays and objects. */
  readonly maxDepth: number;
  /** Most values (objects, arrays, strings, numbers…) in the document. */
  readonly maxNodes: number;
}

export const PACK_LIMITS: JsonLimits = { maxChars: 2_000_000, maxDepth: 24, maxNodes: 200_000 };

/** Keys that reach an object's prototype when a careless reader assigns them. Never allowed. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks an already-parsed JSON value from an untrusted source: nesting depth, size and
 * prototype keys. Returns every problem found (up to a cap), each with its JSON path.
 */
export function inspectJson(value: unknown, limits: JsonLimits, root = '$'): Problem[] {
  const problems: Problem[] = [];
  let nodes = 0;
  const stack: { v: unknown; path: PathPart[]; depth: number }[] = [{ v: value, path: [], depth: 0 }];
  while (stack.length > 0 && problems.length < 100) {
    const { v, path, depth } = stack.pop() as (typeof stack)[number];
    nodes++;
    if (nodes > limits.maxNodes) {
      problems.push(problem(root, 'json.too_many_values', `Tệp có hơn ${limits.maxNodes} giá trị`, `the document has more than ${limits.maxNodes} values`));
      break;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.maxDepth) {
      problems.push(problem(jsonPath(path, root), 'json.too_deep', `Lồng nhau quá ${limits.maxDepth} cấp`, `nested deeper than ${limits.maxDepth} levels`));
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i], depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push(problem(jsonPath([...path, key], root), 'json.forbidden_key', `Không được dùng khóa "${key}"`, `the key "${key}" is not allowed (it could change how objects behave)`));
        continue;
      }
      stack.push({ v: (v as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
    }
  }
  return problems;
}

/** Where JSON text goes wrong, by line and column, and what is there (never the whole text). */
function malformed(text: string) {
  const at = firstJsonError(text);
  const { line, column } = lineAndColumn(text, Math.max(at, 0));
  if (at >= text.length || at < 0) {
    return problem(
      '$',
      'json.malformed',
      `JSON không hợp lệ: tệp dừng giữa chừng (dòng ${line}, cột ${column}); có thể thiếu "}" hoặc "]"`,
      `malformed JSON: the text ends too early (line ${line}, column ${column}); a "}" or "]" may be missing`,
    );
  }
  const found = JSON.stringify(text.slice(at, at + 12));
  return problem('$', 'json.malformed', `JSON không hợp lệ ở dòng ${line}, cột ${column}: gặp ${found}`, `malformed JSON at line ${line}, column ${column}: found ${found}`);
}

/** Parses JSON text from an untrusted source within limits. Never throws. */
export function parseJsonText(text: string, limits: JsonLimits): { value?: unknown; errors: Problem[] } {
  if (typeof text !== 'string') return { errors: [problem('$', 'json.not_text', 'Không phải văn bản JSON', 'not JSON text')] };
  if (text.length > limits.maxChars) {
    return { errors: [problem('$', 'json.too_large', `Tệp lớn hơn ${limits.maxChars} ký tự`, `the text is longer than ${limits.maxChars} characters`)] };
  }
  let value: unknown;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    value = JSON.parse(body);
  } catch {
    return { errors: [malformed(body)] };
  }
  const errors = inspectJson(value, limits);
  return errors.length ? { errors } : { value, errors };
}
