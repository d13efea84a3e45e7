/**
 * The plan index: the counts every plan-level fact reads (classes per track, district and commune,
 * trainees per commune, the levels each trainee is trained at, the places, the programme area and
 * the budget by category), taken once from the plan and the roster.
 */
import { describe, expect, it } from 'vitest';
import { indexPlan } from '../src/facts/plan-index.js';
import type { Plan } from '../src/index.js';
import { pack, person } from './helpers.js';

const cls = (id: string, track: string, trainees: string[], where: { district?: string; commune?: string } = {}) => ({
  id,
  track,
  ...where,
  start: '2020-07-06',
  end: '2020-07-09',
  days: '3.5',
  trainees,
});

const plan = {
  classes: [
    cls('PC-1', 'province_cadre', ['a', 'b', 'a']),
    cls('H-1', 'district_cadre', ['b', 'c'], { district: '183' }),
    cls('H-2', 'district_cadre', ['c'], { district: '178' }),
    cls('X-1', 'commune_community', ['d', 'nobody'], { district: '183', commune: '06196' }),
    cls('Z-1', 'not_a_track', ['e']),
  ],
  studyTours: [],
  budget: [
    { id: 'NS-1', category: 'study_tour', amount: '804000000' },
    { id: 'NS-2', category: 'commune_community', amount: '7000000000' },
    { id: 'NS-3', category: 'study_tour', amount: '1' },
  ],
} as unknown as Plan;

const roster = [
  person({ id: 'a', district: { code: '180' }, commune: { code: '05998', p135: { listed: true, struckOff: false } } }),
  person({ id: 'b', district: { code: '180' }, commune: { code: '05998', p135: { listed: false, struckOff: false } } }),
  person({ id: 'c', district: { code: '183' }, commune: { code: '06196', p135: { listed: true, struckOff: true } } }),
  person({ id: 'd', district: { code: '183' }, commune: { code: '06196', p135: { listed: false, struckOff: false } } }),
  person({ id: 'e', district: { code: '178' }, commune: { code: '05977', p135: { listed: true, struckOff: false } } }),
  person({ id: 'a', name: 'Second record of a', district: { code: '178' }, commune: { code: '05977', p135: { listed: true, struckOff: false } } }),
];
/** Built in each test, not when the file loads: a mutation tool switches a mutant on only while tests run. */
const build = () => indexPlan(plan, roster, pack.tracks);

describe('the plan index', () => {
  it('keeps the first record of a person listed twice', () => {
    const index = build();
    expect(index.candidates.get('a')?.commune.code).toBe('05998');
    expect(index.candidates.size).toBe(5);
  });

  it('counts classes per track, per district and per commune where held', () => {
    const index = build();
    expect(Object.fromEntries(index.classCountByTrack)).toEqual({ province_cadre: 1, district_cadre: 2, commune_community: 1, not_a_track: 1 });
    expect(Object.fromEntries(index.districtClassCount)).toEqual({ 'district_cadre|183': 1, 'district_cadre|178': 1, 'commune_community|183': 1 });
    expect(Object.fromEntries(index.communeClassCount)).toEqual({ 'commune_community|06196': 1 });
  });

  it('counts each trainee once per class, by the commune they come from; a trainee not on the roster counts nowhere', () => {
    const index = build();
    expect(Object.fromEntries(index.communeTraineeCount)).toEqual({
      'province_cadre|05998': 2,
      'district_cadre|05998': 1,
      'district_cadre|06196': 2,
      'commune_community|06196': 1,
      'not_a_track|05977': 1,
    });
  });

  it('records the levels each trainee is trained at, and none for a class of a track the pack lacks', () => {
    const index = build();
    const levels = Object.fromEntries([...index.levelsByTrainee].map(([id, s]) => [id, [...s].sort()]));
    expect(levels).toEqual({ a: ['province'], b: ['district', 'province'], c: ['district'], d: ['commune'], nobody: ['commune'] });
  });

  it('lists every district and commune from the classes and the roster, once each, sorted', () => {
    const index = build();
    expect(index.districts).toEqual(['178', '180', '183']);
    expect(index.communes).toEqual(['05977', '05998', '06196']);
  });

  it('puts a commune in the programme area if any record from it is listed and not struck off, whatever the order', () => {
    const index = build();
    expect(Object.fromEntries(index.communeInProgramArea)).toEqual({ '05998': true, '06196': false, '05977': true });
    expect(Object.fromEntries(index.districtInProgramArea)).toEqual({ '180': true, '183': false, '178': true });
    const reversed = indexPlan(plan, [...roster].reverse(), pack.tracks);
    expect(Object.fromEntries(reversed.communeInProgramArea)).toEqual({ '05998': true, '06196': false, '05977': true });
  });

  it('adds the budget exactly, in total and by category', () => {
    const index = build();
    expect(index.budgetTotal.toFixed()).toBe('7804000001');
    expect(Object.fromEntries([...index.budgetByCategory].map(([k, v]) => [k, v.toFixed()]))).toEqual({ study_tour: '804000001', commune_community: '7000000000' });
  });
});
