/**
 * The plan-level facts a pack's plan rules may name, read from the fact tables: a share of the
 * budget (KH.II.5.2.c's 10% study-tour cap can be written as a rule with `categoryShare`), how far
 * a class is over its target size, and the per-place counts, with the answer when there is nothing
 * to count or nothing to divide by.
 */
import { describe, expect, it } from 'vitest';
import { indexPlan } from '../src/facts/plan-index.js';
import { classFacts, communeFacts, districtFacts, planFacts } from '../src/facts/plan.js';
import type { Plan, TrainingClass } from '../src/index.js';
import { book, factValue, pack, person } from './helpers.js';

const cls = {
  id: 'X-1',
  track: 'commune_community',
  district: '183',
  commune: '06196',
  start: '2020-10-01',
  end: '2020-10-02',
  days: '2',
  trainees: Array.from({ length: 77 }, (_, i) => `T-${i}`),
} as TrainingClass;
const plan = {
  classes: [cls],
  studyTours: [],
  budget: [
    { id: 'NS-1', category: 'study_tour', amount: '804000000' },
    { id: 'NS-2', category: 'commune_community', amount: '7236000000' },
  ],
} as unknown as Plan;
const roster = cls.trainees.map((id) => person({ id, district: { code: '183' }, commune: { code: '06196', p135: { listed: true, struckOff: false } } }));
/** Built in each test, not when the file loads: a mutation tool switches a mutant on only while tests run. */
const build = () => indexPlan(plan, roster, pack.tracks);

const value = factValue;

describe('plan-level facts', () => {
  it('categoryShare: a category’s part of the amount a parameter names, exactly; none when that amount is 0 or not a number', () => {
    const index = build();
    expect(value(planFacts, 'categoryShare', { index }, { category: 'study_tour', of: 'budget.total' })).toBe('0.1');
    expect(value(planFacts, 'categoryShare', { index }, { category: 'district_cadre', of: 'budget.total' })).toBe('0');
    expect(value(planFacts, 'categoryShare', { index }, { category: 'study_tour', of: 'zero' }, { ...book.params, zero: '0' })).toBeNull();
    expect(value(planFacts, 'categoryShare', { index }, { category: 'study_tour', of: 'word' }, { ...book.params, word: 'mười' })).toBeNull();
  });

  it('categoryTotal: the exact sum of a category’s lines, 0 for a category with none', () => {
    const index = build();
    expect(value(planFacts, 'categoryTotal', { index }, { category: 'commune_community' })).toBe('7236000000');
    expect(value(planFacts, 'categoryTotal', { index }, { category: 'district_cadre' })).toBe('0');
    expect(value(planFacts, 'budgetTotal', { index })).toBe('8040000000');
  });

  it('sizeOverTarget: 77 trainees against a target of 70 is 0.1 over; no answer for a target of 0 or none', () => {
    const index = build();
    const ctx = { index, cls };
    expect(value(classFacts, 'sizeOverTarget', ctx, { target: 't' }, { ...book.params, t: 70 })).toBe('0.1');
    expect(value(classFacts, 'sizeOverTarget', ctx, { target: 't' }, { ...book.params, t: 0 })).toBeNull();
    expect(value(classFacts, 'sizeOverTarget', ctx, { target: 'missing' })).toBeNull();
  });

  it('counts per place and track, 0 where there are none', () => {
    const index = build();
    const commune = { index, code: '06196' };
    expect(value(communeFacts, 'communeClassCount', commune, { track: 'commune_community' })).toBe(1);
    expect(value(communeFacts, 'communeTraineeCount', commune, { track: 'commune_community' })).toBe(77);
    expect(value(communeFacts, 'communeClassCount', commune, { track: 'district_cadre' })).toBe(0);
    expect(value(districtFacts, 'districtClassCount', { index, code: '183' }, { track: 'commune_community' })).toBe(1);
    expect(value(districtFacts, 'districtClassCount', { index, code: '180' }, { track: 'commune_community' })).toBe(0);
    expect(value(planFacts, 'classCount', { index }, { track: 'commune_community' })).toBe(1);
    expect(value(planFacts, 'classCount', { index }, { track: 'province_cadre' })).toBe(0);
  });
});
