import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { rulesFromSource, testFiles } from '../../vitest.shared.mjs';

export default defineConfig({
  // The hub's packages from their source too (no build needed, one copy of @p135/rules).
  resolve: {
    alias: [
      ...rulesFromSource,
      { find: /^@p135\/io\/node$/, replacement: fileURLToPath(new URL('../../packages/io/src/node.ts', import.meta.url)) },
      { find: /^@p135\/io$/, replacement: fileURLToPath(new URL('../../packages/io/src/index.ts', import.meta.url)) },
      { find: /^@p135\/store$/, replacement: fileURLToPath(new URL('../../packages/store/src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: testFiles,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The machine has 2 cores and the servers under test start worker threads: one file at a time.
    fileParallelism: false,
  },
});
