/**
 * The `@p135/rules` contract on decisions: always deeply frozen, and equal outcomes may share
 * objects, so identity is a cache key. Nothing here may ask whether something is frozen to guess
 * whether it is shared, nor keep state at module level (a cache belongs to the writer that fills it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

const files = ['packages/io/src', 'apps/cli/src'].flatMap((d) => sources(join(ROOT, d)));

describe('decisions are frozen and may be shared: io and the CLI rely on the contract', () => {
  it('no source asks Object.isFrozen', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => /Object\.isFrozen\s*\(/.test(readFileSync(f, 'utf8'))).map((f) => f.slice(ROOT.length))).toEqual([]);
  });

  it('no cache at module level (a top-level WeakMap keyed by objects others own)', () => {
    const top = /^(?:export )?(?:const|let) \w+(?:: [^=]+)? = new WeakMap\b/m;
    expect(files.filter((f) => top.test(readFileSync(f, 'utf8'))).map((f) => f.slice(ROOT.length))).toEqual([]);
  });
});
