#!/usr/bin/env node
// Adds up Stryker's JSON reports (mutation-testing-report-schema), one per part of a split run:
//   node scripts/mutation-score.mjs packages/rules/reports/mutation/*.json
// Prints, per source directory and in total: killed, timed out, survived, not covered, and the
// score Stryker gives (detected / (detected + undetected)); ignored and invalid mutants are not
// counted, as in Stryker. A file found in two reports counts once (the later report's).
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const files = new Map();
for (const report of process.argv.slice(2)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  for (const [name, file] of Object.entries(json.files ?? {})) files.set(name, file.mutants ?? []);
}
if (files.size === 0) {
  console.error('usage: node scripts/mutation-score.mjs REPORT.json… (Stryker JSON reports)');
  process.exit(2);
}

const rows = new Map();
const add = (key, status) => {
  const row = rows.get(key) ?? { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 };
  if (DETECTED.has(status) || UNDETECTED.has(status)) row[status]++;
  else row.other++;
  rows.set(key, row);
};
for (const [name, mutants] of files)
  for (const m of mutants) {
    add(dirname(name), m.status);
    add('total', m.status);
  }
const score = (r) => {
  const detected = r.Killed + r.Timeout;
  const valid = detected + r.Survived + r.NoCoverage;
  return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(2)}%`;
};
console.log('| directory | killed | timed out | survived | no coverage | ignored/invalid | score |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
const keys = [...rows.keys()].filter((k) => k !== 'total').sort();
for (const k of [...keys, 'total']) {
  const r = rows.get(k);
  console.log(`| ${k} | ${r.Killed} | ${r.Timeout} | ${r.Survived} | ${r.NoCoverage} | ${r.other} | ${score(r)} |`);
}
