import { readFileSync } from 'node:fs';
import { bundledPack, type Candidate, createRulebook, parseCandidates, type Plan, parsePlan, type Rulebook } from '@p135/rules';
import { EXAMPLES_DIR } from '../../vite/examples.ts';

export const book: Rulebook = createRulebook(bundledPack('lang-son-2020')!);
export const exampleBook: Rulebook = createRulebook(bundledPack('example-2021')!);

let roster: Candidate[] | undefined;
/** The example roster (16,600 people), read once. */
export function exampleRoster(): Candidate[] {
  if (!roster) {
    const r = parseCandidates(JSON.parse(readFileSync(`${EXAMPLES_DIR}candidates.json`, 'utf8')), book);
    if (!r.value) throw new Error('example roster invalid');
    roster = r.value;
  }
  return roster;
}

export function examplePlan(): Plan {
  const r = parsePlan(JSON.parse(readFileSync(`${EXAMPLES_DIR}plan.json`, 'utf8')), book);
  if (!r.value) throw new Error('example plan invalid');
  return r.value;
}
