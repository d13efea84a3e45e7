/**
 * The synthetic corpus of official-shaped rosters (packages/io/test/corpus/official) through
 * `POST /v1/decisions`, read by the same @p135/io reader as `p135 decide`: each readable file gives
 * the same six people in order, with the reader's notices (which row was the header, the columns
 * left out, where the list ended); TCVN3 and VNI files are a 400 that names the old encoding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startServer, type TestServer } from './helpers.js';

const DIR = join(import.meta.dirname, '../../../packages/io/test/corpus/official');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const typeOf = (file: string) => (file.endsWith('.xlsx') ? XLSX : 'text/csv');

let s: TestServer;
beforeAll(async () => {
  s = await startServer({ workers: 1, inlineMaxBytes: 1_000_000 });
});
afterAll(() => s.close());

describe('official-shaped rosters through POST /v1/decisions', () => {
  it.each(['titled.csv', 'titled.xlsx', 'unicode-text.txt', 'unicode-text-be.txt', 'windows-1258.csv'])('%s: the six people decided, with the notices', async (file) => {
    const res = await s.call('http', { method: 'POST', url: '/v1/decisions', headers: { 'content-type': typeOf(file) }, body: readFileSync(join(DIR, file)) });
    expect(res.status, res.text).toBe(200);
    const body = res.json();
    expect(body.decisions.map((d: { candidateId: string }) => d.candidateId)).toEqual(['TD-001', 'TD-002', 'TD-003', 'TD-004', 'TD-005', 'TD-006']);
    expect(body.decisions[1].name).toBe('Nông Thị Hướng');
    // "Trưởng thôn" is the commune community track's trainee (KH.II.2.2.b, the pack's vocabulary)
    expect(body.decisions[1].eligibleTracks).toContain('commune_community');
    const said = (code: string) => body.notices.find((n: { code: string }) => n.code === code);
    expect(said('roster.header_row')).toMatchObject({ path: 'row 5', message: { vi: expect.stringMatching(/^dòng tiêu đề là dòng 5; bỏ qua 3 dòng/) } });
    expect(said('roster.ignored_columns').message.vi).toContain('"STT", "Số điện thoại", "Ghi chú"');
    expect(said('roster.footer')).toMatchObject({ path: 'row 12', message: { vi: expect.stringContaining('Tổng cộng: 06 người') } });
  });

  it.each([
    ['tcvn3.csv', 'TCVN3'],
    ['vni.csv', 'VNI'],
  ])('%s: a 400 naming the old encoding and how to save the file as UTF-8, no stack, no path', async (file, name) => {
    const res = await s.call('http', { method: 'POST', url: '/v1/decisions', headers: { 'content-type': 'text/csv' }, body: readFileSync(join(DIR, file)) });
    const problem = expectProblem(res, 400, 'invalid-input');
    const text = JSON.stringify(problem);
    expect(text).toContain(name);
    expect(text).toContain('UTF-8');
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+|\/work\//);
  });
});
