/**
 * A second province through the API: the Cao Bằng-like 2021 pack that the CLI test builds from
 * `pack init` and data edits only (examples/cao-bang-2021), served from a packs directory, decides
 * a person of a Cao Bằng commune and checks a plan with its own values, on the day asked.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('../../../examples/cao-bang-2021/cao-bang-2021.json', import.meta.url));

describe('a Cao Bằng-like 2021 pack in the packs directory', () => {
  let s: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'p135-cb-'));
    copyFileSync(FIXTURE, join(dir, 'cao-bang-2021.json'));
    s = await startServer({ workers: 0, packsDir: dir });
  });
  afterAll(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is listed, with its province and year', async () => {
    const res = await s.call('inject', { method: 'GET', url: '/v1/packs' });
    const cb = res.json().packs.find((p: { id: string }) => p.id === 'cao-bang-2021');
    expect(cb).toMatchObject({ source: 'directory', year: 2021, province: { code: '04', name: 'Tỉnh Cao Bằng' } });
  });

  it('decides a person of a Cao Bằng commune', async () => {
    const person = {
      id: 'CB-1',
      name: 'Nông Văn Pó',
      gender: 'male',
      birthYear: 1990,
      ethnicity: '07',
      role: 'citizen',
      district: { code: '042' },
      commune: { code: '01293', p135: { listed: true, struckOff: false } },
    };
    const res = await s.call('inject', { method: 'POST', url: '/v1/decisions?pack=cao-bang-2021', body: person });
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body.pack).toMatchObject({ id: 'cao-bang-2021', asOf: '2021-12-31' });
    expect(body.decision.tracks.find((t: { track: string }) => t.track === 'commune_community').eligible).toBe(true);
  });

  it('checks a plan with its own values: 3-day commune classes in 2021, and the budget in force on the day asked', async () => {
    const plan = {
      classes: [{ id: 'X-1', track: 'commune_community', district: '042', commune: '01293', start: '2021-08-02', end: '2021-08-04', days: '3', trainees: [] }],
      budget: [{ id: 'NS-1', category: 'commune_community', amount: '6800000000' }],
      candidates: [],
    };
    const march = await s.call('inject', { method: 'POST', url: '/v1/plans/check?pack=cao-bang-2021&asOf=2021-03-01', body: plan });
    const august = await s.call('inject', { method: 'POST', url: '/v1/plans/check?pack=cao-bang-2021&asOf=2021-08-01', body: plan });
    expect([march.status, august.status]).toEqual([200, 200]);
    const ids = (r: typeof march) => r.json().findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids(august)).not.toContain('class.commune_community.days');
    expect(ids(august)).not.toContain('class.commune_community.window');
    expect([march.json().budget.ceiling, august.json().budget.ceiling]).toEqual(['6500000000', '7000000000']);
    expect(ids(march)).toContain('budget.ceiling');
    expect(ids(august)).not.toContain('budget.ceiling');
  });
});
