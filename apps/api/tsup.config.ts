import { defineConfig } from 'tsup';

export default defineConfig({
  // worker.ts is its own entry: the pool starts it from dist/worker.js.
  entry: { server: 'src/server.ts', app: 'src/app.ts', worker: 'src/worker.ts', 'p135-api': 'src/p135-api.ts' },
  format: ['esm'],
  tsconfig: 'tsconfig.build.json',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  dts: false,
  // @p135/rules, fastify and zod stay dependencies, loaded from node_modules.
});
