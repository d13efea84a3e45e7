/** Query strings validated with a zod schema; each problem names its parameter. */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiProblem } from '../problems.js';

const ISSUE_TEXT_VI: Record<string, string> = {
  unrecognized_keys: 'tham số không được phép',
  invalid_type: 'sai kiểu (có thể bị lặp lại)',
  invalid_value: 'giá trị không hợp lệ',
  invalid_format: 'sai định dạng',
};

export function readQuery<S extends z.ZodType>(schema: S, request: FastifyRequest): { ok: true; value: z.output<S> } | { ok: false; problem: ApiProblem } {
  const r = schema.safeParse(request.query ?? {});
  if (r.success) return { ok: true, value: r.data };
  const errors = r.error.issues.flatMap((issue) => {
    const names = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    const en = issue.code === 'unrecognized_keys' ? 'unknown query parameter' : issue.message;
    return names.map((name) => ({ in: 'query' as const, path: name, code: `query.${issue.code}`, message: { vi: `${ISSUE_TEXT_VI[issue.code] ?? 'giá trị không hợp lệ'}: ${en}`, en } }));
  });
  return { ok: false, problem: { kind: 'invalid-query', errors } };
}
