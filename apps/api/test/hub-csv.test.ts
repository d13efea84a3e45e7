/**
 * The hub takes the results workbook saved as one CSV (`text/csv`, as the web app and `p135 report`
 * read it) beside JSON and XLSX: the same findings as its JSON, the CSV kept byte for byte.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './helpers.js';
import { auth, type HubServer, resultsBytes, startHub } from './hub-helpers.js';

async function resultsCsv(name: string): Promise<Uint8Array> {
  const { resultsSheets, sheetsCsv } = await import('@p135/io');
  const { bundledPack, createRulebook, parseResults } = await import('@p135/rules');
  const book = createRulebook(bundledPack('lang-son-2020')!);
  const parsed = parseResults(JSON.parse(new TextDecoder().decode(resultsBytes(name))), book);
  if (!parsed.value) throw new Error('example results');
  return new TextEncoder().encode(sheetsCsv(resultsSheets(parsed.value, 'vi')));
}

describe('the hub takes results as CSV', { timeout: 600_000 }, () => {
  let dir: string;
  let s: HubServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'p135-hub-csv-'));
    s = await startHub({ dataDir: dir });
  }, 600_000);
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const submit = (token: string, body: Uint8Array, type: string, query = '') =>
    s.call('http', { method: 'POST', url: `/v1/hub/submissions${query}`, headers: { ...auth(token), 'content-type': type }, body });

  it('a CSV of the results workbook: 201 with the findings of its JSON, and the CSV comes back byte for byte', async () => {
    const csv = await resultsCsv('district-181');
    const r = await submit(s.tokens['181'], csv, 'text/csv; charset=utf-8', '?name=ket-qua-181.csv');
    expect(r.status, r.text.slice(0, 400)).toBe(201);
    const made = r.json();
    expect(made.submission).toMatchObject({ district: '181', version: 1, mediaType: 'text/csv', fileName: 'ket-qua-181.csv', size: csv.byteLength });
    const asJson = (await submit(s.tokens['181'], resultsBytes('district-181'), 'application/json', '?name=ket-qua-181.csv')).json();
    expect(asJson.submission.version).toBe(2);
    expect(made.findings).toEqual(asJson.findings);
    const original = await fetch(`${s.base}/v1/hub/districts/181/submissions/1/original`, { headers: auth(s.tokens['181']) });
    expect(original.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(csv))).toBe(true);
  });

  it('a CSV of another district: 403, as for JSON', async () => {
    expectProblem(await submit(s.tokens['180'], await resultsCsv('district-181'), 'text/csv'), 403, 'forbidden');
  });
});
