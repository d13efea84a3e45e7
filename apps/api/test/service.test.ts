import { bundledPackIds } from '@p135/rules';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCandidates, expectMatchesDoc, expectNoLeaks, expectProblem, startServer, TRANSPORTS, type TestServer, validateComponent, type Json } from './helpers.js';

let s: TestServer;
let doc: Record<string, Json>;

beforeAll(async () => {
  s = await startServer({ maxBatch: 1234, bodyLimitBytes: 654_321 });
  doc = (await s.call('inject', { method: 'GET', url: '/openapi.json' })).json();
});
afterAll(() => s.close());

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('states the configured limits', () => {
    expect(doc.info.description).toContain('1234 candidates');
    expect(doc.info.description).toContain('654321 bytes');
    expect(doc.components.schemas.DecisionBatchRequest.properties.candidates.maxItems).toBe(1234);
  });

  it("takes the request schemas from the rules package's zod schemas", () => {
    const candidate = doc.components.schemas.Candidate;
    expect(candidate.additionalProperties).toBe(false);
    expect(candidate.required).toEqual(expect.arrayContaining(['id', 'name', 'gender', 'birthYear', 'ethnicity', 'role', 'district', 'commune']));
    expect(doc.components.schemas.Plan.properties.candidates.items).toEqual({ $ref: '#/components/schemas/Candidate' });
    expect(doc.components.schemas.DecisionBatchRequest.properties.candidates.items).toEqual({ $ref: '#/components/schemas/Candidate' });
    // The recursive rule conditions of a pack are one component that refers to itself.
    expect(JSON.stringify(doc.components.schemas.Condition)).toContain('#/components/schemas/Condition');
    for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, object>)) {
      expect(schema, name).not.toHaveProperty('$id');
      expect(schema, name).not.toHaveProperty('$schema');
    }
  });

  it('accepts the example data and refuses what the API refuses', () => {
    const [c] = exampleCandidates();
    expect(validateComponent(doc, 'Candidate', c)).toEqual([]);
    expect(validateComponent(doc, 'Candidate', { ...c, extra: 1 })).not.toEqual([]);
    expect(validateComponent(doc, 'Candidate', { ...c, birthYear: '1980' })).not.toEqual([]);
    expect(validateComponent(doc, 'DecisionBatchRequest', { candidates: Array(1235).fill(c) })).not.toEqual([]);
    expect(validateComponent(doc, 'Decision', { candidateId: 'x' })).not.toEqual([]);
  });

  it('lists exactly the routes the server has', () => {
    const documented = Object.entries(doc.paths as Record<string, object>)
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    for (const op of documented) {
      const [method, path] = op.split(' ') as [string, string];
      expect(s.app.hasRoute({ method: method as 'GET', url: path }), op).toBe(true);
    }
    expect(documented).toEqual(
      [
        'GET /docs',
        'GET /healthz',
        'GET /openapi.json',
        'GET /v1/packs',
        'GET /v1/packs/:id',
        'GET /v1/packs/:id/check',
        'GET /v1/packs/:id/matrix',
        'POST /v1/decisions',
        'POST /v1/plans/check',
        'POST /v1/rank',
        'POST /v1/reports/district',
        'POST /v1/reports/province',
      ].sort(),
    );
  });
});

describe('the checks themselves can fail', () => {
  it('the 3.1 validator refuses a broken document', async () => {
    const broken = structuredClone(doc);
    broken.paths['/healthz'].get.responses = { '200': { content: {} } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('a body that does not match its declared schema fails expectMatchesDoc', () => {
    const res = { status: 200, headers: { 'content-type': 'application/json' }, text: '{"status":"ok"}', json: () => ({ status: 'ok' }) };
    expect(() => expectMatchesDoc(doc, 'GET', '/healthz', res)).toThrow();
    const undeclared = { ...res, status: 418, text: '{}', json: () => ({}) };
    expect(() => expectMatchesDoc(doc, 'GET', '/healthz', undeclared)).toThrow();
  });
});

describe.each(TRANSPORTS)('service endpoints (%s)', (t) => {
  it('GET /healthz', async () => {
    const res = await s.call(t, { method: 'GET', url: '/healthz' });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', packs: bundledPackIds().sort() });
    expectMatchesDoc(doc, 'GET', '/healthz', res);
  });

  it('GET /openapi.json', async () => {
    const res = await s.call(t, { method: 'GET', url: '/openapi.json' });
    expect(res.status).toBe(200);
    expect(res.json().openapi).toBe('3.1.0');
    expectMatchesDoc(doc, 'GET', '/openapi.json', res);
  });

  it('GET /docs: a self-contained page of every operation, problem type and schema', async () => {
    const res = await s.call(t, { method: 'GET', url: '/docs' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expectMatchesDoc(doc, 'GET', '/docs', res);
    for (const id of ['op-decide', 'op-checkPlan', 'op-rankClass', 'op-listPacks', 'op-getPack', 'schema-Candidate', 'schema-Problem', 'problem-invalid-input', 'problem-body-too-large']) {
      expect(res.text, id).toContain(`id="${id}"`);
    }
    // No script and nothing from another host.
    expect(res.text).not.toMatch(/<script|<link|src=|https?:\/\/(?!json-schema)/i);
  });

  it('an unknown path is a problem+json 404', async () => {
    const res = await s.call(t, { method: 'GET', url: '/v2/nothing?lang=en' });
    const body = expectProblem(res, 404, 'not-found');
    expect(body.title).toBe('Not found');
    expect(body.instance).toBe('/v2/nothing');
  });

  it('a wrong method on a known path is a problem+json 405 with Allow', async () => {
    const res = await s.call(t, { method: 'DELETE', url: '/v1/packs' });
    const body = expectProblem(res, 405, 'method-not-allowed');
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(body.detail).toContain('GET, HEAD');
    const post = await s.call(t, { method: 'GET', url: '/v1/plans/check?lang=en' });
    expectProblem(post, 405, 'method-not-allowed');
    expect(post.headers.allow).toBe('POST');
    expect(post.json().detail).toBe('this path accepts POST only');
    const one = await s.call(t, { method: 'PUT', url: '/v1/packs/lang-son-2020' });
    expectProblem(one, 405, 'method-not-allowed');
    expect(one.headers.allow).toBe('GET, HEAD');
  });

  it('an unknown path is still 404', async () => {
    expectProblem(await s.call(t, { method: 'DELETE', url: '/v1/nothing' }), 404, 'not-found');
  });

  it('keeps a well-formed x-request-id and replaces a hostile one', async () => {
    const mine = await s.call(t, { method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(mine.headers['x-request-id']).toBe('abc-123');
    const hostile = await s.call(t, { method: 'GET', url: '/healthz', headers: { 'x-request-id': 'a b<script>' } });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expectNoLeaks(hostile.text);
  });
});

describe('logs', () => {
  it('are JSON lines (pino) that carry the request id', async () => {
    const res = await s.call('http', { method: 'GET', url: '/healthz', headers: { 'x-request-id': 'log-test-1' } });
    expect(res.status).toBe(200);
    const lines = s.logs.map((l) => JSON.parse(l)).filter((l) => l.reqId === 'log-test-1');
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    expect(lines.every((l) => typeof l.level === 'number' && typeof l.time === 'number')).toBe(true);
  });
});
