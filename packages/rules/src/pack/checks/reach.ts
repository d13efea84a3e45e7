import { FACTS, PARAM_FACT_PREFIX } from '../../facts/index.js';
import type { FactDef } from '../../facts/types.js';
import { placeholders } from '../../i18n.js';
import { type PathPart, type Problem, problem, jsonPath } from '../../problems.js';
import type { Condition, LeafCondition, Pack } from '../../schemas/pack.js';
import { conditionLeaves, type LeafAt } from '../conditions.js';
import { valueAsOf } from '../params.js';
import { PARAMETERS_READ_BY_PACKAGE } from '../package-params.js';
import { type PackCheck, scopeOf } from './common.js';

/** Every parameter id something in the pack names: conditions, fact params and reads, messages, tracks, budget, points. */
export function parametersUsed(pack: Pack): Set<string> {
  const used = new Set<string>();
  const name = (n: string) => {
    if (n.startsWith(PARAM_FACT_PREFIX)) used.add(n.slice(PARAM_FACT_PREFIX.length));
  };
  const texts = (t: { vi: string; en: string }) => {
    for (const p of [...placeholders(t.vi), ...placeholders(t.en)]) name(p);
  };
  for (const rule of pack.rules) {
    const defs = FACTS[scopeOf(rule)] as readonly FactDef<unknown>[];
    for (const { leaf } of conditionLeaves(rule.conditions)) {
      name(leaf.fact);
      if (leaf.value && typeof leaf.value === 'object' && !Array.isArray(leaf.value)) name(leaf.value.fact);
      const def = defs.find((f) => f.name === leaf.fact);
      for (const id of def?.reads ?? []) used.add(id);
      for (const [k, v] of Object.entries(leaf.params ?? {})) if (def?.args && Object.hasOwn(def.args, k) && def.args[k] === 'param') used.add(v);
    }
    if (rule.kind === 'priority') used.add(rule.points);
    texts(rule.message.pass);
    texts(rule.message.fail);
  }
  for (const m of Object.values(pack.messages)) texts(m);
  for (const t of pack.tracks) for (const id of [t.sizeParam, t.countParam]) if (id) used.add(id);
  used.add(pack.budget.ceiling);
  for (const id of PARAMETERS_READ_BY_PACKAGE) used.add(id);
  for (const c of pack.budget.caps) used.add(c.share).add(c.of);
  return used;
}

export const everyParameterUsed: PackCheck = {
  name: 'everyParameterUsed',
  severity: 'warning',
  run: (pack) => {
    const used = parametersUsed(pack);
    return Object.keys(pack.parameters)
      .filter((id) => !used.has(id))
      .map((id) =>
        problem(
          jsonPath(['parameters', id]),
          'pack.unused_parameter',
          `Không quy tắc, thông điệp hay mục nào dùng tham số "${id}" (có thể sau khi tắt một quy tắc): hãy xóa nó hoặc dùng nó`,
          `nothing in the pack uses parameter "${id}" (perhaps after a rule was disabled): remove it or use it`,
        ),
      );
  },
};

/** Numeric bounds on one fact, from comparisons that must all hold. */
interface Bounds {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
  equal: Set<unknown>;
}

const NUMERIC: Readonly<Record<string, (b: Bounds, v: number) => void>> = {
  greaterThan: (b, v) => (v > b.lo || (v === b.lo && !b.loOpen) ? Object.assign(b, { lo: v, loOpen: true }) : b),
  greaterThanInclusive: (b, v) => (v > b.lo ? Object.assign(b, { lo: v, loOpen: false }) : b),
  lessThan: (b, v) => (v < b.hi || (v === b.hi && !b.hiOpen) ? Object.assign(b, { hi: v, hiOpen: true }) : b),
  lessThanInclusive: (b, v) => (v < b.hi ? Object.assign(b, { hi: v, hiOpen: false }) : b),
};

/**
 * Whether the comparisons that must all hold (the leaves under nested `all`s, not under `any` or
 * `not`) can hold together: numbers against bounds (`age ≥ 18` and `age < 10` cannot), `equal` to
 * two different values. Parameters are read at the pack's default date; facts are left alone.
 */
/** The comparisons of a tree that must all hold: those under nested `all`s only (not under `any` or `not`), with their paths. */
export const mustLeaves = (c: Condition, path: readonly PathPart[] = []): LeafAt[] =>
  conditionLeaves(c, path).filter((l) => l.path.slice(path.length).every((p) => p === 'all' || typeof p === 'number'));

/** A comparison's value, with a parameter read at `asOf`; undefined for a fact or an unknown parameter. */
export function comparedValue(leaf: LeafCondition, pack: Pack, asOf: string): { value: unknown } | undefined {
  const given = leaf.value;
  if (!given || typeof given !== 'object' || Array.isArray(given)) return { value: given };
  const id = given.fact.startsWith(PARAM_FACT_PREFIX) ? given.fact.slice(PARAM_FACT_PREFIX.length) : undefined;
  const p = id !== undefined && Object.hasOwn(pack.parameters, id) ? pack.parameters[id] : undefined;
  return p ? { value: valueAsOf(p, asOf) } : undefined;
}

/**
 * Whether the comparisons that must all hold (the leaves under nested `all`s, not under `any` or
 * `not`) can hold together: numbers against bounds (`age ≥ 18` and `age < 10` cannot), `equal` to
 * two different values. Parameters are read at the pack's default date; facts are left alone.
 * Answers the fact and the comparison where the contradiction shows.
 */
export function contradiction(c: Condition, pack: Pack, asOf: string): { fact: string; at: LeafAt } | undefined {
  const byFact = new Map<string, Bounds>();
  for (const at of mustLeaves(c)) {
    const leaf = at.leaf;
    if (leaf.params) continue;
    const compared = comparedValue(leaf, pack, asOf);
    if (!compared) continue;
    const v = compared.value;
    const b = byFact.get(leaf.fact) ?? { lo: -Infinity, loOpen: true, hi: Infinity, hiOpen: true, equal: new Set() };
    byFact.set(leaf.fact, b);
    const narrow = Object.hasOwn(NUMERIC, leaf.operator) ? NUMERIC[leaf.operator] : undefined;
    if (narrow && typeof v === 'number') narrow(b, v);
    else if (leaf.operator === 'equal' && (v === null || typeof v !== 'object')) b.equal.add(v);
    else continue;
    const empty = b.lo > b.hi || (b.lo === b.hi && (b.loOpen || b.hiOpen));
    const numbers = [...b.equal].filter((x): x is number => typeof x === 'number');
    const outside = numbers.some((x) => x < b.lo || x > b.hi || (x === b.lo && b.loOpen) || (x === b.hi && b.hiOpen));
    if (empty || b.equal.size > 1 || outside) return { fact: leaf.fact, at };
  }
  return undefined;
}

export const rulesCanHold: PackCheck = {
  name: 'rulesCanHold',
  severity: 'warning',
  run: (pack) => {
    const asOf = `${pack.meta.year}-12-31`;
    const out: Problem[] = [];
    pack.rules.forEach((rule, i) => {
      const found = contradiction(rule.conditions, pack, asOf);
      if (found === undefined) return;
      const { fact } = found;
      out.push(
        problem(
          jsonPath(['rules', i, 'conditions']),
          'pack.rule_never_holds',
          `Quy tắc "${rule.id}" không bao giờ đúng: các điều kiện về "${fact}" mâu thuẫn nhau`,
          `rule "${rule.id}" can never hold: its conditions on "${fact}" contradict each other`,
        ),
      );
    });
    return out;
  },
};
