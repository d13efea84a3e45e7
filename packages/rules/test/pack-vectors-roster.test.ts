/**
 * A plan case's `candidates`: the roster its trainee ids refer to, so that the rules about people
 * (on the roster, eligible for the class, trainees per commune) can be shown at work by a vector.
 */
import { describe, expect, it } from 'vitest';
import { bundledPack, type Pack, parsePackTests, runPackTests } from '../src/index.js';
import { person } from './helpers.js';

const pack = bundledPack('lang-son-2020') as Pack;
/** A province cadre class as the plan sets it (3.5 days, in the window), with these trainees. */
const provinceClass = (trainees: string[]) => ({ id: 'X-1', track: 'province_cadre', start: '2020-07-01', end: '2020-07-04', days: '3.5', trainees });
const planCase = (extra: Record<string, unknown>, expected: Record<string, unknown>) => ({ name: 'a case', plan: { classes: [provinceClass(['P-1'])] }, ...extra, expected });
const suiteOf = (...cases: unknown[]) => parsePackTests({ pack: 'lang-son-2020', cases });
const run = async (...cases: unknown[]) => {
  const s = suiteOf(...cases);
  expect(s.errors).toEqual([]);
  return runPackTests(pack, s.value as NonNullable<typeof s.value>);
};

describe('a plan case may list the people its classes name (candidates)', () => {
  it('the check reads them as the roster: a citizen in the province cadre class is found ineligible', async () => {
    const r = await run(planCase({ candidates: [person({ id: 'P-1', role: 'citizen' })] }, { includes: ['roster.trainee_eligible.province_cadre'], excludes: ['roster.trainee_known'] }));
    expect(r.cases[0]?.differences).toEqual([]);
    expect(r.unexercised).not.toContain('roster.trainee_eligible.province_cadre');
  });

  it('a commune chair in the same class passes; the commune counts read where the people come from', async () => {
    const r = await run(
      planCase({ candidates: [person({ id: 'P-1', role: 'committee_chair' })] }, { excludes: ['roster.trainee_eligible.province_cadre', 'commune.province_cadre.trainees_min'] }),
      planCase({ plan: { classes: [] }, candidates: [person({ id: 'P-1', role: 'committee_chair' })] }, { includes: ['commune.province_cadre.trainees_min'] }),
    );
    expect(r.cases.map((c) => c.passed)).toEqual([true, true]);
  });

  it('a trainee id the class names and candidates lack is legal: it is what roster.trainee_known finds', async () => {
    const cls = { id: 'X-1', track: 'province_cadre', start: '2020-07-01', end: '2020-07-04', days: '3.5', trainees: ['P-1', 'P-9'] };
    const r = await run(planCase({ plan: { classes: [cls] }, candidates: [person({ id: 'P-1', role: 'committee_chair' })] }, { includes: ['roster.trainee_known'] }));
    expect(r.failed).toBe(0);
  });

  it('without candidates the same case has no one to check, and fails, saying what is missing', async () => {
    const r = await run(planCase({}, { includes: ['roster.trainee_eligible.province_cadre'] }));
    expect(r.failed).toBe(1);
    expect(r.cases[0]?.differences[0]?.message?.vi).toContain('roster.trainee_eligible.province_cadre');
  });
});

describe('a plan case’s candidates are checked like every input', () => {
  it('the roster given twice (candidates and plan.candidates) is refused at its path, Vietnamese first', () => {
    const p = person({ id: 'P-1' });
    const r = suiteOf(planCase({ plan: { classes: [provinceClass(['P-1'])], candidates: [p] }, candidates: [p] }, { findings: [] }));
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([['tests.roster_twice', '$.cases[0].candidates']]);
    expect(r.errors[0]?.message.vi).toContain('hai lần');
    expect(r.errors[0]?.message.en).toContain('keep one');
  });

  it('a person listed twice is refused, naming both places', () => {
    const r = suiteOf(planCase({ candidates: [person({ id: 'P-1' }), person({ id: 'P-2' }), person({ id: 'P-1', role: 'citizen' })] }, { findings: [] }));
    expect(r.errors.map((e) => [e.code, e.path])).toEqual([['input.duplicate_id', '$.cases[0].candidates[2].id']]);
    expect(r.errors[0]?.message.vi).toBe('Mã người "P-1" lặp lại trong "candidates" (đã có ở $.cases[0].candidates[0].id); mỗi người chỉ ghi một lần');
  });

  it('a person that is not a candidate record is refused at its field; more than 1,000 people are too many for a case', () => {
    const bad = suiteOf(planCase({ candidates: [{ ...person({ id: 'P-1' }), gender: 'x' }] }, { findings: [] }));
    expect(bad.errors.map((e) => e.path)).toEqual(['$.cases[0].candidates[0].gender']);
    expect(bad.errors[0]?.message.vi).toContain('giới tính');
    const many = Array.from({ length: 1001 }, (_, i) => person({ id: `P-${i}` }));
    const big = suiteOf(planCase({ candidates: many }, { findings: [] }));
    expect(big.errors.map((e) => [e.code, e.path])).toEqual([['schema.too_big', '$.cases[0].candidates']]);
  });
});
