/**
 * docs/packs.md, section 1b (a second province end to end): every `p135` command of its shell
 * blocks is run as written, in order, from the repository root (its /tmp/guide-cb folder a fresh
 * temporary one), and answers (exit 0, or 1 for findings) without a stack trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStack, p135, ROOT, tmp } from './helpers.js';

const guide = readFileSync(join(ROOT, 'docs/packs.md'), 'utf8');
const section = guide.slice(guide.indexOf('## 1b.'), guide.indexOf('## 2. '));

/** The `p135 …` lines of the section's ```sh blocks, split into words as a shell would (double quotes only). */
function commands(text: string): string[][] {
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  return blocks
    .flatMap((b) => b.split('\n'))
    .filter((l) => l.startsWith('p135 '))
    .map((l) => [...l.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]) as string).slice(1));
}

describe('docs/packs.md: a second province end to end', () => {
  const dir = tmp();
  const list = commands(section);

  it('has the walk: init with places, validate, test, matrix, decide, explain, diff', () => {
    expect(list.map((c) => c.slice(0, 2).join(' '))).toEqual([
      'pack init',
      'pack validate',
      'pack validate',
      'pack test',
      'pack matrix',
      'decide examples/cao-bang-2021/candidates.csv',
      'explain examples/cao-bang-2021/candidates.csv',
      'pack diff',
    ]);
  });

  it.each(list.map((c) => [c.join(' '), c] as const))('p135 %s', (_, args) => {
    const r = p135(
      args.map((a) => a.replace('/tmp/guide-cb', dir)),
      { cwd: ROOT },
    );
    expect([0, 1], r.stderr).toContain(r.code);
    expect(hasStack(r.stderr)).toBe(false);
    expect(r.stdout.length).toBeGreaterThan(0);
  });

  it('the validation it shows is what the command prints', () => {
    const own = tmp();
    const at = (args: readonly string[]) => args.map((a) => a.replace('/tmp/guide-cb', own));
    expect(p135(at(list[0] ?? []), { cwd: ROOT }).code).toBe(0);
    const r = p135(at(list[1] ?? []), { cwd: ROOT });
    const shown = /```\n(✓ \/tmp\/guide-cb[^\n]*)\n(\d+ cảnh báo:)\n( {2}! [^\n]*)\n/.exec(section);
    expect(shown).not.toBeNull();
    const out = r.stdout.replaceAll(own, '/tmp/guide-cb').split('\n');
    expect(out[0]?.replace(/sha256 [0-9a-f]{12}…/, 'sha256 …')).toBe(shown?.[1]);
    expect(out[1]).toBe(shown?.[2]);
    expect(out[2]).toBe(shown?.[3]);
  });
});
