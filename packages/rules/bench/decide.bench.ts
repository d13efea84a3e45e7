/**
 * pnpm --filter @p135/rules bench [-- --n 100000]
 * Decides N generated candidates with the reference evaluator (json-rules-engine) and prints
 * candidates per second, beside a baseline measured in the same run (validating the same
 * candidates with their zod schema), so the figure can be read on a shared, noisy machine.
 */
import { performance } from 'node:perf_hooks';
import { bundledPack, CandidateSchema, createRulebook, decideMany } from '../src/index.js';
import { createJreEvaluator } from '../src/evaluate.js';
import { generateCandidates } from './generate.js';

const args = process.argv.slice(2);
const nArg = args.indexOf('--n');
const N = nArg >= 0 ? Number(args[nArg + 1]) : 100_000;
const pack = bundledPack();
if (!pack) throw new Error('no bundled pack');
const book = createRulebook(pack);
const reference = createRulebook(pack, { evaluator: createJreEvaluator });
const candidates = generateCandidates(
  N,
  pack.roles.map((r) => r.code),
);
const plain = candidates.map((c) => JSON.parse(JSON.stringify(c)));

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

// Warm up both paths.
await decideMany(book, candidates.slice(0, 2000), { chunkSize: 0 });
for (const c of plain.slice(0, 2000)) CandidateSchema.parse(c);

const rounds = 3;
const decideSecs: number[] = [];
const baseSecs: number[] = [];
let eligible = 0;
for (let r = 0; r < rounds; r++) {
  baseSecs.push(
    await time(() => {
      for (const c of plain) CandidateSchema.parse(c);
    }),
  );
  decideSecs.push(
    await time(async () => {
      const ds = await decideMany(book, candidates, { chunkSize: 0 });
      eligible = ds.filter((d) => d.eligibleTracks.length > 0).length;
    }),
  );
}
// json-rules-engine is ~100× slower: one round on the first tenth.
const sample = candidates.slice(0, Math.max(1, Math.floor(N / 10)));
await decideMany(reference, sample.slice(0, 1000), { chunkSize: 0 });
const jreSecs = await time(() => decideMany(reference, sample, { chunkSize: 0 }));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const perSec = N / median(decideSecs);
const basePerSec = N / median(baseSecs);
const jrePerSec = sample.length / jreSecs;
const f = (n: number) => Math.round(n).toLocaleString('en');
console.log(`candidates: ${N} (${eligible} eligible for at least one track), full decisions with vi/en reasons, median of ${rounds} rounds`);
console.log(`baseline  zod CandidateSchema.parse:          ${f(basePerSec)} candidates/s`);
console.log(`decide    compiled evaluator (default):       ${f(perSec)} candidates/s`);
console.log(`decide    json-rules-engine (reference), ${f(sample.length)}: ${f(jrePerSec)} candidates/s`);
console.log(`bench: decide_per_sec=${Math.round(perSec)} vs_zod_parse=${(perSec / basePerSec).toFixed(3)} vs_jre=${(perSec / jrePerSec).toFixed(1)}`);
