/**
 * One way to decide unless more is proven: one thread by default; worker threads only for a large
 * file on a machine with the cores for it (the rule the CLI benchmark justifies), or when asked.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_THREADS, PARALLEL_MIN_BYTES, PARALLEL_MIN_CORES, threadsFor } from '../src/stream/threads.js';
import { EX, p135, tmp } from './helpers.js';

describe('threads to decide a file with', () => {
  it('one by default, whatever the machine, for a file below the size where workers pay', () => {
    for (const cores of [1, 2, 4, 16]) {
      expect(threadsFor(undefined, 0, cores)).toBe(1);
      expect(threadsFor(undefined, PARALLEL_MIN_BYTES - 1, cores)).toBe(1);
      expect(threadsFor(undefined, undefined, cores)).toBe(1); // standard input: size unknown
    }
  });

  it('a large file: workers only on a machine with the cores for them, at most 8', () => {
    expect(threadsFor(undefined, PARALLEL_MIN_BYTES, PARALLEL_MIN_CORES - 1)).toBe(1);
    expect(threadsFor(undefined, PARALLEL_MIN_BYTES, PARALLEL_MIN_CORES)).toBe(PARALLEL_MIN_CORES - 1);
    expect(threadsFor(undefined, 10 * PARALLEL_MIN_BYTES, 64)).toBe(MAX_THREADS);
  });

  it('--threads N always wins', () => {
    expect(threadsFor(3, 10, 2)).toBe(3);
    expect(threadsFor(1, 10 * PARALLEL_MIN_BYTES, 64)).toBe(1);
  });

  it('p135 decide on the bundled example (16,600 people) runs on one thread by default', () => {
    expect(statSync(join(EX, 'candidates.csv')).size).toBeLessThan(PARALLEL_MIN_BYTES);
    const out = join(tmp(), 'out.csv');
    const r = p135(['decide', join(EX, 'candidates.csv'), '-o', out, '--debug']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/luồng phụ|worker threads/);
    expect(statSync(out).size).toBeGreaterThan(1_000_000);
  });
});
