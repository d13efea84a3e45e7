/**
 * `pnpm --filter @p135/store bench`: submissions per second into the store, on SQLite (a file in
 * a temporary directory) and on PostgreSQL when P135_TEST_DATABASE_URL is set (its hub tables are
 * dropped first). Each submission is a ~40 KB results file from one of 11 districts; they are sent
 * `P135_BENCH_CONCURRENCY` at a time (default 11), `P135_BENCH_COUNT` in all (default 1000).
 * Not a test: it prints figures, it asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { HubStore, type StoreLocation } from '../src/index.js';
import { postgresDatabase, sqliteDatabase } from '../test/databases.js';

const COUNT = Number(process.env.P135_BENCH_COUNT ?? 1000);
const CONCURRENCY = Number(process.env.P135_BENCH_CONCURRENCY ?? 11);
const DISTRICTS = ['180', '181', '182', '183', '184', '185', '186', '187', '188', '189', 'province'];
const pack = { id: 'lang-son-2020', version: 'bench', hash: 'bench' };

async function run(name: string, location: StoreLocation): Promise<void> {
  const store = await HubStore.open(location);
  const body = new TextEncoder().encode(JSON.stringify({ classes: Array.from({ length: 200 }, (_, i) => ({ id: `L${i}`, trainees: Array.from({ length: 20 }, (_, k) => `P${i}-${k}`) })) }));
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let n = next++; n < COUNT; n = next++) {
        const district = DISTRICTS[n % DISTRICTS.length] as string;
        await store.submit({ district, fileName: 'r.json', mediaType: 'application/json', bytes: body, results: { n }, findings: [], errors: 0, warnings: 0, pack, submittedBy: 'bench' });
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await store.close();
  console.log(`store bench: ${name} submissions=${COUNT} concurrency=${CONCURRENCY} bytes=${body.byteLength} seconds=${seconds.toFixed(2)} per_second=${(COUNT / seconds).toFixed(1)}`);
}

const sqlite = sqliteDatabase();
await run('sqlite', await sqlite.fresh());
sqlite.cleanup();
const pg = postgresDatabase('p135_bench_store');
if (pg.available) await run('postgres', await pg.fresh());
else console.log('store bench: postgres skipped (P135_TEST_DATABASE_URL is not set)');
