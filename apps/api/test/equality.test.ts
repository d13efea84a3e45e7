/**
 * The API's decisions on the example roster equal the package's, person by person: the whole
 * Lạng Sơn example (16,600 people) in one batch over HTTP, answered by a worker thread.
 */
import { isDeepStrictEqual } from 'node:util';
import { bundledPack, type Candidate, createRulebook, decideMany, parseCandidates } from '@p135/rules';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exampleCandidates, expectMatchesDoc, startServer, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ workers: 1 });
});
afterAll(() => s.close());

it('POST /v1/decisions on the example roster gives the package’s decisions', async () => {
  const rows = exampleCandidates();
  expect(rows.length).toBeGreaterThan(16_000);
  const res = await s.call('http', { method: 'POST', url: '/v1/decisions', body: { candidates: rows } });
  expect(res.status).toBe(200);
  expect(s.app.p135.evaluator.counts.worker).toBe(1);

  const book = createRulebook(bundledPack('lang-son-2020')!);
  const expected = JSON.parse(JSON.stringify(await decideMany(book, parseCandidates(rows, book).value as Candidate[])));
  const body = res.json();
  expect(body.pack).toEqual(book.ref);
  expect(body.count).toBe(rows.length);
  expect(body.decisions).toHaveLength(expected.length);
  const differ = expected.flatMap((d: { candidateId: string }, i: number) => (isDeepStrictEqual(body.decisions[i], d) ? [] : [d.candidateId]));
  expect(differ).toEqual([]);
  // Some people are eligible for something and some for nothing: the comparison is not trivial.
  expect(expected.some((d: { eligibleTracks: string[] }) => d.eligibleTracks.length === 0)).toBe(true);
  expect(expected.some((d: { eligibleTracks: string[] }) => d.eligibleTracks.length > 0)).toBe(true);
  // The first and last few against the document (the whole body is large).
  const sample = { ...body, decisions: [...body.decisions.slice(0, 20), ...body.decisions.slice(-20)], count: 40 };
  expectMatchesDoc(s.app.p135.openapi, 'POST', '/v1/decisions', { ...res, json: () => sample });
});
