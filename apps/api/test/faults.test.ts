/**
 * Faults: a worker thread killed in the middle of a job, a slow reader of a large answer, and
 * what Node's HTTP parser refuses before there is a request (431, malformed framing, no Host):
 * each an honest answer, never a crash, and the server goes on.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerPool } from '../src/pool.js';
import { exampleCandidates, expectNoLeaks, expectProblem, type Json, manyCandidates, startServer, TRANSPORTS, type TestServer } from './helpers.js';

const roster = exampleCandidates();

const until = async (ok: () => boolean, tries = 1000) => {
  for (let i = 0; i < tries && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
};

/** The worker threads of the pool (private to it: a test reaches in to kill one). */
const workersOf = (pool: WorkerPool) => (pool as unknown as { slots: { worker: { terminate(): Promise<number>; threadId: number } }[] }).slots.map((s) => s.worker);

describe.each(TRANSPORTS)('a worker killed in the middle of a job (%s)', (t) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ workers: 1, inlineMaxBytes: 1024 });
  });
  afterAll(() => s.close());

  const people = roster.slice(0, 3_000);
  const bodies = {
    'plan-check': {
      url: '/v1/plans/check',
      body: {
        classes: [{ id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-29', end: '2020-10-31', days: '2', trainees: people.map((p) => p.id) }],
        budget: [],
        candidates: people,
      },
    },
    rank: { url: '/v1/rank', body: { track: 'commune_community', candidates: people } },
  };

  it.each(Object.keys(bodies) as (keyof typeof bodies)[])('%s: the request gets a problem, the pool replaces the worker, the next request succeeds', async (kind) => {
    const pool = s.app.p135.pool as WorkerPool;
    const [before] = workersOf(pool);
    const pending = s.call(t, { method: 'POST', ...bodies[kind], url: `${bodies[kind].url}?lang=en` });
    await until(() => pool.load.running === 1);
    expect(pool.load.running).toBe(1);
    await before?.terminate();
    const res = await pending;
    const problem = expectProblem(res, 500, 'internal');
    expect(problem.detail).toBe('Internal server error');
    await until(() => workersOf(pool)[0] !== before && pool.load.running === 0);
    expect(pool.size).toBe(1);
    expect(workersOf(pool)[0]).not.toBe(before);
    const next = await s.call(t, { method: 'POST', url: bodies[kind].url, body: bodies[kind].body });
    expect(next.status).toBe(200);
    expect(s.logs.some((l) => l.includes('evaluator worker stopped; starting another'))).toBe(true);
  });
});

describe('a slow reader of a large answer', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ workers: 1, inlineMaxBytes: 1024, requestTimeoutMs: 1_500, maxBatch: 3_000 });
  });
  afterAll(() => s.close());

  it('is cut when the time runs out: no final chunk (a truncated transfer, not a complete 200), and it is logged', async () => {
    const body = JSON.stringify({ candidates: manyCandidates(3_000) });
    const outcome = await new Promise<{ status: number; ended: boolean; error: string | undefined; bytes: number }>((resolve) => {
      const req = request(`${s.base}/v1/decisions`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
      req.on('response', (res) => {
        let bytes = 0;
        let ended = false;
        res.pause();
        // read 64 KB every 20 ms: about 3 MB/s, far slower than the answer (about 25 MB) needs
        const tick = setInterval(() => {
          let chunk: Buffer | null = res.read(64 * 1024);
          if (chunk === null) chunk = res.read();
          if (chunk) bytes += chunk.length;
        }, 20);
        res.on('end', () => {
          ended = true;
        });
        res.on('close', () => {
          clearInterval(tick);
          resolve({ status: res.statusCode ?? 0, ended, error: res.errored?.message ?? (res.complete ? undefined : 'incomplete'), bytes });
        });
      });
      req.on('error', (err) => resolve({ status: -1, ended: false, error: err.message, bytes: 0 }));
      req.end(body);
    });
    expect(outcome.status).toBe(200);
    expect(outcome.ended).toBe(false);
    expect(outcome.error).toBeDefined();
    await until(() => s.logs.some((l) => l.includes('answer cut')));
    const cut = s.logs.map((l) => JSON.parse(l) as Json).find((l) => typeof l.msg === 'string' && l.msg.startsWith('answer cut'));
    expect(cut).toMatchObject({ level: 40, timeoutMs: 1_500 });
    // the server goes on
    expect((await s.call('http', { method: 'GET', url: '/healthz' })).status).toBe(200);
  });
});

describe('what the HTTP parser refuses is problem+json too', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ workers: 0 });
  });
  afterAll(() => s.close());

  /** Sends raw bytes; resolves with everything the server wrote before closing. */
  const raw = (text: string) =>
    new Promise<string>((resolve) => {
      const url = new URL(s.base);
      const socket = connect(Number(url.port), url.hostname, () => socket.end(text));
      let out = '';
      socket.setEncoding('latin1');
      socket.on('data', (d) => (out += d));
      socket.on('close', () => resolve(out));
      socket.on('error', () => resolve(out));
    });

  const parse = (answer: string) => {
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    const status = Number(head.split(' ')[1]);
    const type = /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '';
    return { status, type, head, body: Buffer.from(body, 'latin1').toString('utf8') };
  };

  it.each([
    ['headers too large', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'headers-too-large'],
    ['a malformed request line', 'GET /healthz HTTP/9.9 junk\r\n\r\n', 400, 'bad-request'],
    ['malformed chunked framing', 'POST /v1/decisions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n', 400, 'bad-request'],
    ['both Content-Length and chunked', 'POST /v1/decisions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}', 400, 'bad-request'],
    ['no Host header', 'GET /healthz HTTP/1.1\r\n\r\n', 400, 'missing-host'],
  ])('%s: %i %s', async (_name, text, status, kind) => {
    const answer = parse(await raw(text));
    expect(answer.status, answer.head).toBe(status);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(answer.body);
    expect(body).toMatchObject({ type: `/docs#problem-${kind}`, status });
    expect(typeof body.title).toBe('string');
    expect(typeof body.detail).toBe('string');
    expectNoLeaks(answer.body);
    // still serving
    expect((await s.call('http', { method: 'GET', url: '/healthz' })).status).toBe(200);
  });
});
