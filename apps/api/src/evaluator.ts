/**
 * Where a POST body is evaluated. Small bodies (≤ inlineMaxBytes) are answered on the main
 * thread: a few people take a few milliseconds. Larger ones go to the worker pool. Without
 * workers (`workers: 0`), large bodies are evaluated on the main thread in pieces that yield to
 * the event loop between them (decisions only: a plan check or a ranking runs in one go).
 */
import { Readable } from 'node:stream';
import { asAnswerTooLarge, type JobLimits, type JobSpec, type JsonChunks, prepareJob } from './jobs.js';
import type { PackRegistry } from './packs.js';
import type { WorkerPool } from './pool.js';
import { type ApiProblem, answerTooLargeProblem } from './problems.js';

export type Evaluated = { readonly ok: false; readonly problem: ApiProblem } | { readonly ok: true; readonly body: string | Buffer | Readable };

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
    const prepared = await prepareJob(this.options.packs, spec, this.options.limits);
    if (!prepared.ok) return prepared;
    if (spec.body.byteLength > inlineMaxBytes) return this.streamed(prepared.chunks, signal);
    let text = '';
    const bytes: Uint8Array[] = [];
    try {
      for await (const piece of prepared.chunks(signal)) {
        if (typeof piece === 'string') text += piece;
        else bytes.push(piece);
      }
    } catch (err) {
      return this.failed(err, signal);
    }
    // An answer in bytes (a report as XLSX) is one piece.
    return { ok: true, body: bytes.length ? Buffer.concat(bytes) : text };
  }

  /**
   * A large answer on the main thread, streamed. Its first piece is made before answering, so
   * that an answer in one piece (a plan check, a ranking) that is too large, or a time limit
   * reached before anything is sent, is still a problem and not a cut 200.
   */
  private async streamed(chunks: JsonChunks, signal: AbortSignal | undefined): Promise<Evaluated> {
    const pieces = chunks(signal);
    let first: IteratorResult<string | Uint8Array>;
    try {
      first = await pieces.next();
    } catch (err) {
      return this.failed(err, signal);
    }
    async function* rest(): AsyncGenerator<string | Uint8Array> {
      if (first.done) return;
      yield first.value;
      yield* pieces;
    }
    return { ok: true, body: Readable.from(rest(), { objectMode: false }) };
  }

  private failed(err: unknown, signal: AbortSignal | undefined): Evaluated {
    const tooLarge = asAnswerTooLarge(err, this.options.limits.maxAnswerBytes);
    if (tooLarge) return { ok: false, problem: answerTooLargeProblem(tooLarge.maxBytes) };
    if (signal?.aborted) return { ok: false, problem: { kind: 'timeout' } };
    throw err;
  }
}
