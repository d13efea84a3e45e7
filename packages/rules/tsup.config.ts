import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  // The core runs unchanged in a browser: bundle nothing of Node's, keep dependencies external.
  external: ['decimal.js', 'json-rules-engine', 'zod'],
});
