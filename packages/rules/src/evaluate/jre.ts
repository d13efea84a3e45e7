import { Engine, Fact, Operator, Rule as JreRule } from 'json-rules-engine';
import { FACTS, PARAM_FACT_PREFIX } from '../facts/index.js';
import type { FactDef, ParamValues } from '../facts/types.js';
import { conditionLeaves } from '../pack/conditions.js';
import type { Condition } from '../schemas/pack.js';
import { CUSTOM_OPERATORS } from './operators.js';
import type { ConditionTrace, Evaluator, RuleGroup, RuleOutcome } from './types.js';

/** json-rules-engine must never resolve a `path` with jsonpath-plus: packs come from elsewhere. */
const refusePath = (): never => {
  throw new Error('condition paths are not supported');
};

/** Names of the (non-parameter) facts a condition tree refers to, on either side. */
export function factsUsed(conditions: Condition, into = new Set<string>()): Set<string> {
  for (const { leaf } of conditionLeaves(conditions)) {
    if (!leaf.fact.startsWith(PARAM_FACT_PREFIX)) into.add(leaf.fact);
    const v = leaf.value;
    if (v && typeof v === 'object' && !Array.isArray(v) && !v.fact.startsWith(PARAM_FACT_PREFIX)) into.add(v.fact);
  }
  return into;
}

interface Prepared {
  engine: Engine;
  facts: FactDef<unknown>[];
  /** json-rules-engine keeps run status on the engine: runs on one engine go one at a time. */
  queue: Promise<unknown>;
}

function toTrace(c: Record<string, unknown>): ConditionTrace {
  for (const op of ['all', 'any'] as const) {
    const list = c[op];
    if (Array.isArray(list)) return { [op]: list.map((x) => toTrace(x as Record<string, unknown>)) };
  }
  if (c.not && typeof c.not === 'object') return { not: toTrace(c.not as Record<string, unknown>) };
  const t: ConditionTrace = {
    fact: c.fact as string,
    operator: c.operator as string,
    factValue: c.factResult,
    value: c.valueResult !== undefined ? c.valueResult : c.value,
  };
  if (c.params) t.params = c.params as Record<string, string>;
  if (typeof c.result === 'boolean') t.result = c.result;
  return t;
}

/** The reference evaluator: one json-rules-engine Engine per rule group, built once per pack. */
export function createJreEvaluator(params: ParamValues): Evaluator {
  const prepared = new Map<string, Prepared>();

  const prepare = (group: RuleGroup): Prepared => {
    const existing = prepared.get(group.key);
    if (existing) return existing;
    const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: refusePath });
    for (const op of CUSTOM_OPERATORS) {
      if (op.test) engine.addOperator(new Operator(op.name, op.test as (a: unknown, b: unknown) => boolean));
    }
    for (const [id, value] of Object.entries(params)) engine.addFact(`${PARAM_FACT_PREFIX}${id}`, value);
    const used = new Set<string>();
    for (const rule of group.rules) {
      engine.addRule(
        new JreRule({
          name: rule.id,
          conditions: structuredClone(rule.conditions) as never,
          event: { type: rule.id },
        }),
      );
      factsUsed(rule.conditions, used);
    }
    const facts = FACTS[group.scope].filter((f) => used.has(f.name)) as FactDef<unknown>[];
    const p: Prepared = { engine, facts, queue: Promise.resolve() };
    prepared.set(group.key, p);
    return p;
  };

  return {
    name: 'json-rules-engine',
    evaluate(group, ctx, options) {
      const p = prepare(group);
      const runtime: Record<string, unknown> = Object.create(null);
      for (const def of p.facts) {
        runtime[def.name] = def.args ? new Fact(def.name, (args: Record<string, string>) => def.compute(ctx, args ?? {}, params)) : def.compute(ctx, {}, params);
      }
      const run = p.queue.then(() => p.engine.run(runtime));
      p.queue = run.catch(() => undefined);
      return run.then(({ results, failureResults }) => {
        const outcomes: RuleOutcome[] = [];
        for (const r of [...results, ...failureResults]) {
          const outcome: { ruleId: string; passed: boolean; trace?: ConditionTrace } = {
            ruleId: r.name as string,
            passed: r.result,
          };
          if (options?.explain) outcome.trace = toTrace(r.conditions as unknown as Record<string, unknown>);
          outcomes.push(outcome);
        }
        return outcomes;
      });
    },
  };
}
