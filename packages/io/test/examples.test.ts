import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRoster, rosterSheet, toCsv, toXlsx } from '../src/index.js';
import { book, EXAMPLES, exampleCandidates, itOutsideMutationRuns } from './helpers.js';

const REGENERATE = 'run `pnpm --filter @p135/io examples` to rewrite it from candidates.json';

describe('example roster files', () => {
  it('candidates.csv is what the writer gives for candidates.json, byte for byte', () => {
    const committed = readFileSync(`${EXAMPLES}candidates.csv`, 'utf8');
    expect(committed === toCsv(rosterSheet(exampleCandidates(), book, 'vi')), `candidates.csv is stale: ${REGENERATE}`).toBe(true);
  });

  it('candidates-sample.xlsx is byte-stable', async () => {
    const committed = readFileSync(`${EXAMPLES}candidates-sample.xlsx`);
    const fresh = await toXlsx([rosterSheet(exampleCandidates().slice(0, 50), book, 'vi')], { date: new Date(Date.UTC(2020, 5, 1)) });
    expect(committed.equals(Buffer.from(fresh)), `candidates-sample.xlsx is stale: ${REGENERATE}`).toBe(true);
  });

  itOutsideMutationRuns('reading candidates.csv (Vietnamese headers and labels, BOM) gives back candidates.json', async () => {
    const bytes = readFileSync(`${EXAMPLES}candidates.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const r = await readRoster({ name: 'candidates.csv', bytes }, book);
    expect(r.errors).toEqual([]);
    expect(r.candidates).toEqual(exampleCandidates());
  });

  it('reads the same roster without a BOM, with semicolons, and with English headers and words', async () => {
    const people = exampleCandidates().slice(0, 300);
    const noBom = new TextEncoder().encode(toCsv(rosterSheet(people, book, 'vi'), { bom: false, delimiter: ';' }));
    const en = new TextEncoder().encode(toCsv(rosterSheet(people, book, 'en')));
    for (const bytes of [noBom, en]) {
      const r = await readRoster({ name: 'x.csv', bytes }, book);
      expect(r.errors).toEqual([]);
      expect(r.candidates).toEqual(people);
    }
  });
});
