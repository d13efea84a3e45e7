import { defineConfig } from 'vitest/config';
import { rulesFromSource, testFiles } from '../../vitest.shared.mjs';

export default defineConfig({
  resolve: { alias: rulesFromSource },
  test: {
    include: testFiles,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The machine has 2 cores and the servers under test start worker threads: one file at a time.
    fileParallelism: false,
  },
});
