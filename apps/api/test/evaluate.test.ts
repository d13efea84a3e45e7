/**
 * The three POST endpoints give what the package gives, on the main thread (small bodies)
 * and in a worker thread (larger ones), over HTTP and through injection.
 */
import { bundledPack, type Candidate, checkPlan, createRulebook, decide, decideMany, parseCandidates, parsePlan, rankClass } from '@p135/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCandidates, examplePlan, expectMatchesDoc, expectProblem, startServer, TRANSPORTS, type TestServer, type Json } from './helpers.js';

const INLINE_MAX = 4096;
const book = createRulebook(bundledPack('lang-son-2020')!);
const roster = exampleCandidates();
const parsed = parseCandidates(roster, book).value as Candidate[];
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

/** Two classes, the first study tour, every budget line (one raised over the ceiling), and the people they name. */
function smallPlan() {
  const plan = examplePlan() as { classes: { trainees: string[] }[]; studyTours: { members: string[] }[]; budget: { amount: string }[] };
  const classes = plan.classes.slice(0, 2);
  const studyTours = plan.studyTours.slice(0, 1);
  const ids = new Set([...classes.flatMap((c) => c.trainees), ...studyTours.flatMap((t) => t.members)]);
  const budget = plan.budget.map((b, i) => (i === 0 ? { ...b, amount: '9000000000' } : b));
  return { ...plan, classes, studyTours, budget, candidates: roster.filter((c) => ids.has(c.id as string)) };
}

let s: TestServer;
let doc: Record<string, Json>;

beforeAll(async () => {
  s = await startServer({ workers: 1, inlineMaxBytes: INLINE_MAX });
  doc = s.app.p135.openapi;
});
afterAll(() => s.close());

describe.each(TRANSPORTS)('POST /v1/decisions (%s)', (t) => {
  it('one candidate, on the main thread: the package’s decision and the pack', async () => {
    const before = { ...s.app.p135.evaluator.counts };
    const res = await s.call(t, { method: 'POST', url: '/v1/decisions', body: roster[0] });
    expect(s.app.p135.evaluator.counts).toEqual({ ...before, inline: before.inline + 1 });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expectMatchesDoc(doc, 'POST', '/v1/decisions', res);
    expect(res.json()).toEqual({ pack: book.ref, decision: plain(await decide(book, parsed[0]!)) });
  });

  it('a batch, in a worker thread: the package’s decisions, in order', async () => {
    const body = { candidates: roster.slice(0, 60) };
    expect(JSON.stringify(body).length).toBeGreaterThan(INLINE_MAX);
    const before = { ...s.app.p135.evaluator.counts };
    const res = await s.call(t, { method: 'POST', url: '/v1/decisions', body });
    expect(s.app.p135.evaluator.counts).toEqual({ ...before, worker: before.worker + 1 });
    expect(res.status).toBe(200);
    expectMatchesDoc(doc, 'POST', '/v1/decisions', res);
    expect(res.json()).toEqual({ pack: book.ref, count: 60, decisions: plain(await decideMany(book, parsed.slice(0, 60))) });
  });

  it('a small batch on the main thread gives the same as in a worker', async () => {
    const small = await s.call(t, { method: 'POST', url: '/v1/decisions', body: { candidates: roster.slice(0, 3) } });
    const large = await s.call(t, { method: 'POST', url: '/v1/decisions', body: { candidates: roster.slice(0, 60) } });
    expect(small.json().decisions).toEqual(large.json().decisions.slice(0, 3));
  });

  it('?lang and ?pack: results keep both languages; the default pack can be named', async () => {
    const vi = await s.call(t, { method: 'POST', url: '/v1/decisions', body: roster[1] });
    const en = await s.call(t, { method: 'POST', url: '/v1/decisions?lang=en&pack=lang-son-2020', body: roster[1] });
    expect(en.status).toBe(200);
    expect(en.json()).toEqual(vi.json());
    const reason = vi.json().decision.tracks.flatMap((x: { satisfied: unknown[] }) => x.satisfied)[0];
    expect(reason.message.vi).not.toBe(reason.message.en);
  });
});

describe.each(TRANSPORTS)('POST /v1/plans/check (%s)', (t) => {
  it('findings and the budget summary, as the package gives them', async () => {
    const plan = smallPlan();
    const res = await s.call(t, { method: 'POST', url: '/v1/plans/check', body: plan });
    expect(res.status).toBe(200);
    expectMatchesDoc(doc, 'POST', '/v1/plans/check', res);
    const expected = await checkPlan(book, parsePlan(plan, book).value!);
    expect(res.json()).toEqual(plain(expected));
    const report = res.json();
    expect(report.budget.withinCeiling).toBe(false);
    expect(report.budget.remaining).toMatch(/^-\d+$/);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.pack).toEqual(book.ref);
  });

  it('a plan with no roster is checked too (on the main thread when small)', async () => {
    const plan = { classes: [], budget: [{ id: 'B1', category: 'management', amount: '1000' }] };
    const res = await s.call(t, { method: 'POST', url: '/v1/plans/check', body: plan });
    expect(res.status).toBe(200);
    expectMatchesDoc(doc, 'POST', '/v1/plans/check', res);
    expect(res.json()).toEqual(plain(await checkPlan(book, parsePlan(plan, book).value!)));
  });
});

describe.each(TRANSPORTS)('POST /v1/rank (%s)', (t) => {
  it('ranks an over-subscribed class as the package does', async () => {
    const body = { track: 'commune_community', capacity: 10, candidates: roster.slice(0, 300) };
    const res = await s.call(t, { method: 'POST', url: '/v1/rank', body });
    expect(res.status).toBe(200);
    expectMatchesDoc(doc, 'POST', '/v1/rank', res);
    const expected = await rankClass(book, parsed.slice(0, 300), { track: 'commune_community', capacity: 10 });
    expect(res.json()).toEqual(plain(expected));
    expect(res.json().admitted).toHaveLength(10);
  });

  it('without capacity, the track’s target size', async () => {
    const body = { track: 'province_cadre', candidates: roster.slice(0, 5) };
    const res = await s.call(t, { method: 'POST', url: '/v1/rank', body });
    expect(res.status).toBe(200);
    expectMatchesDoc(doc, 'POST', '/v1/rank', res);
    expect(res.json()).toEqual(plain(await rankClass(book, parsed.slice(0, 5), { track: 'province_cadre' })));
  });

  it('an unknown track is a 400 at $.track', async () => {
    const res = await s.call(t, { method: 'POST', url: '/v1/rank?lang=en', body: { track: 'astronauts', candidates: roster.slice(0, 2) } });
    const body = expectProblem(res, 400, 'invalid-input');
    expectMatchesDoc(doc, 'POST', '/v1/rank', res);
    expect(body.errors).toEqual([expect.objectContaining({ in: 'body', path: '$.track', code: 'input.unknown_track' })]);
    expect(body.detail).toContain('astronauts');
  });

  it('a negative or fractional capacity is a 400 at $.capacity', async () => {
    for (const capacity of [-1, 2.5, '10']) {
      const res = await s.call(t, { method: 'POST', url: '/v1/rank', body: { track: 'province_cadre', capacity, candidates: roster.slice(0, 2) } });
      const body = expectProblem(res, 400, 'invalid-input');
      expect(body.errors.map((e: { path: string }) => e.path)).toEqual(['$.capacity']);
    }
  });
});
