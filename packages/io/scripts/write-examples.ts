/**
 * Writes the example roster as a spreadsheet user would have it, from examples/lang-son-2020/candidates.json:
 *   candidates.csv          all 16,600 people, Vietnamese headers and role labels, UTF-8 with BOM
 *   candidates-sample.xlsx  the first 50 rows
 * Deterministic: the same JSON gives the same bytes (the XLSX carries a fixed date).
 *
 *   pnpm --filter @p135/io examples
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPack, createRulebook, parseCandidates } from '@p135/rules';
import { rosterSheet, toCsv, toXlsx } from '../src/index.js';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples/lang-son-2020');
const pack = bundledPack();
if (!pack) throw new Error('no bundled pack');
const book = createRulebook(pack);
const roster = parseCandidates(JSON.parse(readFileSync(join(dir, 'candidates.json'), 'utf8')), book);
if (!roster.value) throw new Error(`candidates.json: ${roster.errors.map((e) => `${e.path} ${e.message.en}`).join('; ')}`);

/** The plan's decision month, so the sample workbook's timestamp never changes. */
export const EXAMPLE_DATE = new Date(Date.UTC(2020, 5, 1));

writeFileSync(join(dir, 'candidates.csv'), toCsv(rosterSheet(roster.value, book, 'vi')));
writeFileSync(join(dir, 'candidates-sample.xlsx'), await toXlsx([rosterSheet(roster.value.slice(0, 50), book, 'vi')], { date: EXAMPLE_DATE }));
console.log(`wrote ${join(dir, 'candidates.csv')} (${roster.value.length} people) and candidates-sample.xlsx (50)`);
