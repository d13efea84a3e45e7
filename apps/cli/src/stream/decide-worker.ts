/**
 * A worker thread of `p135 decide`: decides the pieces of a CSV roster it is sent (see block.ts)
 * with its own rulebook, built from the same pack as of the same date.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createRulebook } from '@p135/rules';
import { OWN_BUFFER_BYTES } from './batch.js';
import { type BlockJob, type BlockResult, blockDecider } from './block.js';
import { decisionEncoder } from './encode.js';
import type { WorkerSetup } from './parallel.js';

const setup = workerData as WorkerSetup;
const book = createRulebook(setup.pack, { asOf: setup.asOf });
const decider = blockDecider(book, decisionEncoder(setup.format, book, setup.lang), setup.limits, setup.tally);

/**
 * A fault for the tests, never set in use: `P135_FAULT_WORKER_EXIT_AFTER=N` ends this worker
 * (as a crash would) when it is sent its (N+1)th piece, so that the run's fallback is tested.
 */
function faultAfter(): () => boolean {
  const after = Number(process.env.P135_FAULT_WORKER_EXIT_AFTER ?? Number.NaN);
  let pieces = 0;
  return () => ++pieces > after;
}
const crashNow = faultAfter();

type Message = { readonly seq: number; readonly job: BlockJob } | { readonly reuse: ArrayBuffer };

parentPort?.on('message', (message: Message) => {
  if ('reuse' in message) {
    decider.reuse(message.reuse);
    return;
  }
  if (message.seq >= 0 && crashNow()) process.exit(70);
  let result: BlockResult;
  try {
    result = decider.decide(message.job);
  } catch {
    result = { ok: false }; // the usual way will say what is wrong
  }
  // The input's memory goes back to be filled again; the output's moves to the main thread (not
  // copied), and comes back to be filled again once written.
  const input = message.job.bytes.buffer as ArrayBuffer;
  const transfer: ArrayBuffer[] = [input];
  if (result.ok) {
    transfer.push(result.ids.buffer as ArrayBuffer);
    if (result.out.buffer.byteLength >= OWN_BUFFER_BYTES) transfer.push(result.out.buffer as ArrayBuffer);
  }
  parentPort?.postMessage({ seq: message.seq, result, input }, transfer);
});
