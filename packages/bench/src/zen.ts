/**
 * What a user might pick instead: GoRules ZEN (a Rust engine with Node bindings), running a
 * decision table generated from the same pack. One row per candidate rule, hit policy "collect",
 * each row's condition translated from the rule's json-rules-engine conditions (parameters
 * inlined), the table in loop mode over the whole batch: ZEN's fastest way to decide many.
 */
import type { Condition, FactDef, Pack, ParamValues, Rule } from '@p135/rules';
import { FACTS } from '@p135/rules';

const literal = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`cannot write ${typeof v} as a ZEN literal`);
};

function operand(v: unknown, params: ParamValues): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'fact' in v) {
    const fact = (v as { fact: string }).fact;
    return fact.startsWith('param:') ? literal(params[fact.slice(6)]) : fact;
  }
  return literal(v);
}

/** A json-rules-engine condition as a ZEN boolean expression. */
export function toZenExpression(c: Condition, params: ParamValues): string {
  if ('all' in c) return c.all.length ? c.all.map((x) => `(${toZenExpression(x, params)})`).join(' and ') : 'true';
  if ('any' in c) return c.any.length ? c.any.map((x) => `(${toZenExpression(x, params)})`).join(' or ') : 'true';
  if ('not' in c) return `not (${toZenExpression(c.not, params)})`;
  const a = c.fact.startsWith('param:') ? literal(params[c.fact.slice(6)]) : c.fact;
  const b = operand(c.value, params);
  switch (c.operator) {
    case 'equal':
      return `${a} == ${b}`;
    case 'notEqual':
      return `${a} != ${b}`;
    case 'in':
      return `${a} in ${b}`;
    case 'notIn':
      return `not (${a} in ${b})`;
    case 'contains':
      return `contains(${a}, ${b})`;
    case 'doesNotContain':
      return `not contains(${a}, ${b})`;
    case 'lessThan':
      return `${a} < ${b}`;
    case 'lessThanInclusive':
      return `${a} <= ${b}`;
    case 'greaterThan':
      return `${a} > ${b}`;
    case 'greaterThanInclusive':
      return `${a} >= ${b}`;
    default:
      throw new Error(`no ZEN translation for operator ${c.operator}`);
  }
}

/** The JSON Decision Model: input → decision table (loop over `candidates`, collect) → output. */
export function packToJdm(rules: readonly Rule[], params: ParamValues, loop = true): object {
  return {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'rules',
        type: 'decisionTableNode',
        name: 'Candidate rules',
        position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'collect',
          ...(loop ? { executionMode: 'loop', inputField: 'candidates', outputPath: 'results' } : { outputPath: 'results' }),
          passThrough: false,
          inputs: [{ id: 'condition', name: 'Condition', type: 'expression', field: '' }],
          outputs: [{ id: 'rule', name: 'Rule', type: 'expression', field: 'rule' }],
          rules: rules.map((r, i) => ({ _id: `row${i}`, condition: toZenExpression(r.conditions, params), rule: JSON.stringify(r.id) })),
        },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'rules', type: 'edge' },
      { id: 'e2', sourceId: 'rules', targetId: 'response', type: 'edge' },
    ],
  };
}

/** The candidate facts the rules name, as plain fields for ZEN's input. */
export function factRow(defs: readonly FactDef<unknown>[], ctx: unknown, params: ParamValues): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const d of defs) row[d.name] = d.compute(ctx as never, {}, params);
  return row;
}

export const candidateFactDefs = (pack: Pack) => {
  void pack;
  return FACTS.candidate.filter((f) => !f.args) as readonly FactDef<unknown>[];
};
