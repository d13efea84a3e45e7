/**
 * Malformed, missing, oversized and hostile input on every POST endpoint, over HTTP and through
 * injection, on the main thread and in a worker thread: always problem+json with the JSON path
 * of each field, never a stack trace or a file path, and always as the document says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCandidates, examplePlan, expectMatchesDoc, expectProblem, type Req, type Res, startServer, TRANSPORTS, type TestServer, type Json } from './helpers.js';

const BODY_LIMIT = 64 * 1024;
const MAX_BATCH = 100;
const INLINE_MAX = 2048;
const roster = exampleCandidates();
const [c0, c1] = roster as [Record<string, unknown>, Record<string, unknown>];

let s: TestServer;
let doc: Record<string, Json>;

beforeAll(async () => {
  s = await startServer({ workers: 1, bodyLimitBytes: BODY_LIMIT, maxBatch: MAX_BATCH, maxJsonDepth: 12, inlineMaxBytes: INLINE_MAX });
  doc = s.app.p135.openapi;
});
afterAll(() => s.close());

interface Endpoint {
  path: '/v1/decisions' | '/v1/plans/check' | '/v1/rank';
  /** A valid body; `big` pads it past INLINE_MAX so a worker thread handles it. */
  valid(big: boolean): Record<string, unknown>;
  /** Where the body's list of people is, and its first person. */
  list: string;
  person: string;
}

const pad = (big: boolean) => (big ? roster.slice(2, 12) : []);
const plan = (big: boolean) => ({ classes: [], budget: [], candidates: [c0, c1, ...pad(big)] });
const ENDPOINTS: Endpoint[] = [
  { path: '/v1/decisions', valid: (big) => ({ candidates: [c0, c1, ...pad(big)] }), list: '$.candidates', person: '$.candidates[0]' },
  { path: '/v1/plans/check', valid: plan, list: '$.candidates', person: '$.candidates[0]' },
  { path: '/v1/rank', valid: (big) => ({ track: 'province_cadre', candidates: [c0, c1, ...pad(big)] }), list: '$.candidates', person: '$.candidates[0]' },
];

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

async function post(t: (typeof TRANSPORTS)[number], e: Endpoint, req: Partial<Req> & { body?: unknown }): Promise<Res> {
  const res = await s.call(t, { method: 'POST', url: e.path, ...req });
  expectMatchesDoc(doc, 'POST', e.path, res);
  return res;
}

/** The valid body with `edit` applied to the first person, as JSON text (so hostile keys survive). */
function withPerson(e: Endpoint, big: boolean, edit: (p: Record<string, unknown>) => string): string {
  const body = e.valid(big);
  const [first, ...rest] = body.candidates as Record<string, unknown>[];
  const others = rest.map((r) => JSON.stringify(r));
  const { candidates: _c, ...top } = body;
  const head = JSON.stringify(top).slice(1, -1);
  return `{${head}${head ? ',' : ''}"candidates":[${[edit(first!), ...others].join(',')}]}`;
}

describe.each(TRANSPORTS)('hostile input (%s)', (t) => {
  describe.each(ENDPOINTS)('$path', (e) => {
    it('the valid bodies used below are accepted, small on the main thread and large in a worker', async () => {
      for (const big of [false, true]) {
        const text = JSON.stringify(e.valid(big));
        expect(text.length > INLINE_MAX).toBe(big);
        const before = s.app.p135.evaluator.counts.worker;
        expect((await post(t, e, { body: text })).status).toBe(200);
        expect(s.app.p135.evaluator.counts.worker - before).toBe(big ? 1 : 0);
      }
    });

    it.each([false, true])('malformed JSON is a 400 at $ (large: %s)', async (big) => {
      const text = JSON.stringify(e.valid(big)).slice(0, -1);
      const body = expectProblem(await post(t, e, { body: text }), 400, 'invalid-json');
      expect(body.errors).toEqual([expect.objectContaining({ in: 'body', path: '$', code: 'json.malformed' })]);
    });

    it('a body over the limit is a 413', async () => {
      const text = JSON.stringify({ ...e.valid(false), note: 'x'.repeat(BODY_LIMIT) });
      const body = expectProblem(await post(t, e, { body: text, url: `${e.path}?lang=en` }), 413, 'body-too-large');
      expect(body.detail).toContain(String(BODY_LIMIT));
    });

    it.each([false, true])('more people than the batch limit is a 413 at the list (large: %s)', async (big) => {
      const many = Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({ ...c0, id: `P${i}` }));
      const text = JSON.stringify({ ...e.valid(big), candidates: many });
      expect(text.length).toBeLessThan(BODY_LIMIT);
      const body = expectProblem(await post(t, e, { body: text }), 413, 'too-many-candidates');
      expect(paths(body)).toEqual([e.list]);
    });

    it.each([false, true])('unknown fields are a 400 naming them, at the top and inside a person (large: %s)', async (big) => {
      const top = expectProblem(await post(t, e, { body: { ...e.valid(big), extra: 1 } }), 400, 'invalid-input');
      expect(top.errors).toEqual([expect.objectContaining({ path: '$', code: 'schema.unrecognized_keys' })]);
      expect(top.errors[0].message.en).toContain('"extra"');
      const inner = withPerson(e, big, (p) => JSON.stringify({ ...p, district: { ...(p.district as object), chief: 'x' } }));
      const nested = expectProblem(await post(t, e, { body: inner }), 400, 'invalid-input');
      expect(paths(nested)).toEqual([`${e.person}.district`]);
    });

    it.each([
      ['__proto__', false],
      ['__proto__', true],
      ['constructor', false],
      ['constructor', true],
      ['prototype', false],
    ] as const)('a "%s" key is a 400 at its path (large: %s)', async (key, big) => {
      const top = `{"${key}":{"isAdmin":true},${JSON.stringify(e.valid(big)).slice(1)}`;
      const a = expectProblem(await post(t, e, { body: top }), 400, 'unsafe-json');
      expect(a.errors).toEqual([expect.objectContaining({ path: `$.${key}`, code: 'json.forbidden_key' })]);
      const inner = withPerson(e, big, (p) => `{"${key}":{"polluted":1},${JSON.stringify(p).slice(1)}`);
      const b = expectProblem(await post(t, e, { body: inner }), 400, 'unsafe-json');
      expect(paths(b)).toEqual([`${e.person}.${key}`]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it.each([false, true])('wrong types are a 400 at each field, both languages kept (large: %s)', async (big) => {
      const text = withPerson(e, big, (p) => JSON.stringify({ ...p, birthYear: '1980', gender: 7, commune: { ...(p.commune as object), p135: 'yes' } }));
      const res = await post(t, e, { body: text, url: `${e.path}?lang=en` });
      const body = expectProblem(res, 400, 'invalid-input');
      expect(paths(body).sort()).toEqual([`${e.person}.birthYear`, `${e.person}.commune.p135`, `${e.person}.gender`].sort());
      for (const err of body.errors) {
        expect(err.message.vi.length).toBeGreaterThan(0);
        expect(err.message.en.length).toBeGreaterThan(0);
      }
      expect(body.title).toBe('The request body is invalid');
      expect(body.detail).toMatch(/^\$\.candidates\[0\]\.\w+/);
      const vi = expectProblem(await post(t, e, { body: text }), 400, 'invalid-input');
      expect(vi.title).toBe('Dữ liệu gửi lên không hợp lệ');
    });

    it('a body that is not an object, or a list that is not a list, is a 400', async () => {
      for (const text of ['[]', '"text"', 'null', '42', 'true']) {
        expectProblem(await post(t, e, { body: text }), 400, 'invalid-input');
      }
      const notList = expectProblem(await post(t, e, { body: { ...e.valid(false), candidates: 'everyone' } }), 400, 'invalid-input');
      expect(paths(notList)).toEqual([e.list]);
    });

    it('JSON nested deeper than the limit is a 400 at the deep value', async () => {
      const deep = `${'['.repeat(40)}1${']'.repeat(40)}`;
      const text = `{"deep":${deep},${JSON.stringify(e.valid(false)).slice(1)}`;
      const body = expectProblem(await post(t, e, { body: text }), 400, 'unsafe-json');
      expect(body.errors[0]).toMatchObject({ code: 'json.too_deep' });
      expect(body.errors[0].path).toMatch(/^\$\.deep(\[0\])+$/);
    });

    it('bytes that are not UTF-8 are a 400', async () => {
      const bytes = Buffer.concat([Buffer.from('{"candidates":["'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"]}')]);
      const body = expectProblem(await post(t, e, { body: bytes, headers: { 'content-type': 'application/json' } }), 400, 'invalid-json');
      expect(body.errors[0].code).toBe('json.not_utf8');
    });

    it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x'], ['application/xml'], ['application/jsonx']])('Content-Type %s is a 415', async (type) => {
      expectProblem(await post(t, e, { body: JSON.stringify(e.valid(false)), headers: { 'content-type': type } }), 415, 'unsupported-media-type');
    });

    it('a body without Content-Type is a 415; no body at all is a 400', async () => {
      expectProblem(await post(t, e, { body: Buffer.from(JSON.stringify(e.valid(false))) }), 415, 'unsupported-media-type');
      expectProblem(await post(t, e, {}), 400, 'missing-body');
      expectProblem(await post(t, e, { body: '', headers: { 'content-type': 'application/json' } }), 400, 'missing-body');
    });

    it('duplicate ids and unknown codes are 400s with their paths', async () => {
      const body = { ...e.valid(false), candidates: [c0, { ...c1, id: c0.id, role: 'emperor', ethnicity: '99' }] };
      const res = expectProblem(await post(t, e, { body }), 400, 'invalid-input');
      // a plan's roster also names the repeated id (the other lists cannot: an invalid row has no id yet)
      const repeated = e.path === '/v1/plans/check' ? [`${e.list}[1].id`] : [];
      expect(paths(res).sort()).toEqual([`${e.list}[1].ethnicity`, `${e.list}[1].role`, ...repeated].sort());
    });

    it('bad query parameters are 400s naming them', async () => {
      for (const [query, name] of [
        ['pack=atlantis-2020', 'pack'],
        ['pack=../../etc/passwd', 'pack'],
        ['lang=fr', 'lang'],
        ['debug=1', 'debug'],
        ['lang=vi&lang=en', 'lang'],
      ]) {
        const res = await post(t, e, { body: e.valid(false), url: `${e.path}?${query}` });
        const body = expectProblem(res, 400, 'invalid-query');
        expect(
          body.errors.map((x: { path: string }) => x.path),
          query,
        ).toContain(name);
      }
    });
  });

  it('a money amount that is not whole đồng digits is a 400 at its path', async () => {
    const e = ENDPOINTS[1]!;
    for (const amount of ['1e5', '-1', '12.5', 'NaN', '0x1F', 1000]) {
      const body = { classes: [], budget: [{ id: 'B1', category: 'management', amount }] };
      const res = expectProblem(await post(t, e, { body }), 400, 'invalid-input');
      expect(paths(res), String(amount)).toEqual(['$.budget[0].amount']);
    }
  });

  it('a single candidate with errors: paths from the root', async () => {
    const e = ENDPOINTS[0]!;
    const res = expectProblem(await post(t, e, { body: { ...c0, birthYear: 1800, name: '' } }), 400, 'invalid-input');
    expect(paths(res).sort()).toEqual(['$.birthYear', '$.name']);
  });

  it('a plan’s own mistakes are 400s at their paths', async () => {
    const e = ENDPOINTS[1]!;
    const p = examplePlan() as { classes: Record<string, unknown>[] };
    const cls = { ...p.classes[0], track: 'space_camp', end: '2019-01-01', trainees: [] };
    const res = expectProblem(await post(t, e, { body: { classes: [cls, cls] } }), 400, 'invalid-input');
    expect(paths(res)).toEqual(expect.arrayContaining(['$.classes[0].end']));
  });

  it('very many errors: the first ones are listed, and how many there were', async () => {
    const e = ENDPOINTS[0]!;
    const bad = Array.from({ length: MAX_BATCH }, (_, i) => ({ ...c0, id: `B${i}`, birthYear: 'x', gender: 'x', role: 'x y' }));
    const body = expectProblem(await post(t, e, { body: { candidates: bad } }), 400, 'invalid-input');
    expect(body.errorCount).toBe(3 * MAX_BATCH);
    expect(body.errors.length).toBeLessThan(body.errorCount);
    expect(body.detail).toContain(String(3 * MAX_BATCH - 1));
  });
});
