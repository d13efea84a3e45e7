/**
 * Worker threads for large bodies, so that a 20,000-person batch, a plan check or a ranking
 * never holds the main thread (which keeps serving other requests). Each worker runs one job
 * at a time; jobs wait in a bounded queue. A worker parses, validates, evaluates and writes
 * the JSON answer, and sends it back in pieces of bytes (transferred, not copied), at most a
 * few pieces ahead of what the client has read. A job that is cancelled before its answer
 * starts has its worker ended and replaced, so even a long ranking stops at once.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Pack } from '@p135/rules';
import type { FastifyBaseLogger } from 'fastify';
import type { JobLimits, JobSpec } from './jobs.js';
import type { ApiProblem } from './problems.js';

export interface WorkerInit {
  readonly packs: readonly { pack: Pack; source: string }[];
  readonly defaultId: string;
  readonly limits: JobLimits;
}

export type ToWorker = { type: 'run'; id: number; spec: JobSpec } | { type: 'credit'; id: number; n: number } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'ready'; hashes: Record<string, string> }
  | { type: 'problem'; id: number; problem: ApiProblem }
  | { type: 'chunk'; id: number; bytes: Uint8Array }
  | { type: 'end'; id: number }
  | { type: 'error'; id: number; message: string };

export type JobOutcome = { readonly ok: false; readonly problem: ApiProblem } | { readonly ok: true; readonly body: Readable };

/** Pieces a worker may send before the main thread asks for more. */
export const INITIAL_CREDITS = 2;

interface Job {
  readonly id: number;
  readonly spec: JobSpec;
  readonly signal: AbortSignal | undefined;
  readonly settle: (o: JobOutcome) => void;
  settled: boolean;
  stream?: Readable & { pushed: number };
  slot?: Slot;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  started: boolean;
  job?: Job;
  /** Set when the slot was ended on purpose (cancel, close), so its exit is not an error. */
  retired?: boolean;
}

export interface PoolOptions {
  readonly size: number;
  readonly maxQueue: number;
  readonly init: WorkerInit;
  readonly log: FastifyBaseLogger;
  /** Pack id → hash the main thread computed; each worker must agree. */
  readonly hashes: Record<string, string>;
}

/** How to start worker.ts: compiled next to this file, or (tests, `pnpm dev`) from source via tsx. */
function workerSpec(): { file: URL; fromSource: boolean } {
  const fromSource = import.meta.url.endsWith('.ts');
  return { file: new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url), fromSource };
}

function spawn(init: WorkerInit): Worker {
  const { file, fromSource } = workerSpec();
  const options = { workerData: init, name: 'p135-evaluator' };
  if (!fromSource) return new Worker(file, options);
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
  const boot = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(file.href)}, { parentURL: ${JSON.stringify(import.meta.url)}, tsconfig: ${JSON.stringify(tsconfig)} }))`;
  return new Worker(boot, { ...options, eval: true });
}

/** A body's bytes in an ArrayBuffer of their own, so they can be transferred without detaching anything else. */
function ownBytes(body: Uint8Array): Uint8Array {
  return body.byteOffset === 0 && body.byteLength === body.buffer.byteLength && body.buffer instanceof ArrayBuffer ? body : new Uint8Array(body);
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Starts the workers and waits until each has built its rulebooks. */
  async start(): Promise<void> {
    for (let i = 0; i < this.options.size; i++) this.slots.push(this.newSlot());
    await Promise.all(this.slots.map((s) => s.ready));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Jobs running and waiting. */
  get load(): { running: number; queued: number } {
    return { running: this.slots.filter((s) => s.job).length, queued: this.queue.length };
  }

  run(spec: JobSpec, signal?: AbortSignal): Promise<JobOutcome> {
    return new Promise<JobOutcome>((resolve) => {
      if (this.closed) return resolve({ ok: false, problem: { kind: 'busy' } });
      if (signal?.aborted) return resolve({ ok: false, problem: { kind: 'timeout' } });
      const idle = this.slots.some((s) => !s.job);
      if (!idle && this.queue.length >= this.options.maxQueue) return resolve({ ok: false, problem: { kind: 'busy' } });
      const job: Job = {
        id: this.nextId++,
        spec: { ...spec, body: ownBytes(spec.body) },
        signal,
        settled: false,
        settle: (o) => {
          if (job.settled) {
            if (o.ok) o.body.destroy();
            return;
          }
          job.settled = true;
          resolve(o);
        },
      };
      if (signal) {
        job.onAbort = () => this.cancel(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Ends the workers; jobs still waiting are answered "busy". */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.finish(job, { ok: false, problem: { kind: 'busy' } });
    await Promise.all(
      this.slots.map(async (s) => {
        s.retired = true;
        if (s.job) this.fail(s.job, 'the server is shutting down');
        await s.worker.terminate();
      }),
    );
    this.slots.length = 0;
  }

  private newSlot(): Slot {
    const worker = spawn(this.options.init);
    const slot: Slot = { worker, ready: Promise.resolve(), started: false };
    slot.ready = new Promise<void>((resolve, reject) => {
      const onReady = (m: FromWorker) => {
        if (m.type !== 'ready') return;
        worker.off('message', onReady);
        const wrong = Object.entries(this.options.hashes).filter(([id, hash]) => m.hashes[id] !== hash);
        if (wrong.length) return reject(new Error(`a worker built different rulebooks for ${wrong.map(([id]) => id).join(', ')}`));
        worker.on('message', (msg: FromWorker) => this.onMessage(slot, msg));
        slot.started = true;
        resolve();
        this.dispatch();
      };
      worker.on('message', onReady);
      worker.once('exit', (code) => reject(new Error(`worker stopped during start-up (exit code ${code})`)));
    });
    slot.ready.catch(() => {});
    worker.on('error', (err) => {
      this.options.log.error({ err }, 'evaluator worker failed');
    });
    worker.on('exit', (code) => {
      if (slot.retired) return;
      if (!slot.started) {
        // It never started: starting another would fail the same way. The pool has one fewer.
        slot.retired = true;
        return;
      }
      this.options.log.error({ code }, 'evaluator worker stopped; starting another');
      if (slot.job) this.fail(slot.job, 'the evaluator stopped');
      this.replace(slot);
    });
    return slot;
  }

  private replace(slot: Slot): void {
    slot.retired = true;
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    const fresh = this.newSlot();
    this.slots[i] = fresh;
    fresh.ready.catch((err: Error) => {
      if (!this.closed) this.options.log.error({ err }, 'a replacement evaluator worker did not start');
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || slot.retired || !slot.started || this.queue.length === 0) continue;
      const job = this.queue.shift() as Job;
      slot.job = job;
      job.slot = slot;
      const msg: ToWorker = { type: 'run', id: job.id, spec: job.spec };
      slot.worker.postMessage(msg, [job.spec.body.buffer as ArrayBuffer]);
    }
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'ready') return;
    const job = slot.job;
    if (!job || job.id !== m.id) return; // a late message of a cancelled job
    switch (m.type) {
      case 'problem':
        this.release(slot);
        this.finish(job, { ok: false, problem: m.problem });
        break;
      case 'chunk': {
        const bytes = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
        if (!job.stream) {
          job.stream = this.streamFor(job, slot);
          job.settle({ ok: true, body: job.stream });
        }
        job.stream.pushed++;
        job.stream.push(bytes);
        break;
      }
      case 'end':
        this.release(slot);
        this.detach(job);
        if (!job.stream) this.finish(job, { ok: false, problem: { kind: 'internal' } });
        else job.stream.push(null);
        break;
      case 'error':
        this.options.log.error({ job: job.id, message: m.message }, 'evaluation failed');
        this.release(slot);
        this.fail(job, m.message);
        break;
    }
  }

  /**
   * The answer as a stream. Flow control: the worker holds INITIAL_CREDITS credits, spends one
   * per piece, and gets them back only once the client has read those pieces, so a slow client
   * holds at most INITIAL_CREDITS pieces in memory here.
   */
  private streamFor(job: Job, slot: Slot): Readable & { pushed: number } {
    let returned = 0;
    const stream = new Readable({
      highWaterMark: 1,
      read: () => {
        const n = stream.pushed - returned;
        if (n > 0 && slot.job === job) {
          returned += n;
          slot.worker.postMessage({ type: 'credit', id: job.id, n } satisfies ToWorker);
        }
      },
      destroy: (err, cb) => {
        if (slot.job === job) slot.worker.postMessage({ type: 'cancel', id: job.id } satisfies ToWorker);
        cb(err);
      },
    }) as Readable & { pushed: number };
    stream.pushed = 0;
    return stream;
  }

  private release(slot: Slot): void {
    slot.job = undefined;
    this.dispatch();
  }

  private detach(job: Job): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
  }

  private finish(job: Job, outcome: JobOutcome): void {
    this.detach(job);
    job.settle(outcome);
  }

  private fail(job: Job, message: string): void {
    this.detach(job);
    if (job.stream) job.stream.destroy(new Error(message));
    else job.settle({ ok: false, problem: { kind: 'internal' } });
  }

  /** The client went away or the time ran out. */
  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.finish(job, { ok: false, problem: { kind: 'timeout' } });
      return;
    }
    const slot = job.slot;
    if (!slot || slot.job !== job) return;
    if (job.stream) {
      // Decisions stream piece by piece and stop at the next piece.
      job.stream.destroy();
      return;
    }
    // Not started yet: end the worker (a ranking or plan check cannot stop half-way) and replace it.
    this.options.log.warn({ job: job.id }, 'job cancelled before its answer started; replacing its worker');
    slot.job = undefined;
    this.finish(job, { ok: false, problem: { kind: 'timeout' } });
    this.replace(slot);
    void slot.worker.terminate();
  }
}
