/**
 * Where a POST body is evaluated. Small bodies (≤ inlineMaxBytes) are answered on the main
 * thread: a few people take a few milliseconds. Larger ones go to the worker pool. Without
 * workers (`workers: 0`), large bodies are evaluated on the main thread in pieces that yield to
 * the event loop between them (decisions only: a plan check or a ranking runs in one go).
 */
import { Readable } from 'node:stream';
import { type JobLimits, type JobSpec, prepareJob } from './jobs.js';
import type { PackRegistry } from './packs.js';
import type { WorkerPool } from './pool.js';
import type { ApiProblem } from './problems.js';

export type Evaluated = { readonly ok: false; readonly problem: ApiProblem } | { readonly ok: true; readonly body: string | Readable };

export interface EvaluatorOptions {
  readonly packs: PackRegistry;
  readonly limits: JobLimits;
  readonly inlineMaxBytes: number;
  readonly pool: WorkerPool | undefined;
}

export class Evaluator {
  /** Bodies evaluated on the main thread and in the worker threads, since start-up. */
  readonly counts = { inline: 0, worker: 0 };

  constructor(private readonly options: EvaluatorOptions) {}

  async run(spec: JobSpec, signal?: AbortSignal): Promise<Evaluated> {
    const { pool, inlineMaxBytes } = this.options;
    if (pool && spec.body.byteLength > inlineMaxBytes) {
      this.counts.worker++;
      return pool.run(spec, signal);
    }
    this.counts.inline++;
    const prepared = prepareJob(this.options.packs, spec, this.options.limits);
    if (!prepared.ok) return prepared;
    if (spec.body.byteLength > inlineMaxBytes) return { ok: true, body: Readable.from(prepared.chunks(signal), { objectMode: false }) };
    let text = '';
    try {
      for await (const piece of prepared.chunks(signal)) text += piece;
    } catch (err) {
      if (signal?.aborted) return { ok: false, problem: { kind: 'timeout' } };
      throw err;
    }
    return { ok: true, body: text };
  }
}
