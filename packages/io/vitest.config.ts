import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const rules = (file: string) => fileURLToPath(new URL(`../rules/src/${file}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the rules package's source, so they need no build of it.
    alias: [
      { find: /^@p135\/rules\/node$/, replacement: rules('node.ts') },
      { find: /^@p135\/rules$/, replacement: rules('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
