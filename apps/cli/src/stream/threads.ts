/**
 * How many threads decide a file: one, unless more is proven to help. Worker threads cost a
 * rulebook per worker, the start-up of each and a copy of every piece; on the bundled example
 * (2.4 MB, 16,600 people) on two processors they made `decide` slower (1.2–2.0 s and 173 MB
 * against 0.6 s and 93 MB on one thread). The CLI benchmark (`bench/cli.bench.ts`) runs both ways
 * three ways (one thread, workers, the default) at 100,000 and 1,000,000 rows and reports each
 * ratio to the I/O floor. On two processors (the machines here, shared) workers lost at both
 * sizes (median decide/floor at 100,000 rows: 1.75 on one thread, 3.64 on workers; at 1,000,000:
 * 1.92 against 3.11), so on two processors they are never the default. They are used by default
 * only for a file of at least `PARALLEL_MIN_BYTES` on a machine with at least
 * `PARALLEL_MIN_CORES` processors, where the main thread (reading, writing) leaves three for
 * workers — not measured here: run the bench on such a machine before lowering either number.
 * `--threads N` always wins.
 */

/** A file smaller than this is decided on one thread by default (the 100,000-row bench roster is 14 MiB). */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;
/** Processors needed before worker threads are used by default: the main thread (reading, writing) plus three workers. */
export const PARALLEL_MIN_CORES = 4;
/** Worker threads, at most. */
export const MAX_THREADS = 8;

/** The threads to decide a file with: `requested` if given (`--threads`), else one unless the file is large and the machine has the cores. */
export function threadsFor(requested: number | undefined, size: number | undefined, cores: number): number {
  if (requested !== undefined) return requested;
  if (size === undefined || size < PARALLEL_MIN_BYTES || cores < PARALLEL_MIN_CORES) return 1;
  return Math.min(MAX_THREADS, cores - 1);
}
