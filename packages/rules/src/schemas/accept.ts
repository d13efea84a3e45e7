import type { z } from 'zod';

/**
 * A quick yes to well-formed input: a schema's own checks (read from its zod definition, never
 * written again) turned into plain closures that accept what the schema accepts and return what
 * it returns — the same output, keys in the same order, defaults and trims applied — or
 * `undefined` for "not sure", when the caller asks zod itself (for the problems and their words).
 *
 * Only the zod kinds a roster row is made of are understood: strict objects, strings (lengths,
 * regexes, trims), whole numbers with bounds, booleans, enums, arrays with a maximum length,
 * optional and defaulted fields. A schema using anything else is not compiled (`acceptor` gives
 * `undefined`) and zod decides every input. Nothing is evaluated from text: no `eval`, no
 * `new Function` (the web app runs under a strict Content-Security-Policy).
 */
export type Accept<T> = (input: unknown) => T | undefined;

/** Says "not sure": a value no schema output can be. */
const NO: unique symbol = Symbol('not accepted');
type Step = (input: unknown) => unknown;

// biome-ignore lint/suspicious/noExplicitAny: zod's definitions are read structurally, kind by kind
type Def = any;

function compile(schema: Def): Step | undefined {
  const def: Def = schema?._zod?.def;
  switch (def?.type) {
    case 'string':
      return stringStep(def);
    case 'number':
      return numberStep(def);
    case 'boolean':
      return def.checks?.length ? undefined : (v) => (typeof v === 'boolean' ? v : NO);
    case 'enum': {
      if (def.checks?.length) return undefined;
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => (values.has(v) ? v : NO);
    }
    case 'object':
      return objectStep(def);
    case 'array':
      return arrayStep(def);
    default:
      return undefined;
  }
}

type Check = (s: string) => string | typeof NO;

/** Two checks as one: the second sees what the first gave (a trim, say). */
const then =
  (a: Check, b: Check): Check =>
  (s) => {
    const r = a(s);
    return r === NO ? NO : b(r);
  };

function stringStep(def: Def): Step | undefined {
  let check: Check | undefined;
  for (const c of (def.checks ?? []).map((x: Def) => x._zod.def)) {
    let next: Check;
    if (c.check === 'min_length') {
      const min: number = c.minimum;
      next = (s) => (s.length >= min ? s : NO);
    } else if (c.check === 'max_length') {
      const max: number = c.maximum;
      next = (s) => (s.length <= max ? s : NO);
    } else if (c.check === 'overwrite' && typeof c.tx === 'function') {
      const tx: (s: string) => unknown = c.tx;
      next = (s) => {
        const r = tx(s);
        return typeof r === 'string' ? r : NO;
      };
    } else if (c.check === 'string_format' && c.format === 'regex' && c.pattern instanceof RegExp && !c.pattern.global && !c.pattern.sticky) {
      const pattern: RegExp = c.pattern;
      next = (s) => (pattern.test(s) ? s : NO);
    } else return undefined;
    check = check ? then(check, next) : next;
  }
  const all = check;
  return all ? (v) => (typeof v === 'string' ? all(v) : NO) : (v) => (typeof v === 'string' ? v : NO);
}

function numberStep(def: Def): Step | undefined {
  if (def.format !== 'safeint') return undefined;
  let min = Number.MIN_SAFE_INTEGER;
  let max = Number.MAX_SAFE_INTEGER;
  for (const check of def.checks ?? []) {
    const c: Def = check._zod.def;
    if (typeof c.value !== 'number') return undefined;
    if (c.check === 'greater_than') min = Math.max(min, c.inclusive ? c.value : c.value + 1);
    else if (c.check === 'less_than') max = Math.min(max, c.inclusive ? c.value : c.value - 1);
    else if (c.check !== 'number_format') return undefined;
  }
  return (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : NO);
}

function arrayStep(def: Def): Step | undefined {
  const element = compile(def.element);
  if (!element) return undefined;
  let max = Number.POSITIVE_INFINITY;
  for (const check of def.checks ?? []) {
    const c: Def = check._zod.def;
    if (c.check !== 'max_length') return undefined;
    max = Math.min(max, c.maximum);
  }
  return (v) => {
    if (!Array.isArray(v) || v.length > max) return NO;
    const out = new Array(v.length);
    for (let k = 0; k < v.length; k++) if ((out[k] = element(v[k])) === NO) return NO;
    return out;
  };
}

/** A field of a strict object: required, optional (absent stays absent) or defaulted. */
interface Field {
  readonly key: string;
  readonly step: Step;
  readonly mode: 'required' | 'optional' | 'default';
  readonly fallback?: () => unknown;
}

function field(key: string, schema: Def): Field | undefined {
  const def: Def = schema?._zod?.def;
  if (def?.type === 'optional') {
    const step = compile(def.innerType);
    return step && { key, step, mode: 'optional' };
  }
  if (def?.type === 'default') {
    const step = compile(def.innerType);
    // zod gives the default for an absent (undefined) value without checking it, a fresh (shallow) copy each time
    const value: unknown = def.defaultValue;
    if (value === null || typeof value !== 'object') return step && { key, step, mode: 'default', fallback: () => value };
    if (Array.isArray(value)) return step && { key, step, mode: 'default', fallback: () => value.slice() };
    return step && { key, step, mode: 'default', fallback: () => def.defaultValue };
  }
  const step = compile(schema);
  return step && { key, step, mode: 'required' };
}

function objectStep(def: Def): Step | undefined {
  if (def.catchall?._zod?.def?.type !== 'never' || def.checks?.length) return undefined; // strict objects only
  const fields: Field[] = [];
  for (const [key, schema] of Object.entries(def.shape as Record<string, unknown>)) {
    const f = field(key, schema);
    if (!f) return undefined;
    fields.push(f);
  }
  const known = new Set(fields.map((f) => f.key));
  const n = fields.length;
  const keys = fields.map((f) => f.key);
  const steps = fields.map((f) => f.step);
  const modes = fields.map((f) => f.mode);
  const fallbacks = fields.map((f) => f.fallback);
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return NO;
    const input = v as Record<string, unknown>;
    // zod's strict check reads keys with for…in, inherited ones included. For a plain object,
    // counting them and the known ones present (`in` sees inherited ones too) is enough: more keys
    // than known ones present means an unknown one. Anything else has each key looked up.
    const plain = Object.getPrototypeOf(input) === Object.prototype;
    let keyCount = 0;
    if (plain) for (const _ in input) keyCount++;
    else for (const key in input) if (!known.has(key)) return NO;
    let present = 0;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const key = keys[i] as string;
      const value = input[key];
      if (value === undefined) {
        const has = key in input;
        if (has) present++;
        const mode = modes[i];
        if (mode === 'default') out[key] = (fallbacks[i] as () => unknown)();
        else if (mode === 'required') return NO;
        else if (has) out[key] = undefined; // optional, given as undefined: kept, as zod keeps it
        continue;
      }
      present++;
      const parsed = (steps[i] as Step)(value);
      if (parsed === NO) return NO;
      out[key] = parsed;
    }
    return plain && present !== keyCount ? NO : out;
  };
}

/**
 * The quick yes of a schema, or `undefined` when the schema uses something not understood here.
 * The returned function never throws (an input whose getters throw is "not sure").
 */
export function acceptor<S extends z.ZodType>(schema: S): Accept<z.output<S>> | undefined {
  const step = compile(schema);
  if (!step) return undefined;
  return (input) => {
    try {
      const out = step(input);
      return out === NO ? undefined : (out as z.output<S>);
    } catch {
      return undefined;
    }
  };
}
