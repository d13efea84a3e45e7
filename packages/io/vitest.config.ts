import { defineConfig } from 'vitest/config';
import { rulesFromSource, testFiles } from '../../vitest.shared.mjs';

export default defineConfig({
  resolve: { alias: rulesFromSource },
  test: { include: testFiles, testTimeout: 60_000 },
});
