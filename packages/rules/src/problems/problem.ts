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

/** zod issues as Problems, with a JSON path and a message in vi and en. */
export function zodProblems(error: z.ZodError, prefix: readonly PathPart[] = [], root = '$'): Problem[] {
  return error.issues.map((issue) => ({
    path: jsonPath([...prefix, ...(issue.path as PathPart[])], root),
    code: `schema.${issue.code}` as ProblemCode,
    message: issueText(issue as unknown as Parameters<typeof issueText>[0]),
  }));
}

export function problem(path: string, code: ProblemCode, vi: string, en: string): Problem {
  return { path, code, message: { vi, en } };
}
