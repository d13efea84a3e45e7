/**
 * Limits that add up (issue 16): a plan check's answer is bounded (findings per rule summarised,
 * a maximum answer size with a clear problem past it), the bytes of bodies received at once are
 * capped over every connection, repeated people in a plan are refused, wrong types are named as
 * such, echoed text is cut, and the OpenAPI document states the limits the server enforces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ECHO_CHARS } from '../src/problems.js';
import { exampleCandidates, expectMatchesDoc, expectProblem, type Json, type Res, startServer, TRANSPORTS, type TestServer } from './helpers.js';

const roster = exampleCandidates();
const [c0, c1] = roster as [Record<string, unknown>, Record<string, unknown>];

/** A commune class of `n` trainees who are not on the roster: one finding of one rule each. */
function unknownTrainees(n: number, people: Record<string, unknown>[] = [c0, c1]) {
  return {
    classes: [
      { id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-29', end: '2020-10-31', days: '2', trainees: Array.from({ length: n }, (_, i) => `NOPE-${i}`) },
    ],
    budget: [],
    candidates: people,
  };
}

describe.each([
  ['main thread', 0],
  ['worker thread', 1],
])('plan-check answers have a bounded size (%s)', (_where, workers) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ workers, inlineMaxBytes: 1024, maxAnswerBytes: 150_000 });
  });
  afterAll(() => s.close());

  it.each(TRANSPORTS)('3,000 trainees of which none is on the roster: one finding saying the roster is not this plan’s, not 3,000 (%s)', async (t) => {
    const res = await s.call(t, { method: 'POST', url: '/v1/plans/check', body: unknownTrainees(3_000) });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expectMatchesDoc(s.app.p135.openapi, 'POST', '/v1/plans/check', res);
    const report = res.json();
    expect(report.findings.filter((f: Json) => f.ruleId === 'roster.not_this_plan')).toHaveLength(1);
    expect(report.findings.filter((f: Json) => f.where.trainee !== undefined)).toEqual([]);
    expect(report.summary.find((x: Json) => x.ruleId === 'roster.not_this_plan')?.count).toBe(1);
    expect(res.text.length).toBeLessThan(20_000);
  });

  it.each(TRANSPORTS)('an answer over the maximum is a 413 problem in Vietnamese, or English with ?lang=en (%s)', async (t) => {
    // every trainee ineligible: each finding carries its reasons, so 100 of them pass 150 KB
    const people = roster.slice(0, 300).map((p): Record<string, unknown> => ({ ...p, role: 'citizen' }));
    const body = {
      ...unknownTrainees(0, people),
      classes: [{ id: 'PC-1', track: 'province_cadre', district: '178', start: '2020-07-06', end: '2020-07-09', days: '3.5', trainees: people.map((p) => p.id) }],
    };
    const vi = await s.call(t, { method: 'POST', url: '/v1/plans/check', body });
    const problem = expectProblem(vi, 413, 'answer-too-large');
    expect(problem.title).toBe('Câu trả lời sẽ quá lớn');
    expect(problem.detail).toContain('150000 byte');
    expectMatchesDoc(s.app.p135.openapi, 'POST', '/v1/plans/check', vi);
    const en = await s.call(t, { method: 'POST', url: '/v1/plans/check?lang=en', body });
    expect(expectProblem(en, 413, 'answer-too-large').detail).toContain('split the request');
    // the server goes on answering
    expect((await s.call(t, { method: 'POST', url: '/v1/plans/check', body: unknownTrainees(5) })).status).toBe(200);
  });
});

describe('without workers, a long plan check does not hold up /healthz', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ workers: 0 });
  });
  afterAll(() => s.close());

  it('/healthz answers while the check is still running', async () => {
    const people = roster.slice(0, 4_000);
    const body = {
      classes: [{ id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-29', end: '2020-10-31', days: '2', trainees: people.map((p) => p.id) }],
      budget: [],
      candidates: people,
    };
    const order: string[] = [];
    const check = fetch(`${s.base}/v1/plans/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => {
      await r.arrayBuffer();
      order.push(`check ${r.status}`);
    });
    // wait until the check is being evaluated (its body has arrived), then ask for health
    for (let i = 0; i < 400 && s.app.p135.evaluator.counts.inline === 0; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    const health = await fetch(`${s.base}/healthz`);
    order.push(`healthz ${health.status}`);
    await check;
    expect(order).toEqual(['healthz 200', 'check 200']);
  });
});

describe('the bytes of bodies being received are capped over every connection', () => {
  let s: TestServer;
  const LIMIT = 64 * 1024;
  const INFLIGHT = 150 * 1024;
  beforeAll(async () => {
    s = await startServer({ workers: 1, bodyLimitBytes: LIMIT, maxInflightBodyBytes: INFLIGHT });
  });
  afterAll(() => s.close());

  /** A request whose headers say `length` bytes, of which only `sent` are sent for now. */
  async function holding(length: number | 'chunked', sent: number) {
    const { request } = await import('node:http');
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (length !== 'chunked') headers['content-length'] = length;
    const req = request(`${s.base}/v1/decisions`, { method: 'POST', headers });
    const answered = new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', () => resolve({ status: -1, headers: {}, text: '' }));
    });
    req.write(' '.repeat(sent));
    return { req, answered };
  }

  const until = async (ok: () => boolean) => {
    for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('past the cap, a 503 problem with Retry-After; the bytes are given back when the clients go', async () => {
    const a = await holding(60_000, 1000);
    const b = await holding(60_000, 1000);
    await until(() => s.app.p135.bodies.inFlight >= 120_000);
    expect(s.app.p135.bodies.inFlight).toBe(120_000);
    const c = await holding(60_000, 1000);
    const refused = await c.answered;
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(refused.text);
    expect(body.type).toBe('/docs#problem-busy');
    expect(body.detail).toContain(`${INFLIGHT} byte`);
    // a body sent in chunks (no Content-Length) is counted as it arrives
    const d = await holding('chunked', 40_000);
    expect((await d.answered).status).toBe(503);
    a.req.destroy();
    b.req.destroy();
    await until(() => s.app.p135.bodies.inFlight === 0);
    expect(s.app.p135.bodies.inFlight).toBe(0);
    const res = await s.call('http', { method: 'POST', url: '/v1/decisions', body: { candidates: [c0, c1] } });
    expect(res.status).toBe(200);
    expect(s.app.p135.bodies.inFlight).toBe(0);
  });

  it('a body over the body limit is still 413, whether declared or sent in chunks', async () => {
    expectProblem(await s.call('http', { method: 'POST', url: '/v1/decisions', body: ' '.repeat(LIMIT + 1) }), 413, 'body-too-large');
    const chunked = await holding('chunked', LIMIT + 10);
    expect((await chunked.answered).status).toBe(413);
    await until(() => s.app.p135.bodies.inFlight === 0);
    expect(s.app.p135.bodies.inFlight).toBe(0);
  });
});

describe.each(TRANSPORTS)('input problems (%s)', (t) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ workers: 1, inlineMaxBytes: 2048 });
  });
  afterAll(() => s.close());
  const post = (url: string, body: unknown): Promise<Res> => s.call(t, { method: 'POST', url, body });

  it.each([false, true])('a plan check refuses repeated candidate ids, so its verdict never depends on their order (large: %s)', async (big) => {
    const pad = big ? roster.slice(2, 12) : [];
    const res = await post('/v1/plans/check?lang=en', { classes: [], budget: [], candidates: [c0, c1, ...pad, { ...c1, role: 'citizen' }] });
    const body = expectProblem(res, 400, 'invalid-input');
    expect(body.errors.map((e: Json) => e.path)).toEqual([`$.candidates[${2 + pad.length}].id`]);
    expect(body.errors[0].message.en).toContain(`candidate id "${c1.id}" repeats in candidates (already at $.candidates[1].id)`);
  });

  it('a trainee twice in one class is reported, naming the class and the id', async () => {
    const res = await post('/v1/plans/check', { ...unknownTrainees(0), classes: [{ ...unknownTrainees(0).classes[0], trainees: [c0.id, c1.id, c0.id] }] });
    const body = expectProblem(res, 400, 'invalid-input');
    expect(body.errors[0].path).toBe('$.classes[0].trainees[2]');
    expect(body.errors[0].message.vi).toContain(`Học viên "${c0.id}" lặp lại trong lớp "X-1"`);
  });

  it('a field of the wrong type is a wrong type, not missing (the README example)', async () => {
    const res = await post('/v1/decisions?lang=en', { id: 'A1', birthYear: '1980' });
    const body = expectProblem(res, 400, 'invalid-input');
    const year = body.errors.find((e: Json) => e.path === '$.birthYear');
    expect(year.message.en).toBe('wrong type: expected a number, received text ("1980"); write it without quotes: 1980');
    expect(year.message.vi).toContain('sai kiểu: cần số, nhận chuỗi văn bản');
    // a field really missing is still missing
    expect(body.errors.find((e: Json) => e.path === '$.name').message.en).toContain('missing required field');
  });

  it('a huge unknown key or value is echoed cut to 100 characters with "…"', async () => {
    const k = 'k'.repeat(200_000);
    const res = await post('/v1/rank', `{"track":"${k}","${k}":1,"candidates":[${JSON.stringify(c0)}]}`);
    const body = expectProblem(res, 400, 'invalid-input');
    expect(res.text.length).toBeLessThan(5_000);
    expect(res.text).toContain(`${'k'.repeat(MAX_ECHO_CHARS)}…`);
    expect(res.text).not.toContain('k'.repeat(MAX_ECHO_CHARS + 1));
    expect(body.errors.length).toBeGreaterThan(0);
  });
});

describe('the OpenAPI document states the limits the server enforces', () => {
  let s: TestServer;
  const limits = { maxBatch: 37, bodyLimitBytes: 123_456, maxJsonDepth: 9, maxAnswerBytes: 777_777, maxInflightBodyBytes: 999_999, requestTimeoutMs: 4_321 };
  beforeAll(async () => {
    s = await startServer({ workers: 0, ...limits });
  });
  afterAll(() => s.close());

  it('maxItems of every list of people, body sizes and time are the server’s', async () => {
    const doc: Json = (await s.call('http', { method: 'GET', url: '/openapi.json' })).json();
    const schemas = doc.components.schemas;
    expect(schemas.Plan.properties.candidates.maxItems).toBe(limits.maxBatch);
    expect(schemas.DecisionBatchRequest.properties.candidates.maxItems).toBe(limits.maxBatch);
    expect(schemas.RankRequest.properties.candidates.maxItems).toBe(limits.maxBatch);
    expect(doc['x-limits']).toEqual({ ...limits, findingsPerRule: s.app.p135.limits.findingsPerRule });
    expect(doc['x-limits']).toEqual(s.app.p135.limits);
    expect(doc.info.description).toContain(`≤ ${limits.maxBatch} candidates`);
  });

  it('the server takes exactly maxItems people, and refuses one more', async () => {
    const people = roster.slice(0, limits.maxBatch + 1);
    const at = await s.call('http', { method: 'POST', url: '/v1/plans/check', body: { classes: [], budget: [], candidates: people.slice(0, limits.maxBatch) } });
    expect(at.status).toBe(200);
    expectProblem(await s.call('http', { method: 'POST', url: '/v1/plans/check', body: { classes: [], budget: [], candidates: people } }), 413, 'too-many-candidates');
  });
});
