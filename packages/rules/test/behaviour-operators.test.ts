import { describe, expect, it } from 'vitest';
import { checkPlan, createRulebook, Dec, OPERATORS, type Pack, parsePack, parsePlan, type Plan, type PlanReport } from '../src/index.js';
import { createJreEvaluator, type EvaluatorFactory } from '../src/evaluate.js';
import { editedPack, person } from './helpers.js';

/**
 * The decimal and date operators a pack author writes in a rule. Money and shares compare
 * exactly (never as floats), and a value that is not a plain decimal or an ISO date makes the
 * condition false rather than guessing.
 */
const op = (name: string) => {
  const def = OPERATORS.find((o) => o.name === name);
  if (!def?.test) throw new Error(`no custom operator ${name}`);
  return def.test;
};

describe('decimal operators compare exact values', () => {
  // [fact, value, =, <, <=, >, >=]
  const table: [unknown, unknown, boolean, boolean, boolean, boolean, boolean][] = [
    ['8040000000', '8040000000', true, false, true, false, true],
    ['8039999999', '8040000000', false, true, true, false, false],
    ['8040000001', '8040000000', false, false, false, true, true],
    // Above 2^53, where floats cannot tell these apart.
    ['9007199254740993', '9007199254740992', false, false, false, true, true],
    ['0.1', '0.10', true, false, true, false, true],
    [new Dec('0.3'), '0.30', true, false, true, false, true],
    [100, '100', true, false, true, false, true],
  ];
  it.each(table)('%j against %j', (a, b, eq, lt, lte, gt, gte) => {
    expect([op('decimalEqual')(a, b), op('decimalLessThan')(a, b), op('decimalLessThanInclusive')(a, b), op('decimalGreaterThan')(a, b), op('decimalGreaterThanInclusive')(a, b)]).toEqual([
      eq,
      lt,
      lte,
      gt,
      gte,
    ]);
  });

  it.each([
    ['abc', '1'],
    ['1', 'abc'],
    [null, '1'],
    ['1', undefined],
    [1.5, '1.5'],
    ['1e3', '1000'],
  ])('%j against %j: every decimal operator is false', (a, b) => {
    for (const name of ['decimalEqual', 'decimalLessThan', 'decimalLessThanInclusive', 'decimalGreaterThan', 'decimalGreaterThanInclusive']) {
      expect(op(name)(a, b), name).toBe(false);
    }
  });
});

describe('date operators compare ISO dates, inclusive', () => {
  it.each([
    ['2020-08-01', '2020-08-01', true, true],
    ['2020-07-31', '2020-08-01', false, true],
    ['2020-08-02', '2020-08-01', true, false],
  ])('%s against %s', (a, b, onOrAfter, onOrBefore) => {
    expect(op('dateOnOrAfter')(a, b)).toBe(onOrAfter);
    expect(op('dateOnOrBefore')(a, b)).toBe(onOrBefore);
  });
  it.each([
    ['2020-8-1', '2020-08-01'],
    ['2020-08-01', '01/08/2020'],
    ['2020-08-01T00:00', '2020-08-01'],
    ['x2020-08-01', '2020-08-01'],
    ['2020-08-01', '2020-08-01x'],
    [20200801, '2020-08-01'],
    ['2020-08-01', null],
    // A list holding one date is not a date (its text would be).
    [['2020-08-01'], '2020-08-01'],
    ['2020-08-01', ['2020-08-01']],
  ])('%j against %j is false both ways', (a, b) => {
    expect(op('dateOnOrAfter')(a, b)).toBe(false);
    expect(op('dateOnOrBefore')(a, b)).toBe(false);
  });
});

describe('operators are declared for the fact types they fit', () => {
  it('money goes through the decimal operators only; numbers through the built-in ones', () => {
    const forOf = (name: string) => OPERATORS.find((o) => o.name === name)?.for;
    expect(forOf('decimalLessThanInclusive')).toEqual(['decimal']);
    expect(forOf('dateOnOrBefore')).toEqual(['date']);
    expect(forOf('lessThanInclusive')).toEqual(['number']);
    expect(forOf('contains')).toEqual(['list']);
    expect(forOf('equal')).toEqual(['any']);
    expect(OPERATORS.map((o) => o.name)).toEqual([
      'equal',
      'notEqual',
      'in',
      'notIn',
      'contains',
      'doesNotContain',
      'lessThan',
      'lessThanInclusive',
      'greaterThan',
      'greaterThanInclusive',
      'decimalEqual',
      'decimalLessThan',
      'decimalLessThanInclusive',
      'decimalGreaterThan',
      'decimalGreaterThanInclusive',
      'dateOnOrAfter',
      'dateOnOrBefore',
    ]);
  });
});

/** A pack whose total-budget rule uses `operator`, and a rulebook on it. */
function bookWith(edit: Parameters<typeof editedPack>[0], evaluator?: EvaluatorFactory) {
  const parsed = parsePack(editedPack(edit));
  if (!parsed.value) throw new Error(JSON.stringify(parsed.errors));
  return createRulebook(parsed.value as Pack, evaluator ? { evaluator } : {});
}

function planAt(book: ReturnType<typeof createRulebook>, lines: [string, string][]): Plan {
  const parsed = parsePlan(
    {
      classes: [{ id: 'H-180', track: 'district_cadre', district: '180', start: '2020-09-07', end: '2020-09-10', days: '3.5', trainees: ['a1'] }],
      studyTours: [],
      budget: lines.map(([category, amount], i) => ({ id: `NS-${i + 1}`, category, amount })),
      candidates: [{ ...person({ id: 'a1', role: 'police_chief' }) }],
    },
    book,
  );
  if (!parsed.value) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const ruleIds = (r: PlanReport) => r.findings.map((f) => f.ruleId);

describe.each([
  ['compiled', undefined],
  ['json-rules-engine', createJreEvaluator],
] as const)('a pack that adds a strict ceiling of its own (decimalLessThan) is obeyed exactly (%s evaluator)', (_name, evaluator) => {
  const strict = bookWith((p) => {
    const template = p.rules.find((r: { scope?: string }) => r.scope === 'plan');
    p.rules.push({
      ...structuredClone(template),
      id: 'plan.budget.strict',
      clause: 'KH.II.5.1',
      conditions: { all: [{ fact: 'budgetTotal', operator: 'decimalLessThan', value: { fact: 'param:budget.total' } }] },
    });
  }, evaluator);
  it('exactly at the ceiling fails that rule (and not the pack’s own ceiling); one đồng under passes', async () => {
    const at = ruleIds(await checkPlan(strict, planAt(strict, [['commune_community', '8040000000']])));
    expect(at).toContain('plan.budget.strict');
    expect(at).not.toContain('budget.ceiling');
    expect(ruleIds(await checkPlan(strict, planAt(strict, [['commune_community', '8039999999']])))).not.toContain('plan.budget.strict');
  });
});

describe('the study-tour cap is rounded down to whole đồng, never in the spender’s favour', () => {
  // 10% of 8,040,000,005 đ is 804,000,000.5 đ: the cap shown is 804,000,000 and 804,000,001 is over.
  const book = bookWith((p) => {
    p.parameters['budget.total'].value = '8040000005';
  });
  it('shows the cap rounded down and the share as written', async () => {
    const r = await checkPlan(book, planAt(book, [['study_tour', '804000000']]));
    expect(r.budget.caps).toEqual([{ category: 'study_tour', clause: 'KH.II.5.2.c', total: '804000000', cap: '804000000', share: '0.1', base: '8040000005', within: true }]);
    expect(r.budget).toMatchObject({ total: '804000000', ceiling: '8040000005', remaining: '7236000005', withinCeiling: true, byCategory: { study_tour: '804000000' } });
    expect(ruleIds(r)).not.toContain('budget.cap.study_tour');
  });
  it('one đồng over the rounded-down cap is over', async () => {
    const r = await checkPlan(book, planAt(book, [['study_tour', '804000001']]));
    expect(r.budget.caps[0]).toMatchObject({ total: '804000001', cap: '804000000', within: false });
    expect(ruleIds(r)).toContain('budget.cap.study_tour');
  });
  it('a plan with no study-tour line spends 0 on study tours, within the cap', async () => {
    const r = await checkPlan(book, planAt(book, [['commune_community', '1000']]));
    expect(r.budget.caps[0]).toMatchObject({ total: '0', within: true });
    expect(r.budget.byCategory).toEqual({ commune_community: '1000' });
  });
});
