/**
 * The Lạng Sơn 2020 plan, clause by clause: each case is named after what the clause says.
 * Expected answers are written out here from the plan's text, not computed from the pack.
 */
import { describe, expect, it } from 'vitest';
import { BOOKS, book, person, TRACKS, type TrackCode, tracksOf, whyNot } from './helpers.js';

const Y = true;
const N = false;
/** Who may attend what (KH.II.2.1.a, KH.II.2.1.b, KH.II.2.2.a, KH.II.2.2.b, KH.II.3), for every glossary role. */
const MATRIX: Record<string, [pc: boolean, pcom: boolean, dc: boolean, cc: boolean, st: boolean]> = {
  // commune cadres: the eight titles of KH.II.2.1.a (with the deputies named by "or")
  party_secretary: [Y, N, Y, N, Y],
  party_deputy_secretary: [Y, N, Y, N, Y],
  council_chair: [Y, N, Y, N, Y],
  council_vice_chair: [Y, N, Y, N, Y],
  committee_chair: [Y, N, Y, N, Y],
  committee_vice_chair: [Y, N, Y, N, Y],
  front_chair: [Y, N, Y, N, Y],
  women_union_chair: [Y, N, Y, N, Y],
  farmers_union_chair: [Y, N, Y, N, Y],
  veterans_chair: [Y, N, Y, N, Y],
  youth_union_secretary: [Y, N, Y, N, Y],
  // commune civil servants (KH.II.2.2.a)
  police_chief: [N, N, Y, N, Y],
  military_commander: [N, N, Y, N, Y],
  office_statistics: [N, N, Y, N, Y],
  land_agriculture_construction_environment: [N, N, Y, N, Y],
  finance_accounting: [N, N, Y, N, Y],
  justice_civil_status: [N, N, Y, N, Y],
  culture_social: [N, N, Y, N, Y],
  // community (KH.II.2.1.b, KH.II.2.2.b); study tours take exemplary citizens (KH.II.3)
  non_specialised_worker: [N, N, N, Y, N],
  people_inspection_board: [N, Y, N, Y, N],
  investment_supervision_board: [N, Y, N, Y, N],
  poor_household_rep: [N, Y, N, Y, N],
  near_poor_household_rep: [N, Y, N, Y, N],
  team_group_leader: [N, Y, N, Y, N],
  mass_org_branch_officer: [N, Y, N, Y, N],
  poverty_collaborator: [N, Y, N, Y, N],
  maintenance_team_member: [N, Y, N, Y, N],
  person_of_standing: [N, Y, N, Y, N],
  exemplary_citizen: [N, Y, N, Y, Y],
  citizen: [N, N, N, Y, N],
  // anyone else is eligible for nothing
  other: [N, N, N, N, N],
};

describe.each(BOOKS)('who may attend which class: every glossary role × every track (%s)', (_, evaluatedBy) => {
  it('the matrix covers every role of the pack', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(evaluatedBy.pack.roles.map((r) => r.code).sort());
  });
  // In a Program 135 commune, no province training before, attended a commune class this year.
  for (const [role, row] of Object.entries(MATRIX)) {
    it(`${role}: ${TRACKS.filter((_, i) => row[i]).join(', ') || 'nothing'}`, async () => {
      const t = await tracksOf(person({ role, planYearClasses: ['commune'] }), evaluatedBy);
      expect(TRACKS.map((k) => t[k].eligible)).toEqual(row);
    });
  }
});

describe('KH.II.1 — scope: communes and villages on the Program 135 lists, minus those recognised complete', () => {
  const everywhere = async (c: Parameters<typeof person>[0]) => {
    const t = await tracksOf(person({ ...c, role: 'exemplary_citizen', planYearClasses: ['commune'] }));
    return t.commune_community.eligible;
  };
  it('a person from a commune on the list of Decision 900/QĐ-TTg is in scope', async () => {
    expect(await everywhere({ commune: { code: '05998', p135: { listed: true, struckOff: false } } })).toBe(true);
  });
  it('a person from a commune not on the list is out of scope for every track', async () => {
    const c = person({ role: 'committee_chair', commune: { code: '05998', p135: { listed: false, struckOff: false } } });
    for (const track of TRACKS) expect(await whyNot(c, track)).toContain('scope.program_area');
  });
  it('a commune recognised complete by Decision 1747/QĐ-TTg is out of scope', async () => {
    expect(await everywhere({ commune: { code: '05998', p135: { listed: true, struckOff: true } } })).toBe(false);
  });
  it('a village on the list of Decision 414/QĐ-UBDT brings its people into scope, even when the commune is not listed', async () => {
    expect(await everywhere({ commune: { code: '05998', p135: { listed: false, struckOff: false } }, village: { name: 'Thôn Nà Pàn', p135: { listed: true, struckOff: false } } })).toBe(true);
  });
  it('a village recognised complete by Decision 958/QĐ-UBDT does not', async () => {
    expect(await everywhere({ commune: { code: '05998', p135: { listed: false, struckOff: false } }, village: { name: 'Thôn Nà Pàn', p135: { listed: true, struckOff: true } } })).toBe(false);
  });
  it('a listed village keeps its people in scope when its commune was struck off', async () => {
    expect(await everywhere({ commune: { code: '05998', p135: { listed: true, struckOff: true } }, village: { name: 'Thôn Nà Pàn', p135: { listed: true, struckOff: false } } })).toBe(true);
  });
  it('the reason cites KH.II.1 and says why in Vietnamese and English', async () => {
    const t = await tracksOf(person({ commune: { code: '05998', p135: { listed: false, struckOff: false } } }));
    const r = t.province_cadre.reasons.find((x) => x.ruleId === 'scope.program_area');
    expect(r).toMatchObject({ clause: 'KH.II.1', kind: 'eligibility', passed: false });
    expect(r?.message.vi).toContain('Chương trình 135');
    expect(r?.message.en).toContain('Program 135');
  });
});

describe('KH.II.2.1.a — province classes for commune cadres who have not yet attended a province-level class', () => {
  it('a commune People’s Committee chair with no province training may attend', async () => {
    expect((await tracksOf(person({ role: 'committee_chair' }))).province_cadre.eligible).toBe(true);
  });
  it('a cadre who attended a province-level class in 2018 may not', async () => {
    expect(await whyNot(person({ role: 'committee_chair', provinceTrainingYears: [2018] }), 'province_cadre')).toEqual(['province_cadre.not_trained_at_province']);
  });
  it('province training counts from 2017, the start of the 2017–2020 framework (assumption): 2016 does not count', async () => {
    expect((await tracksOf(person({ role: 'committee_chair', provinceTrainingYears: [2016] }))).province_cadre.eligible).toBe(true);
    expect((await tracksOf(person({ role: 'committee_chair', provinceTrainingYears: [2017] }))).province_cadre.eligible).toBe(false);
  });
  it('a province class already attended in the plan year counts', async () => {
    expect((await tracksOf(person({ role: 'committee_chair', planYearClasses: ['province'] }))).province_cadre.eligible).toBe(false);
  });
  it('for a "no", every condition that failed is given, not just the first', async () => {
    const ids = await whyNot(person({ role: 'police_chief', provinceTrainingYears: [2019], commune: { code: '05998', p135: { listed: false, struckOff: false } } }), 'province_cadre');
    expect(ids.sort()).toEqual(['province_cadre.not_trained_at_province', 'province_cadre.role', 'scope.program_area']);
  });
  it('every reason carries its rule id, its clause and a message in vi and en', async () => {
    const [r] = (await tracksOf(person({ role: 'citizen' }))).province_cadre.reasons;
    expect(r).toMatchObject({ ruleId: 'province_cadre.role', clause: 'KH.II.2.1.a', passed: false });
    expect(r?.message.vi).toMatch(/cán bộ xã/);
    expect(r?.message.en).toMatch(/commune cadre/);
    expect(book.clause(r?.clause ?? '')?.text.vi).toContain('chưa được tham gia các lớp tập huấn tại tỉnh');
  });
});

describe('KH.II.2.1.b and KH.II.2.2.b — priority: small ethnic minorities, young cadres, women', () => {
  const priority = async (c: Parameters<typeof person>[0]) => (await tracksOf(person({ role: 'poor_household_rep', ...c }))).commune_community.priority;
  it('a Kinh man aged 45 has no priority', async () => {
    expect((await priority({ ethnicity: '01', gender: 'male', birthYear: 1975 })).points).toBe(0);
  });
  it('a Nùng woman aged 30 meets all three criteria: 3 points', async () => {
    const p = await priority({ ethnicity: '07', gender: 'female', birthYear: 1990 });
    expect(p.points).toBe(3);
    expect(p.criteria.map((c) => c.ruleId).sort()).toEqual(['priority.small_ethnic_minority', 'priority.woman', 'priority.young_cadre']);
  });
  it('"young" is 35 or younger in the plan year (assumption): born 1985 yes, 1984 no', async () => {
    expect((await priority({ ethnicity: '01', birthYear: 1985 })).points).toBe(1);
    expect((await priority({ ethnicity: '01', birthYear: 1984 })).points).toBe(0);
  });
  it('every group other than Kinh counts as a small ethnic minority (assumption), e.g. Tày, Dao, Ngái', async () => {
    for (const code of ['02', '09', '11']) expect((await priority({ ethnicity: code })).points).toBe(1);
  });
  it('cadre classes have no priority criteria', async () => {
    const t = await tracksOf(person({ role: 'committee_chair', ethnicity: '07', gender: 'female', birthYear: 1990 }));
    expect(t.province_cadre.priority.points).toBe(0);
    expect(t.district_cadre.priority.points).toBe(0);
  });
});

describe('KH.II.2.2.a — district classes: commune cadres and civil servants; the province-trained do not attend', () => {
  it('a land-administration officer (civil servant) may attend', async () => {
    expect((await tracksOf(person({ role: 'land_agriculture_construction_environment' }))).district_cadre.eligible).toBe(true);
  });
  it('a cadre who attended province-level training does not attend the district class', async () => {
    expect(await whyNot(person({ role: 'party_secretary', provinceTrainingYears: [2019] }), 'district_cadre')).toEqual(['district_cadre.not_trained_at_province']);
  });
  it('a community member may not', async () => {
    expect(await whyNot(person({ role: 'person_of_standing' }), 'district_cadre')).toEqual(['district_cadre.role']);
  });
});

describe('KH.II.2.2.b — commune classes: not commune cadres or civil servants; the province-trained do not attend', () => {
  it('a part-time non-specialised worker and a plain citizen may attend', async () => {
    expect((await tracksOf(person({ role: 'non_specialised_worker' }))).commune_community.eligible).toBe(true);
    expect((await tracksOf(person({ role: 'citizen' }))).commune_community.eligible).toBe(true);
  });
  it('a commune civil servant may not, for two reasons: not on the list, and a civil servant', async () => {
    expect((await whyNot(person({ role: 'finance_accounting' }), 'commune_community')).sort()).toEqual(['commune_community.not_cadre_or_civil_servant', 'commune_community.role']);
  });
  it('someone trained at the province does not attend the commune class', async () => {
    expect(await whyNot(person({ role: 'citizen', provinceTrainingYears: [2020] }), 'commune_community')).toEqual(['commune_community.not_trained_at_province']);
  });
});

describe('KH.II.3 — study tours: cadres, civil servants and exemplary citizens who attended a class in 2020', () => {
  it('a cadre who attended a district class in 2020 may go', async () => {
    expect((await tracksOf(person({ role: 'committee_chair', planYearClasses: ['district'] }))).study_tour.eligible).toBe(true);
  });
  it('a cadre who attended a province class in 2020 may go', async () => {
    expect((await tracksOf(person({ role: 'committee_chair', provinceTrainingYears: [2020] }))).study_tour.eligible).toBe(true);
  });
  it('nobody goes without a 2020 class, however exemplary', async () => {
    expect(await whyNot(person({ role: 'exemplary_citizen' }), 'study_tour')).toEqual(['study_tour.attended_class_this_year']);
  });
  it('a plain citizen does not go even after a class', async () => {
    expect(await whyNot(person({ role: 'citizen', planYearClasses: ['commune'] }), 'study_tour')).toEqual(['study_tour.role']);
  });
});

describe('KH.II.5.2.a and KH.II.5.2.c — who pays meals, lodging and travel', () => {
  const payers = async (track: TrackCode) => (await tracksOf(person({ role: 'committee_chair' })))[track].cost;
  it.each(['province_cadre', 'district_cadre'] as const)('the cadre group pays its own meals, lodging and travel (%s)', async (track) => {
    const c = await payers(track);
    expect(c.payer).toEqual({ meals: 'trainee', lodging: 'trainee', travel: 'trainee' });
    expect(c.reasons[0]).toMatchObject({ clause: 'KH.II.5.2.a' });
  });
  it.each(['province_community', 'commune_community'] as const)('the community group has all its costs paid by the programme (%s)', async (track) => {
    expect((await payers(track)).payer).toEqual({ meals: 'programme', lodging: 'programme', travel: 'programme' });
  });
  it('the project pays 100% of study tours', async () => {
    const c = await payers('study_tour');
    expect(c.payer).toEqual({ meals: 'programme', lodging: 'programme', travel: 'programme' });
    expect(c.reasons[0]).toMatchObject({ clause: 'KH.II.5.2.c' });
  });
});
