import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { rulesFromSource, testFiles } from '../../vitest.shared.mjs';

/** `@p135/io` (the report renderers) from its source too, like the rules. */
const ioFromSource = { find: /^@p135\/io$/, replacement: fileURLToPath(new URL('../../packages/io/src/index.ts', import.meta.url)) };

export default defineConfig({
  resolve: { alias: [...rulesFromSource, ioFromSource] },
  test: {
    include: testFiles,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The machine has 2 cores and the servers under test start worker threads: one file at a time.
    fileParallelism: false,
  },
});
