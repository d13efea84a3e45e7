/**
 * pnpm --filter @p135/bench zen-modes — which way of calling GoRules ZEN is fastest for a batch,
 * so the main benchmark compares against ZEN at its best: the decision table in loop mode with
 * 100, 1,000 or 10,000 rows a call; one call per candidate, sequential or all in flight; and an
 * expression node (one boolean per rule) in loop mode.
 */
import { performance } from 'node:perf_hooks';
import { ZenEngine } from '@gorules/zen-engine';
import { bundledPack, createRulebook } from '@p135/rules';
import { generateCandidates } from '../../rules/bench/generate.js';
import { candidateFactDefs, factRow, packToJdm, toZenExpression } from './zen.js';

const pack = bundledPack();
if (!pack) throw new Error('no bundled pack');
const book = createRulebook(pack);
const group = book.group('candidate');
const defs = candidateFactDefs(pack);
const rows = generateCandidates(
  20_000,
  pack.roles.map((r) => r.code),
).map((c) => factRow(defs, { candidate: c }, book.params));
const engine = new ZenEngine();

async function time(name: string, f: () => Promise<unknown>) {
  await f();
  const t0 = performance.now();
  await f();
  console.log(`${name.padEnd(40)} ${Math.round((rows.length / (performance.now() - t0)) * 1000).toLocaleString('en')} candidates/s`);
}
const batches = async (d: { evaluate(ctx: unknown): Promise<unknown> }, size: number) => {
  for (let i = 0; i < rows.length; i += size) await d.evaluate({ candidates: rows.slice(i, i + size) });
};

const table = engine.createDecision(packToJdm(group.rules, book.params));
for (const size of [100, 1_000, 10_000]) await time(`decision table, loop, ${size} rows a call`, () => batches(table, size));
const single = engine.createDecision(packToJdm(group.rules, book.params, false));
await time('decision table, one call each, sequential', async () => {
  for (const r of rows) await single.evaluate(r);
});
await time('decision table, one call each, all in flight', () => Promise.all(rows.map((r) => single.evaluate(r))));
const expressions = engine.createDecision({
  nodes: [
    { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
    {
      id: 'rules',
      type: 'expressionNode',
      name: 'Rules',
      position: { x: 200, y: 0 },
      content: {
        executionMode: 'loop',
        inputField: 'candidates',
        outputPath: 'results',
        passThrough: false,
        expressions: group.rules.map((r, i) => ({ id: `e${i}`, key: `r${i}`, value: toZenExpression(r.conditions, book.params) })),
      },
    },
    { id: 'response', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', sourceId: 'request', targetId: 'rules', type: 'edge' },
    { id: 'e2', sourceId: 'rules', targetId: 'response', type: 'edge' },
  ],
});
await time('expression node, loop, 100 rows a call', () => batches(expressions, 100));
engine.dispose();
