/**
 * Reports benchmark: `pnpm --filter api bench:reports`. The two report endpoints on the example
 * (the 2020 plan, the whole 16,600-person roster, the ten results reports), over HTTP on loopback
 * against a server with one worker thread, in each format; beside them, in the same run, the
 * package's own work for the same input (parse the body's parts, build the report, write it) on
 * this thread: the baseline the API's time is compared with (a ratio, as the machine varies).
 *
 * Options (environment): BENCH_RUNS (default 5 per case; the median is reported).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { reportCsv, reportHtml, reportJson, reportXlsx } from '@p135/io';
import { bundledPack, createRulebook, districtReport, parseCandidates, parsePlan, parseResults, provinceReport, type Results } from '@p135/rules';
import { createServer } from '../src/app.js';
import { EXAMPLES, exampleCandidates, examplePlan } from '../test/data.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FORMATS = ['json', 'xlsx', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];

const names = readdirSync(`${EXAMPLES}results`)
  .filter((n) => n.endsWith('.json'))
  .sort();
const results = names.map((n) => JSON.parse(readFileSync(`${EXAMPLES}results/${n}`, 'utf8')));
const plan = examplePlan();
const candidates = exampleCandidates();
const bodies = {
  district: JSON.stringify({ plan, candidates, results: results[names.indexOf('district-183.json')] }),
  province: JSON.stringify({ plan, candidates, results }),
};
const book = createRulebook(bundledPack('lang-son-2020')!);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

/** What the API does for one request, on this thread: parse, build, write. */
async function direct(level: 'district' | 'province', format: Format): Promise<void> {
  const body = JSON.parse(level === 'district' ? bodies.district : bodies.province);
  const p = parsePlan(body.plan, book).value!;
  const roster = new Map(parseCandidates(body.candidates, book).value!.map((c) => [c.id, c] as const));
  const given = level === 'district' ? [body.results] : body.results;
  const rs = given.map((r: unknown) => parseResults(r, book, { plan: p, roster }).value as Results);
  const report = level === 'district' ? await districtReport(book, p, rs[0], { roster }) : await provinceReport(book, p, rs, { roster });
  if (format === 'xlsx') await reportXlsx(report, 'vi');
  else if (format === 'csv') reportCsv(report, 'vi');
  else if (format === 'html') reportHtml(report, 'vi');
  else reportJson(report);
}

const app = await createServer({ workers: 1 });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

async function viaApi(level: 'district' | 'province', format: Format): Promise<void> {
  const res = await fetch(`${base}/v1/reports/${level}?format=${format}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[level] });
  if (res.status !== 200) throw new Error(`${level} ${format}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
}

try {
  // One of each first: the worker and exceljs warmed up, not measured.
  await viaApi('district', 'xlsx');
  await direct('district', 'xlsx');
  console.log(`reports bench: ${RUNS} runs per case, median; body ${(bodies.district.length / 1e6).toFixed(1)} MB (district), ${(bodies.province.length / 1e6).toFixed(1)} MB (province)`);
  for (const level of ['district', 'province'] as const) {
    for (const format of FORMATS) {
      const api: number[] = [];
      const pkg: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        api.push(await timed(() => viaApi(level, format)));
        pkg.push(await timed(() => direct(level, format)));
      }
      const a = median(api);
      const b = median(pkg);
      console.log(`reports bench: ${level.padEnd(8)} ${format.padEnd(4)} api ${a.toFixed(0).padStart(5)} ms  package ${b.toFixed(0).padStart(5)} ms  api/package ${(a / b).toFixed(2)}`);
    }
  }
} finally {
  await app.close();
}
