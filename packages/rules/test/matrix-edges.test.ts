/**
 * The role × track matrix (`roleTrackMatrix`, `p135 pack matrix`) read from small packs made for
 * each way a condition can be written: what a reader of the matrix relies on is the exact cell,
 * open (nothing else to check), closed (by which rules, with their clauses) or depends (on which
 * facts, in the pack's order), for literal values, parameters, all / any / not and their nesting,
 * a comparison that cannot be made, and only the eligibility rules of the track counted.
 */
import { describe, expect, it } from 'vitest';
import { createRulebook, type Pack, roleTrackMatrix } from '../src/index.js';
import { editedPack, eligibilityRule, RULE_MESSAGE as message } from './helpers.js';

const rule = (id: string, track: string, conditions: unknown) => eligibilityRule(id, [track], conditions);
const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });
const isRole = (role: string) => leaf('role', 'equal', role);

/** The matrix of Lạng Sơn 2020 with its rules replaced by `rules`. */
const matrixOf = (...rules: unknown[]) => roleTrackMatrix(createRulebook(editedPack((p) => (p.rules = rules)) as Pack));
const cellIn = (m: ReturnType<typeof matrixOf>, role: string, track: string) => m.roles.find((r) => r.role === role)?.cells.find((c) => c.track === track);
const open = (track: string) => ({ track, status: 'open', closedBy: [], dependsOn: [] });
const closed = (track: string, ...ruleIds: string[]) => ({ track, status: 'closed', closedBy: ruleIds.map((ruleId) => ({ ruleId, clause: 'KH.II.2.1.a' })), dependsOn: [] });
const depends = (track: string, ...facts: string[]) => ({ track, status: 'depends', closedBy: [], dependsOn: facts });

describe('a comparison of the role with a value written in the rule', () => {
  const m = matrixOf(rule('m.chair', 'province_cadre', { all: [isRole('committee_chair')] }));

  it('opens the track to that role, closes it to the others naming the rule and its clause', () => {
    expect(cellIn(m, 'committee_chair', 'province_cadre')).toEqual(open('province_cadre'));
    expect(cellIn(m, 'citizen', 'province_cadre')).toEqual(closed('province_cadre', 'm.chair'));
  });

  it('a track no rule speaks of is open to every role', () => {
    expect(m.roles.every((r) => r.cells.find((c) => c.track === 'study_tour')?.status === 'open')).toBe(true);
    expect(cellIn(m, 'citizen', 'study_tour')).toEqual(open('study_tour'));
  });

  it('a comparison that cannot be made (a list operator given a number) closes the track, as the engine fails it', () => {
    const broken = matrixOf(rule('m.broken', 'district_cadre', { all: [leaf('role', 'in', 5)] }));
    expect(cellIn(broken, 'committee_chair', 'district_cadre')).toEqual(closed('district_cadre', 'm.broken'));
  });

  it('a role compared with a parameter of roles: open to the roles listed, closed to the others', () => {
    const byParam = matrixOf(rule('m.cadre', 'district_cadre', { all: [leaf('role', 'in', { fact: 'param:roles.commune_cadre' })] }));
    expect(cellIn(byParam, 'party_secretary', 'district_cadre')).toEqual(open('district_cadre'));
    expect(cellIn(byParam, 'poor_household_rep', 'district_cadre')).toEqual(closed('district_cadre', 'm.cadre'));
  });
});

describe('facts other than the role leave the answer to them', () => {
  const m = matrixOf(rule('m.chair_listed', 'district_cadre', { all: [isRole('committee_chair'), leaf('communeListed', 'equal', true), leaf('gender', 'equal', 'female')] }));

  it('the role holds and two facts remain: depends, on those facts in the rule’s order', () => {
    expect(cellIn(m, 'committee_chair', 'district_cadre')).toEqual(depends('district_cadre', 'communeListed', 'gender'));
  });

  it('the role fails: closed, whatever the other facts', () => {
    expect(cellIn(m, 'citizen', 'district_cadre')).toEqual(closed('district_cadre', 'm.chair_listed'));
  });

  it('facts on both sides of a comparison are named, and two rules’ facts are gathered once each', () => {
    const two = matrixOf(
      rule('m.village_as_commune', 'commune_community', { all: [leaf('villageListed', 'equal', { fact: 'communeListed' })] }),
      rule('m.listed', 'commune_community', { all: [leaf('communeListed', 'equal', true), leaf('villageStruckOff', 'equal', false), leaf('villageListed', 'notEqual', false)] }),
    );
    expect(cellIn(two, 'citizen', 'commune_community')).toEqual(depends('commune_community', 'villageListed', 'communeListed', 'villageStruckOff'));
  });

  it('a role compared with a parameter the pack lacks depends on that parameter', () => {
    const lacking = matrixOf(rule('m.missing', 'district_cadre', { all: [leaf('role', 'in', { fact: 'param:roles.nobody' })] }));
    expect(cellIn(lacking, 'citizen', 'district_cadre')).toEqual(depends('district_cadre', 'param:roles.nobody'));
  });

  it('only eligibility rules count: a priority criterion on the track adds no fact', () => {
    const withPriority = editedPack((p) => {
      p.rules = [
        rule('m.chair', 'province_cadre', { all: [isRole('committee_chair')] }),
        {
          id: 'm.woman',
          kind: 'priority',
          clause: 'KH.II.2.1.b',
          tracks: ['province_cadre'],
          points: 'priority.points_per_criterion',
          conditions: { all: [leaf('gender', 'equal', 'female')] },
          message,
        },
      ];
    }) as Pack;
    const m2 = roleTrackMatrix(createRulebook(withPriority));
    expect(cellIn(m2, 'committee_chair', 'province_cadre')).toEqual(open('province_cadre'));
  });
});

describe('any: one part true opens, every part false closes, else the unknown parts’ facts', () => {
  const m = matrixOf(rule('m.citizen_or_woman', 'province_community', { any: [isRole('citizen'), leaf('gender', 'equal', 'female')] }));

  it('the role that makes one part true: open', () => {
    expect(cellIn(m, 'citizen', 'province_community')).toEqual(open('province_community'));
  });

  it('another role: depends on the other part’s fact', () => {
    expect(cellIn(m, 'committee_chair', 'province_community')).toEqual(depends('province_community', 'gender'));
  });

  it('every part false: closed', () => {
    const m2 = matrixOf(rule('m.two_roles', 'province_community', { any: [isRole('citizen'), isRole('police_chief')] }));
    expect(cellIn(m2, 'committee_chair', 'province_community')).toEqual(closed('province_community', 'm.two_roles'));
    expect(cellIn(m2, 'police_chief', 'province_community')).toEqual(open('province_community'));
  });

  it('an empty any holds', () => {
    const m2 = matrixOf(rule('m.empty', 'study_tour', { any: [] }));
    expect(cellIn(m2, 'citizen', 'study_tour')).toEqual(open('study_tour'));
  });

  it('a nested all that holds on the role alone makes the any hold; one that fails leaves the other part', () => {
    const m2 = matrixOf(rule('m.nested', 'study_tour', { any: [{ all: [isRole('citizen'), leaf('role', 'notEqual', 'other')] }, leaf('gender', 'equal', 'male')] }));
    expect(cellIn(m2, 'citizen', 'study_tour')).toEqual(open('study_tour'));
    expect(cellIn(m2, 'committee_chair', 'study_tour')).toEqual(depends('study_tour', 'gender'));
  });
});

describe('not: turns a known answer round, and leaves an unknown one to its facts', () => {
  const m = matrixOf(rule('m.not_police', 'commune_community', { not: isRole('police_chief') }), rule('m.not_struck_off', 'commune_community', { not: leaf('communeStruckOff', 'equal', true) }));

  it('the role the rule names is closed out by that rule alone', () => {
    expect(cellIn(m, 'police_chief', 'commune_community')).toEqual(closed('commune_community', 'm.not_police'));
  });

  it('another role: depends on the fact under the other not', () => {
    expect(cellIn(m, 'citizen', 'commune_community')).toEqual(depends('commune_community', 'communeStruckOff'));
  });

  it('not of an all that holds on the role alone closes', () => {
    const m2 = matrixOf(rule('m.not_both', 'commune_community', { not: { all: [isRole('citizen'), leaf('role', 'notEqual', 'other')] } }));
    expect(cellIn(m2, 'citizen', 'commune_community')).toEqual(closed('commune_community', 'm.not_both'));
    expect(cellIn(m2, 'other', 'commune_community')).toEqual(open('commune_community'));
  });
});
