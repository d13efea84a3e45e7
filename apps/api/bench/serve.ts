/**
 * The server under load, in its own process (so the load generator does not share its event
 * loop). It reports its port, and on request the event-loop delay it measured since the last
 * reset (perf_hooks.monitorEventLoopDelay).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createServer } from '../src/app.js';

export const RESOLUTION_MS = 2;

const send = (m: unknown) => process.send?.(m);
const workers = Number(process.env.P135_WORKERS ?? '1');
const app = await createServer({ workers, logger: false, requestTimeoutMs: 300_000 });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('no address');

const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
h.enable();
/** Milliseconds a timer fired late: each sample less the sampling interval. */
const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

process.on('message', async (m: { type: string }) => {
  if (m.type === 'reset') {
    h.reset();
    send({ type: 'reset' });
  } else if (m.type === 'report') {
    send({ type: 'report', eld: { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), mean: ms(h.mean), samples: h.count } });
  } else if (m.type === 'stop') {
    h.disable();
    await app.close();
    process.exit(0);
  }
});
send({ type: 'ready', port: address.port, workers });
