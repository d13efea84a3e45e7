import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const rules = (file: string) => fileURLToPath(new URL(`../../packages/rules/src/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the rules package's source: no build needed.
    alias: [
      { find: /^@p135\/rules\/node$/, replacement: rules('node.ts') },
      { find: /^@p135\/rules$/, replacement: rules('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The machine has 2 cores and the servers under test start worker threads: one file at a time.
    fileParallelism: false,
  },
});
