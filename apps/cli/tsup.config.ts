import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  entry: { p135: 'src/p135.ts', 'decide-worker': 'src/stream/decide-worker.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  dts: false,
  banner: { js: '#!/usr/bin/env node' },
  define: { P135_VERSION: JSON.stringify(version) },
  // The workspace packages and commander are dependencies, resolved from node_modules at run time.
  external: ['@p135/rules', '@p135/io', 'commander', 'exceljs'],
});
