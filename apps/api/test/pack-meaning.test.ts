/**
 * What a pack's rules mean, over HTTP: the role × track matrix, the static findings of
 * `checkPack`, and for one person what would change a "no" — each as of `?asOf` — and
 * `POST /v1/decisions` with a roster file (CSV, XLSX) read by @p135/io's roster reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, expectMatchesDoc, expectProblem, startServer, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ workers: 1, inlineMaxBytes: 1_000_000, maxBatch: 20_000 });
});
afterAll(() => s.close());

describe('GET /v1/packs/{id}/matrix and /check', () => {
  it('the matrix names the rule that closes a track to a role, with its clause, and the day it was read', async () => {
    const res = await s.call('inject', { method: 'GET', url: '/v1/packs/lang-son-2020/matrix?asOf=2020-08-01' });
    expect(res.status).toBe(200);
    expectMatchesDoc(s.app.p135.openapi, 'GET', '/v1/packs/{id}/matrix', res);
    const m = res.json();
    expect(m.pack.asOf).toBe('2020-08-01');
    const police = m.roles.find((r: { role: string }) => r.role === 'police_chief').cells.find((c: { track: string }) => c.track === 'province_cadre');
    expect(police).toMatchObject({ status: 'closed', closedBy: [{ ruleId: 'province_cadre.role' }] });
  });

  it('the check lists only real findings for Lạng Sơn (no error), with paths and severities, its own test vectors run', async () => {
    const res = await s.call('http', { method: 'GET', url: '/v1/packs/lang-son-2020/check' });
    expect(res.status).toBe(200);
    expectMatchesDoc(s.app.p135.openapi, 'GET', '/v1/packs/{id}/check', res);
    const r = res.json();
    expect([r.errors, r.tests, r.asOf]).toEqual([0, true, '2020-12-31']);
    expect(new Set(r.findings.map((f: { code: string }) => f.code))).toEqual(new Set(['pack.clause_uncited', 'pack.role_admitted_nowhere']));
    expect(r.findings[0]).toMatchObject({ severity: 'warning', in: 'pack', path: expect.stringMatching(/^\$\./) });
  });

  it('an unknown pack is a 404; a day that does not exist a 400 at asOf', async () => {
    expectProblem(await s.call('inject', { method: 'GET', url: '/v1/packs/no-such-pack/check' }), 404, 'unknown-pack');
    const bad = expectProblem(await s.call('inject', { method: 'GET', url: '/v1/packs/lang-son-2020/matrix?asOf=2021-02-30' }), 400, 'invalid-query');
    expect(bad.errors[0].path).toBe('asOf');
  });
});

describe('POST /v1/decisions?whatWouldChange=true', () => {
  const chair = () => ({ ...JSON.parse(readFileSync(join(EXAMPLES, 'candidates.json'), 'utf8'))[0], role: 'committee_chair', provinceTrainingYears: [2019] });

  it('for one person, each "no" with the smallest changes that make it a "yes", found from the rules', async () => {
    const res = await s.call('inject', { method: 'POST', url: '/v1/decisions?whatWouldChange=true&asOf=2020-08-01', body: chair() });
    expect(res.status).toBe(200);
    expectMatchesDoc(s.app.p135.openapi, 'POST', '/v1/decisions', res);
    const body = res.json();
    expect(body.pack.asOf).toBe('2020-08-01');
    const province = body.whatWouldChange.find((w: { track: string }) => w.track === 'province_cadre');
    expect(province.options).toEqual([[expect.objectContaining({ fact: 'attendedProvinceLevel', to: false })]]);
    expect(province.options[0][0].message.vi).toBeTruthy();
  });

  it('is for one person: a batch with it is a 400 at the query parameter', async () => {
    const bad = expectProblem(await s.call('inject', { method: 'POST', url: '/v1/decisions?whatWouldChange=true', body: { candidates: [chair()] } }), 400, 'invalid-query');
    expect(bad.errors[0].path).toBe('whatWouldChange');
  });
});

describe('POST /v1/decisions with a roster file', () => {
  const csv = readFileSync(join(EXAMPLES, 'candidates.csv'), 'utf8').split('\n').slice(0, 6).join('\n');

  it('text/csv: read by the same reader as the CLI, decided in order, its notices in the answer', async () => {
    const withTitle = `DANH SÁCH HỌC VIÊN\n${csv}`;
    const res = await s.call('http', { method: 'POST', url: '/v1/decisions', headers: { 'content-type': 'text/csv; charset=utf-8' }, body: Buffer.from(withTitle) });
    expect(res.status).toBe(200);
    expectMatchesDoc(s.app.p135.openapi, 'POST', '/v1/decisions', res);
    const body = res.json();
    expect(body.count).toBe(5);
    expect(body.decisions.map((d: { candidateId: string }) => d.candidateId)).toEqual(['LS-000001', 'LS-000002', 'LS-000003', 'LS-000004', 'LS-000005']);
    expect(body.notices.map((n: { code: string }) => n.code)).toContain('roster.header_row');
  });

  it('an XLSX workbook is read too', async () => {
    const bytes = readFileSync(join(EXAMPLES, 'candidates-sample.xlsx'));
    const res = await s.call('inject', {
      method: 'POST',
      url: '/v1/decisions',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: bytes,
    });
    expect(res.status).toBe(200);
    expect(res.json().count).toBe(50);
  });

  it('a malformed roster is a 400 naming the row and column, in Vietnamese and English; more rows than the batch limit a 413', async () => {
    const broken = `${csv}\nLS-9,Người Thử,Nam,nineteen,Tày,Bí thư Đảng ủy xã,180,Huyện Tràng Định,05998,Xã Khánh Long,Có,Không,,,,,,`;
    const bad = expectProblem(await s.call('inject', { method: 'POST', url: '/v1/decisions', headers: { 'content-type': 'text/csv' }, body: Buffer.from(broken) }), 400, 'invalid-input');
    expect(bad.errors[0].path).toMatch(/^row 7, column "Năm sinh"/);
    expect(bad.errors[0].message.vi).toBeTruthy();
    const small = await startServer({ workers: 0, maxBatch: 3 });
    try {
      expectProblem(await small.call('inject', { method: 'POST', url: '/v1/decisions', headers: { 'content-type': 'text/csv' }, body: Buffer.from(csv) }), 413, 'too-many-candidates');
    } finally {
      await small.close();
    }
  });
});
