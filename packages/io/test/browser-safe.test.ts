import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { itOutsideMutationRuns } from './helpers.js';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

describe('the main entry runs in a browser', () => {
  // Skipped in mutation runs (P135_MUTATION=1, stryker.shared.mjs): Stryker rewrites the sources in
  // place with its own instrumentation, which names `process`.
  itOutsideMutationRuns('imports no node: module and uses no Buffer or process outside src/node.ts', () => {
    for (const file of files(src).filter((f) => !f.endsWith('node.ts'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bprocess\./);
      expect(text, file).not.toMatch(/@p135\/rules\/node/);
    }
  });
});
