import { describe, expect, it } from 'vitest';
import { districtReport, type Plan, PlanSchema, provinceReport, type Results, ResultsSchema } from '../src/index.js';
import { expectedDistricts } from '../src/reports/province.js';
import { book, person } from './helpers.js';

/**
 * A district's report and the province's consolidation (KH.III.1, KH.III.3) on a plan of four
 * classes and three reports written here, so that every count and finding can be checked by eye.
 */

const listed = { listed: true, struckOff: false };
const roster = [
  person({ id: 'a1', role: 'committee_chair', district: { code: '180' }, commune: { code: '05998', p135: listed } }),
  person({ id: 'a2', role: 'party_secretary', district: { code: '180' }, commune: { code: '05998', p135: listed } }),
  person({ id: 'c1', role: 'police_chief', gender: 'female', district: { code: '180' }, commune: { code: '05998', p135: listed } }),
  person({ id: 'c2', role: 'police_chief', district: { code: '181', name: 'Huyện Bình Gia' }, commune: { code: '06001', p135: listed } }),
  person({ id: 'd1', role: 'citizen', district: { code: '180' }, commune: { code: '05998', p135: listed } }),
];
const plan: Plan = PlanSchema.parse({
  classes: [
    { id: 'PC-1', track: 'province_cadre', district: '178', start: '2020-07-06', end: '2020-07-09', days: '3.5', trainees: ['a1', 'a2'] },
    { id: 'H-180', track: 'district_cadre', district: '180', start: '2020-09-07', end: '2020-09-10', days: '3.5', trainees: ['c1'] },
    { id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-01', end: '2020-10-02', days: '2', trainees: ['d1'] },
    { id: 'H-181', track: 'district_cadre', district: '181', start: '2020-09-07', end: '2020-09-10', days: '3.5', trainees: ['c2'] },
  ],
  budget: [
    { id: 'NS-1', category: 'district_cadre', amount: '1000' },
    { id: 'NS-2', category: 'commune_community', amount: '500' },
    { id: 'NS-3', category: 'province_cadre', amount: '700' },
  ],
});

const held = (id: string, track: string, edit: Record<string, unknown> = {}) => ({
  id,
  planClass: id,
  track,
  place: 'Hội trường',
  start: '2020-09-07',
  end: '2020-09-10',
  days: '3.5',
  trainees: [],
  spending: [],
  ...edit,
});
/** District 180: its district class (with a1, who the plan puts in the province class), its commune class, and one more. */
const report180 = (edit: Record<string, unknown> = {}): Results =>
  ResultsSchema.parse({
    district: '180',
    sentOn: '2020-11-25',
    note: 'báo cáo huyện',
    classes: [
      held('H-180', 'district_cadre', { district: '180', trainees: ['c1', 'a1'], spending: [{ line: 'NS-1', amount: '1200' }] }),
      held('X-1', 'commune_community', { district: '180', commune: '05998', start: '2020-10-01', end: '2020-10-02', days: '2', trainees: ['d1'], spending: [{ line: 'NS-2', amount: '400' }] }),
    ],
    ...edit,
  });
/** The province's own report (district null): the province cadre class. */
const provinceOwn = (edit: Record<string, unknown> = {}): Results =>
  ResultsSchema.parse({
    district: null,
    sentOn: '2020-11-20',
    classes: [held('PC-1', 'province_cadre', { district: '178', start: '2020-07-06', end: '2020-07-09', trainees: ['a1', 'a2'], spending: [{ line: 'NS-3', amount: '700' }] })],
    ...edit,
  });

describe('a district’s report', () => {
  it('finds a person the plan trains at the province in the district’s class, and only this district’s findings', async () => {
    const r = await districtReport(book, plan, report180(), { roster });
    const ids = r.findings.map((f) => f.ruleId);
    const a1 = r.findings.find((f) => f.where.trainee === 'a1');
    expect(a1).toMatchObject({ ruleId: 'roster.trainee_eligible.district_cadre', where: { class: 'H-180', trainee: 'a1' } });
    expect(a1?.reasons?.map((x) => x.ruleId)).toEqual(['district_cadre.not_trained_at_province']);
    // Without the plan's province class, nothing says a1 was trained at the province.
    const noProvince = { ...plan, classes: plan.classes.filter((c) => c.id !== 'PC-1') };
    expect((await districtReport(book, noProvince, report180(), { roster })).findings.filter((f) => f.where.trainee === 'a1')).toEqual([]);
    // Plan-wide counts and the province's classes are the consolidation's to judge.
    expect(ids.filter((id) => id.startsWith('plan.'))).toEqual([]);
    expect(ids.filter((id) => id.includes('province_cadre'))).toEqual([]);
  });

  it('spends against the lines it spent on only; a line over its estimate is an error', async () => {
    const r = await districtReport(book, plan, report180(), { roster });
    expect(r.spending.lines.map((l) => [l.line, l.spent, l.within])).toEqual([
      ['NS-1', '1200', false],
      ['NS-2', '400', true],
    ]);
    expect(r.findings.filter((f) => f.ruleId === 'report.finding.line_overspent').map((f) => f.where)).toEqual([{ budgetLines: ['NS-1'] }]);
  });

  it('is named from the report, else the places, else its code; on time or late by the deadline', async () => {
    expect((await districtReport(book, plan, report180(), { roster })).districtName).toBe('Huyện Tràng Định');
    expect((await districtReport(book, plan, report180({ districtName: 'Huyện TĐ' }), { roster })).districtName).toBe('Huyện TĐ');
    const late = await districtReport(book, plan, report180({ sentOn: '2020-12-02' }), { roster });
    expect(late.findings[0]).toMatchObject({ ruleId: 'report.finding.late', where: { district: '180' } });
    expect(late.findings[0]?.message.vi).toBe('Huyện Tràng Định gửi báo cáo kết quả ngày 02/12/2020, chậm 2 ngày so với hạn 30/11/2020');
    expect(late.errors).toBe(late.findings.filter((f) => f.severity === 'error').length);
    expect(late.heading.note).toBe('báo cáo huyện');
  });

  it('the province’s own report (district null) answers for the province’s classes, is never "late", and is issued by the pack’s issuer', async () => {
    const r = await districtReport(book, plan, provinceOwn({ sentOn: '2020-12-15' }), { roster });
    expect(r.districtName).toBe(book.pack.meta.issuer);
    expect(r.findings.map((f) => f.ruleId)).not.toContain('report.finding.late');
    expect(r.classes.byTrack.map((t) => [t.track, t.planned, t.held])).toEqual([['province_cadre', 1, 1]]);
    expect(r.heading.issuer.vi).toBe('BAN DÂN TỘC TỈNH LẠNG SƠN');
    expect(r.findings.filter((f) => f.ruleId.startsWith('district.') || f.ruleId.includes('district_cadre'))).toEqual([]);
  });
});

describe('a district’s report, what it lists', () => {
  const withTour = () =>
    report180({
      studyTours: [{ id: 'T-1', planTour: null, destination: 'Hà Giang', start: '2020-11-02', end: '2020-11-05', members: ['c1', 'c1', 'd1'], spending: [{ line: 'NS-1', amount: '50' }] }],
    });

  it('its held classes, tours and communes as rows, its counts of errors and warnings', async () => {
    const r = await districtReport(book, plan, withTour(), { roster });
    expect(r.kind).toBe('district');
    expect(r.heading.issuer.vi).toBe('ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH');
    expect(r.classes.held.map((c) => [c.id, c.trainees, c.spent, c.plannedDays])).toEqual([
      ['H-180', 2, '1200', '3.5'],
      ['X-1', 1, '400', '2'],
    ]);
    expect(r.studyTours).toEqual([{ id: 'T-1', planTour: null, reportedBy: '180', destination: 'Hà Giang', start: '2020-11-02', end: '2020-11-05', members: 2, spent: '50' }]);
    expect(r.classes.byCommune.map((x) => [x.code, x.track, x.planned, x.held, x.trainees])).toEqual([['05998', 'commune_community', 1, 1, 1]]);
    expect(r.errors).toBe(r.findings.filter((f) => f.severity === 'error').length);
    expect(r.warnings).toBe(r.findings.filter((f) => f.severity === 'warning').length);
    expect(r.errors + r.warnings).toBe(r.findings.length);
  });

  it('counts each attendee’s priority criteria as decide finds them, and keeps them for the next report', async () => {
    const women = roster.map((c) => (c.id === 'd1' ? { ...c, gender: 'female' as const } : c));
    const criteria = new Map();
    const base = report180();
    const withGhost = { ...base, classes: base.classes.map((c) => (c.id === 'X-1' ? { ...c, trainees: [...c.trainees, 'ghost'] } : c)) };
    const r = await districtReport(book, plan, withGhost, { roster: women, criteria });
    const commune = r.trainees.byTrack.find((t) => t.track === 'commune_community');
    expect(commune?.priority.find((p) => p.ruleId === 'priority.woman')?.trainees).toBe(1);
    expect(criteria.get('d1')?.get('commune_community')).toContain('priority.woman');
    const men = new Map();
    await districtReport(book, plan, report180(), { roster, criteria: men });
    expect(men.get('d1')?.get('commune_community') ?? []).not.toContain('priority.woman');
    expect(criteria.has('c1')).toBe(true);
    expect(criteria.get('c1')?.has('district_cadre')).toBe(false);
    expect(criteria.has('ghost')).toBe(false);
  });
});

describe('the consolidation', () => {
  it('expects a report from each district the plan gives district or commune classes', () => {
    expect(expectedDistricts(book, plan)).toEqual(['180', '181']);
  });

  it('lists each district as on time, late or missing, with what it held, spent and was found', async () => {
    const r = await provinceReport(book, plan, [report180(), provinceOwn()], { roster, asOf: '2020-12-05' });
    expect(r.districts.map((d) => [d.district, d.districtName, d.status, d.held, d.trainees, d.spent])).toEqual([
      ['180', 'Huyện Tràng Định', 'on_time', 2, 3, '1600'],
      ['181', 'Huyện Bình Gia', 'missing', 0, 0, '0'],
    ]);
    expect(r.missing).toEqual(['181']);
    expect(r.late).toEqual([]);
    const d180 = r.districts[0];
    const of180 = r.findings.filter((f) => f.where.district === '180' || f.where.class === 'H-180' || f.where.class === 'X-1' || f.where.commune === '05998');
    expect(d180?.errors).toBe(of180.filter((f) => f.severity === 'error').length);
    expect(d180?.warnings).toBe(of180.filter((f) => f.severity === 'warning').length);
    expect(d180?.errors).toBeGreaterThan(0);
    expect(r.findings.find((f) => f.ruleId === 'report.finding.missing')?.message.vi).toBe('Huyện Bình Gia chưa gửi báo cáo kết quả (hạn 30/11/2020, tổng hợp ngày 05/12/2020)');
  });

  it('a district’s errors and warnings count the findings on its classes and its communes; a class written without its district is the report’s', async () => {
    const base = report180();
    const busy = report180({
      classes: [
        ...base.classes,
        held('X-2', 'commune_community', { planClass: null, district: '180', commune: '05998', start: '2020-10-05', end: '2020-10-06', days: '2' }),
        held('X-3', 'commune_community', { planClass: null, commune: '05998', start: '2020-10-07', end: '2020-10-08', days: '2' }),
      ],
    });
    const r = await provinceReport(book, plan, [busy, provinceOwn()], { roster });
    const commune = r.findings.filter((f) => f.ruleId === 'commune.commune_community.classes_max');
    expect(commune.map((f) => f.where.commune)).toEqual(['05998']);
    const unplanned = r.findings.filter((f) => f.ruleId === 'report.finding.unplanned_class');
    expect(unplanned.map((f) => [f.where.class, f.severity])).toEqual([
      ['X-2', 'warning'],
      ['X-3', 'warning'],
    ]);
    const d180 = r.districts.find((d) => d.district === '180');
    const of180 = r.findings.filter((f) => f.where.district === '180' || ['H-180', 'X-1', 'X-2', 'X-3'].includes(f.where.class ?? '') || f.where.commune === '05998');
    expect(d180).toMatchObject({ held: 4, errors: of180.filter((f) => f.severity === 'error').length, warnings: of180.filter((f) => f.severity === 'warning').length });
    expect(d180?.warnings).toBeGreaterThanOrEqual(2);
    expect(r.classes.byDistrict.find((x) => x.code === '180' && x.track === 'commune_community')).toMatchObject({ planned: 1, held: 3 });
  });

  it('a late district counts its lateness among its errors', async () => {
    const onTime = await provinceReport(book, plan, [report180(), provinceOwn()], { roster });
    const late = await provinceReport(book, plan, [report180({ sentOn: '2020-12-01' }), provinceOwn()], { roster });
    expect(late.late).toEqual(['180']);
    expect(late.districts[0]?.errors).toBe((onTime.districts[0]?.errors as number) + 1);
    expect(late.districts[0]).toMatchObject({ status: 'late', daysLate: 1 });
  });

  it('is dated the last day a report was sent unless told; its note is the province’s own, else the first report’s', async () => {
    const r = await provinceReport(book, plan, [report180(), provinceOwn()], { roster });
    expect(r.asOf).toBe('2020-11-25');
    expect(r.heading.dateline.vi).toBe('Lạng Sơn, ngày 25 tháng 11 năm 2020');
    expect(r.heading.note).toBe('báo cáo huyện');
    expect((await provinceReport(book, plan, [report180(), provinceOwn({ note: 'của tỉnh' })], { roster })).heading.note).toBe('của tỉnh');
    expect((await provinceReport(book, plan, [], { roster })).asOf).toBe('0000-01-01');
  });

  it('a person reported by two districts is one finding naming both; the province’s own report does not count', async () => {
    const other: Results = ResultsSchema.parse({
      district: '181',
      sentOn: '2020-11-20',
      classes: [held('H-181', 'district_cadre', { district: '181', trainees: ['c2', 'c1'] })],
    });
    const r = await provinceReport(book, plan, [report180(), other, provinceOwn()], { roster });
    const twice = r.findings.filter((f) => f.ruleId === 'report.finding.reported_twice');
    expect(twice.map((f) => f.where)).toEqual([{ trainee: 'c1', district: '180' }]);
    expect(twice[0]?.message.vi).toBe('Học viên c1 được báo cáo ở nhiều huyện: Huyện Tràng Định, Huyện Bình Gia; chỉ tính một lần');
    expect(r.trainees.reportedTwice).toBe(1);
    // a1 is in the province's own class and in district 180's: not "two districts".
    expect(twice.some((f) => f.where.trainee === 'a1')).toBe(false);
  });

  it('targets as rates: held ÷ the pack’s count, attendances ÷ held, exact', async () => {
    const r = await provinceReport(book, plan, [report180(), provinceOwn()], { roster });
    const t = (track: string) => r.targets.find((x) => x.track === track);
    expect(t('province_cadre')).toMatchObject({ targetClasses: 2, held: 1, rate: '0.5000', attendances: 2, averageSize: '2.00', targetSize: Number(book.params['province_cadre.class_size']) });
    expect(t('district_cadre')).toMatchObject({ targetClasses: 10, held: 1, rate: '0.1000', attendances: 2, averageSize: '2.00' });
    expect(t('commune_community')).toMatchObject({ held: 1, attendances: 1, averageSize: '1.00' });
    expect(t('province_community')).toMatchObject({ held: 0, averageSize: null, rate: '0.0000' });
    expect(r.targets.map((x) => x.track)).toEqual(['province_cadre', 'province_community', 'district_cadre', 'commune_community']);
  });

  it('spending per line and in total, and the budget against the ceiling, from what was spent', async () => {
    const r = await provinceReport(book, plan, [report180(), provinceOwn()], { roster });
    expect(r.spending.lines.map((l) => [l.line, l.estimate, l.spent])).toEqual([
      ['NS-1', '1000', '1200'],
      ['NS-2', '500', '400'],
      ['NS-3', '700', '700'],
    ]);
    expect(r.spending.total).toEqual({ estimate: '2200', spent: '2300', remaining: '-100' });
    expect(r.budget.total).toBe('2300');
    expect(r.findings.filter((f) => f.ruleId === 'report.finding.line_overspent').map((f) => f.where.budgetLines)).toEqual([['NS-1']]);
  });

  it('classes per district and track, the province’s own by the district they were held in', async () => {
    const r = await provinceReport(book, plan, [report180(), provinceOwn()], { roster });
    expect(r.classes.byDistrict.map((x) => [x.code, x.track, x.planned, x.held])).toEqual([
      ['178', 'province_cadre', 1, 1],
      ['180', 'commune_community', 1, 1],
      ['180', 'district_cadre', 1, 1],
      ['181', 'district_cadre', 1, 0],
    ]);
    expect(r.classes.byTrack.find((x) => x.track === 'district_cadre')).toMatchObject({ planned: 2, held: 1, notHeld: ['H-181'] });
    expect(r.errors).toBe(r.findings.filter((f) => f.severity === 'error').length);
    expect(r.warnings).toBe(r.findings.filter((f) => f.severity === 'warning').length);
  });
});
