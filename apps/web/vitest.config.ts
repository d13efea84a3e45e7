import { defineConfig } from 'vitest/config';
import { testFiles } from '../../vitest.shared.mjs';
import { EXAMPLES_DIR } from './vite/examples.ts';

export default defineConfig({
  resolve: { alias: { '@examples': EXAMPLES_DIR } },
  test: {
    include: testFiles,
    environment: 'node',
    // Browser tests build the app if dist/ is missing or older than the sources, then serve it.
    globalSetup: ['test/global-setup.ts'],
    // One file at a time: the browser tests measure how the page responds, and share the machine.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
