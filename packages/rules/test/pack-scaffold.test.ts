/**
 * `scaffoldPack` (`p135 pack init`), output by output: what an author starting a province's pack
 * relies on finding in the new pack and its first test file. Every date of the base lands on the
 * same day of the new year (29 February to 28 February where the year has none), dated values
 * move with it while money and codes stay as they were, the plan year is overridden only when it
 * changes, a places file keeps its own province, and the first test records exactly what the base
 * decides, as of the end of the new year, for one named person.
 */
import { describe, expect, it } from 'vitest';
import { createRulebook, decide, type Pack, type PackTestSuite, type Places, scaffoldPack } from '../src/index.js';
import { editedPack, pack as langSon } from './helpers.js';

const DATE_PARAMS = [
  'province_cadre.window_start',
  'province_cadre.window_end',
  'province_community.window_start',
  'province_community.window_end',
  'district_cadre.window_start',
  'district_cadre.window_end',
  'commune_community.window_start',
  'commune_community.window_end',
  'study_tour.window_start',
  'study_tour.window_end',
  'report.deadline',
];

/** The sample person of a scaffolded test file's one case. */
const inputOf = (tests: PackTestSuite) => {
  const c = tests.cases[0];
  return c && 'input' in c ? c.input : undefined;
};

const dateParam = (value: string) => ({ label: { vi: 'Ngày thử', en: 'A test date' }, value, unit: 'date', clause: 'QD.1' });

/** Lạng Sơn 2020 with three more dates: a leap day, another day of February, and the 29th of March. */
const withDays = editedPack((p) => {
  p.parameters['test.leap_day'] = dateParam('2020-02-29');
  p.parameters['test.february'] = dateParam('2020-02-10');
  p.parameters['test.march_29'] = dateParam('2020-03-29');
}) as Pack;

const movedTo = async (year: number) => {
  const { pack } = await scaffoldPack({ id: 'tinh-thu-moi', base: withDays, year });
  const o = pack.parameters?.override ?? {};
  return [o['test.leap_day']?.value, o['test.february']?.value, o['test.march_29']?.value];
};

describe('pack init moves each date of the base to the same day of the new year', () => {
  it('29 February becomes 28 February in a year that has none (2021), other days keep their day', async () => {
    expect(await movedTo(2021)).toEqual(['2021-02-28', '2021-02-10', '2021-03-29']);
  });

  it('29 February stays in a leap year (2024)', async () => {
    expect(await movedTo(2024)).toEqual(['2024-02-29', '2024-02-10', '2024-03-29']);
  });

  it('2100 is no leap year (a century), 2000 is (divisible by 400)', async () => {
    expect(await movedTo(2100)).toEqual(['2100-02-28', '2100-02-10', '2100-03-29']);
    expect(await movedTo(2000)).toEqual(['2000-02-29', '2000-02-10', '2000-03-29']);
  });
});

describe('pack init: the parameters it overrides', () => {
  it('for the same year: every date parameter restated as it is, and no "plan.year" override', async () => {
    const { pack } = await scaffoldPack({ id: 'lang-son-2020-moi', base: langSon });
    const override = pack.parameters?.override ?? {};
    expect(Object.keys(override)).toEqual(DATE_PARAMS);
    expect(override['report.deadline']).toEqual({ value: '2020-11-30' });
    expect(override['study_tour.window_start']).toEqual({ value: '2020-08-01' });
  });

  it('for another year: the dates moved and "plan.year" set to that year, after the dates', async () => {
    const { pack } = await scaffoldPack({ id: 'lang-son-2023', base: langSon, year: 2023 });
    const override = pack.parameters?.override ?? {};
    expect(Object.keys(override)).toEqual([...DATE_PARAMS, 'plan.year']);
    expect(override['plan.year']).toEqual({ value: 2023 });
    expect(override['province_cadre.window_end']).toEqual({ value: '2023-10-31' });
  });

  it('a base without a "plan.year" parameter (and no rule that reads it) gets none, whatever the year', async () => {
    const needsYear = /"fact":"(age|attendedProvinceLevel|attendedClassThisYear)"/;
    const base = editedPack((p) => {
      delete p.parameters['plan.year'];
      p.rules = p.rules.filter((r: unknown) => !needsYear.test(JSON.stringify(r)));
    }) as Pack;
    const { pack } = await scaffoldPack({ id: 'tinh-thu-2021', base, year: 2021 });
    expect(Object.keys(pack.parameters?.override ?? {})).toEqual(DATE_PARAMS);
  });

  it('dated values move with the year: their dates, and their values when the parameter is a date; an amount of money stays as it is', async () => {
    const base = editedPack((p) => {
      p.parameters['budget.total'].values = [{ from: '2020-07-01', value: '9000000000', clause: 'KH.II.5.1' }];
      p.parameters['province_cadre.window_end'].values = [{ from: '2020-09-01', value: '2020-11-15', clause: 'KH.II.2.1.a' }];
    }) as Pack;
    const { pack } = await scaffoldPack({ id: 'tinh-thu-2021', base, year: 2021 });
    const override = pack.parameters?.override ?? {};
    expect(override['budget.total']).toEqual({ values: [{ from: '2021-07-01', value: '9000000000', clause: 'KH.II.5.1' }] });
    expect(override['province_cadre.window_end']).toEqual({ value: '2021-10-31', values: [{ from: '2021-09-01', value: '2021-11-15', clause: 'KH.II.2.1.a' }] });
  });
});

describe('pack init: the places file', () => {
  const places = (province?: { code: string; name: string }): Places => ({
    ...(province ? { province } : {}),
    source: 'Danh mục thử',
    districts: [
      { code: '040', name: 'Thành phố Cao Bằng', communes: [{ code: '01273', name: 'Phường Sông Hiến' }] },
      { code: '042', name: 'Huyện Bảo Lâm', communes: [{ code: '01290', name: 'Thị trấn Pác Miầu' }] },
    ],
  });
  const caoBang = { code: '04', name: 'Tỉnh Cao Bằng' };

  it('a places file without a province is given the new pack’s province; the sample person lives in its first commune', async () => {
    const { pack, tests } = await scaffoldPack({ id: 'cao-bang-2021', base: langSon, year: 2021, province: caoBang, places: places() });
    expect(pack.places).toEqual({ ...places(), province: caoBang });
    expect(inputOf(tests)).toMatchObject({ district: { code: '040' }, commune: { code: '01273' } });
  });

  it('a places file that names its province keeps it', async () => {
    const own = { code: '05', name: 'Tỉnh Thử' };
    const { pack } = await scaffoldPack({ id: 'cao-bang-2021', base: langSon, year: 2021, province: caoBang, places: places(own) });
    expect(pack.places).toEqual(places(own));
  });

  it('without a places file the pack has no "places" (it inherits the base’s)', async () => {
    const { pack } = await scaffoldPack({ id: 'cao-bang-2021', base: langSon, year: 2021, province: caoBang });
    expect(Object.hasOwn(pack, 'places')).toBe(false);
  });

  it('a places list not filled in yet (no districts, or a district without communes) still gives a sample person, in district 000 and commune 00000', async () => {
    const empty = { source: 'chưa có', districts: [] } as unknown as Places;
    const { tests } = await scaffoldPack({ id: 'cao-bang-2021', base: langSon, places: empty });
    expect(inputOf(tests)).toMatchObject({ district: { code: '000' }, commune: { code: '00000' } });
    const noCommunes = { source: 'chưa có', districts: [{ code: '040', name: 'Thành phố Cao Bằng', communes: [] }] } as unknown as Places;
    const again = await scaffoldPack({ id: 'cao-bang-2021', base: langSon, places: noCommunes });
    expect(inputOf(again.tests)).toMatchObject({ district: { code: '040' }, commune: { code: '00000' } });
  });
});

describe('pack init: the first test file', () => {
  it('holds one case: a 40-year-old woman with the base’s first role, from a programme commune, and what the base decides for her', async () => {
    const { tests } = await scaffoldPack({ id: 'lang-son-2021', base: langSon, year: 2021 });
    expect(tests.pack).toBe('lang-son-2021');
    expect(tests.cases).toHaveLength(1);
    const c = tests.cases[0];
    expect(c?.name).toBe('Bí thư Đảng ủy xã: recorded from lang-son-2020 when this pack was made; check it against your plan');
    expect(c && 'input' in c ? c.input : undefined).toMatchObject({
      id: 'MAU-1',
      name: 'Người mẫu',
      gender: 'female',
      birthYear: 1981,
      ethnicity: '07',
      role: 'party_secretary',
      district: { code: '000' },
      commune: { code: '00000', p135: { listed: true, struckOff: false } },
    });
    expect(c?.expected).toEqual({
      province_cadre: { eligible: true, because: [] },
      province_community: { eligible: false, because: ['province_community.role'] },
      district_cadre: { eligible: true, because: [] },
      commune_community: { eligible: false, because: ['commune_community.role', 'commune_community.not_cadre_or_civil_servant'] },
      study_tour: { eligible: false, because: ['study_tour.attended_class_this_year'] },
    });
  });

  it('names the case by the sample’s own role, in Vietnamese', async () => {
    const sample = {
      id: 'X-1',
      name: 'Nông Văn Thử',
      gender: 'male',
      birthYear: 1970,
      ethnicity: '07',
      role: 'committee_chair',
      district: { code: '180' },
      commune: { code: '05998', p135: { listed: true, struckOff: false } },
    } as const;
    const { tests } = await scaffoldPack({ id: 'lang-son-2021', base: langSon, year: 2021, sample });
    expect(tests.cases.map((c) => c.name)).toEqual(['Chủ tịch Ủy ban nhân dân xã: recorded from lang-son-2020 when this pack was made; check it against your plan']);
  });

  it('a base with no roles: the sample is "other", and the case is named by that code', async () => {
    const base = editedPack((p) => (p.roles = [])) as Pack;
    const { tests } = await scaffoldPack({ id: 'tinh-thu-2021', base, year: 2021 });
    const c = tests.cases[0];
    expect(c && 'input' in c ? c.input.role : undefined).toBe('other');
    expect(c?.name).toBe('other: recorded from lang-son-2020 when this pack was made; check it against your plan');
  });

  it('records the decision as of 31 December of the new year, so a value the base changes on 1 January of that year counts', async () => {
    const base = editedPack((p) => {
      const roles = p.parameters['roles.commune_cadre'];
      roles.values = [{ from: '2021-01-01', value: roles.value.filter((r: string) => r !== 'party_secretary'), clause: 'KH.II.2.1.a' }];
    }) as Pack;
    const { tests } = await scaffoldPack({ id: 'tinh-thu-2021', base, year: 2021 });
    const input = tests.cases[0] && 'input' in tests.cases[0] ? tests.cases[0].input : undefined;
    const asOfYearEnd = await decide(createRulebook(base, { asOf: '2021-12-31' }), input as never);
    expect(asOfYearEnd.tracks.find((t) => t.track === 'province_cadre')?.eligible).toBe(false);
    expect(tests.cases[0]?.expected).toMatchObject({ province_cadre: { eligible: false, because: ['province_cadre.role'] } });
  });
});
