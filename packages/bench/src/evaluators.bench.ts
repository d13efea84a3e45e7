/**
 * pnpm bench (at the root) — four ways to decide the same generated candidates, in one process,
 * side by side, with warm-up and the median of several rounds:
 *   (1) json-rules-engine, one reused engine (the reference)
 *   (2) GoRules ZEN, a decision table generated from the same pack, in loop (batch) mode
 *   (3) a hand-written TypeScript function (the practical bound; it shares results alike as the
 *       compiled path does, so the two are compared as evaluators)
 *   (4) the compiled evaluator of @p135/rules
 * It checks that all four agree on every candidate, prints candidates per second and the
 * ratios, and ends with: bench: vs_jre=<x> vs_zen=<x> vs_hand=<x> mismatches=<n>
 *
 * Options: --sizes 100000,1000000  --rounds 3  --jre-max 100000 (json-rules-engine is ~100×
 * slower: it is timed and checked on the first jre-max candidates of each size).
 */
import { performance } from 'node:perf_hooks';
import { ZenEngine } from '@gorules/zen-engine';
import { bundledPack, type Candidate, createRulebook } from '@p135/rules';
import { assembleCore, createJreEvaluator, type DecisionCore, decideCore, decideCoreSync } from '@p135/rules/evaluate';
import { generateCandidates } from '../../rules/bench/generate.js';
import { createHandDecider } from './hand.js';
import { candidateFactDefs, factRow, packToJdm } from './zen.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
};
const SIZES = arg('sizes', '100000,1000000').split(',').map(Number);
const ROUNDS = Number(arg('rounds', '3'));
const JRE_MAX = Number(arg('jre-max', '100000'));
// 100 rows a call is ZEN's fastest batch here (see src/zen-modes.ts).
const ZEN_CHUNK = 100;

const pack = bundledPack();
if (!pack) throw new Error('no bundled pack');
const compiled = createRulebook(pack);
const jre = createRulebook(pack, { evaluator: createJreEvaluator });
const hand = createHandDecider(pack);
const group = compiled.group('candidate');
const index = new Map(group.rules.map((r, i) => [r.id, i] as const));
const defs = candidateFactDefs(pack);
const zenEngine = new ZenEngine();
const zenDecision = zenEngine.createDecision(packToJdm(group.rules, compiled.params));

async function zenDecideAll(cs: readonly Candidate[]): Promise<DecisionCore[]> {
  const out: DecisionCore[] = new Array(cs.length);
  for (let start = 0; start < cs.length; start += ZEN_CHUNK) {
    const chunk = cs.slice(start, start + ZEN_CHUNK);
    const rows = chunk.map((candidate) => factRow(defs, { candidate }, compiled.params));
    const { result } = await zenDecision.evaluate({ candidates: rows });
    const results = (result as { results: { rule: string }[][] }).results;
    for (let i = 0; i < chunk.length; i++) {
      const passed = new Array<boolean>(group.rules.length).fill(false);
      for (const hit of results[i] ?? []) {
        const k = index.get(hit.rule);
        if (k !== undefined) passed[k] = true;
      }
      out[start + i] = assembleCore(compiled, (chunk[i] as Candidate).id, passed);
    }
  }
  return out;
}

const runners: Record<string, (cs: readonly Candidate[]) => Promise<DecisionCore[]> | DecisionCore[]> = {
  'json-rules-engine': async (cs) => {
    const out: DecisionCore[] = new Array(cs.length);
    for (let i = 0; i < cs.length; i++) out[i] = await decideCore(jre, cs[i] as Candidate);
    return out;
  },
  zen: zenDecideAll,
  hand: (cs) => cs.map(hand),
  compiled: (cs) => {
    const out: DecisionCore[] = new Array(cs.length);
    for (let i = 0; i < cs.length; i++) out[i] = decideCoreSync(compiled, cs[i] as Candidate);
    return out;
  },
};

/** A compact, exact fingerprint of a decision core, for comparing millions of results. */
const fingerprint = (d: DecisionCore) =>
  d.tracks
    .map(
      (t) =>
        `${t.eligible ? 1 : 0}:${t.failed.map((f) => f.ruleId).join(',')}:${t.points}:${t.criteria.map((c) => c.ruleId).join(',')}:${t.payer ? `${t.payer.meals}/${t.payer.lodging}/${t.payer.travel}` : '-'}`,
    )
    .join('|');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

let mismatches = 0;
const rates: Record<string, Record<number, number>> = {};
for (const N of SIZES) {
  const candidates = generateCandidates(
    N,
    pack.roles.map((r) => r.code),
    135 + N,
  );
  console.log(`\n${fmt(N)} candidates (${ROUNDS} rounds after warm-up; json-rules-engine on the first ${fmt(Math.min(N, JRE_MAX))})`);
  // Checked against the hand-written bound (every candidate); json-rules-engine on its prefix.
  let reference: string[] | undefined;
  const order = ['hand', 'compiled', 'zen', 'json-rules-engine'];
  for (const name of order) {
    const run = runners[name] as (typeof runners)[string];
    (globalThis as { gc?: () => void }).gc?.();
    const subset = name === 'json-rules-engine' ? candidates.slice(0, Math.min(N, JRE_MAX)) : candidates;
    await run(subset.slice(0, Math.min(subset.length, 20_000))); // warm-up
    const rounds = name === 'json-rules-engine' ? 1 : ROUNDS;
    const secs: number[] = [];
    let last: DecisionCore[] = [];
    for (let r = 0; r < rounds; r++) {
      last = [];
      const t0 = performance.now();
      last = await run(subset);
      secs.push((performance.now() - t0) / 1000);
    }
    const rate = subset.length / median(secs);
    (rates[name] ??= {})[N] = rate;
    const prints = last.map(fingerprint);
    last = [];
    let bad = 0;
    if (!reference) reference = prints;
    else for (let i = 0; i < prints.length; i++) if (prints[i] !== reference[i]) bad++;
    if (prints.length !== candidates.length && name !== 'json-rules-engine') bad += Math.abs(candidates.length - prints.length);
    mismatches += bad;
    console.log(`  ${name.padEnd(18)} ${fmt(rate).padStart(12)} candidates/s   median ${median(secs).toFixed(3)} s${bad ? `   MISMATCHES: ${bad}` : ''}`);
  }
}
zenEngine.dispose();

const largest = SIZES[SIZES.length - 1] as number;
const jreSize = SIZES.find((n) => n >= JRE_MAX) ?? largest;
const c = rates.compiled?.[largest] ?? 0;
const vs = (name: string, n: number) => (c / (rates[name]?.[n] ?? Number.NaN)).toFixed(2);
console.log(`\nratios of the compiled evaluator at ${fmt(largest)} (json-rules-engine's rate from its ${fmt(Math.min(jreSize, JRE_MAX))}-candidate run):`);
console.log(`bench: vs_jre=${vs('json-rules-engine', largest)} vs_zen=${vs('zen', largest)} vs_hand=${vs('hand', largest)} mismatches=${mismatches}`);
