import type { Candidate, Decision } from '@p135/rules';
import type { Done, Phase, Reply, Request } from './protocol';

export interface Progress {
  readonly phase: Phase;
  readonly done: number;
  readonly total: number;
}

/** A job given to the engine worker: its result, and a way to stop it. */
export interface Job<T> {
  readonly id: number;
  readonly result: Promise<T | 'cancelled'>;
  cancel(): void;
}

type Pending = {
  resolve: (v: Done | 'cancelled') => void;
  reject: (e: Error) => void;
  onProgress?: (p: Progress) => void;
  /** Slices of a roster received so far. */
  parts?: { candidates: Candidate[]; decisions: Decision[] };
};

/** The page's side of the engine worker (started on first use). */
class Engine {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  private ensure(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'p135-engine' });
      this.worker.onmessage = (e: MessageEvent<Reply>) => this.receive(e.data);
      this.worker.onerror = (e) => {
        for (const p of this.pending.values()) p.reject(new Error(e.message || 'the engine worker failed'));
        this.pending.clear();
        this.worker = undefined;
      };
    }
    return this.worker;
  }

  private receive(reply: Reply): void {
    const p = this.pending.get(reply.job);
    if (!p) return;
    if (reply.kind === 'progress') {
      p.onProgress?.({ phase: reply.phase, done: reply.done, total: reply.total });
      return;
    }
    if (reply.kind === 'roster-part') {
      p.parts ??= { candidates: [], decisions: [] };
      for (const c of reply.candidates) p.parts.candidates.push(c);
      for (const d of reply.decisions) p.parts.decisions.push(d);
      return;
    }
    this.pending.delete(reply.job);
    if (reply.kind === 'cancelled') p.resolve('cancelled');
    else if (reply.kind === 'failed') p.reject(new Error(reply.message));
    else if (reply.kind === 'roster' && p.parts) p.resolve({ ...reply, candidates: p.parts.candidates, decisions: p.parts.decisions });
    else p.resolve(reply);
  }

  run<K extends Done['kind']>(request: Omit<Extract<Request, { kind: K }>, 'job'>, onProgress?: (p: Progress) => void): Job<Extract<Done, { kind: K }>> {
    const worker = this.ensure();
    const id = this.next++;
    const result = new Promise<Done | 'cancelled'>((resolve, reject) => this.pending.set(id, { resolve, reject, onProgress }));
    worker.postMessage({ ...request, job: id });
    return {
      id,
      result: result as Promise<Extract<Done, { kind: K }> | 'cancelled'>,
      cancel: () => worker.postMessage({ kind: 'cancel', job: id } satisfies Request),
    };
  }
}

export const engine = new Engine();
