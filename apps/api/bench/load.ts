/**
 * Load benchmark: `pnpm bench` (from apps/api). autocannon at fixed rates on loopback against a
 * server in its own process. Reports requests per second and p50/p99 latency for a trivial
 * endpoint (GET /healthz), one decision and a 1,000-person batch, each measured beside
 * /healthz in the same run; then the event-loop delay (and /healthz latency) while a
 * 20,000-person batch is decided, with worker threads and without.
 *
 * Options (environment): BENCH_SECONDS (default 10), BENCH_RATE_SINGLE (default 200 req/s),
 * BENCH_RATE_BATCH (default 2 req/s), BENCH_RATE_PROBE (default 50 req/s), BENCH_JSON=path
 * to also write the figures as JSON.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { manyCandidates } from '../test/data.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE_SINGLE = Number(process.env.BENCH_RATE_SINGLE ?? 200);
const RATE_BATCH = Number(process.env.BENCH_RATE_BATCH ?? 2);
const RATE_PROBE = Number(process.env.BENCH_RATE_PROBE ?? 50);

interface Eld {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  samples: number;
}

interface Server {
  child: ChildProcess;
  base: string;
  ask(type: 'reset'): Promise<void>;
  ask(type: 'report'): Promise<Eld>;
  stop(): Promise<void>;
}

async function startServer(workers: number): Promise<Server> {
  const child = fork(fileURLToPath(new URL('./serve.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, P135_WORKERS: String(workers) },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type: string; port: number }) => (m.type === 'ready' ? resolve(m.port) : reject(new Error('unexpected'))));
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const ask = (type: string) =>
    new Promise<unknown>((resolve) => {
      const on = (m: { type: string; eld?: Eld }) => {
        if (m.type !== type) return;
        child.off('message', on);
        resolve(m.eld);
      };
      child.on('message', on);
      child.send({ type });
    });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    ask: ask as Server['ask'],
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  };
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function load(url: string, rate: number, seconds: number, body?: string, connections?: number): Promise<Load> {
  return start(url, rate, seconds, body, connections).result;
}

/**
 * autocannon at `rate` req/s for `seconds` (or until `stop()`); rate 0: as fast as it can
 * (closed loop). Few connections: autocannon paces each connection on its own timer, and
 * many paced connections fire in bursts that measure the client's queue, not the server.
 */
function start(url: string, rate: number, seconds: number, body?: string, connections?: number): { result: Promise<Load>; stop: () => void } {
  const opts: autocannon.Options = {
    url,
    connections: connections ?? Math.max(2, Math.min(8, Math.ceil(rate / 100))),
    ...(rate > 0 ? { overallRate: rate } : {}),
    duration: seconds,
    ...(body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body } : {}),
  };
  let instance: autocannon.Instance | undefined;
  const result = new Promise<Load>((resolve, reject) => {
    instance = autocannon(opts, (err: Error | null, r: autocannon.Result) => {
      if (err) return reject(err);
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, requests: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts });
    });
  });
  return { result, stop: () => instance?.stop() };
}

const fmt = (n: number, d = 1) => n.toFixed(d);
const row = (label: string, l: Load) => `| ${label} | ${fmt(l.rps)} | ${fmt(l.p50)} | ${fmt(l.p99)} | ${fmt(l.max)} | ${l.requests} | ${l.non2xx + l.errors} |`;
const eldRow = (label: string, e: Eld) => `| ${label} | ${fmt(e.p50)} | ${fmt(e.p99)} | ${fmt(e.max)} | ${fmt(e.mean)} |`;

async function scenario(server: Server, label: string, main: () => Promise<Load>) {
  await server.ask('reset');
  const [probe, target] = await Promise.all([load(`${server.base}/healthz`, RATE_PROBE, SECONDS), main()]);
  const eld = await server.ask('report');
  return { label, target, probe, eld };
}

/** One 20,000-person batch while /healthz is probed at a fixed rate. */
async function bigBatch(server: Server, body: string) {
  await server.ask('reset');
  const t0 = performance.now();
  const batch = fetch(`${server.base}/v1/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => {
    if (r.status !== 200) throw new Error(`batch: ${r.status} ${(await r.text()).slice(0, 200)}`);
    // Count the bytes as they come (a client that stores them would measure itself).
    let bytes = 0;
    let last = 0;
    for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      last = chunk[chunk.byteLength - 1] ?? last;
    }
    if (last !== 0x7d) throw new Error('batch: the answer did not end with "}"');
    return { ms: performance.now() - t0, bytes };
  });
  // Probe /healthz for as long as the batch takes.
  const probe = start(`${server.base}/healthz`, RATE_PROBE, 3_600);
  const result = await batch.finally(() => probe.stop());
  const eld = await server.ask('report');
  return { ...result, eld, probe: await probe.result };
}

async function main() {
  const single = JSON.stringify(manyCandidates(1)[0]);
  const batch1k = JSON.stringify({ candidates: manyCandidates(1_000) });
  const batch20k = JSON.stringify({ candidates: manyCandidates(20_000) });
  const out: string[] = [];
  const figures: Record<string, unknown> = {};
  const log = (line = '') => {
    out.push(line);
    console.log(line);
  };

  log(`# p135 API load benchmark`);
  log(`Node ${process.version}, ${SECONDS} s per run, autocannon at a fixed rate on 127.0.0.1; /healthz probed at ${RATE_PROBE} req/s beside each run.`);
  log(`Bodies: one candidate ${single.length} B; 1,000-person batch ${batch1k.length} B; 20,000-person batch ${batch20k.length} B.`);
  log();

  const server = await startServer(1);
  try {
    // Warm up: JIT, worker start.
    await load(`${server.base}/v1/decisions`, 50, 2, single);
    await load(`${server.base}/v1/decisions`, 1, 2, batch1k);

    const runs = [
      await scenario(server, 'GET /healthz alone', () => load(`${server.base}/healthz`, RATE_SINGLE, SECONDS)),
      await scenario(server, `POST /v1/decisions, 1 candidate @ ${RATE_SINGLE}/s`, () => load(`${server.base}/v1/decisions`, RATE_SINGLE, SECONDS, single)),
      await scenario(server, `POST /v1/decisions, 1,000 candidates @ ${RATE_BATCH}/s`, () => load(`${server.base}/v1/decisions`, RATE_BATCH, SECONDS, batch1k)),
    ];
    figures.runs = runs;
    log('## Fixed-rate runs (1 worker thread)');
    log('| run | req/s | p50 ms | p99 ms | max ms | requests | non-2xx+errors |');
    log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of runs) {
      log(row(r.label, r.target));
      log(row(`  beside it: GET /healthz @ ${RATE_PROBE}/s`, r.probe));
    }
    log();
    log('Event-loop delay of the server during each run (ms; how late a 2 ms timer fired, monitorEventLoopDelay):');
    log('| run | p50 | p99 | max | mean |');
    log('| --- | ---: | ---: | ---: | ---: |');
    for (const r of runs) log(eldRow(r.label, r.eld));
    log();

    const closed = [
      { label: 'GET /healthz', target: await load(`${server.base}/healthz`, 0, SECONDS, undefined, 10) },
      { label: 'POST /v1/decisions, 1 candidate', target: await load(`${server.base}/v1/decisions`, 0, SECONDS, single, 10) },
      { label: 'POST /v1/decisions, 1,000 candidates', target: await load(`${server.base}/v1/decisions`, 0, SECONDS, batch1k, 2) },
    ];
    figures.closedLoop = closed;
    log('## Capacity: as fast as the client can (closed loop; 10 connections, 2 for the batch)');
    log('| run | req/s | p50 ms | p99 ms | max ms | requests | non-2xx+errors |');
    log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of closed) log(row(r.label, r.target));
    log();
  } finally {
    await server.stop();
  }

  log('## One 20,000-person batch (POST /v1/decisions), /healthz probed meanwhile');
  log('| mode | batch ms | response MB | ELD p50 | ELD p99 | ELD max | /healthz p50 | /healthz p99 | /healthz max | probes | failed |');
  log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const workers of [1, 0]) {
    const s = await startServer(workers);
    try {
      await load(`${s.base}/v1/decisions`, 1, 2, batch1k);
      const r = await bigBatch(s, batch20k);
      figures[`batch20k_workers${workers}`] = r;
      const mode = workers ? '1 worker thread' : 'main thread, pieces that yield (workers: 0)';
      log(
        `| ${mode} | ${fmt(r.ms, 0)} | ${fmt(r.bytes / 1e6)} | ${fmt(r.eld.p50)} | ${fmt(r.eld.p99)} | ${fmt(r.eld.max)} | ${fmt(r.probe.p50)} | ${fmt(r.probe.p99)} | ${fmt(r.probe.max)} | ${r.probe.requests} | ${r.probe.non2xx + r.probe.errors} |`,
      );
    } finally {
      await s.stop();
    }
  }
  log();
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ figures, report: out }, null, 2));
}

await main();
