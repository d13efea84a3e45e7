import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStack, p135, tmp } from './helpers.js';

const COMMANDS = [[], ['decide'], ['explain'], ['plan'], ['plan', 'check'], ['rank'], ['pack'], ['pack', 'list'], ['pack', 'show'], ['pack', 'validate']];

/** The example lines of a help text: `  p135 …` under "Ví dụ … / Examples …". */
const examplesOf = (help: string) => [...help.matchAll(/^ {2}p135 (.+)$/gm)].map((m) => (m[1] as string).split(' '));

describe('--help', () => {
  for (const cmd of COMMANDS) {
    it(`p135 ${cmd.join(' ')} --help shows Vietnamese and English help with examples that run`, () => {
      const r = p135([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Cách dùng \/ Usage: p135/);
      expect(r.stdout).toContain('Ví dụ (chạy từ thư mục gốc của kho mã) / Examples (run from the repository root):');
      if (cmd.length && cmd[0] !== 'plan' && cmd[0] !== 'pack') expect(r.stdout).toContain('--pack <id|file>');
      const out = tmp();
      for (const example of examplesOf(r.stdout)) {
        const args = example.map((a, i) => (example[i - 1] === '-o' ? join(out, a) : a));
        const run = p135(args);
        expect([0, 1], `p135 ${example.join(' ')}\n${run.stderr}`).toContain(run.code);
        expect(hasStack(run.stderr)).toBe(false);
      }
    });
  }
});
