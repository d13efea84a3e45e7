import { defineConfig } from 'vitest/config';
import { testFiles } from '../../vitest.shared.mjs';

export default defineConfig({
  test: {
    include: testFiles,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The tests spawn the built binary (dist/p135.js); turbo builds it and its dependencies first.
    globalSetup: ['test/global-setup.ts'],
  },
});
