import { bundledPack, bundledPackIds, createRulebook } from '@p135/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesDoc, expectProblem, startServer, TRANSPORTS, type TestServer, type Json } from './helpers.js';

let s: TestServer;
let doc: Record<string, Json>;
const ref = createRulebook(bundledPack('lang-son-2020')!).ref;

beforeAll(async () => {
  s = await startServer({ workers: 0 });
  doc = s.app.p135.openapi;
});
afterAll(() => s.close());

describe.each(TRANSPORTS)('packs (%s)', (t) => {
  it('GET /v1/packs lists the bundled Lạng Sơn pack as the default', async () => {
    const res = await s.call(t, { method: 'GET', url: '/v1/packs' });
    expect(res.status).toBe(200);
    expectMatchesDoc(doc, 'GET', '/v1/packs', res);
    const body = res.json();
    expect(body.default).toBe('lang-son-2020');
    expect(body.packs.map((p: { id: string }) => p.id)).toEqual(bundledPackIds().sort());
    const langSon = body.packs.find((p: { id: string }) => p.id === 'lang-son-2020');
    expect(langSon).toMatchObject({ ...ref, default: true, source: 'bundled', year: 2020, province: { code: '20' } });
    expect(langSon.counts.rules).toBeGreaterThan(0);
    expect(body.packs.filter((p: { default: boolean }) => p.default)).toHaveLength(1);
  });

  it('GET /v1/packs/{id}: parameters, rules and clause texts in vi and en', async () => {
    const res = await s.call(t, { method: 'GET', url: '/v1/packs/lang-son-2020' });
    expect(res.status).toBe(200);
    expectMatchesDoc(doc, 'GET', '/v1/packs/{id}', res);
    const { ref: got, pack } = res.json();
    expect(got).toEqual(ref);
    expect(pack).toEqual(JSON.parse(JSON.stringify(bundledPack('lang-son-2020'))));
    const clause = pack.clauses.find((c: { id: string }) => c.id === 'KH.II.2.1.a');
    expect(clause.text.vi.length).toBeGreaterThan(0);
    expect(clause.text.en.length).toBeGreaterThan(0);
    expect(pack.parameters['budget.total']).toMatchObject({ unit: 'vnd' });
  });

  it.each([
    ['/v1/packs/nope', 'an unknown id'],
    ['/v1/packs/..%2F..%2Fetc%2Fpasswd', 'a path'],
    ['/v1/packs/LANG-SON-2020', 'upper case'],
    ['/v1/packs/%00', 'a NUL byte'],
  ])('GET %s (%s) is a 404 problem', async (url) => {
    const res = await s.call(t, { method: 'GET', url: `${url}?lang=en` });
    const body = expectProblem(res, 404, 'unknown-pack');
    expectMatchesDoc(doc, 'GET', '/v1/packs/{id}', res);
    expect(body.errors[0]).toMatchObject({ in: 'path', path: 'id', code: 'pack.unknown' });
    expect(body.title).toBe('No such rule pack');
  });

  it('an id longer than the router allows is a 414 problem', async () => {
    const res = await s.call(t, { method: 'GET', url: `/v1/packs/${'a'.repeat(500)}?lang=en` });
    const body = expectProblem(res, 414, 'uri-too-long');
    expect(body.title).toBe('The URI is too long');
    expectMatchesDoc(doc, 'GET', '/v1/packs/{id}', res);
  });

  it.each([
    ['/v1/packs?lang=fr', 'lang'],
    ['/v1/packs?foo=1', 'foo'],
    ['/v1/packs?lang=vi&lang=en', 'lang'],
    ['/v1/packs/lang-son-2020?pack=x', 'pack'],
  ])('GET %s: an invalid query parameter is a 400 problem naming it', async (url, name) => {
    const res = await s.call(t, { method: 'GET', url });
    const body = expectProblem(res, 400, 'invalid-query');
    expect(body.errors.map((e: { path: string }) => e.path)).toContain(name);
    expect(body.errors[0].in).toBe('query');
  });
});
