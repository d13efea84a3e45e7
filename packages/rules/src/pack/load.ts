import { type Checked, type Problem, zodProblems } from '../problems.js';
import { type Pack, PackSchema } from '../schemas/pack.js';
import { PACK_CHECKS } from './checks.js';
import { inspectJson, type JsonLimits, PACK_LIMITS, parseJsonText } from './safe-json.js';

/**
 * Reads a rule pack from JSON text or an already-parsed value, then validates it: limits and
 * prototype keys first, the schema next, then the named checks. Every problem is reported at
 * once with its JSON path; nothing throws. `value` is set only when there are no errors.
 */
export function parsePack(input: unknown, limits: JsonLimits = PACK_LIMITS): Checked<Pack> {
  let raw: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input, limits);
    if (parsed.errors.length) return { value: undefined, errors: parsed.errors, warnings: [] };
    raw = parsed.value;
  } else {
    const unsafe = inspectJson(input, limits);
    if (unsafe.length) return { value: undefined, errors: unsafe, warnings: [] };
  }
  const result = PackSchema.safeParse(raw);
  if (!result.success) return { value: undefined, errors: zodProblems(result.error), warnings: [] };
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const check of PACK_CHECKS) {
    const found = check.run(result.data);
    (check.severity === 'error' ? errors : warnings).push(...found);
  }
  return { value: errors.length ? undefined : result.data, errors, warnings };
}

export class PackError extends Error {
  readonly code = 'P135_INVALID_PACK';
  constructor(readonly problems: readonly Problem[]) {
    super(`invalid rule pack: ${problems.length} problem(s); first: ${problems[0]?.path} ${problems[0]?.message.en}`);
    this.name = 'PackError';
  }
}

/** Like parsePack, but throws a PackError listing every problem when the pack is invalid. */
export function loadPack(input: unknown, limits?: JsonLimits): Pack {
  const checked = parsePack(input, limits);
  if (!checked.value) throw new PackError(checked.errors);
  return checked.value;
}
