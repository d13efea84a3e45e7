/**
 * What every package's vitest config shares: tests in `test/`, and `@p135/rules` resolved to its
 * source (every entry), so a package's tests need no build of the rules.
 */
import { fileURLToPath } from 'node:url';

const rules = (file) => fileURLToPath(new URL(`./packages/rules/src/${file}`, import.meta.url));

/** `@p135/rules`, `/evaluate` and `/node` from the source. */
export const rulesFromSource = [
  { find: /^@p135\/rules\/node$/, replacement: rules('node.ts') },
  { find: /^@p135\/rules\/evaluate$/, replacement: rules('evaluate.ts') },
  { find: /^@p135\/rules$/, replacement: rules('index.ts') },
];

export const testFiles = ['test/**/*.test.ts'];
