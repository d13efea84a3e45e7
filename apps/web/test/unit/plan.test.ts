import { checkPlan, type Finding, ROSTER_NOT_THIS_PLAN } from '@p135/rules';
import { describe, expect, it } from 'vitest';
import { categoryLabel, districtOfWhere, findingsOfDistrict, groupFindings, severityCounts, splitFindings, whereText, withoutRosterFindings } from '../../src/lib/findings';
import { classesByDistrict, plannedByTrack, topTallies, traineeStats } from '../../src/lib/plan-stats';
import { districtOfCommune } from '../../src/lib/units';
import { book, examplePlan, exampleRoster } from './helpers';

const plan = examplePlan();

describe('plan statistics', () => {
  it('counts classes per track (delegations for the study-tour track) as the plan check does', async () => {
    const planned = plannedByTrack(book, plan);
    const report = await checkPlan(book, plan, { candidates: exampleRoster() });
    for (const [track, n] of Object.entries(report.counts.classesByTrack)) expect(planned.get(track)).toBe(n);
    expect(planned.get('study_tour')).toBe(report.counts.studyTours);
  });

  it('counts classes per district and track, districts in code order', () => {
    const byDistrict = classesByDistrict(plan);
    expect([...byDistrict.keys()]).toEqual([...byDistrict.keys()].sort());
    expect(byDistrict.get('180')?.get('district_cadre')).toBe(1);
    const total = [...byDistrict.values()].reduce((n, m) => n + [...m.values()].reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(plan.classes.length);
  });

  it('tallies trainees by group, gender and ethnicity from the roster; unknown ids apart', () => {
    const roster = exampleRoster();
    const full = traineeStats(book, plan, roster);
    expect(full.byGender.reduce((n, t) => n + t.count, 0)).toBe(full.total);
    expect(full.byGender.map((t) => t.key)).toEqual(['female', 'male']);
    expect(full.byGroup.map((g) => g.key)).toEqual(['cadre', 'community', 'study_tour']);
    const partial = traineeStats(book, plan, roster.slice(0, 100));
    expect(partial.byGender.find((t) => t.key === 'unknown')?.count).toBeGreaterThan(0);
    const top = topTallies(partial.byEthnicity, 3);
    expect(top.at(-1)?.key).toBe('unknown');
    expect(top.reduce((n, t) => n + t.count, 0)).toBe(partial.total);
  });
});

describe('findings', () => {
  const f = (ruleId: string, severity: Finding['severity'], where: Finding['where']): Finding => ({ ruleId, clause: 'KH.II.1', severity, message: { vi: ruleId, en: ruleId }, where });

  it('group by rule, errors first, and split roster findings from plan findings', () => {
    const list = [f('a', 'warning', {}), f('b', 'error', { class: 'X' }), f('a', 'warning', { commune: '05998' }), f('c', 'error', { class: 'X', trainee: 'P1' })];
    expect(groupFindings(list).map((g) => [g.ruleId, g.findings.length])).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 2],
    ]);
    const split = splitFindings(book, list);
    expect(split.roster.map((x) => x.ruleId)).toEqual(['c']);
    // A roster rule's finding with no trainee named (a summary) is still about the roster.
    expect(splitFindings(book, [f('roster.trainee_known', 'error', {})]).roster).toHaveLength(1);
    expect(severityCounts(list)).toEqual({ errors: 2, warnings: 2 });
  });

  it('count a class finding in the district of its class', () => {
    const cls = plan.classes.find((c) => c.district === '180')!;
    const other = plan.classes.find((c) => c.district && c.district !== '180')!;
    // a class that names only its commune (Xã Khánh Long, in Tràng Định, 180)
    const withCommuneOnly = { ...plan, classes: [...plan.classes, { ...other, id: 'C-ONLY', district: undefined, commune: '05998' }] };
    const list = [
      f('x', 'error', { class: cls.id }),
      f('y', 'error', { commune: '05998' }),
      f('z', 'error', { class: 'C-ONLY' }),
      f('o', 'error', { class: other.id }),
      f('w', 'error', { class: 'no-such-class' }),
    ];
    const districtOf = districtOfWhere(withCommuneOnly, (c) => districtOfCommune(c)?.code);
    expect(findingsOfDistrict(list, '180', districtOf).map((x) => x.ruleId)).toEqual(['x', 'y', 'z']);
    expect(findingsOfDistrict(list, other.district!, districtOf).map((x) => x.ruleId)).toEqual(['o']);
  });

  it('leave out what concerns the roster when no roster was chosen: the plan is counted alone', async () => {
    // No roster: the plan's trainees are all unknown, said as the one finding for a roster of another plan.
    const report = await checkPlan(book, plan, { findingsPerRule: Number.MAX_SAFE_INTEGER });
    expect(report.findings.map((x) => x.ruleId)).toContain(ROSTER_NOT_THIS_PLAN);
    expect(report.errors).toBeGreaterThan(0);
    const own = withoutRosterFindings(book, report);
    expect(own.findings.filter((x) => x.ruleId.startsWith('roster.'))).toEqual([]);
    expect([own.errors, own.warnings, own.passed]).toEqual([0, 0, true]);
  });

  it('say where, in the language, with place names and codes, the kind of place written once', () => {
    expect(whereText({ class: 'X-1', trainee: 'LS-1', commune: '05998' }, 'vi')).toBe('lớp X-1, học viên LS-1, Xã Khánh Long (05998)');
    expect(whereText({ district: '180', budgetLines: ['NS-1', 'NS-2'] }, 'en')).toBe('Huyện Tràng Định (180), budget lines NS-1, NS-2');
  });

  it('label budget categories by track, or by their single line', () => {
    expect(categoryLabel(book, 'study_tour', plan.budget, 'en')).toBe(book.track('study_tour')!.label.en);
    expect(categoryLabel(book, 'management', plan.budget, 'vi')).toBe('Quản lý, kiểm tra, giám sát, tổng hợp báo cáo');
    expect(categoryLabel(book, 'other', [], 'vi')).toBe('other');
  });
});
