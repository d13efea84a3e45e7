import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Candidate, checkPlan, createRulebook, type Finding, parseCandidates, parsePlan, type Plan, type PlanInput, type PlanReport } from '../src/index.js';
import { book, pack, person } from './helpers.js';
import { smallPlan } from './plans.js';

const EXAMPLE = new URL('../../../examples/lang-son-2020/', import.meta.url);

const check = (plan: Plan) => checkPlan(book, plan);
const only = (r: PlanReport, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId);
const ids = (r: PlanReport) => r.findings.map((f) => f.ruleId);
/** Class-count and per-commune findings the small plan has by design (it is not the full plan). */
const BY_DESIGN = new Set([
  'plan.province_cadre.class_count',
  'plan.province_community.class_count',
  'plan.district_cadre.class_count',
  'plan.commune_community.class_count',
  'plan.study_tour.delegations',
]);
const news = (r: PlanReport) => r.findings.filter((f) => !BY_DESIGN.has(f.ruleId));

describe('the bundled example plan (2 + 4 + 10 + 212 classes, 3 study tours) is clean', () => {
  let plan: Plan;
  let roster: Candidate[];
  beforeAll(() => {
    roster = parseCandidates(JSON.parse(readFileSync(new URL('candidates.json', EXAMPLE), 'utf8')), book).value as Candidate[];
    plan = parsePlan(JSON.parse(readFileSync(new URL('plan.json', EXAMPLE), 'utf8')), book).value as Plan;
  }, 120_000);
  // Checked inside each test: a mutation run switches a mutant on per test, and a report made before the tests would not see it.
  const checked = () => checkPlan(book, plan, { candidates: roster });
  it('has no errors and no warnings', async () => {
    expect((await checked()).findings).toEqual([]);
  });
  it('has the plan’s class counts', async () => {
    const report = await checked();
    expect(report.counts.classesByTrack).toEqual({ province_cadre: 2, province_community: 4, district_cadre: 10, commune_community: 212 });
    expect(report.counts.studyTours).toBe(3);
  });
  it('sums its budget exactly, against 8,040 million VND and the 804 million study-tour cap', async () => {
    const report = await checked();
    expect(report.budget).toMatchObject({ total: '7980000000', ceiling: '8040000000', remaining: '60000000', withinCeiling: true });
    expect(report.budget.caps).toEqual([{ category: 'study_tour', clause: 'KH.II.5.2.c', total: '780000000', cap: '804000000', share: '0.1', base: '8040000000', within: true }]);
    expect(report.passed).toBe(true);
  });
});

describe('a small plan with one class of each track', () => {
  it('has only the findings it has by design', async () => {
    expect(news(await check(smallPlan()))).toEqual([]);
  });
});

describe('KH.II.2.1.a — 1 to 2 trainees per commune across the province cadre classes', () => {
  it('a third trainee from the same commune is an error located at the commune', async () => {
    const r = await check(
      smallPlan((p) => {
        for (const id of ['a3']) {
          p.candidates.push(person({ id, role: 'veterans_chair' }));
          p.classes[0]?.trainees.push(id);
        }
      }),
    );
    expect(only(r, 'commune.province_cadre.trainees_max')).toEqual([expect.objectContaining({ severity: 'error', clause: 'KH.II.2.1.a', where: { commune: '05998', communeName: 'Xã Khánh Long' } })]);
  });
  it('two trainees from one commune are fine', async () => {
    expect(only(await check(smallPlan()), 'commune.province_cadre.trainees_max')).toEqual([]);
  });
  it('a Program 135 commune with nobody in the province cadre classes is a warning', async () => {
    const r = await check(smallPlan((p) => p.candidates.push(person({ id: 'z1', role: 'citizen', commune: { code: '06001', p135: { listed: true, struckOff: false } } }))));
    expect(only(r, 'commune.province_cadre.trainees_min')).toEqual([expect.objectContaining({ severity: 'warning', where: { commune: '06001', communeName: 'Xã Đoàn Kết' } })]);
  });
  it('the warning states the fewest trainees a commune sends, from the parameter: a province that asks for 3 is told "chưa đủ 3"', async () => {
    const nobody = only(
      await check(smallPlan((p) => p.candidates.push(person({ id: 'z1', role: 'citizen', commune: { code: '06001', p135: { listed: true, struckOff: false } } })))),
      'commune.province_cadre.trainees_min',
    );
    expect(nobody[0]?.message.vi).toContain('Xã Đoàn Kết (06001) thuộc Chương trình 135 nhưng chưa đủ 1 học viên');
    const min = pack.parameters['province_cadre.trainees_per_commune_min'];
    const three = createRulebook({ ...pack, parameters: { ...pack.parameters, 'province_cadre.trainees_per_commune_min': { ...min, value: 3 } } } as typeof pack);
    // Commune 05998 sends two trainees: enough for Lạng Sơn's 1, not for 3.
    const r = await checkPlan(three, smallPlan());
    const short = only(r, 'commune.province_cadre.trainees_min').find((f) => f.where.commune === '05998');
    expect(short?.message.vi).toContain('chưa đủ 3 học viên');
    expect(short?.message.en).toContain('sends fewer than 3 trainee(s)');
    expect(only(await check(smallPlan()), 'commune.province_cadre.trainees_min').some((f) => f.where.commune === '05998')).toBe(false);
  });
});

describe('KH.II.2.2.a/b — nobody in a 2020 province class is also in a district or commune class', () => {
  it('a province-class trainee also in the district class is an error at the district class, citing KH.II.2.2.a', async () => {
    const r = await check(smallPlan((p) => p.classes[2]?.trainees.push('a1')));
    expect(only(r, 'roster.province_trainee_not_in_district_class')).toEqual([
      expect.objectContaining({ severity: 'error', clause: 'KH.II.2.2.a', where: { class: 'H-180', trainee: 'a1', traineeName: 'Hoàng Văn Thử' } }),
    ]);
  });
  it('one also in a commune class breaks KH.II.2.2.b (the commune class), not KH.II.2.2.a', async () => {
    const r = await check(smallPlan((p) => p.classes.find((c) => c.track === 'commune_community')?.trainees.push('a1')));
    const f = r.findings.filter((x) => x.ruleId.startsWith('roster.province_trainee_not_in_') && x.where.trainee === 'a1');
    expect(f).toEqual([expect.objectContaining({ ruleId: 'roster.province_trainee_not_in_commune_class', clause: 'KH.II.2.2.b' })]);
    expect(f[0]?.message.vi).toContain('Hoàng Văn Thử (a1)');
  });
});

describe('class counts per track, per district and per commune, against the plan', () => {
  it('the full plan has 212 commune classes; a plan with 1 is an error citing KH.II.2.2.b', async () => {
    expect(only(await check(smallPlan()), 'plan.commune_community.class_count')).toEqual([expect.objectContaining({ severity: 'error', clause: 'KH.II.2.2.b' })]);
  });
  it('a second district cadre class in one district is a warning (about 1 per district)', async () => {
    const r = await check(smallPlan((p) => p.classes.push({ ...structuredClone(p.classes[2] as PlanInput['classes'][number]), id: 'H-180-b', trainees: [] })));
    expect(only(r, 'district.district_cadre.classes_per_district')).toEqual([expect.objectContaining({ severity: 'warning', where: { district: '180', districtName: 'Huyện Tràng Định' } })]);
  });
  it('a third commune class in one commune is an error (1–2 per commune)', async () => {
    const r = await check(
      smallPlan((p) => {
        for (const id of ['X-05998-2', 'X-05998-3']) p.classes.push({ ...structuredClone(p.classes[3] as PlanInput['classes'][number]), id, trainees: [] });
      }),
    );
    expect(only(r, 'commune.commune_community.classes_max')).toEqual([expect.objectContaining({ severity: 'error', where: { commune: '05998', communeName: 'Xã Khánh Long' } })]);
  });
});

describe('class size against its target, with the 10% tolerance (assumption)', () => {
  const withSize = async (n: number) => {
    const r = await check(
      smallPlan((p) => {
        const cls = p.classes[2] as PlanInput['classes'][number];
        for (let i = 0; i < n - 1; i++) {
          p.candidates.push(person({ id: `s${i}`, role: 'police_chief' }));
          cls.trainees.push(`s${i}`);
        }
      }),
    );
    return only(r, 'class.district_cadre.size');
  };
  it('77 trainees for a target of 70 is exactly 10% over: fine', async () => {
    expect(await withSize(77)).toEqual([]);
  });
  it('78 trainees is more than 10% over: a warning naming the class', async () => {
    const [f] = await withSize(78);
    expect(f).toMatchObject({ severity: 'warning', clause: 'KH.II.2.2.a', where: { class: 'H-180' } });
    expect(f?.message.vi).toContain('78');
    expect(f?.message.en).toContain('10%');
  });
});

describe('days per class and dates inside their windows', () => {
  it('a commune class of 3 days is an error: the plan sets 2 days (KH.II.2.2.b)', async () => {
    const r = await check(smallPlan((p) => ((p.classes[3] as PlanInput['classes'][number]).days = '3')));
    const [f] = only(r, 'class.commune_community.days');
    expect(f).toMatchObject({ severity: 'error', clause: 'KH.II.2.2.b', where: { class: 'X-05998-1' } });
    expect(f?.message.vi).toContain('2 ngày');
  });
  it('3,5 days is written the Vietnamese way in a message', async () => {
    const r = await check(smallPlan((p) => ((p.classes[0] as PlanInput['classes'][number]).days = '4')));
    expect(only(r, 'class.province_cadre.days')[0]?.message.vi).toContain('3,5 ngày');
  });
  it('a class ending on 31 October is inside July–October; one ending on 1 November is not', async () => {
    expect(only(await check(smallPlan()), 'class.commune_community.window')).toEqual([]);
    const r = await check(smallPlan((p) => ((p.classes[3] as PlanInput['classes'][number]).end = '2020-11-01')));
    expect(only(r, 'class.commune_community.window')).toHaveLength(1);
  });
  it('a class starting in June is outside the window', async () => {
    const r = await check(smallPlan((p) => ((p.classes[0] as PlanInput['classes'][number]).start = '2020-06-30')));
    const [f] = only(r, 'class.province_cadre.window');
    expect(f?.message.vi).toContain('(30/06/2020 – 09/07/2020) nằm ngoài thời gian 01/07/2020 – 31/10/2020');
    expect(f?.message.en).toContain('(30 June 2020 – 9 July 2020) falls outside 1 July 2020 – 31 October 2020');
  });
});

describe('KH.II.3 — study tours: three delegations, August to November, of people who attended a 2020 class', () => {
  it('a tour in December is outside the window', async () => {
    const r = await check(smallPlan((p) => Object.assign(p.studyTours?.[0] ?? {}, { start: '2020-11-28', end: '2020-12-02' })));
    expect(only(r, 'study_tour.window')).toEqual([expect.objectContaining({ where: { studyTour: 'DOAN-1' } })]);
  });
  it('one delegation where the plan sends three is an error', async () => {
    expect(only(await check(smallPlan()), 'plan.study_tour.delegations')).toHaveLength(1);
  });
  it('a member who attended this plan’s district class may go; one in no class may not, with the reason', async () => {
    const r = await check(
      smallPlan((p) => {
        p.candidates.push(person({ id: 'e1', role: 'exemplary_citizen' }));
        p.studyTours?.[0]?.members.push('e1');
      }),
    );
    const f = only(r, 'roster.trainee_eligible.study_tour');
    expect(f).toEqual([expect.objectContaining({ clause: 'KH.II.3', where: { studyTour: 'DOAN-1', trainee: 'e1', traineeName: 'Hoàng Văn Thử' } })]);
    expect(f[0]?.reasons?.map((x) => x.ruleId)).toEqual(['study_tour.attended_class_this_year']);
  });
});

describe('KH.III.3 — every trainee is of the right kind for their class', () => {
  it('a citizen in a province cadre class is an error, with every reason why not', async () => {
    const r = await check(
      smallPlan((p) => {
        p.candidates.push(person({ id: 'x1', role: 'citizen', provinceTrainingYears: [2019] }));
        p.classes[0]?.trainees.push('x1');
      }),
    );
    const [f] = only(r, 'roster.trainee_eligible.province_cadre');
    // the finding cites the clause of the class it is about (KH.II.2.1.a), and names the person
    expect(f).toMatchObject({ severity: 'error', clause: 'KH.II.2.1.a', where: { class: 'PC-1', trainee: 'x1', traineeName: 'Hoàng Văn Thử' } });
    expect(f?.message.vi).toContain('Hoàng Văn Thử (x1)');
    expect(f?.reasons?.map((x) => x.ruleId).sort()).toEqual(['province_cadre.not_trained_at_province', 'province_cadre.role']);
  });
  it('a trainee id not on the roster is one error, not two', async () => {
    const r = await check(smallPlan((p) => p.classes[1]?.trainees.push('ghost')));
    expect(news(r).map((f: Finding) => [f.ruleId, f.where.trainee])).toEqual([['roster.trainee_known', 'ghost']]);
  });
});

describe('KH.II.5.1 and KH.II.5.2.c — the budget binds, exactly', () => {
  const budget = (lines: [string, string][]) => check(smallPlan((p) => (p.budget = lines.map(([category, amount], i) => ({ id: `NS-${i + 1}`, category, amount })))));
  it('lines totalling exactly 8,040,000,000 VND pass', async () => {
    const r = await budget([
      ['commune_community', '7236000000'],
      ['study_tour', '804000000'],
    ]);
    expect(ids(r)).not.toContain('budget.ceiling');
    expect(r.budget.withinCeiling).toBe(true);
    expect(r.budget.remaining).toBe('0');
  });
  it('one đồng over fails, citing KH.II.5.1, located at every budget line', async () => {
    const r = await budget([
      ['commune_community', '7236000001'],
      ['study_tour', '804000000'],
    ]);
    expect(only(r, 'budget.ceiling')).toEqual([expect.objectContaining({ severity: 'error', clause: 'KH.II.5.1', where: { budgetLines: ['NS-1', 'NS-2'] } })]);
    expect(only(r, 'budget.ceiling')[0]?.message.vi).toContain('8.040.000.001 đ');
    expect(r.budget.remaining).toBe('-1');
  });
  it('study tours at exactly 10% (804,000,000) pass; one đồng more fails, located at the study-tour lines', async () => {
    expect(ids(await budget([['study_tour', '804000000']]))).not.toContain('budget.cap.study_tour');
    const r = await budget([
      ['study_tour', '400000000'],
      ['management', '1'],
      ['study_tour', '404000001'],
    ]);
    expect(only(r, 'budget.cap.study_tour')).toEqual([expect.objectContaining({ clause: 'KH.II.5.2.c', where: { budgetLines: ['NS-1', 'NS-3'] } })]);
    expect(r.budget.caps[0]).toMatchObject({ total: '804000001', cap: '804000000', within: false });
  });
  // The plan's own figures: 8,040 million in all (KH.II.5.1), study tours at most 10% of it (KH.II.5.2.c).
  // The small plan has one class of each track and one delegation: checked with a pack whose counts
  // are those, nothing but the budget can fail. Other lines keep each case within the other limit.
  const counts = structuredClone(pack);
  for (const id of ['province_cadre.class_count', 'province_community.class_count', 'district_cadre.class_count', 'commune_community.class_count', 'study_tour.delegations']) {
    (counts.parameters[id] as { value: number }).value = 1;
  }
  const oneOfEach = createRulebook(counts);
  it.each([
    [
      'one đồng under the ceiling',
      [
        ['commune_community', '7235999999'],
        ['study_tour', '804000000'],
      ],
      [],
    ],
    [
      'exactly at the ceiling',
      [
        ['commune_community', '7236000000'],
        ['study_tour', '804000000'],
      ],
      [],
    ],
    [
      'one đồng over the ceiling',
      [
        ['commune_community', '7236000001'],
        ['study_tour', '804000000'],
      ],
      ['budget.ceiling'],
    ],
    ['study tours one đồng under 10%', [['study_tour', '803999999']], []],
    ['study tours exactly at 10%', [['study_tour', '804000000']], []],
    ['study tours one đồng over 10%', [['study_tour', '804000001']], ['budget.cap.study_tour']],
  ] as const)('%s: the report passes only within both, and says which failed', async (_, lines, failing) => {
    const plan = smallPlan((p) => (p.budget = lines.map(([category, amount], i) => ({ id: `NS-${i + 1}`, category, amount }))));
    const r = await checkPlan(oneOfEach, plan);
    expect(ids(r)).toEqual(failing);
    expect(r.passed).toBe(failing.length === 0);
    expect(r.errors).toBe(failing.length);
    expect(r.budget.withinCeiling).toBe(!(failing as readonly string[]).includes('budget.ceiling'));
    expect(r.budget.caps[0]).toMatchObject({ cap: '804000000', share: '0.1', base: '8040000000', within: !(failing as readonly string[]).includes('budget.cap.study_tour') });
  });
  it('a study tour over its cap is worded in the plan’s terms, in Vietnamese and English', async () => {
    const r = await budget([['study_tour', '880000000']]);
    expect(only(r, 'budget.cap.study_tour')[0]?.message).toEqual({
      vi: 'Kinh phí tham quan học tập 880.000.000 đ vượt 10% kinh phí Tiểu dự án 3 (8.040.000.000 đ): tối đa 804.000.000 đ',
      en: 'Study-tour spending of 880,000,000 VND exceeds 10% of the Sub-project 3 allocation (8,040,000,000 VND): at most 804,000,000 VND',
    });
  });
});
