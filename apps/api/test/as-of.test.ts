/**
 * `?asOf=YYYY-MM-DD` on every deciding and checking request: a pack's dated parameters are read on
 * that day, on the main thread and in a worker alike. The 2021 example's budget (VD.5) is
 * 5,000 million until 30 June 2021 and 5,200 million from 1 July.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startServer, type TestServer } from './helpers.js';

/** Spends 5,100 million: over the ceiling before 1 July 2021, within it from then. */
const plan = { classes: [], studyTours: [], budget: [{ id: 'NS-1', category: 'materials', amount: '5100000000' }] };
const ceilingFinding = (report: { findings: { ruleId: string }[] }) => report.findings.some((f) => f.ruleId === 'budget.ceiling');

describe.each([
  ['on the main thread', { workers: 1, inlineMaxBytes: 1_000_000 }],
  ['in a worker thread', { workers: 1, inlineMaxBytes: 1 }],
])('?asOf %s', (_, options) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(options);
  });
  afterAll(() => s.close());

  it('reads the budget ceiling on the day asked, and says which day in the answer', async () => {
    const before = await s.call('inject', { method: 'POST', url: '/v1/plans/check?pack=example-2021&asOf=2021-06-30', body: plan });
    const after = await s.call('inject', { method: 'POST', url: '/v1/plans/check?pack=example-2021&asOf=2021-07-01', body: plan });
    expect([before.status, after.status]).toEqual([200, 200]);
    expect(before.json().budget.ceiling).toBe('5000000000');
    expect(after.json().budget.ceiling).toBe('5200000000');
    expect(ceilingFinding(before.json())).toBe(true);
    expect(ceilingFinding(after.json())).toBe(false);
    expect([before.json().pack.asOf, after.json().pack.asOf]).toEqual(['2021-06-30', '2021-07-01']);
    // without asOf: the pack's own day (the last of its plan year)
    const plain = await s.call('inject', { method: 'POST', url: '/v1/plans/check?pack=example-2021', body: plan });
    expect(plain.json().pack.asOf).toBe('2021-12-31');
    expect(plain.json().budget.ceiling).toBe('5200000000');
    const { inline, worker } = s.app.p135.evaluator.counts;
    expect(options.inlineMaxBytes === 1 ? [inline, worker > 0] : [inline > 0, worker]).toEqual(options.inlineMaxBytes === 1 ? [0, true] : [true, 0]);
  });

  it('a day that does not exist is a 400 at the query parameter, in Vietnamese and English', async () => {
    for (const day of ['2021-02-30', '2021-13-01', '1/7/2021']) {
      const res = await s.call('inject', { method: 'POST', url: `/v1/decisions?asOf=${encodeURIComponent(day)}`, body: { id: 'x' } });
      const problem = expectProblem(res, 400, 'invalid-query');
      expect(problem.errors[0]).toMatchObject({ in: 'query', path: 'asOf' });
      expect(problem.errors[0].message.vi).toContain('YYYY-MM-DD');
      expect(problem.errors[0].message.en).toContain('YYYY-MM-DD');
    }
  });
});
