/**
 * How many threads decide a file: one, unless more is proven to help. Worker threads cost a
 * rulebook per worker, the start-up of each and a copy of every piece; on the bundled example
 * (2.4 MB, 16,600 people) on two processors they made `decide` slower (1.2–2.0 s and 173 MB
 * against 0.6 s and 93 MB on one thread). The CLI benchmark (`bench/cli.bench.ts`) runs both ways
 * at 100,000 and 1,000,000 rows and reports each ratio to the I/O floor; workers are used by
 * default only where it showed them ahead: a file of at least `PARALLEL_MIN_BYTES` on a machine
 * with at least `PARALLEL_MIN_CORES` processors (the main thread reads and writes, so two workers
 * need a third). `--threads N` always wins.
 */

/** A file smaller than this is decided on one thread by default (the 100,000-row bench roster is 14 MiB). */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;
/** Processors needed before worker threads are used by default: the main thread plus two workers. */
export const PARALLEL_MIN_CORES = 3;
/** Worker threads, at most. */
export const MAX_THREADS = 8;

/** The threads to decide a file with: `requested` if given (`--threads`), else one unless the file is large and the machine has the cores. */
export function threadsFor(requested: number | undefined, size: number | undefined, cores: number): number {
  if (requested !== undefined) return requested;
  if (size === undefined || size < PARALLEL_MIN_BYTES || cores < PARALLEL_MIN_CORES) return 1;
  return Math.min(MAX_THREADS, cores - 1);
}
