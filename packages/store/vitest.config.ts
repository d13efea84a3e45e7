import { defineConfig } from 'vitest/config';
import { testFiles } from '../../vitest.shared.mjs';

export default defineConfig({
  // Each database file runs its cases one after another (they share one PostgreSQL database).
  test: { include: testFiles, testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
});
