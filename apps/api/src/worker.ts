/**
 * An evaluator thread: builds the rulebooks once, then runs one job at a time (see pool.ts):
 * parse and validate the body, call the package, and send the JSON answer back in pieces.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { asAnswerTooLarge, prepareJob } from './jobs.js';
import { registryOf } from './packs.js';
import type { FromWorker, ToWorker, WorkerInit } from './pool.js';
import { INITIAL_CREDITS } from './pool.js';
import { answerTooLargeProblem } from './problems.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');

const init = workerData as WorkerInit;
const packs = registryOf(init.packs, init.defaultId);
const encoder = new TextEncoder();

interface Running {
  readonly id: number;
  readonly abort: AbortController;
  credits: number;
  wake?: () => void;
}

let current: Running | undefined;

const send = (m: FromWorker, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);

async function run(id: number, spec: Extract<ToWorker, { type: 'run' }>['spec']): Promise<void> {
  const job: Running = { id, abort: new AbortController(), credits: INITIAL_CREDITS };
  current = job;
  let sent = 0;
  try {
    const prepared = await prepareJob(packs, spec, init.limits);
    if (!prepared.ok) return send({ type: 'problem', id, problem: prepared.problem });
    for await (const text of prepared.chunks(job.abort.signal)) {
      while (job.credits === 0 && !job.abort.signal.aborted) await new Promise<void>((resolve) => (job.wake = resolve));
      if (job.abort.signal.aborted) break;
      job.credits--;
      // Bytes (a report as XLSX) are copied into a buffer of their own, so transferring it detaches nothing else.
      const bytes = typeof text === 'string' ? encoder.encode(text) : new Uint8Array(text);
      send({ type: 'chunk', id, bytes }, [bytes.buffer as ArrayBuffer]);
      sent++;
    }
    send({ type: 'end', id });
  } catch (err) {
    const tooLarge = asAnswerTooLarge(err, init.limits.maxAnswerBytes);
    // Nothing sent yet: still a problem (413). Part of a batch sent: the answer is cut (error).
    if (tooLarge && sent === 0) send({ type: 'problem', id, problem: answerTooLargeProblem(tooLarge.maxBytes) });
    else if (job.abort.signal.aborted) send({ type: 'end', id });
    else send({ type: 'error', id, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  } finally {
    current = undefined;
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'run') {
    void run(m.id, m.spec);
    return;
  }
  const job = current;
  if (!job || job.id !== m.id) return;
  if (m.type === 'credit') job.credits += m.n;
  else if (m.type === 'cancel') job.abort.abort();
  job.wake?.();
  job.wake = undefined;
});

send({ type: 'ready', hashes: Object.fromEntries(packs.ids.map((id) => [id, packs.get(id)?.book.ref.hash ?? ''])) });
