/**
 * A plan check's report is bounded by the pack's rules, not by the plan: past
 * MAX_FINDINGS_PER_RULE findings of one rule the rest are counted and summarised ("and 16,200
 * more"); repeated trainees, members and roster ids are reported, not merged.
 */
import { describe, expect, it } from 'vitest';
import { checkPlan, MAX_FINDINGS_PER_RULE, parsePlan, type Plan, type PlanInput } from '../src/index.js';
import { planRepeatProblems } from '../src/schemas/plan.js';
import { book } from './helpers.js';

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
