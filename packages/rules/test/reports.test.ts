import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Candidate,
  type DistrictReport,
  DistrictReportSchema,
  districtReport,
  ETHNIC_GROUPS,
  parseCandidates,
  parsePlan,
  parseResults,
  type Plan,
  type ProvinceReport,
  ProvinceReportSchema,
  provinceReport,
  type Results,
} from '../src/index.js';
import { book } from './helpers.js';

const EXAMPLE = new URL('../../../examples/lang-son-2020/', import.meta.url);
const readJson = (name: string) => JSON.parse(readFileSync(new URL(name, EXAMPLE), 'utf8'));

let plan: Plan;
let roster: Candidate[];
let rosterById: Map<string, Candidate>;
let raw: Record<string, Results>;
let results: Results[];

beforeAll(async () => {
  plan = parsePlan(readJson('plan.json'), book).value as Plan;
  roster = parseCandidates(readJson('candidates.json'), book).value as Candidate[];
  rosterById = new Map(roster.map((c) => [c.id, c]));
  raw = {};
  results = [];
  for (const f of readdirSync(new URL('results/', EXAMPLE))
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const r = parseResults(readJson(`results/${f}`), book, { plan, roster });
    expect(r.errors).toEqual([]);
    raw[f] = r.value as Results;
    results.push(r.value as Results);
  }
}, 120_000);

/**
 * The reports are made inside each test, not once before them: mutation testing switches a mutant
 * on per test, so a report made before the tests would never see it (and every assertion on it
 * would pass whatever the code did).
 */
const report180 = (): Promise<DistrictReport> => districtReport(book, plan, raw['district-180.json'] as Results, { roster });
const consolidated = (): Promise<ProvinceReport> => provinceReport(book, plan, results, { roster });

/** Independent sums over the raw results, with BigInt for money. */
const sumMoney = (rs: readonly Results[]) => rs.flatMap((r) => [...r.classes, ...r.studyTours]).reduce((s, x) => s + x.spending.reduce((t, sp) => t + BigInt(sp.amount), 0n), 0n);
/** Σ distinct trainees × days, in tenths of a day (the example's days are whole or half). */
const traineeDayTenths = (rs: readonly Results[]) => rs.flatMap((r) => r.classes).reduce((s, c) => s + new Set(c.trainees).size * Math.round(Number(c.days) * 10), 0);
const tenths = (d: string) => Math.round(Number(d) * 10);

describe('the example results', () => {
  it('are labelled as an example in every file', () => {
    for (const r of results) expect(r.note).toMatch(/VÍ DỤ MINH HỌA.*EXAMPLE/);
  });
});

describe('a district report, from the example', () => {
  it('matches its schema (what the API will document)', async () => {
    const district180 = await report180();
    expect(DistrictReportSchema.safeParse(district180).success).toBe(true);
  });

  it('counts classes planned and held, per track, as the plan and the results say', async () => {
    const district180 = await report180();
    const r = raw['district-180.json'] as Results;
    for (const row of district180.classes.byTrack) {
      const planned = plan.classes.filter((c) => c.district === '180' && c.track === row.track);
      expect(row.planned).toBe(planned.length);
      expect(row.held).toBe(r.classes.filter((c) => c.track === row.track).length);
      expect(row.unplanned).toBe(r.classes.filter((c) => c.track === row.track && c.planClass === null).length);
    }
    expect(district180.classes.held.length).toBe(r.classes.length);
  });

  it('counts trainees, gender, minorities and trainee-days exactly', async () => {
    const district180 = await report180();
    const r = raw['district-180.json'] as Results;
    const people = new Set(r.classes.flatMap((c) => c.trainees));
    const persons = [...people].map((id) => rosterById.get(id) as Candidate);
    const minority = new Set(ETHNIC_GROUPS.filter((g) => g.minority).map((g) => g.code));
    const t = district180.trainees.total;
    expect(t.trainees).toBe(people.size);
    expect(t.female).toBe(persons.filter((p) => p.gender === 'female').length);
    expect(t.female + t.male).toBe(people.size);
    expect(t.minority).toBe(persons.filter((p) => minority.has(p.ethnicity)).length);
    expect(tenths(t.traineeDays)).toBe(traineeDayTenths([r]));
    expect(district180.trainees.byTrack.reduce((s, x) => s + x.attendances, 0)).toBe(t.attendances);
  });

  it('adds up spending per line, exactly, against the estimate', async () => {
    const district180 = await report180();
    const r = raw['district-180.json'] as Results;
    expect(BigInt(district180.spending.total.spent)).toBe(sumMoney([r]));
    for (const line of district180.spending.lines) {
      const estimate = BigInt(plan.budget.find((b) => b.id === line.line)?.amount ?? '0');
      expect(BigInt(line.estimate)).toBe(estimate);
      expect(BigInt(line.remaining)).toBe(estimate - BigInt(line.spent));
    }
  });

  it('finds the class held shorter than planned and the unplanned class, citing their clauses', async () => {
    const district180 = await report180();
    const shorter = district180.findings.find((f) => f.ruleId === 'report.finding.shorter_than_planned');
    expect(shorter).toMatchObject({ clause: 'KH.II.2.2.b', severity: 'error', where: { class: 'X-05998-1' } });
    expect(shorter?.message.vi).toContain('1,5 ngày');
    expect(district180.findings.some((f) => f.ruleId === 'report.finding.unplanned_class')).toBe(true);
  });

  it('takes eligibility from decide: the ineligible attendee is found with the rules that failed', async () => {
    const r = results.find((x) => x.classes.some((c) => c.trainees.includes('LS-016484'))) as Results;
    const report = await districtReport(book, plan, r, { roster });
    const f = report.findings.find((x) => x.ruleId.startsWith('roster.trainee_eligible.') && x.where.trainee === 'LS-016484');
    expect(f?.clause).toBe('KH.II.2.2.b');
    expect(f?.reasons?.map((x) => x.ruleId)).toContain('commune_community.role');
  });

  it('says when a district is late, with the deadline from the pack', async () => {
    const district180 = await report180();
    const late = await districtReport(book, plan, raw['district-183.json'] as Results, { roster });
    expect(late.timeliness).toMatchObject({ deadline: '2020-11-30', status: 'late', daysLate: 4, deadlineClause: 'KH.III.3' });
    expect(late.findings[0]).toMatchObject({ ruleId: 'report.finding.late', clause: 'KH.III.3', where: { district: '183' } });
    expect(district180.timeliness.status).toBe('on_time');
  });

  it('has the printed heading from the pack’s words', async () => {
    const district180 = await report180();
    expect(district180.heading.issuer.vi).toBe('ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH');
    expect(district180.heading.title.vi).toContain('NĂM 2020');
    expect(district180.heading.signatures).toHaveLength(2);
  });
});

describe('the provincial consolidation, from the example', () => {
  it('matches its schema', async () => {
    expect(ProvinceReportSchema.safeParse(await consolidated()).success).toBe(true);
  });

  it('lists the missing and the late district where a reader looks, and a finding for each', async () => {
    const province = await consolidated();
    expect(province.missing).toEqual(['189']);
    expect(province.late).toEqual(['183']);
    expect(province.districts.find((d) => d.district === '189')).toMatchObject({ status: 'missing', sentOn: null, held: 0 });
    expect(province.findings.filter((f) => f.ruleId === 'report.finding.missing').map((f) => f.where.district)).toEqual(['189']);
    expect(province.findings.filter((f) => f.ruleId === 'report.finding.late').map((f) => f.where.district)).toEqual(['183']);
  });

  it('finds the person reported by two districts', async () => {
    const province = await consolidated();
    const byDistrict = new Map<string, Set<string>>();
    for (const r of results) if (r.district) for (const c of r.classes) for (const id of c.trainees) (byDistrict.get(id) ?? byDistrict.set(id, new Set()).get(id))?.add(r.district);
    const twice = [...byDistrict].filter(([, ds]) => ds.size > 1).map(([id]) => id);
    expect(twice).toEqual(['LS-001471']);
    expect(province.trainees.reportedTwice).toBe(1);
    const f = province.findings.find((x) => x.ruleId === 'report.finding.reported_twice');
    expect(f).toMatchObject({ clause: 'KH.III.1', severity: 'error', where: { trainee: 'LS-001471' } });
    expect(f?.message.vi).toContain('Huyện Tràng Định, Huyện Bình Gia');
  });

  it('puts study tours over their 10% cap, exactly, in the budget and the findings', async () => {
    const province = await consolidated();
    const tours = results.flatMap((r) => r.studyTours).reduce((s, t) => s + t.spending.reduce((x, sp) => x + BigInt(sp.amount), 0n), 0n);
    const cap = province.budget.caps.find((c) => c.category === 'study_tour');
    expect(BigInt(cap?.total ?? '0')).toBe(tours);
    expect(cap?.cap).toBe('804000000');
    expect(cap?.within).toBe(false);
    expect(province.findings.some((f) => f.ruleId === 'budget.cap.study_tour' && f.clause === 'KH.II.5.2.c')).toBe(true);
    expect(province.findings.some((f) => f.ruleId === 'report.finding.line_overspent' && f.where.budgetLines?.[0] === 'NS-16')).toBe(true);
  });

  it('adds up the budget execution against 8,040,000,000 đ exactly', async () => {
    const province = await consolidated();
    const spent = sumMoney(results);
    expect(BigInt(province.budget.total)).toBe(spent);
    expect(BigInt(province.spending.total.spent)).toBe(spent);
    expect(province.budget.ceiling).toBe('8040000000');
    expect(BigInt(province.budget.remaining)).toBe(8_040_000_000n - spent);
    const estimate = plan.budget.reduce((s, l) => s + BigInt(l.amount), 0n);
    expect(BigInt(province.spending.total.estimate)).toBe(estimate);
  });

  it('gives targets against what was done as rates (2 + 4 + 10 + 212 classes)', async () => {
    const province = await consolidated();
    const held = (track: string) => results.flatMap((r) => r.classes).filter((c) => c.track === track).length;
    expect(province.targets.map((t) => [t.track, t.targetClasses])).toEqual([
      ['province_cadre', 2],
      ['province_community', 4],
      ['district_cadre', 10],
      ['commune_community', 212],
    ]);
    for (const t of province.targets) {
      expect(t.held).toBe(held(t.track));
      expect(t.rate).toBe((held(t.track) / t.targetClasses).toFixed(4));
    }
    expect(province.targets.find((t) => t.track === 'district_cadre')?.rate).toBe('0.9000');
  });

  it('totals trainees across districts, each person once', async () => {
    const province = await consolidated();
    const people = new Set(results.flatMap((r) => r.classes.flatMap((c) => c.trainees)));
    expect(province.trainees.total.trainees).toBe(people.size);
    expect(tenths(province.trainees.total.traineeDays)).toBe(traineeDayTenths(results));
    const byDistrictHeld = province.districts.reduce((s, d) => s + d.held, 0);
    const provinceOwn = (results.find((r) => r.district === null) as Results).classes.length;
    expect(byDistrictHeld + provinceOwn).toBe(results.reduce((s, r) => s + r.classes.length, 0));
  });
});

describe('bad results input', () => {
  const good = () => JSON.parse(JSON.stringify(raw['district-180.json']));

  it('is refused with paths and Vietnamese-first messages, never thrown', () => {
    const bad = good();
    bad.sentOn = '2020-11-31';
    bad.classes[0].spending[0].amount = '1e5';
    bad.classes[1].days = 'two';
    const r = parseResults(bad, book, { plan, roster });
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['$.sentOn', '$.classes[0].spending[0].amount', '$.classes[1].days']));
    for (const e of r.errors) expect(e.message.vi.length).toBeGreaterThan(0);
  });

  it('resolves trainees, plan classes and budget lines against the roster and plan', () => {
    const bad = good();
    bad.classes[0].trainees.push('NO-SUCH');
    bad.classes[1].planClass = 'X-99999-9';
    bad.classes[2].spending[0].line = 'NS-99';
    bad.classes[3].track = 'evening_class';
    const r = parseResults(bad, book, { plan, roster });
    const found = r.errors.map((e) => `${e.path} ${e.code}`);
    expect(found).toContain(`$.classes[0].trainees[${bad.classes[0].trainees.length - 1}] input.unknown_trainee`);
    expect(found).toContain('$.classes[1].planClass input.unknown_plan_class');
    expect(found).toContain('$.classes[2].spending[0].line input.unknown_budget_line');
    expect(found).toContain('$.classes[3].track input.unknown_track');
  });

  it('refuses non-objects, hostile keys and a class of another district', () => {
    expect(parseResults(null).errors[0]?.path).toBe('$');
    expect(parseResults(JSON.parse('{"__proto__": {"x": 1}}')).value).toBeUndefined();
    const bad = good();
    bad.classes[0].district = '181';
    expect(parseResults(bad, book).errors.map((e) => e.code)).toContain('input.other_district');
  });
});
