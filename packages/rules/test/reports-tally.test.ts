import { describe, expect, it } from 'vitest';
import { createRulebook, type Pack, PlanSchema, type Plan } from '../src/index.js';
import { heading, heldClassFindings, heldClassRow, heldTourRow, overspentFindings, plannedFor, timeliness } from '../src/reports/district.js';
import type { HeldClass } from '../src/schemas/report-input.js';
import {
  asPlanClass,
  asPlanTour,
  classesByPlace,
  classesByTrack,
  daysBetween,
  packText,
  placeNames,
  reportFinding,
  spendingByLine,
  spendingTable,
  spentOf,
  tallyTrainees,
} from '../src/reports/tally.js';
import { book, editedPack, person } from './helpers.js';

/**
 * The small pieces both reports are made of (KH.III.1, KH.III.3), each on a few records written
 * here so every count can be checked by eye: who attended, classes planned against held, spending
 * against the estimate, the deadline, the printed heading.
 */

const held = (id: string, edit: Partial<HeldClass> = {}): HeldClass => ({
  id,
  planClass: id,
  track: 'commune_community',
  district: '180',
  commune: '05998',
  place: 'Nhà văn hóa',
  start: '2020-10-01',
  end: '2020-10-02',
  days: '2',
  trainees: [],
  spending: [],
  ...edit,
});

describe('who attended (tallyTrainees)', () => {
  const roster = new Map(
    [
      person({ id: 'W-1', gender: 'female', ethnicity: '01' }),
      person({ id: 'W-2', gender: 'female', ethnicity: '02' }),
      person({ id: 'M-1', gender: 'male', ethnicity: '11' }),
      person({ id: 'M-2', gender: 'male', ethnicity: '07' }),
    ].map((c) => [c.id, c] as const),
  );
  const criteria = new Map([
    ['W-1', new Map([['commune_community', ['priority.woman']]])],
    [
      'W-2',
      new Map([
        ['commune_community', ['priority.woman']],
        ['province_community', ['priority.woman', 'priority.young_cadre']],
      ]),
    ],
    ['M-1', new Map([['commune_community', ['priority.small_ethnic_minority']]])],
  ]);
  const classes = [
    held('X-1', { days: '2.5', trainees: ['W-1', 'M-1', 'W-1'] }),
    held('X-2', { days: '1.5', trainees: ['W-1', 'M-2', 'NOT-ON-ROSTER'] }),
    held('P-1', { track: 'province_community', days: '3', trainees: ['W-2', 'W-1'] }),
    held('H-1', { track: 'district_cadre', days: '1', trainees: [] }),
  ];
  const t = tallyTrainees(book, classes, roster, criteria);
  const row = (track: string) => t.byTrack.find((r) => r.track === track);

  it('counts people once per track and once in total; places taken per class; a name repeated in a class once', () => {
    expect(row('commune_community')).toMatchObject({ trainees: 4, attendances: 5 });
    expect(row('province_community')).toMatchObject({ trainees: 2, attendances: 2 });
    expect(t.total).toMatchObject({ track: 'total', label: { vi: 'Tổng cộng', en: 'Total' }, trainees: 5, attendances: 7 });
  });

  it('counts gender, minorities and very small groups of the people on the roster only', () => {
    expect(row('commune_community')).toMatchObject({ female: 1, male: 2, minority: 2, verySmall: 1 });
    expect(row('province_community')).toMatchObject({ female: 2, male: 0, minority: 1, verySmall: 0 });
    expect(t.total).toMatchObject({ female: 2, male: 2, minority: 3, verySmall: 1 });
  });

  it('counts trainee-days as Σ distinct trainees × days, exactly', () => {
    // 2 people × 2.5; X-2: 3 × 1.5; P-1: 2 × 3.
    expect(row('commune_community')?.traineeDays).toBe('9.5');
    expect(row('province_community')?.traineeDays).toBe('6');
    expect(t.total.traineeDays).toBe('15.5');
  });

  it('counts each priority criterion per track, and in total each person once per criterion', () => {
    const counts = (r: ReturnType<typeof row>) => Object.fromEntries((r?.priority ?? []).map((p) => [p.ruleId, p.trainees]));
    expect(counts(row('commune_community'))).toEqual({ 'priority.small_ethnic_minority': 1, 'priority.young_cadre': 0, 'priority.woman': 1 });
    expect(counts(row('province_community'))).toEqual({ 'priority.small_ethnic_minority': 0, 'priority.young_cadre': 1, 'priority.woman': 1 });
    expect(counts(t.total)).toEqual({ 'priority.small_ethnic_minority': 1, 'priority.young_cadre': 1, 'priority.woman': 2 });
  });

  it('a track no priority rule is for counts no criterion', () => {
    expect(row('district_cadre')?.priority).toEqual([]);
  });

  it('labels each criterion with its rule’s words, the per-person details left out', () => {
    const young = t.total.priority.find((p) => p.ruleId === 'priority.young_cadre');
    expect(young).toEqual({ ruleId: 'priority.young_cadre', clause: expect.any(String), label: { vi: 'Ưu tiên: cán bộ trẻ', en: 'Priority: young cadre' }, trainees: 1 });
    expect(t.total.priority.find((p) => p.ruleId === 'priority.woman')?.label).toEqual({ vi: 'Ưu tiên: phụ nữ', en: 'Priority: woman' });
  });

  it('has a row for each class track held, in the pack’s order, and none for a track not held', () => {
    expect(t.byTrack.map((r) => r.track)).toEqual(['province_community', 'district_cadre', 'commune_community']);
    expect(row('province_community')?.label.vi).toBe(book.track('province_community')?.label.vi);
    expect(tallyTrainees(book, [], roster, criteria)).toMatchObject({ byTrack: [], total: { trainees: 0, attendances: 0, traineeDays: '0' } });
  });
});

describe('classes planned against held', () => {
  const planned = PlanSchema.parse({
    classes: [
      { id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-01', end: '2020-10-02', days: '2', trainees: [] },
      { id: 'X-2', track: 'commune_community', district: '180', commune: '05999', start: '2020-10-01', end: '2020-10-02', days: '2', trainees: [] },
      { id: 'H-1', track: 'district_cadre', district: '180', start: '2020-10-01', end: '2020-10-04', days: '3.5', trainees: [] },
      { id: 'PC-1', track: 'province_cadre', district: '178', start: '2020-10-01', end: '2020-10-04', days: '4', trainees: [] },
    ],
  }).classes;
  const heldClasses = [held('X-1', { trainees: ['A', 'B', 'A'] }), held('X-9', { planClass: null, trainees: ['C'] }), held('H-1', { track: 'district_cadre', commune: undefined, days: '3' })];

  it('per track: planned, held, held of the plan, unplanned, and the planned ones not held', () => {
    expect(classesByTrack(book, planned, heldClasses)).toEqual([
      { track: 'province_cadre', label: book.track('province_cadre')?.label, clause: 'KH.II.2.1.a', planned: 1, held: 0, heldPlanned: 0, unplanned: 0, notHeld: ['PC-1'] },
      { track: 'district_cadre', label: book.track('district_cadre')?.label, clause: 'KH.II.2.2.a', planned: 1, held: 1, heldPlanned: 1, unplanned: 0, notHeld: [] },
      { track: 'commune_community', label: book.track('commune_community')?.label, clause: 'KH.II.2.2.b', planned: 2, held: 2, heldPlanned: 1, unplanned: 1, notHeld: ['X-2'] },
    ]);
  });

  it('a track held but not planned has its row; a track neither planned nor held has none', () => {
    const rows = classesByTrack(book, [], [held('P-9', { track: 'province_community', planClass: null })]);
    expect(rows.map((r) => [r.track, r.planned, r.held, r.unplanned])).toEqual([['province_community', 0, 1, 1]]);
  });

  it('rows of one place are in track order whatever order the plan lists them in', () => {
    const reversed = [planned[2], planned[0]].filter((c): c is (typeof planned)[number] => c !== undefined);
    expect(classesByPlace(book, reversed, [], (c) => c.district, new Map()).map((r) => r.track)).toEqual(['commune_community', 'district_cadre']);
  });

  it('per commune and track, in code order, with the trainees of the held classes and the name when known', () => {
    const rows = classesByPlace(book, planned, heldClasses, (c) => c.commune, new Map([['05998', 'Xã Khánh Long']]));
    expect(rows).toEqual([
      { code: '05998', name: 'Xã Khánh Long', track: 'commune_community', trackLabel: book.track('commune_community')?.label, planned: 1, held: 2, trainees: 3 },
      { code: '05999', track: 'commune_community', trackLabel: book.track('commune_community')?.label, planned: 1, held: 0, trainees: 0 },
    ]);
  });

  it('per district, tracks of one district in code order, a track the pack lacks labelled by its code', () => {
    const odd = [...heldClasses, held('Z-1', { track: 'evening', district: '179', planClass: null })];
    const rows = classesByPlace(book, planned, odd, (c) => c.district, new Map());
    expect(rows.map((r) => [r.code, r.track, r.planned, r.held])).toEqual([
      ['178', 'province_cadre', 1, 0],
      ['179', 'evening', 0, 1],
      ['180', 'commune_community', 2, 2],
      ['180', 'district_cadre', 1, 1],
    ]);
    expect(rows[1]?.trackLabel).toEqual({ vi: 'evening', en: 'evening' });
  });

  it('the plan’s classes a report answers for: a district’s own district and commune classes, or the province’s', () => {
    const plan = { classes: planned, studyTours: [], budget: [] } as Plan;
    expect(plannedFor(book, plan, '180').map((c) => c.id)).toEqual(['X-1', 'X-2', 'H-1']);
    expect(plannedFor(book, plan, '178').map((c) => c.id)).toEqual([]);
    expect(plannedFor(book, plan, null).map((c) => c.id)).toEqual(['PC-1']);
  });

  it('finds a class held shorter than planned, an unplanned class and a planned class not held, citing the track’s clause', () => {
    const planById = new Map(planned.map((c) => [c.id, c] as const));
    const found = heldClassFindings(book, planned.slice(0, 3), heldClasses, planById);
    expect(found.map((f) => [f.ruleId, f.clause, f.severity, f.where])).toEqual([
      ['report.finding.unplanned_class', 'KH.II.2.2.b', 'warning', { class: 'X-9', district: '180', commune: '05998' }],
      ['report.finding.shorter_than_planned', 'KH.II.2.2.a', 'error', { class: 'H-1', district: '180' }],
      ['report.finding.not_held', 'KH.II.2.2.b', 'warning', { class: 'X-2', district: '180', commune: '05999' }],
    ]);
    expect(found[1]?.message.vi).toBe('H-1: học 3 ngày, ít hơn kế hoạch (3,5 ngày, lớp H-1)');
    expect(found[0]?.message.vi).toBe(`X-9: ${book.track('commune_community')?.label.vi} không có trong kế hoạch`);
    expect(found[2]?.message.en).toBe(`X-2: a planned ${book.track('commune_community')?.label.en} class that is not reported as held`);
  });

  it('a class held as long as planned, or longer, is not shorter; one naming a class the plan lacks is left to parseResults; a track the pack lacks cites no clause', () => {
    const planById = new Map(planned.map((c) => [c.id, c] as const));
    const same = heldClassFindings(book, [], [held('H-1', { track: 'district_cadre', days: '3.5' }), held('X-1', { days: '2.5' })], planById);
    expect(same).toEqual([]);
    expect(heldClassFindings(book, [], [held('X-1', { planClass: 'GONE', days: '0.5' })], planById)).toEqual([]);
    const odd = heldClassFindings(book, [], [held('Z', { planClass: null, track: 'evening', district: undefined, commune: undefined })], planById);
    expect(odd.map((f) => [f.clause, f.where])).toEqual([['', { class: 'Z' }]]);
  });

  it('rows of held classes and tours: distinct trainees, planned days, what was spent', () => {
    const planById = new Map(planned.map((c) => [c.id, c] as const));
    const c = held('H-1', {
      track: 'district_cadre',
      district: undefined,
      commune: undefined,
      days: '3',
      trainees: ['A', 'A', 'B'],
      spending: [
        { line: 'NS-1', amount: '100' },
        { line: 'NS-2', amount: '250' },
      ],
    });
    expect(heldClassRow(c, '180', planById)).toEqual({
      id: 'H-1',
      planClass: 'H-1',
      track: 'district_cadre',
      district: '180',
      place: 'Nhà văn hóa',
      start: '2020-10-01',
      end: '2020-10-02',
      days: '3',
      plannedDays: '3.5',
      trainees: 2,
      spent: '350',
    });
    expect(heldClassRow({ ...c, planClass: null }, null, planById)).toMatchObject({ plannedDays: null });
    expect(heldClassRow({ ...c, planClass: 'GONE' }, null, planById)).toMatchObject({ plannedDays: null });
    expect(heldClassRow({ ...c, district: '181', commune: '06001' }, '180', planById)).toMatchObject({ district: '181', commune: '06001' });
    expect('district' in heldClassRow(c, null, planById)).toBe(false);
    const tour = { id: 'T-1', planTour: null, start: '2020-11-01', end: '2020-11-03', members: ['A', 'B', 'B'], spending: [{ line: 'NS-3', amount: '7' }] };
    expect(heldTourRow(tour, '180')).toEqual({ id: 'T-1', planTour: null, reportedBy: '180', start: '2020-11-01', end: '2020-11-03', members: 2, spent: '7' });
    expect(heldTourRow({ ...tour, destination: 'Hà Giang' }, null)).toMatchObject({ destination: 'Hà Giang', reportedBy: null });
  });

  it('held classes and tours become plan classes and tours for the pack’s check rules, the report’s district filling in', () => {
    expect(asPlanClass(held('X-1', { district: undefined, trainees: ['A'] }), '181')).toEqual({
      id: 'X-1',
      track: 'commune_community',
      district: '181',
      commune: '05998',
      start: '2020-10-01',
      end: '2020-10-02',
      days: '2',
      trainees: ['A'],
    });
    expect(asPlanClass(held('X-1'), '181').district).toBe('180');
    expect('district' in asPlanClass(held('X-1', { district: undefined, commune: undefined }), null)).toBe(false);
    expect('commune' in asPlanClass(held('X-1', { commune: undefined }), null)).toBe(false);
    const tour = { id: 'T-1', planTour: 'T-1', start: '2020-11-01', end: '2020-11-03', members: ['A'], spending: [] };
    expect(asPlanTour(tour)).toEqual({ id: 'T-1', start: '2020-11-01', end: '2020-11-03', members: ['A'] });
    expect(asPlanTour({ ...tour, destination: 'Cao Bằng' }).destination).toBe('Cao Bằng');
  });
});

describe('spending against the estimate, exact', () => {
  const budget = [
    { id: 'NS-1', category: 'commune_community', label: 'Lớp cấp xã', amount: '1000000' },
    { id: 'NS-2', category: 'study_tour', amount: '500' },
    { id: 'NS-3', category: 'district_cadre', amount: '300' },
  ];
  const items = [
    {
      spending: [
        { line: 'NS-1', amount: '999999' },
        { line: 'NS-2', amount: '400' },
      ],
    },
    {
      spending: [
        { line: 'NS-2', amount: '101' },
        { line: 'NS-1', amount: '1' },
      ],
    },
    { spending: [] },
  ];

  it('adds spending up by line and by item', () => {
    const spent = spendingByLine(items);
    expect([...spent].map(([k, v]) => [k, v.toFixed()])).toEqual([
      ['NS-1', '1000000'],
      ['NS-2', '501'],
    ]);
    expect(items.map(spentOf)).toEqual(['1000399', '102', '0']);
  });

  it('each line against its estimate: a line spent exactly is within, one đồng over is not; lines not spent show 0', () => {
    const table = spendingTable(budget, spendingByLine(items));
    expect(table.lines).toEqual([
      { line: 'NS-1', category: 'commune_community', label: 'Lớp cấp xã', estimate: '1000000', spent: '1000000', remaining: '0', within: true },
      { line: 'NS-2', category: 'study_tour', estimate: '500', spent: '501', remaining: '-1', within: false },
      { line: 'NS-3', category: 'district_cadre', estimate: '300', spent: '0', remaining: '300', within: true },
    ]);
    expect(table.total).toEqual({ estimate: '1000800', spent: '1000501', remaining: '299' });
  });

  it('only the lines chosen, the totals of those lines only', () => {
    const spent = spendingByLine(items);
    const table = spendingTable(budget, spent, (l) => spent.has(l.id));
    expect(table.lines.map((l) => l.line)).toEqual(['NS-1', 'NS-2']);
    expect(table.total).toEqual({ estimate: '1000500', spent: '1000501', remaining: '-1' });
  });

  it('a line over its estimate is an error citing the budget ceiling’s clause, the amounts in đồng', () => {
    const table = spendingTable(budget, spendingByLine(items));
    const found = overspentFindings(book, table.lines);
    expect(found).toEqual([
      {
        ruleId: 'report.finding.line_overspent',
        clause: book.pack.parameters[book.pack.budget.ceiling]?.clause,
        severity: 'error',
        message: expect.objectContaining({ vi: expect.stringMatching(/^Dòng dự toán NS-2: đã chi 501 .*, vượt dự toán 500 /) }),
        where: { budgetLines: ['NS-2'] },
      },
    ]);
  });
});

describe('the deadline (KH.III.3)', () => {
  it('on the deadline day is on time; a day after is one day late; not sent is missing', () => {
    expect(timeliness(book, '2020-11-30')).toEqual({ deadline: '2020-11-30', deadlineClause: 'KH.III.3', sentOn: '2020-11-30', status: 'on_time', daysLate: 0 });
    expect(timeliness(book, '2020-12-01')).toEqual({ deadline: '2020-11-30', deadlineClause: 'KH.III.3', sentOn: '2020-12-01', status: 'late', daysLate: 1 });
    expect(timeliness(book, '2021-01-01')).toMatchObject({ status: 'late', daysLate: 32 });
    expect(timeliness(book, '2020-11-20')).toMatchObject({ status: 'on_time', daysLate: 0 });
    expect(timeliness(book, null)).toEqual({ deadline: '2020-11-30', deadlineClause: 'KH.III.3', sentOn: null, status: 'missing', daysLate: 0 });
  });

  it('a pack with no deadline: never late, no clause', () => {
    const noDeadline = createRulebook(
      editedPack((p) => {
        delete p.parameters['report.deadline'];
      }) as Pack,
    );
    expect(timeliness(noDeadline, '2099-01-01')).toEqual({ deadline: null, deadlineClause: '', sentOn: '2099-01-01', status: 'on_time', daysLate: 0 });
  });

  it('counts days across months, years and a leap day', () => {
    expect(daysBetween('2020-11-30', '2020-11-30')).toBe(0);
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2021-02-28', '2021-03-01')).toBe(1);
    expect(daysBetween('2020-12-31', '2021-01-01')).toBe(1);
    expect(daysBetween('2020-12-01', '2020-11-30')).toBe(-1);
  });
});

describe('the printed heading and the pack’s words', () => {
  it('a district’s: its committee in capitals, its name in the dateline, the date in words', () => {
    const h = heading(book, 'district', 'Huyện Tràng Định', '2020-11-24', 'ghi chú');
    expect(h.issuer).toEqual({ vi: 'ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH', en: "PEOPLE'S COMMITTEE OF HUYỆN TRÀNG ĐỊNH" });
    expect(h.dateline).toEqual({ vi: 'Huyện Tràng Định, ngày 24 tháng 11 năm 2020', en: 'Huyện Tràng Định, 24 November 2020' });
    expect(h.title.vi).toContain('NĂM 2020 THUỘC');
    expect(h.recipient.vi).toBe('Kính gửi: Ban Dân tộc tỉnh Lạng Sơn');
    expect(h.motto.vi).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
    expect(h.signatures.map((s) => s.vi)).toEqual(['NGƯỜI LẬP BIỂU\n(Ký, ghi rõ họ tên)', 'THỦ TRƯỞNG ĐƠN VỊ\n(Ký tên, đóng dấu)']);
    expect(h.note).toBe('ghi chú');
  });

  it('the province’s: Ban Dân tộc as issuer, the province’s name without "Tỉnh" in the dateline, no note when none', () => {
    const h = heading(book, 'province', 'Tỉnh Lạng Sơn', '2020-12-05', undefined);
    expect(h.issuer.vi).toBe('BAN DÂN TỘC TỈNH LẠNG SƠN');
    expect(h.dateline.vi).toBe('Lạng Sơn, ngày 05 tháng 12 năm 2020');
    expect(h.recipient.vi).toBe('Kính gửi: Ủy ban nhân dân tỉnh Lạng Sơn; Ủy ban Dân tộc');
    expect(h.title.vi).toMatch(/^BÁO CÁO TỔNG HỢP/);
    expect('note' in h).toBe(false);
  });

  it('a message the pack lacks shows its id, so the gap is seen; a report finding is worded by its own message, dates as people write them', () => {
    expect(packText(book, 'report.no_such')).toEqual({ vi: '[report.no_such]', en: '[report.no_such]' });
    expect(packText(book, 'toString')).toEqual({ vi: '[toString]', en: '[toString]' });
    expect(reportFinding(book, 'report.finding.missing', 'KH.III.3', 'error', { district: '189' }, { districtName: 'Huyện Lộc Bình', deadline: '2020-11-30', asOf: '2020-12-05' })).toEqual({
      ruleId: 'report.finding.missing',
      clause: 'KH.III.3',
      severity: 'error',
      message: {
        vi: 'Huyện Lộc Bình chưa gửi báo cáo kết quả (hạn 30/11/2020, tổng hợp ngày 05/12/2020)',
        en: 'Huyện Lộc Bình has not sent its results report (deadline 30 November 2020, consolidated on 5 December 2020)',
      },
      where: { district: '189' },
    });
  });

  it('names places from the pack first, then from the roster’s records, the first one seen', () => {
    const places = { districts: [{ code: '180', name: 'Huyện Tràng Định', communes: [{ code: '05998', name: 'Xã Khánh Long' }] }] };
    const people = [
      person({ id: 'A', district: { code: '180', name: 'Tràng Định (sai)' }, commune: { code: '05998', name: 'Khánh Long (sai)', p135: { listed: true, struckOff: false } } }),
      person({ id: 'B', district: { code: '181', name: 'Huyện Bình Gia' }, commune: { code: '06001', name: 'Xã Hoa Thám', p135: { listed: true, struckOff: false } } }),
      person({ id: 'C', district: { code: '181', name: 'Bình Gia (sau)' }, commune: { code: '06001', name: 'Hoa Thám (sau)', p135: { listed: true, struckOff: false } } }),
      person({ id: 'D', district: { code: '182' }, commune: { code: '06002', p135: { listed: true, struckOff: false } } }),
    ];
    const names = placeNames(people, places as never);
    expect([...names.districts]).toEqual([
      ['180', 'Huyện Tràng Định'],
      ['181', 'Huyện Bình Gia'],
    ]);
    expect([...names.communes]).toEqual([
      ['05998', 'Xã Khánh Long'],
      ['06001', 'Xã Hoa Thám'],
    ]);
    expect(placeNames(people).districts.get('180')).toBe('Tràng Định (sai)');
  });
});

it('uses exact decimals for days (no float drift in 0.1 + 0.2)', () => {
  const t = tallyTrainees(book, [held('A', { days: '0.1', trainees: ['x'] }), held('B', { days: '0.2', trainees: ['x'] })], new Map(), new Map());
  expect(t.total.traineeDays).toBe('0.3');
});
