/**
 * The facts about one person, read from the fact table itself: what each says for a person with
 * no village, and for prior training at each level (KH.II.2.1.a: no one trained at the province
 * level before may attend the province cadre class again).
 */
import { describe, expect, it } from 'vitest';
import { candidateFacts } from '../src/facts/candidate.js';
import { book, factValue, person } from './helpers.js';

const fact = (name: string, candidate = person(), params: Record<string, unknown> = book.params) => factValue(candidateFacts, name, { candidate }, {}, params);

describe('facts about one person', () => {
  it('a person with no village: the village is neither listed nor struck off', () => {
    expect([fact('villageListed'), fact('villageStruckOff')]).toEqual([false, false]);
  });

  it('a village on the list and struck off says so', () => {
    const p = person({ village: { code: 'T-1', name: 'Thôn Bản Thí', p135: { listed: true, struckOff: true } } });
    expect([fact('villageListed', p), fact('villageStruckOff', p)]).toEqual([true, true]);
  });

  it('attended at the province level: a province class this year, or a province training year in the window; a district or commune class this year is not', () => {
    expect(fact('attendedProvinceLevel', person({ planYearClasses: ['district', 'commune'] }))).toBe(false);
    expect(fact('attendedProvinceLevel', person({ planYearClasses: ['province'] }))).toBe(true);
    expect(fact('attendedProvinceLevel', person({ provinceTrainingYears: [2018] }))).toBe(true);
  });

  it('province training counts from prior_training.from_year (2017, an assumption) to the plan year (2020), both included', () => {
    const at = (year: number) => fact('attendedProvinceLevel', person({ provinceTrainingYears: [year] }));
    expect([2016, 2017, 2020, 2021].map(at)).toEqual([false, true, true, false]);
  });

  it('a year fact refuses a parameter that is not a whole number, naming it, rather than compare with it', () => {
    expect(() => fact('attendedProvinceLevel', person(), { ...book.params, 'plan.year': '2020' })).toThrow('parameter plan.year must be a whole number');
  });
});
