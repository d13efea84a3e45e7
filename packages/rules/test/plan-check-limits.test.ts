/**
 * A plan check's report is bounded by the pack's rules, not by the plan: past
 * MAX_FINDINGS_PER_RULE findings of one rule the rest are counted and summarised ("and 16,200
 * more"); repeated trainees, members and roster ids are reported, not merged.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan, createRulebook, MAX_FINDINGS_PER_RULE, parsePlan, type Plan, type PlanInput } from '../src/index.js';
import { planRepeatProblems } from '../src/schemas/plan.js';
import { book as defaultBook, pack, person } from './helpers.js';

/** A rulebook that never takes a roster for another plan's, so every unknown trainee is its own finding. */
const book = createRulebook({
  ...pack,
  parameters: { ...pack.parameters, 'roster.foreign_share': { ...(pack.parameters['roster.foreign_share'] as (typeof pack.parameters)[string]), value: '1' } },
});

/** One commune class whose trainees are not on the roster: one "unknown trainee" finding each. */
function planWithUnknownTrainees(n: number): Plan {
  const input: PlanInput = {
    classes: [
      { id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-29', end: '2020-10-31', days: '2', trainees: Array.from({ length: n }, (_, i) => `NOPE-${i}`) },
    ],
    studyTours: [],
    budget: [],
    candidates: [],
  };
  const parsed = parsePlan(input, book);
  if (!parsed.value) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe('findings per rule are summarised past a limit', () => {
  it('lists the first MAX_FINDINGS_PER_RULE of a rule and one finding saying how many more, in vi and en', async () => {
    const n = MAX_FINDINGS_PER_RULE + 1234;
    const report = await checkPlan(book, planWithUnknownTrainees(n));
    const byRule = new Map<string, number>();
    for (const f of report.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const [ruleId, listed] = [...byRule].find(([, count]) => count > MAX_FINDINGS_PER_RULE) ?? [];
    expect(listed).toBe(MAX_FINDINGS_PER_RULE + 1);
    const rows = report.findings.filter((f) => f.ruleId === ruleId);
    const summary = rows.at(-1);
    expect(summary?.where).toEqual({});
    expect(summary?.message.en).toContain('and 1,234 more not listed');
    expect(summary?.message.vi).toContain('và 1.234 trường hợp khác');
    // every finding is counted, listed or not
    const counted = report.findings.filter((f) => f.severity === 'error' && f.where.trainee !== undefined).length;
    expect(report.errors).toBeGreaterThanOrEqual(counted + 1234);
  });

  it('a larger limit lists more, Infinity lists all', async () => {
    const plan = planWithUnknownTrainees(300);
    const all = await checkPlan(book, plan, { findingsPerRule: Number.POSITIVE_INFINITY });
    const capped = await checkPlan(book, plan, { findingsPerRule: 10 });
    expect(all.findings.filter((f) => f.where.trainee === 'NOPE-299').length).toBeGreaterThan(0);
    expect(capped.findings.filter((f) => f.where.trainee === 'NOPE-299')).toEqual([]);
    expect(capped.errors).toBe(all.errors);
    expect(capped.warnings).toBe(all.warnings);
    expect(capped.findings.length).toBeLessThan(all.findings.length);
  });

  it('the report of 5,000 failing memberships stays small (bounded by the rules)', async () => {
    const report = await checkPlan(book, planWithUnknownTrainees(5_000));
    expect(JSON.stringify(report).length).toBeLessThan(2_000_000);
  });
});

describe('a roster of another plan', () => {
  it('is ONE finding saying so (citing the roster rule’s clause), not one per trainee; the counts say 1 error', async () => {
    const report = await checkPlan(defaultBook, planWithUnknownTrainees(5_000));
    const foreign = report.findings.filter((f) => f.ruleId === 'roster.not_this_plan');
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toMatchObject({ severity: 'error', clause: 'KH.III.3' });
    expect(foreign[0]?.message.vi).toContain('Danh sách học viên không phải của kế hoạch này: 5.000 trong 5.000 học viên');
    expect(foreign[0]?.message.en).toContain('The roster does not belong to this plan: 5,000 of');
    expect(report.findings.filter((f) => f.where.trainee !== undefined)).toEqual([]);
    const perTrainee = await checkPlan(book, planWithUnknownTrainees(5_000));
    expect(report.errors).toBe(perTrainee.errors - 5_000 + 1);
    expect(report.summary.find((s) => s.ruleId === 'roster.not_this_plan')?.count).toBe(1);
  });
  it('a roster missing a few of the plan’s trainees still names each of them', async () => {
    const plan = planWithUnknownTrainees(10);
    const roster = Array.from({ length: 6 }, (_, i) => person({ id: `NOPE-${i}`, role: 'citizen' }));
    const report = await checkPlan(defaultBook, plan, { candidates: roster });
    expect(report.findings.some((f) => f.ruleId === 'roster.not_this_plan')).toBe(false);
    expect(report.findings.filter((f) => f.ruleId === 'roster.trainee_known').map((f) => f.where.trainee)).toEqual(['NOPE-6', 'NOPE-7', 'NOPE-8', 'NOPE-9']);
  });
});

describe('the summary: per rule, its clause, how many and the first examples', () => {
  it('counts every finding of a rule, listed or not, and names the first three places', async () => {
    const report = await checkPlan(book, planWithUnknownTrainees(300), { findingsPerRule: 5 });
    const s = report.summary.find((x) => x.ruleId === 'roster.trainee_known');
    expect(s).toMatchObject({ clause: 'KH.III.3', severity: 'error', count: 300 });
    expect(s?.examples).toEqual([
      { class: 'X-1', trainee: 'NOPE-0' },
      { class: 'X-1', trainee: 'NOPE-1' },
      { class: 'X-1', trainee: 'NOPE-2' },
    ]);
    expect(report.summary.map((x) => x.severity)).toEqual([...report.summary.map((x) => x.severity)].sort());
  });
});

describe('repeated people in a plan are reported, naming where', () => {
  it('a trainee twice in one class, a member twice in a tour, an id twice in the roster', () => {
    const problems = planRepeatProblems({
      classes: [{ id: 'C-1', trainees: ['a', 'b', 'a'] } as Plan['classes'][number]],
      studyTours: [{ id: 'T-1', members: ['x', 'x'] } as Plan['studyTours'][number]],
      candidates: [{ id: 'p' }, { id: 'q' }, { id: 'p' }],
    });
    expect(problems.map((p) => p.path)).toEqual(['$.classes[0].trainees[2]', '$.studyTours[0].members[1]', '$.candidates[2].id']);
    expect(problems[0]?.message.en).toContain('trainee "a" repeats in class "C-1" (already at $.classes[0].trainees[0])');
    expect(problems[0]?.message.vi).toContain('Học viên "a" lặp lại trong lớp "C-1"');
    expect(problems.every((p) => p.code === 'input.duplicate_id')).toBe(true);
  });
  it('a plan without repeats has none', () => {
    expect(planRepeatProblems({ classes: [{ id: 'C-1', trainees: ['a', 'b'] } as Plan['classes'][number]], studyTours: [], candidates: [{ id: 'a' }] })).toEqual([]);
  });
});
