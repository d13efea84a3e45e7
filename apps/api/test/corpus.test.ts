/**
 * The hostile HTTP corpus (test/corpus/requests.json): methods, headers and bodies — malformed
 * and truncated JSON, deep nesting, prototype keys, money edge strings, condition objects with
 * jsonpath-plus exploit paths, huge and slow requests, rosters as CSV or XLSX (title rows, UTF-16,
 * oversized, malformed) — each sent over real HTTP and through
 * injection. For each: the expected status and problem type, no 500, no stack trace or file
 * path in the answer, and the server still answers after it. The worst time and the peak RSS
 * of the process are printed at the end (`corpus: …`).
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, exampleCandidates, expectNoLeaks, manyCandidates, type Res, startServer, TRANSPORTS, type TestServer, type Transport } from './helpers.js';

interface CorpusRequest {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  bodyBase64?: string;
  generate?: { kind: string; [k: string]: unknown };
  expect: { status: number; type: string | null };
}

const CORPUS: CorpusRequest[] = JSON.parse(readFileSync(new URL('./corpus/requests.json', import.meta.url), 'utf8')).requests;
const BODY_LIMIT = 4 * 1024 * 1024;
const MAX_BATCH = 2_000;
const roster = exampleCandidates();

const commune = (trainees: string[]) => ({ id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-29', end: '2020-10-31', days: '2', trainees });

/** The body of a generated request. */
function generated(g: NonNullable<CorpusRequest['generate']>): string {
  const n = Number(g.n ?? 0);
  switch (g.kind) {
    case 'deep':
      return '['.repeat(Number(g.depth)) + ']'.repeat(Number(g.depth));
    case 'deep-objects':
      return `{"classes":[],"budget":[],"note":${'{"a":'.repeat(Number(g.depth))}1${'}'.repeat(Number(g.depth))}}`;
    case 'spaces':
      return ' '.repeat(Number(g.bytes));
    case 'huge-key': {
      const k = 'k'.repeat(Number(g.bytes));
      return `{"track":"province_cadre","${k}":"${k}","candidates":[${JSON.stringify(roster[0])}]}`;
    }
    case 'batch':
      return JSON.stringify({ candidates: manyCandidates(n) });
    case 'unknown-trainees':
      return JSON.stringify({ classes: [commune(Array.from({ length: n }, (_, i) => `NOPE-${i}`))], budget: [], candidates: [] });
    case 'ineligible-plan': {
      const people = manyCandidates(n).map((p): Record<string, unknown> => ({ ...p, role: 'citizen' }));
      return JSON.stringify({ classes: [{ ...commune([]), id: 'PC-1', track: 'province_cadre', commune: undefined, trainees: people.map((p) => p.id) }], budget: [], candidates: people });
    }
    case 'rank':
      return JSON.stringify({ track: 'commune_community', candidates: manyCandidates(n) });
    case 'csv-rows':
      return readFileSync(join(EXAMPLES, 'candidates.csv'), 'utf8')
        .split('\n')
        .slice(0, n + 1)
        .join('\n');
    default:
      throw new Error(`unknown generator ${g.kind}`);
  }
}

function bodyOf(r: CorpusRequest): string | Buffer | undefined {
  if (r.bodyBase64 !== undefined) return Buffer.from(r.bodyBase64, 'base64');
  if (r.generate && r.generate.kind !== 'slow') return generated(r.generate);
  return r.body;
}

/** Sends the body in pieces, `everyMs` apart (a slow client). */
function slowly(base: string, r: CorpusRequest): Promise<Res> {
  const body = Buffer.from(r.body ?? '');
  const pieces = Number(r.generate?.pieces ?? 8);
  const every = Number(r.generate?.everyMs ?? 50);
  return new Promise((resolve, reject) => {
    const req = request(base + r.url, { method: r.method, headers: { ...(r.headers ?? {}), 'content-length': body.length } });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, text, json: () => JSON.parse(text) }));
    });
    req.on('error', reject);
    const size = Math.ceil(body.length / pieces);
    let i = 0;
    const next = () => {
      if (i >= pieces) return req.end();
      req.write(body.subarray(i * size, (i + 1) * size));
      i++;
      setTimeout(next, every);
    };
    next();
  });
}

let s: TestServer;
let peakRss = 0;
let sampler: NodeJS.Timeout;
const times: { name: string; transport: Transport; ms: number }[] = [];
let refused = 0;
let crashes = 0;
let leaks = 0;

beforeAll(async () => {
  s = await startServer({ workers: 1, bodyLimitBytes: BODY_LIMIT, maxBatch: MAX_BATCH });
  sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
});

afterAll(async () => {
  clearInterval(sampler);
  await s.close();
  const worst = times.reduce((a, b) => (b.ms > a.ms ? b : a), { name: '-', transport: 'http' as Transport, ms: 0 });
  console.log(
    `corpus: ${CORPUS.length} requests × ${TRANSPORTS.length} transports = ${times.length} sent; refused with a problem: ${refused}; crashes (5xx or server gone): ${crashes}; stack traces or paths leaked: ${leaks}; worst time ${Math.round(worst.ms)} ms (${worst.name}, ${worst.transport}); peak RSS ${Math.round(peakRss / 1024 / 1024)} MB`,
  );
});

describe.each(TRANSPORTS)('the hostile corpus (%s)', (t) => {
  it.each(CORPUS.map((r) => [r.name, r] as const))('%s', async (_name, r) => {
    if (r.generate?.kind === 'slow' && t === 'inject') return;
    const started = performance.now();
    const res =
      r.generate?.kind === 'slow'
        ? await slowly(s.base, r)
        : await s.call(t, { method: r.method as 'GET', url: r.url, headers: r.headers ?? {}, ...(bodyOf(r) === undefined ? {} : { body: bodyOf(r) as string }) });
    times.push({ name: r.name, transport: t, ms: performance.now() - started });
    if (res.status >= 500) crashes++;
    try {
      expectNoLeaks(res.text.slice(0, 200_000));
    } catch (err) {
      leaks++;
      throw err;
    }
    expect(res.status, res.text.slice(0, 400)).toBe(r.expect.status);
    if (r.expect.type) {
      refused++;
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = res.json();
      expect(body.type).toBe(`/docs#problem-${r.expect.type}`);
      expect(body.detail.length).toBeGreaterThan(0);
      expect(res.text.length).toBeLessThan(100_000);
    } else {
      expect(() => res.json()).not.toThrow();
    }
    const health = await s.call('http', { method: 'GET', url: '/healthz' });
    if (health.status !== 200) crashes++;
    expect(health.status).toBe(200);
  });
});
