/**
 * `/healthz` latency while the worst request of the hostile corpus runs (`pnpm bench`, after
 * load.ts): a plan check of 20,000 people, all in classes they are not eligible for (every
 * membership a finding with its reasons, summarised past 100 per rule), sent back to back
 * while autocannon probes /healthz at a fixed rate. With a worker thread and without
 * (P135_WORKERS=0, where the check yields to the event loop between pieces).
 *
 * Options (environment): BENCH_WORST_SECONDS (default 20: how long the worst request is
 * repeated), BENCH_RATE_PROBE (default 50 req/s).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { manyCandidates } from '../test/data.js';

const SECONDS = Number(process.env.BENCH_WORST_SECONDS ?? 20);
const RATE_PROBE = Number(process.env.BENCH_RATE_PROBE ?? 50);

/** The worst request of the corpus, at the server's default limits (20,000 people, classes of 5,000). */
function worstBody(): string {
  const people = manyCandidates(20_000).map((p): Record<string, unknown> => ({ ...p, role: 'citizen' }));
  const classes = [0, 1, 2, 3].map((k) => ({
    id: `PC-${k}`,
    track: 'province_cadre',
    district: '178',
    start: '2020-07-06',
    end: '2020-07-09',
    days: '3.5',
    trainees: people.slice(k * 5_000, (k + 1) * 5_000).map((p) => p.id),
  }));
  return JSON.stringify({ classes, budget: [], candidates: people });
}

async function serve(workers: number): Promise<{ child: ChildProcess; base: string; stop: () => Promise<void> }> {
  const child = fork(fileURLToPath(new URL('./serve.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, P135_WORKERS: String(workers) } });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type: string; port: number }) => (m.type === 'ready' ? resolve(m.port) : reject(new Error('unexpected'))));
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  };
}

async function run(workers: number, body: string) {
  const server = await serve(workers);
  try {
    let probe: autocannon.Instance | undefined;
    const probed = new Promise<autocannon.Result>((resolve, reject) => {
      probe = autocannon({ url: `${server.base}/healthz`, connections: 2, overallRate: RATE_PROBE, duration: 3_600 }, (err, r) => (err ? reject(err) : resolve(r)));
    });
    const until = performance.now() + SECONDS * 1000;
    const checks: { ms: number; status: number; bytes: number }[] = [];
    do {
      const t0 = performance.now();
      const res = await fetch(`${server.base}/v1/plans/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const bytes = (await res.arrayBuffer()).byteLength;
      checks.push({ ms: performance.now() - t0, status: res.status, bytes });
    } while (performance.now() < until);
    probe?.stop();
    const r = await probed;
    return { workers, checks, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, probes: r.requests.total, failed: r.non2xx + r.errors + r.timeouts };
  } finally {
    await server.stop();
  }
}

async function main() {
  const body = worstBody();
  console.log(`# /healthz while the worst corpus request runs`);
  console.log(`The worst request: POST /v1/plans/check, 20,000 people all ineligible for their class, ${body.length} B; repeated for ${SECONDS} s; /healthz probed at ${RATE_PROBE} req/s.`);
  console.log('| server | plan checks | check ms (each) | answer bytes | healthz p50 ms | healthz p99 ms | healthz max ms | probes | failed |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const workers of [1, 0]) {
    const r = await run(workers, body);
    const statuses = [...new Set(r.checks.map((c) => c.status))].join(',');
    console.log(
      `| ${workers ? '1 worker' : 'no workers'} | ${r.checks.length} (status ${statuses}) | ${r.checks.map((c) => Math.round(c.ms)).join(', ')} | ${r.checks[0]?.bytes ?? 0} | ${r.p50} | ${r.p99} | ${r.max} | ${r.probes} | ${r.failed} |`,
    );
  }
}

await main();
