/**
 * Which roles may enter which track, read from the rules themselves (`roleTrackMatrix`), and
 * checked against what `decide` answers for people of every role in every situation.
 */
import { describe, expect, it } from 'vitest';
import { type Candidate, decideSync, roleTrackMatrix } from '../src/index.js';
import { book, pack, person } from './helpers.js';

const matrix = roleTrackMatrix(book);
const cell = (role: string, track: string) => matrix.roles.find((r) => r.role === role)?.cells.find((c) => c.track === track);
const PLACE_FACTS = ['communeListed', 'communeStruckOff', 'villageListed', 'villageStruckOff'];

describe('the role × track matrix, as the plan says it', () => {
  it('KH.II.2.1.a: province cadre classes take the commune’s leaders — a committee chair is in, depending only on the place and earlier province training', () => {
    expect(cell('committee_chair', 'province_cadre')).toEqual({ track: 'province_cadre', status: 'depends', closedBy: [], dependsOn: [...PLACE_FACTS, 'attendedProvinceLevel'] });
  });

  it('KH.II.2.1.a: a commune civil servant (the police chief) is not one of them: closed by the role rule, with its clause', () => {
    expect(cell('police_chief', 'province_cadre')).toMatchObject({ status: 'closed', closedBy: [{ ruleId: 'province_cadre.role', clause: book.rule('province_cadre.role')?.clause }] });
  });

  it('KH.II.2.2.b: commune community classes are not for cadres or civil servants — both rules that say so are named', () => {
    expect(cell('committee_chair', 'commune_community')?.closedBy.map((r) => r.ruleId)).toEqual(['commune_community.role', 'commune_community.not_cadre_or_civil_servant']);
    expect(cell('poor_household_rep', 'commune_community')?.status).toBe('depends');
  });

  it('a role no track admits is closed everywhere; every role and track of the pack has its cell', () => {
    expect(cell('other', 'province_cadre')?.status).toBe('closed');
    expect(matrix.roles.find((r) => r.role === 'other')?.cells.every((c) => c.status === 'closed')).toBe(true);
    expect(matrix.roles.map((r) => r.role)).toEqual(pack.roles.map((r) => r.code));
    for (const r of matrix.roles) expect(r.cells.map((c) => c.track)).toEqual(book.tracks.map((t) => t.code));
  });
});

describe('the matrix agrees with decide, for every role in every situation', () => {
  /** A person of `role` in each situation the other facts allow: the place listed or not, trained before or not, in a class this year or not. */
  const situations = (role: string): Candidate[] => {
    const out: Candidate[] = [];
    for (const listed of [true, false])
      for (const struckOff of [false, true])
        for (const provinceTrainingYears of [[], [2019]])
          for (const planYearClasses of [[], ['commune'], ['province']] as const)
            out.push(person({ id: `${role}-${out.length}`, role, commune: { code: '05998', p135: { listed, struckOff } }, provinceTrainingYears, planYearClasses: [...planYearClasses] }));
    return out;
  };

  it.each(pack.roles.map((r) => r.code))('%s: closed → never eligible; depends → eligible in some situation and not in another; open → always', (role) => {
    const decisions = situations(role).map((p) => decideSync(book, p));
    for (const c of matrix.roles.find((r) => r.role === role)?.cells ?? []) {
      const eligible = decisions.map((d) => d.eligibleTracks.includes(c.track));
      if (c.status === 'closed') expect(eligible.some(Boolean), `${role} ${c.track}`).toBe(false);
      if (c.status === 'open') expect(eligible.every(Boolean), `${role} ${c.track}`).toBe(true);
      if (c.status === 'depends') expect([eligible.some(Boolean), eligible.every(Boolean)], `${role} ${c.track}`).toEqual([true, false]);
    }
  });
});
