import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The tests spawn the built binary (dist/p135.js); turbo builds it and its dependencies first.
    globalSetup: ['test/global-setup.ts'],
  },
});
