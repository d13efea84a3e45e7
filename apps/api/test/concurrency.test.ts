/**
 * Large jobs and the rest of the server: a big batch does not hold up other requests; the time
 * limit, a full queue, a client that goes away and a shutdown in the middle of a batch. No
 * timings are asserted: only what finished before what, and what the responses say.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { expectMatchesDoc, expectProblem, manyCandidates, startServer, type TestServer } from './helpers.js';

const BIG = 20_000;
const bigBatch = JSON.stringify({ candidates: manyCandidates(BIG) });
const bigRank = JSON.stringify({ track: 'commune_community', candidates: manyCandidates(BIG) });

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** Whether `check` holds within about `ms` milliseconds. */
async function within(ms: number, check: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 10) {
    if (check()) return true;
    await sleep(10);
  }
  return check();
}

/** Waits until `check` holds (about 20 s at most). */
async function until(what: string, check: () => boolean): Promise<void> {
  if (!(await within(20_000, check))) throw new Error(`timed out waiting for: ${what}`);
}

function post(server: TestServer, url: string, body: string, signal?: AbortSignal) {
  return fetch(server.base + url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...(signal ? { signal } : {}) });
}

describe.each([
  ['in a worker thread', 1],
  ['on the main thread in pieces (workers: 0)', 0],
])('a big batch, %s', (_label, workers) => {
  it(`does not hold up other requests (${BIG} people)`, async () => {
    s = await startServer({ workers, logger: false });
    const server = s;
    let batchDone = false;
    const batch = post(server, '/v1/decisions', bigBatch)
      .then((r) => r.text().then((text) => ({ status: r.status, text })))
      .finally(() => {
        batchDone = true;
      });
    // Wait until the server has the batch in hand.
    await until('the batch is being evaluated', () => server.app.p135.evaluator.counts.worker + server.app.p135.evaluator.counts.inline === 1);
    const finishedFirst: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const h = await server.call('http', { method: 'GET', url: '/healthz' });
      expect(h.status).toBe(200);
      const one = await server.call('http', { method: 'POST', url: '/v1/decisions', body: manyCandidates(1)[0] });
      expect(one.status).toBe(200);
      finishedFirst.push(!batchDone);
    }
    expect(finishedFirst).toEqual([true, true, true, true, true]);
    const done = await batch;
    expect(done.status).toBe(200);
    const body = JSON.parse(done.text);
    expect(body.count).toBe(BIG);
    expect(body.decisions).toHaveLength(BIG);
    expect(body.decisions[BIG - 1].candidateId).toBe(`X-${BIG - 1}`);
  });
});

describe('limits on large jobs', () => {
  it('past the time limit: a 503 problem, the worker is replaced, and the next job works', async () => {
    // A job the limit overtakes before it reaches a worker (reading a 20,000-person body on a busy
    // machine can take longer than the limit) is refused without starting, and no worker needs
    // replacing. So the limit is doubled until one job started and was stopped.
    for (const limitMs of [200, 400, 800, 1600, 3200]) {
      await s?.close();
      s = await startServer({ workers: 1, requestTimeoutMs: limitMs });
      const res = await s.call('http', { method: 'POST', url: '/v1/rank?lang=en', body: bigRank });
      const body = expectProblem(res, 503, 'timeout');
      expectMatchesDoc(s.app.p135.openapi, 'POST', '/v1/rank', res);
      expect(res.headers['retry-after']).toBe('5');
      expect(body.detail).toContain(`${limitMs} ms`);
      const server = s;
      if (await within(2_000, () => server.logs.some((l) => l.includes('replacing its worker')))) {
        const small = await s.call('http', { method: 'POST', url: '/v1/rank', body: { track: 'commune_community', candidates: manyCandidates(40) } });
        expect(small.status).toBe(200);
        return;
      }
    }
    throw new Error('no job reached a worker before its time limit, even at 3,200 ms');
  });

  it('a full queue: 503 busy at once, and the running job still finishes', async () => {
    s = await startServer({ workers: 1, maxQueue: 0, inlineMaxBytes: 1024 });
    const server = s;
    const first = post(server, '/v1/rank', bigRank);
    await until('the first job runs', () => server.app.p135.pool?.load.running === 1);
    const second = await server.call('http', { method: 'POST', url: '/v1/rank', body: { track: 'commune_community', candidates: manyCandidates(40) } });
    expectProblem(second, 503, 'busy');
    expect(second.headers['retry-after']).toBe('5');
    expectMatchesDoc(server.app.p135.openapi, 'POST', '/v1/rank', second);
    const done = await first;
    expect(done.status).toBe(200);
    expect(JSON.parse(await done.text()).track).toBe('commune_community');
  });

  it('a client that goes away mid-answer frees the worker for the next job', async () => {
    s = await startServer({ workers: 1 });
    const server = s;
    const abort = new AbortController();
    const res = await post(server, '/v1/decisions', bigBatch, abort.signal);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    abort.abort();
    await reader.closed.catch(() => {});
    await until('the worker is free', () => server.app.p135.pool?.load.running === 0);
    const next = await server.call('http', { method: 'POST', url: '/v1/decisions', body: { candidates: manyCandidates(100) } });
    expect(next.status).toBe(200);
    expect(next.json().count).toBe(100);
    expect(server.logs.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  });

  it('close() lets a batch in flight finish, then ends the workers', async () => {
    s = await startServer({ workers: 1 });
    const server = s;
    const batch = post(server, '/v1/decisions', bigBatch).then(async (r) => ({ status: r.status, text: await r.text() }));
    await until('the batch runs', () => server.app.p135.pool?.load.running === 1);
    const closed = server.app.close();
    const done = await batch;
    await closed;
    s = undefined;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text).count).toBe(BIG);
    expect(server.app.p135.pool?.size).toBe(0);
  });
});
