/**
 * `pnpm --filter api bench-hub`: the province hub over HTTP, on SQLite (a temporary directory) and
 * on PostgreSQL when P135_TEST_DATABASE_URL is set (its hub tables are dropped first).
 * - submissions per second: the nine example districts' results (JSON, 40–90 KB, each read,
 *   checked against the plan and the 16,600-person roster, reported and stored), sent by 9
 *   clients at once, `P135_BENCH_HUB_COUNT` in all (default 90);
 * - submission → updated consolidation: one district submits, then the province asks for the
 *   consolidation until it includes that version; `P135_BENCH_HUB_ROUNDS` times (default 10),
 *   median and worst.
 * The clients run in the server's process (one event loop). Not a test: it prints, it asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { HubStore, type StoreLocation } from '@p135/store';
import { postgresDatabase, sqliteDatabase } from '../../../packages/store/test/databases.js';
import { createServer } from '../src/app.js';
import { EXAMPLES } from '../test/data.js';

const COUNT = Number(process.env.P135_BENCH_HUB_COUNT ?? 90);
const ROUNDS = Number(process.env.P135_BENCH_HUB_ROUNDS ?? 10);
const DISTRICTS = ['180', '181', '182', '184', '185', '186', '187', '188', '183'];
const files = new Map(DISTRICTS.map((d) => [d, readFileSync(`${EXAMPLES}results/district-${d}.json`)] as const));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function run(name: string, location: StoreLocation): Promise<void> {
  const admin = await HubStore.open(location);
  const tokens = new Map<string, string>();
  for (const d of DISTRICTS) tokens.set(d, (await admin.createToken(`district:${d}`, d, 'bench')).token);
  const province = (await admin.createToken('province', 'p', 'bench')).token;
  await admin.close();
  const app = await createServer({
    workers: 0,
    logger: false,
    hub: { config: { dataDir: location.dataDir, databaseUrl: location.databaseUrl, planFile: `${EXAMPLES}plan.json`, rosterFile: `${EXAMPLES}candidates.csv` } },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}`;
  const submit = async (d: string) => {
    const r = await fetch(`${base}/v1/hub/submissions`, { method: 'POST', headers: { authorization: `Bearer ${tokens.get(d)}`, 'content-type': 'application/json' }, body: files.get(d) });
    if (r.status !== 201) throw new Error(`${r.status} ${(await r.text()).slice(0, 300)}`);
    return (await r.json()) as { submission: { district: string; version: number } };
  };
  const consolidation = async () => {
    const r = await fetch(`${base}/v1/hub/consolidation`, { headers: { authorization: `Bearer ${province}` } });
    return (await r.json()) as { submissions: { district: string; version: number }[] };
  };
  await submit('180'); // warm-up
  await consolidation();

  let next = 0;
  const start = performance.now();
  await Promise.all(
    DISTRICTS.map(async () => {
      for (let n = next++; n < COUNT; n = next++) await submit(DISTRICTS[n % DISTRICTS.length] as string);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await consolidation();

  const lags: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const d = DISTRICTS[i % DISTRICTS.length] as string;
    const t0 = performance.now();
    const made = await submit(d);
    for (;;) {
      const c = await consolidation();
      if (c.submissions.some((s) => s.district === d && s.version === made.submission.version)) break;
    }
    lags.push(performance.now() - t0);
  }
  await app.close();
  console.log(
    `hub bench: ${name} submissions=${COUNT} clients=${DISTRICTS.length} seconds=${seconds.toFixed(2)} per_second=${(COUNT / seconds).toFixed(1)}; submission_to_consolidation_ms median=${median(lags).toFixed(0)} max=${Math.max(...lags).toFixed(0)} rounds=${ROUNDS}`,
  );
}

const sqlite = sqliteDatabase();
await run('sqlite', await sqlite.fresh());
sqlite.cleanup();
const pg = postgresDatabase('p135_bench_hub');
if (pg.available) await run('postgres', await pg.fresh());
else console.log('hub bench: postgres skipped (P135_TEST_DATABASE_URL is not set)');
