import type { z } from 'zod';
import type { Localized } from './i18n.js';

/** One thing wrong with an input, where it is (a JSON path), and what to do. */
export interface Problem {
  readonly path: string;
  readonly code: string;
  readonly message: Localized;
}

export interface Checked<T> {
  /** The value, when there were no errors. */
  readonly value: T | undefined;
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
}

export type PathPart = string | number;

/** `["rules", 3, "id"]` → `$.rules[3].id`; keys that are not identifiers are quoted. */
export function jsonPath(parts: readonly PathPart[] | readonly PropertyKey[], root = '$'): string {
  let out = root;
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

const ISSUE_TEXT_VI: Record<string, string> = {
  invalid_type: 'sai kiểu dữ liệu',
  unrecognized_keys: 'có trường không được phép',
  too_small: 'giá trị quá nhỏ hoặc quá ngắn',
  too_big: 'giá trị quá lớn hoặc quá dài',
  invalid_format: 'sai định dạng',
  invalid_value: 'giá trị không hợp lệ',
  invalid_union: 'không khớp với dạng nào được phép',
  custom: 'giá trị không hợp lệ',
};

/** zod issues as Problems, with a JSON path and a message in vi and en. */
export function zodProblems(error: z.ZodError, prefix: readonly PathPart[] = [], root = '$'): Problem[] {
  return error.issues.map((issue) => {
    const path = jsonPath([...prefix, ...(issue.path as PathPart[])], root);
    let en = issue.message;
    if (issue.code === 'unrecognized_keys') en = `unknown field(s): ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; remove them or check their spelling`;
    if (issue.code === 'invalid_union') en = 'does not match any allowed form';
    const vi = `${ISSUE_TEXT_VI[issue.code] ?? 'giá trị không hợp lệ'}: ${en}`;
    return { path, code: `schema.${issue.code}`, message: { vi, en } };
  });
}

export function problem(path: string, code: string, vi: string, en: string): Problem {
  return { path, code, message: { vi, en } };
}
