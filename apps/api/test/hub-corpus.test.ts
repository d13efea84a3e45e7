/**
 * The hub's hostile corpus (test/corpus/hub-requests.json): malformed, unsafe and oversized
 * bodies, bodies that are not what they say, tokens that are not tokens, another district's
 * data, path and query parameters that are not what they should be — each over real HTTP and
 * through injection. For each: the expected status and problem type, no 5xx, no stack trace or
 * path; afterwards the server still answers and nothing hostile was stored.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteDatabase } from '../../../packages/store/test/databases.js';
import { expectNoLeaks, type Res, TRANSPORTS, type Transport } from './helpers.js';
import { auth, type HubServer, resultsBytes, startHub } from './hub-helpers.js';

interface HubCorpusRequest {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  bodyBase64?: string;
  generate?: { kind: string; [k: string]: unknown };
  expect: { status: number; type: string };
}

const CORPUS: HubCorpusRequest[] = JSON.parse(readFileSync(new URL('./corpus/hub-requests.json', import.meta.url), 'utf8')).requests;
const BODY_LIMIT = 1024 * 1024;

function generated(g: NonNullable<HubCorpusRequest['generate']>): Uint8Array | string {
  switch (g.kind) {
    case 'deep':
      return '['.repeat(Number(g.depth)) + ']'.repeat(Number(g.depth));
    case 'spaces':
      return ' '.repeat(Number(g.bytes));
    case 'huge-id':
      return JSON.stringify({ id: 'x'.repeat(Number(g.bytes)), district: '180', districtName: 'x', sentOn: '2020-11-01', classes: [], studyTours: [] });
    case 'example':
      return resultsBytes(g.district === 'province' ? 'province' : `district-${g.district}`);
    default:
      throw new Error(`unknown generator ${g.kind}`);
  }
}

const database = sqliteDatabase();
let s: HubServer;
beforeAll(async () => {
  s = await startHub(await database.fresh(), {}, { bodyLimitBytes: BODY_LIMIT });
}, 600_000);
afterAll(async () => {
  await s?.close();
  database.cleanup();
});

async function send(t: Transport, r: HubCorpusRequest): Promise<Res> {
  const fill = (text: string) => text.replace('{{token:180}}', s.tokens['180']).replace('{{token:province}}', s.tokens.province);
  const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, fill(v)]));
  const body = r.generate ? generated(r.generate) : r.bodyBase64 !== undefined ? new Uint8Array(Buffer.from(r.bodyBase64, 'base64')) : r.body;
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return s.call(t, { method: r.method, url: r.url, headers, ...(bytes === undefined ? {} : { body: bytes }) });
}

describe.each(TRANSPORTS)('the hub’s hostile corpus (%s)', (t) => {
  it.each(CORPUS.map((r) => [r.name, r] as const))('%s', async (_name, r) => {
    const res = await send(t, r);
    expect(res.status, res.text.slice(0, 300)).toBe(r.expect.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().type).toBe(`/docs#problem-${r.expect.type}`);
    expectNoLeaks(res.text);
  });

  it('afterwards: the server answers, and nothing hostile was stored', async () => {
    const history = await s.call(t, { method: 'GET', url: '/v1/hub/history', headers: auth(s.tokens.province) });
    expect(history.status).toBe(200);
    expect(history.json().versions).toEqual([]);
  });
});
