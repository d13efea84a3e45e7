import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const TEMPLATE = new URL('../sw/service-worker.js', import.meta.url);

/**
 * Writes `sw.js` into the build: the hand-written worker of `sw/service-worker.js` with the list
 * of every file of the build to cache on install, and a version that changes when any file does.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'p135-service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const [fileName, item] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (fileName.endsWith('.map')) continue;
        files.push(fileName);
        hash.update(fileName);
        hash.update(item.type === 'chunk' ? item.code : typeof item.source === 'string' ? item.source : Buffer.from(item.source));
      }
      const version = hash.digest('hex').slice(0, 16);
      const precache = ['./', ...files.map((f) => `./${f}`)];
      const source = readFileSync(TEMPLATE, 'utf8')
        .replace('/*__VERSION__*/', JSON.stringify(version))
        .replace('/*__PRECACHE__*/', JSON.stringify(precache, null, 2));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
