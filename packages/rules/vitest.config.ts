import { defineConfig } from 'vitest/config';
import { testFiles } from '../../vitest.shared.mjs';

export default defineConfig({
  test: {
    include: testFiles,
    testTimeout: 60_000,
  },
});
