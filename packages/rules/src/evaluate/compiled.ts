import { FACTS, PARAM_FACT_PREFIX } from '../facts/index.js';
import type { FactDef, ParamValues } from '../facts/types.js';
import { someLeaf } from '../pack/conditions.js';
import type { Condition, LeafCondition } from '../schemas/pack.js';
import { CUSTOM_OPERATORS } from './operators.js';
import type { Evaluator, RuleGroup, RuleOutcome } from './types.js';

/**
 * The compiled evaluator: each rule's json-rules-engine conditions become plain closures, once
 * per pack, and a subject is decided synchronously. No `eval`, no `new Function`: every closure
 * is one of a fixed set written here, so packs from elsewhere cannot run code, and the web app
 * works under a strict Content-Security-Policy. It must agree with json-rules-engine on every
 * input (see test/compiled.test.ts); explanations (`explain: true`) still come from
 * json-rules-engine, the reference.
 */

type Test = (a: unknown, b: unknown) => boolean;

/** json-rules-engine's default operators, with their fact-value validators, to the letter. */
const isNumberLike = (v: unknown) => Number.parseFloat(v as string).toString() !== 'NaN';
const indexOf = (list: unknown, x: unknown): number => {
  // On null or undefined this read throws JavaScript's own TypeError, as json-rules-engine's does.
  const f = (list as { indexOf?: (x: unknown) => number }).indexOf;
  if (typeof f !== 'function') throw new TypeError('b.indexOf is not a function');
  return f.call(list, x);
};
const BUILT_IN: Readonly<Record<string, Test>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexOf(b, a) > -1,
  notIn: (a, b) => indexOf(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  // biome-ignore lint/suspicious/noExplicitAny: json-rules-engine compares with JavaScript's own coercion
  lessThan: (a, b) => isNumberLike(a) && (a as any) < (b as any),
  // biome-ignore lint/suspicious/noExplicitAny: as above
  lessThanInclusive: (a, b) => isNumberLike(a) && (a as any) <= (b as any),
  // biome-ignore lint/suspicious/noExplicitAny: as above
  greaterThan: (a, b) => isNumberLike(a) && (a as any) > (b as any),
  // biome-ignore lint/suspicious/noExplicitAny: as above
  greaterThanInclusive: (a, b) => isNumberLike(a) && (a as any) >= (b as any),
};
/** Every operator a pack may use, as the compiled evaluator runs it (json-rules-engine's, to the letter, and this package's). */
export const OPERATOR_TESTS: Readonly<Record<string, Test>> = {
  ...BUILT_IN,
  ...Object.fromEntries(CUSTOM_OPERATORS.map((o) => [o.name, o.test as Test])),
};

/**
 * Values of one subject's facts, computed at most once each, on first use. The arrays are kept
 * per compiled group and reused: a slot is current when its stamp equals the run's stamp, so no
 * memory is allocated per subject. Safe because evaluation is synchronous and not re-entrant.
 */
interface Slots {
  readonly values: unknown[];
  readonly stamps: Uint32Array;
  stamp: number;
}
type Read = (slots: Slots, ctx: unknown) => unknown;
type Check = (slots: Slots, ctx: unknown) => boolean;

export interface CompiledGroup {
  readonly group: RuleGroup;
  /** One closure per rule of the group, in the group's order. */
  readonly checks: readonly Check[];
  readonly slots: Slots;
}

function compileGroup(group: RuleGroup, params: ParamValues): CompiledGroup {
  const defs = FACTS[group.scope] as readonly FactDef<unknown>[];
  const slotIndex = new Map<string, number>();
  const slotReaders: ((ctx: unknown) => unknown)[] = [];

  const factReader = (name: string, args: Readonly<Record<string, string>> | undefined): Read => {
    if (name.startsWith(PARAM_FACT_PREFIX)) {
      const id = name.slice(PARAM_FACT_PREFIX.length);
      if (!Object.hasOwn(params, id)) throw new Error(`Undefined fact: ${name}`);
      const value = params[id];
      return () => value;
    }
    const def = defs.find((d) => d.name === name);
    if (!def) throw new Error(`Undefined fact: ${name}`);
    const a = Object.freeze({ ...(args ?? {}) });
    const key = `${name}\u0000${JSON.stringify(Object.entries(a).sort())}`;
    let i = slotIndex.get(key);
    if (i === undefined) {
      i = slotReaders.length;
      slotIndex.set(key, i);
      slotReaders.push((ctx) => def.compute(ctx as never, a, params));
    }
    const slot = i;
    const compute = slotReaders[slot] as (ctx: unknown) => unknown;
    return (s, ctx) => {
      if (s.stamps[slot] !== s.stamp) {
        s.values[slot] = compute(ctx);
        s.stamps[slot] = s.stamp;
      }
      return s.values[slot];
    };
  };

  /**
   * json-rules-engine evaluates every condition of an `all`/`any` (it does not short-circuit), so
   * a condition that throws (`in` on something without indexOf) fails the whole run even after a
   * false sibling. Where a condition may throw, its siblings are all evaluated too; elsewhere the
   * closures short-circuit, which gives the same verdicts faster.
   */
  const listLike = (v: unknown) => Array.isArray(v) || typeof v === 'string';
  const mayThrow = (c: Condition): boolean =>
    someLeaf(c, (leaf) => {
      if (leaf.operator !== 'in' && leaf.operator !== 'notIn') return false;
      const v = leaf.value;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        if (!v.fact.startsWith(PARAM_FACT_PREFIX)) return true;
        return !listLike(params[v.fact.slice(PARAM_FACT_PREFIX.length)]);
      }
      return !listLike(v);
    });

  /** A constant list (a literal or a parameter) that `in`/`notIn` searches: a Set gives the same answers. */
  const constantList = (v: LeafCondition['value']): readonly unknown[] | undefined => {
    if (Array.isArray(v)) return v;
    if (v !== null && typeof v === 'object' && v.fact.startsWith(PARAM_FACT_PREFIX)) {
      const p = params[v.fact.slice(PARAM_FACT_PREFIX.length)];
      if (Array.isArray(p)) return p;
    }
    return undefined;
  };

  const leaf = (c: LeafCondition): Check => {
    const test = OPERATOR_TESTS[c.operator];
    if (!test) throw new Error(`Unknown operator: ${c.operator}`);
    const left = factReader(c.fact, c.params);
    const v = c.value;
    const list = c.operator === 'in' || c.operator === 'notIn' ? constantList(v) : undefined;
    // Array#indexOf is strict equality, Set#has SameValueZero: they differ only on NaN, which JSON
    // cannot hold (objects in the list are compared by identity by both).
    if (list) {
      const set = new Set<unknown>(list);
      return c.operator === 'in' ? (s, ctx) => set.has(left(s, ctx)) : (s, ctx) => !set.has(left(s, ctx));
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const right = factReader(v.fact, undefined);
      return (s, ctx) => test(left(s, ctx), right(s, ctx));
    }
    return (s, ctx) => test(left(s, ctx), v);
  };

  const every = (parts: Check[], eager: boolean): Check => {
    if (parts.length === 0) return () => true;
    if (eager) {
      return (s, ctx) => {
        let ok = true;
        for (const p of parts) if (!p(s, ctx)) ok = false;
        return ok;
      };
    }
    return (s, ctx) => {
      for (const p of parts) if (!p(s, ctx)) return false;
      return true;
    };
  };
  const some = (parts: Check[], eager: boolean): Check => {
    // json-rules-engine: an empty `any` holds (it resolves an empty condition list to true).
    if (parts.length === 0) return () => true;
    if (eager) {
      return (s, ctx) => {
        let ok = false;
        for (const p of parts) if (p(s, ctx)) ok = true;
        return ok;
      };
    }
    return (s, ctx) => {
      for (const p of parts) if (p(s, ctx)) return true;
      return false;
    };
  };

  const compile = (c: Condition): Check => {
    if ('all' in c) return every(c.all.map(compile), c.all.some(mayThrow));
    if ('any' in c) return some(c.any.map(compile), c.any.some(mayThrow));
    if ('not' in c) {
      const inner = compile(c.not);
      return (s, ctx) => !inner(s, ctx);
    }
    return leaf(c);
  };

  const checks = group.rules.map((r) => compile(r.conditions));
  const n = slotReaders.length;
  return { group, checks, slots: { values: new Array(n), stamps: new Uint32Array(n), stamp: 0 } };
}

export interface CompiledEvaluator extends Evaluator {
  /** The rules of the group that held, as booleans in the group's order: the fast path. */
  evaluateSync(group: RuleGroup, ctx: unknown): boolean[];
  /** Like evaluateSync, writing 1 (held) or 0 into `out` (at least as long as the group), allocating nothing. */
  evaluateInto(group: RuleGroup, ctx: unknown, out: Uint8Array): void;
}

/**
 * Builds the compiled evaluator for a pack's parameters. Groups compile on first use and are
 * kept; `evaluate` returns json-rules-engine's RuleOutcome shape, `evaluateSync` plain booleans.
 */
export function createCompiledEvaluator(params: ParamValues): CompiledEvaluator {
  const compiled = new WeakMap<RuleGroup, CompiledGroup>();
  let reference: Evaluator | undefined;
  const get = (group: RuleGroup) => {
    let c = compiled.get(group);
    if (!c) {
      c = compileGroup(group, params);
      compiled.set(group, c);
    }
    return c;
  };
  let lastGroup: RuleGroup | undefined;
  let lastCompiled: CompiledGroup | undefined;
  const evaluateInto = (group: RuleGroup, ctx: unknown, out: Uint8Array): void => {
    let c = lastCompiled;
    if (lastGroup !== group || !c) {
      c = get(group);
      lastGroup = group;
      lastCompiled = c;
    }
    const slots = c.slots;
    // A new stamp makes every slot stale; on wrap-around, clear the stamps.
    slots.stamp = (slots.stamp + 1) >>> 0;
    if (slots.stamp === 0) {
      slots.stamps.fill(0);
      slots.stamp = 1;
    }
    const checks = c.checks;
    try {
      for (let i = 0; i < checks.length; i++) out[i] = (checks[i] as Check)(slots, ctx) ? 1 : 0;
    } finally {
      slots.values.fill(undefined);
    }
  };
  const evaluateSync = (group: RuleGroup, ctx: unknown): boolean[] => {
    const out = new Uint8Array(group.rules.length);
    evaluateInto(group, ctx, out);
    return Array.from(out, (x) => x === 1);
  };
  return {
    name: 'compiled',
    evaluateSync,
    evaluateInto,
    evaluate(group, ctx, options) {
      if (options?.explain) {
        // json-rules-engine is loaded only to explain, so bundles that never explain leave it out.
        return import('./jre.js').then(({ createJreEvaluator }) => {
          reference ??= createJreEvaluator(params);
          return reference.evaluate(group, ctx, options);
        });
      }
      try {
        const passed = evaluateSync(group, ctx);
        return Promise.resolve(group.rules.map((r, i): RuleOutcome => ({ ruleId: r.id, passed: passed[i] as boolean })));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}
