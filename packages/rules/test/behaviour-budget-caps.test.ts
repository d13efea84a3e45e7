import { describe, expect, it } from 'vitest';
import { type CandidateInput, checkPlan, parsePlan, type Plan, type PlanInput, type PlanReport, type Rulebook } from '../src/index.js';
import { BOOKS, book, person } from './helpers.js';

/**
 * KH.II.5.1 (the total budget, 8,040,000,000 đ) and KH.II.5.2.c (study tours at most 10% of it,
 * 804,000,000 đ) are ceilings an official can reach exactly: a plan at the cap passes, one đồng
 * over fails — for both evaluators, in the finding and in the budget summary alike.
 */
function planWithBudget(lines: readonly (readonly [category: string, amount: string])[]): Plan {
  const candidates: CandidateInput[] = [{ ...person({ id: 'a1', role: 'police_chief' }) }];
  const input: PlanInput & { candidates: CandidateInput[] } = {
    classes: [{ id: 'H-180', track: 'district_cadre', district: '180', start: '2020-09-07', end: '2020-09-10', days: '3.5', trainees: ['a1'] }],
    studyTours: [{ id: 'DOAN-1', start: '2020-08-10', end: '2020-08-14', members: ['a1'] }],
    budget: lines.map(([category, amount], i) => ({ id: `NS-${i + 1}`, category, amount })),
    candidates,
  };
  const parsed = parsePlan(input, book);
  if (!parsed.value) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const findings = (r: PlanReport, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId);

describe.each(BOOKS)('the total budget ceiling of KH.II.5.1 (%s evaluator)', (_name, b: Rulebook) => {
  const total = (communeCommunity: string) =>
    checkPlan(
      b,
      planWithBudget([
        ['commune_community', communeCommunity],
        ['study_tour', '804000000'],
      ]),
    );

  it('exactly 8,040,000,000 đ passes, with nothing left', async () => {
    const r = await total('7236000000');
    expect(findings(r, 'budget.ceiling')).toEqual([]);
    expect(r.budget).toMatchObject({ total: '8040000000', ceiling: '8040000000', remaining: '0', withinCeiling: true });
  });

  it('one đồng under passes, with 1 đồng left', async () => {
    const r = await total('7235999999');
    expect(findings(r, 'budget.ceiling')).toEqual([]);
    expect(r.budget).toMatchObject({ total: '8039999999', remaining: '1', withinCeiling: true });
  });

  it('one đồng over is an error citing KH.II.5.1, at every budget line, saying both amounts', async () => {
    const r = await total('7236000001');
    expect(findings(r, 'budget.ceiling')).toEqual([
      expect.objectContaining({
        ruleId: 'budget.ceiling',
        severity: 'error',
        clause: 'KH.II.5.1',
        where: { budgetLines: ['NS-1', 'NS-2'] },
        message: {
          vi: 'Tổng các dòng dự toán 8.040.000.001 đ vượt tổng kinh phí 8.040.000.000 đ (1 đ)',
          en: 'Budget lines total 8,040,000,001 VND, over the total budget of 8,040,000,000 VND (by 1 VND)',
        },
      }),
    ]);
    expect(r.budget).toMatchObject({ total: '8040000001', remaining: '-1', withinCeiling: false });
  });
});

describe.each(BOOKS)('the study-tour cap of KH.II.5.2.c, 10 per cent of the total (%s evaluator)', (_name, b: Rulebook) => {
  const tours = (amount: string) =>
    checkPlan(
      b,
      planWithBudget([
        ['commune_community', '1000000000'],
        ['study_tour', amount],
      ]),
    );
  const cap = (total: string, within: boolean) => [{ category: 'study_tour', clause: 'KH.II.5.2.c', total, cap: '804000000', share: '0.1', base: '8040000000', within }];

  it('exactly 804,000,000 đ (10% of 8,040,000,000) passes', async () => {
    const r = await tours('804000000');
    expect(findings(r, 'budget.cap.study_tour')).toEqual([]);
    expect(r.budget.caps).toEqual(cap('804000000', true));
  });

  it('one đồng under passes', async () => {
    const r = await tours('803999999');
    expect(findings(r, 'budget.cap.study_tour')).toEqual([]);
    expect(r.budget.caps).toEqual(cap('803999999', true));
  });

  it('one đồng over is an error citing KH.II.5.2.c, at the study-tour line, saying the share and the allocation', async () => {
    const r = await tours('804000001');
    expect(findings(r, 'budget.cap.study_tour')).toEqual([
      expect.objectContaining({
        ruleId: 'budget.cap.study_tour',
        severity: 'error',
        clause: 'KH.II.5.2.c',
        where: { budgetLines: ['NS-2'] },
        message: {
          vi: 'Kinh phí tham quan học tập 804.000.001 đ vượt 10% kinh phí Tiểu dự án 3 (8.040.000.000 đ): tối đa 804.000.000 đ',
          en: 'Study-tour spending of 804,000,001 VND exceeds 10% of the Sub-project 3 allocation (8,040,000,000 VND): at most 804,000,000 VND',
        },
      }),
    ]);
    expect(r.budget.caps).toEqual(cap('804000001', false));
    // The total stays within its own ceiling: only the cap is broken.
    expect(findings(r, 'budget.ceiling')).toEqual([]);
  });
});
