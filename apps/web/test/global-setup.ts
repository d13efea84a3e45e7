import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { APP_DIR } from './paths.ts';

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/**
 * The browser tests drive the production build. Turbo builds it before the tests (apps/web/turbo.json);
 * run alone, the tests build it here when dist/ is missing or older than the sources.
 */
export default async function setup(): Promise<void> {
  const index = join(APP_DIR, 'dist', 'index.html');
  const sources = ['src', 'sw', 'vite', 'index.html', 'vite.config.ts'].map((p) => join(APP_DIR, p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newest))) return;
  await build({ root: APP_DIR, logLevel: 'warn' });
}
