/**
 * A large candidate roster for the benchmark: the example people (examples/lang-son-2020/
 * candidates.json) repeated and perturbed with a seeded generator, each with a new unique id,
 * written as CSV with the same columns as examples/lang-son-2020/candidates.csv by the io writers.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { csvRows, rosterSheet } from '@p135/io';
import { type Candidate, parseCandidates, type Rulebook } from '@p135/rules';

import { seeded } from '../../../packages/rules/scripts/seeded.js';

export { seeded };

/** The example people, validated. */
export function examplePeople(file: string, book: Rulebook): Candidate[] {
  const people = parseCandidates(JSON.parse(readFileSync(file, 'utf8')), book);
  if (!people.value) throw new Error(`${file}: not a valid roster`);
  return people.value;
}

/**
 * Person `i` of the large roster: an example person's place, role and history, with the name and
 * gender of another and the birth year of a third (every field stays valid), and a new id.
 */
function person(people: readonly Candidate[], random: () => number, i: number): Candidate {
  const pick = () => people[Math.floor(random() * people.length)] as Candidate;
  const base = pick();
  const named = pick();
  return { ...base, id: `BN-${String(i + 1).padStart(7, '0')}`, name: named.name, gender: named.gender, birthYear: pick().birthYear };
}

/** Writes `rows` people to `file` as a Vietnamese-header CSV (UTF-8 with BOM), 10,000 at a time. */
export async function writeRoster(file: string, rows: number, people: readonly Candidate[], book: Rulebook, seed: number): Promise<void> {
  const random = seeded(seed);
  const out = createWriteStream(file);
  let writer: ReturnType<typeof csvRows> | undefined;
  for (let start = 0; start < rows; start += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, rows - start) }, (_, k) => person(people, random, start + k));
    const sheet = rosterSheet(batch, book, 'vi');
    let text = '';
    if (!writer) {
      writer = csvRows(sheet.columns);
      text = writer.start;
    }
    for (const row of sheet.rows) text += writer.row(row);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}
