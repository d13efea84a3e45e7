/**
 * Which per-commune limits ranking obeys, read from the pack's commune checks (KH.II.2.1.a: at most
 * `province_cadre.trainees_per_commune_max` trainees a commune across the province cadre classes):
 * an upper bound on `communeTraineeCount` of the track, by a number or a parameter, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { createRulebook, type Pack } from '../src/index.js';
import { communeLimits } from '../src/rank.js';
import { editedPack } from './helpers.js';

const count = (operator: string, value: unknown, track = 'province_cadre') => ({ fact: 'communeTraineeCount', operator, value, params: { track } });
/** The bundled pack, its commune checks replaced by one rule over the given conditions. */
const limitsWith = (...conditions: unknown[]) => {
  const pack = editedPack((p) => {
    const max = p.rules.find((r: { id: string }) => r.id === 'commune.province_cadre.trainees_max');
    p.rules = p.rules.filter((r: { scope?: string }) => r.scope !== 'commune');
    p.rules.push({ ...max, id: 'commune.test', conditions: { all: conditions } });
  }) as Pack;
  return communeLimits(createRulebook(pack), 'province_cadre').map((l) => [l.rule.id, l.max]);
};

describe('the per-commune limits ranking obeys', () => {
  it('the bundled pack: at most the parameter (2) per commune, from its rule; the minimum is no limit', () => {
    const book = createRulebook(editedPack(() => {}) as Pack);
    expect(communeLimits(book, 'province_cadre').map((l) => [l.rule.id, l.max])).toEqual([['commune.province_cadre.trainees_max', 2]]);
    expect(communeLimits(book, 'district_cadre')).toEqual([]);
  });

  it('"at most 3" is 3, "fewer than 3" is 2, by a number or a parameter', () => {
    expect(limitsWith(count('lessThanInclusive', 3))).toEqual([['commune.test', 3]]);
    expect(limitsWith(count('lessThan', 3))).toEqual([['commune.test', 2]]);
    expect(limitsWith(count('lessThan', { fact: 'param:province_cadre.trainees_per_commune_max' }))).toEqual([['commune.test', 1]]);
  });

  it('a lower bound, another track, another fact, or a value that is not a whole number is no limit', () => {
    expect(limitsWith(count('greaterThanInclusive', 1))).toEqual([]);
    expect(limitsWith(count('lessThanInclusive', 3, 'district_cadre'))).toEqual([]);
    expect(limitsWith({ fact: 'communeClassCount', operator: 'lessThanInclusive', value: 3, params: { track: 'province_cadre' } })).toEqual([]);
    expect(limitsWith(count('lessThanInclusive', 2.5))).toEqual([]);
    expect(limitsWith(count('lessThanInclusive', '3'))).toEqual([]);
  });
});
