import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const needed = ['apps/cli/dist/p135.js', 'packages/io/dist/index.js', 'packages/io/dist/node.js', 'packages/rules/dist/index.js', 'packages/rules/dist/node.js'];

/**
 * The tests run the built binary as a user would. `turbo run test` builds it and its dependencies
 * first (apps/cli/turbo.json); run directly (`vitest`) with a build missing, it is made here.
 */
export default function setup(): void {
  if (needed.every((f) => existsSync(root + f))) return;
  execFileSync('npx', ['-y', 'pnpm@10.34.8', '--filter', '@p135/cli...', 'build'], { cwd: root, stdio: 'inherit' });
}
