import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', evaluate: 'src/evaluate.ts', node: 'src/node.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  // node.ts is the only entry that may import node:* modules.
  // The core runs unchanged in a browser: bundle nothing of Node's, keep dependencies external.
  external: ['decimal.js', 'json-rules-engine', 'zod'],
});
