import type { ReportReply, ReportRequest } from './report-protocol';

type Pending = { resolve: (r: ReportReply) => void; reject: (e: Error) => void };
/** A request before it has its job number. */
export type ReportAsk = ReportRequest extends infer R ? (R extends unknown ? Omit<R, 'job'> : never) : never;

/**
 * The page's side of the reports worker: started on first use, one promise per request. A class
 * instance, created once by the view's hook, so nothing is kept at module level.
 */
export class ReportEngine {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  private ensure(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./report-worker.ts', import.meta.url), { type: 'module', name: 'p135-reports' });
      this.worker.onmessage = (e: MessageEvent<ReportReply>) => {
        const p = this.pending.get(e.data.job);
        if (!p) return;
        this.pending.delete(e.data.job);
        if (e.data.kind === 'failed') p.reject(new Error(e.data.message));
        else p.resolve(e.data);
      };
      this.worker.onerror = (e) => {
        for (const p of this.pending.values()) p.reject(new Error(e.message || 'the reports worker failed'));
        this.pending.clear();
        this.worker = undefined;
      };
    }
    return this.worker;
  }

  run<K extends ReportReply['kind']>(request: ReportAsk): Promise<Extract<ReportReply, { kind: K }>> {
    const worker = this.ensure();
    const job = this.next++;
    return new Promise<Extract<ReportReply, { kind: K }>>((resolve, reject) => {
      this.pending.set(job, { resolve: resolve as (r: ReportReply) => void, reject });
      worker.postMessage({ ...request, job });
    });
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('stopped'));
    this.pending.clear();
  }
}
