/**
 * The second bundled pack (example-2021, a made-up province's 2021 plan built from data alone) is
 * served unchanged and gives different answers from Lạng Sơn 2020 where its data differ.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesDoc, type Json, startServer, TRANSPORTS, type TestServer } from './helpers.js';

let s: TestServer;
let doc: Record<string, Json>;
beforeAll(async () => {
  s = await startServer({ workers: 0 });
  doc = s.app.p135.openapi;
});
afterAll(() => s.close());

const villageHead = {
  id: 'T-1',
  name: 'Lý Văn Thôn',
  gender: 'male',
  birthYear: 1976,
  ethnicity: '02',
  role: 'village_head',
  district: { code: '180' },
  commune: { code: '05998', p135: { listed: true, struckOff: false } },
};
const plan = {
  classes: [{ id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2021-06-01', end: '2021-06-03', days: '3', trainees: [] }],
  budget: [{ id: 'NS-1', category: 'study_tour', amount: '300000000' }],
  candidates: [],
};

describe.each(TRANSPORTS)('example-2021 beside lang-son-2020 (%s)', (t) => {
  it('is listed as an example pack', async () => {
    const res = await s.call(t, { method: 'GET', url: '/v1/packs' });
    expect(res.json().packs).toContainEqual(expect.objectContaining({ id: 'example-2021', status: 'example', year: 2021 }));
  });

  it('a village head: refused by Lạng Sơn 2020 (no such role), eligible for the commune class in the example', async () => {
    const ls = await s.call(t, { method: 'POST', url: '/v1/decisions', body: villageHead });
    expect(ls.status).toBe(400);
    expect(ls.json().errors[0]).toMatchObject({ path: '$.role', code: 'input.unknown_role' });
    const ex = await s.call(t, { method: 'POST', url: '/v1/decisions?pack=example-2021', body: villageHead });
    expect(ex.status).toBe(200);
    expectMatchesDoc(doc, 'post', '/v1/decisions', ex);
    expect(ex.json().decision.eligibleTracks).toContain('commune_community');
    expect(ex.json().pack).toMatchObject({ id: 'example-2021', asOf: '2021-12-31' });
  });

  it('a 3-day commune class in June 2021 and 300 million of study tours: different findings', async () => {
    const ids = async (url: string) => ((await s.call(t, { method: 'POST', url, body: plan })).json().findings as { ruleId: string }[]).map((f) => f.ruleId);
    const ls = await ids('/v1/plans/check');
    const ex = await ids('/v1/plans/check?pack=example-2021');
    expect(ls).toEqual(expect.arrayContaining(['class.commune_community.days', 'class.commune_community.window']));
    expect(ls).not.toContain('budget.cap.study_tour');
    expect(ex).not.toContain('class.commune_community.days');
    expect(ex).toContain('budget.cap.study_tour');
  });
});
