import type { z } from 'zod';
import type { Localized } from '../i18n.js';
import { issueText } from '../schema-messages.js';
import type { ProblemCode } from './codes.js';

/** One thing wrong with an input, where it is (a JSON path), and what to do. */
export interface Problem {
  readonly path: string;
  /** One of `PROBLEM_CODES` or `SCHEMA_CODES` (see docs/error-codes.md). */
  readonly code: ProblemCode;
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

/** The value at an issue's path in what was parsed (own properties only); undefined when absent. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = input;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || typeof key === 'symbol' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string | number, unknown>)[key as string | number];
  }
  return at;
}

/**
 * zod issues as Problems, with a JSON path and a message in vi and en. Given what was parsed
 * (`input`), a field of the wrong type is said to be of the wrong type, with what was given —
 * zod 4 does not keep the input in its issues, and would have it reported as missing.
 */
export function zodProblems(error: z.ZodError, prefix: readonly PathPart[] = [], root = '$', input?: unknown): Problem[] {
  return error.issues.map((issue) => {
    const given = issue.code === 'invalid_type' && input !== undefined && !('input' in issue) ? { input: valueAt(input, issue.path) } : {};
    return {
      path: jsonPath([...prefix, ...(issue.path as PathPart[])], root),
      code: `schema.${issue.code}` as ProblemCode,
      message: issueText({ ...(issue as unknown as Parameters<typeof issueText>[0]), ...given }),
    };
  });
}

export function problem(path: string, code: ProblemCode, vi: string, en: string): Problem {
  return { path, code, message: { vi, en } };
}
