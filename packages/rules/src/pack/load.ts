import { type Checked, type Problem, problem, zodProblems } from '../problems.js';
import { PackExtensionSchema } from '../schemas/pack-extension.js';
import { type Pack, PackSchema } from '../schemas/pack.js';
import { PACK_CHECKS } from './checks.js';
import { applyExtension, toExtensionPath } from './extend.js';
import { staleInheritedText } from './stale-text.js';
import { inspectJson, type JsonLimits, PACK_LIMITS, parseJsonText } from './safe-json.js';

export interface ParsePackOptions {
  readonly limits?: JsonLimits;
  /** Finds the base of a pack that `extends` another (already validated). Default: none. */
  readonly resolveBase?: (id: string) => Pack | undefined;
  /** How many bases deep an extension may go (a cycle stops there too). Default 5. */
  readonly maxDepth?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function validateWhole(raw: unknown): Checked<Pack> {
  const result = PackSchema.safeParse(raw);
  if (!result.success) return { value: undefined, errors: zodProblems(result.error, [], '$', raw), warnings: [] };
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const check of PACK_CHECKS) (check.severity === 'error' ? errors : warnings).push(...check.run(result.data));
  return { value: errors.length ? undefined : result.data, errors, warnings };
}

/**
 * Reads a rule pack from JSON text or an already-parsed value, then validates it: limits and
 * prototype keys first, the schema next, then the named checks. A pack that `extends` another is
 * merged onto its base (found with `resolveBase`) and the result validated whole. Every problem
 * is reported at once with its JSON path; nothing throws. `value` is set only without errors.
 */
export function parsePack(input: unknown, options: ParsePackOptions = {}): Checked<Pack> {
  const limits = options.limits ?? PACK_LIMITS;
  let raw: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input, limits);
    if (parsed.errors.length) return { value: undefined, errors: parsed.errors, warnings: [] };
    raw = parsed.value;
  } else {
    const unsafe = inspectJson(input, limits);
    if (unsafe.length) return { value: undefined, errors: unsafe, warnings: [] };
  }
  if (!isObject(raw) || !Object.hasOwn(raw, 'extends')) return validateWhole(raw);

  const ext = PackExtensionSchema.safeParse(raw);
  if (!ext.success) return { value: undefined, errors: zodProblems(ext.error, [], '$', raw), warnings: [] };
  const depth = options.maxDepth ?? 5;
  if (depth <= 0)
    return {
      value: undefined,
      errors: [problem('$.extends', 'pack.extends_too_deep', 'Chuỗi kế thừa quá dài hoặc vòng tròn', 'the chain of bases is too long or goes round in a circle')],
      warnings: [],
    };
  const baseId = ext.data.extends.pack;
  if (baseId === ext.data.id)
    return { value: undefined, errors: [problem('$.extends.pack', 'pack.extends_itself', 'Bộ quy tắc không thể kế thừa chính nó', 'a pack cannot extend itself')], warnings: [] };
  const base = options.resolveBase?.(baseId);
  if (!base) {
    return {
      value: undefined,
      errors: [
        problem('$.extends.pack', 'pack.unknown_base', `Không tìm thấy bộ quy tắc gốc "${baseId}"`, `the base pack "${baseId}" was not found (a bundled pack id, or a pack in the same directory)`),
      ],
      warnings: [],
    };
  }
  const merged = applyExtension(base, ext.data);
  if (merged.errors.length) return { value: undefined, errors: merged.errors, warnings: [] };
  const whole = validateWhole(merged.pack);
  const at = (ps: readonly Problem[]) => ps.map((p) => toExtensionPath(p, merged.origins));
  const stale = whole.value ? staleInheritedText(base, whole.value, ext.data) : [];
  return { value: whole.value, errors: at(whole.errors), warnings: [...at(whole.warnings), ...at(stale)] };
}

export class PackError extends Error {
  readonly code = 'P135_INVALID_PACK';
  constructor(readonly problems: readonly Problem[]) {
    super(`invalid rule pack: ${problems.length} problem(s); first: ${problems[0]?.path} ${problems[0]?.message.en}`);
    this.name = 'PackError';
  }
}

/** Like parsePack, but throws a PackError listing every problem when the pack is invalid. */
export function loadPack(input: unknown, options?: ParsePackOptions | JsonLimits): Pack {
  const opts: ParsePackOptions = options && 'maxChars' in options ? { limits: options } : ((options as ParsePackOptions | undefined) ?? {});
  const checked = parsePack(input, opts);
  if (!checked.value) throw new PackError(checked.errors);
  return checked.value;
}
