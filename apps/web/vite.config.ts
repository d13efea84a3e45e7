import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { csp } from './vite/csp.ts';
import { EXAMPLES_DIR, examples } from './vite/examples.ts';
import { serviceWorker } from './vite/service-worker.ts';

export default defineConfig({
  // Relative URLs: the built app works from any folder of any static server.
  base: './',
  plugins: [react(), examples(), csp(), serviceWorker()],
  resolve: {
    // units.json and p135-status.illustrative.json come from the repository's example folder at build time.
    alias: { '@examples': EXAMPLES_DIR },
  },
  worker: { format: 'es' },
  // The engine worker loads exceljs on first XLSX; optimise it up front so the dev server does not reload then.
  optimizeDeps: { include: ['@p135/io > exceljs'] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
