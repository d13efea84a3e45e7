/**
 * The hostile corpus (packages/io/test/corpus, made by make.mjs there) through the p135 binary:
 * for each file, the expected refusal (exit code, the first line on stderr), no crash, no stack
 * trace, no absolute path, and no output file left behind by a refused `-o`. Each run is bounded
 * by a time-out that only catches a hang (speed is never asserted); the worst time and the peak
 * memory seen (GNU time, when installed) are printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, hasStack, tmp } from './helpers.js';

const CORPUS = join(ROOT, 'packages/io/test/corpus');
const TIME = '/usr/bin/time';
/** Far more than any file takes; only a hang reaches it. */
const HANG_MS = 120_000;

interface Case {
  readonly file: string;
  readonly args: readonly string[];
  readonly exit: number;
  readonly code: string | null;
  readonly stderr: string;
}

const cases: Case[] = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8'));
const seen: { file: string; seconds: number; kib?: number }[] = [];

/** Runs p135 from the corpus folder (names relative, as a person types them), under GNU time when it is there. */
function run(args: readonly string[]) {
  const timed = existsSync(TIME);
  const command = timed ? TIME : process.execPath;
  const all = timed ? ['-f', 'p135-corpus-time %e %M', process.execPath, BIN, ...args] : [BIN, ...args];
  const started = process.hrtime.bigint();
  const r = spawnSync(command, all, { cwd: CORPUS, encoding: 'utf8', timeout: HANG_MS, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = r.stderr.split('\n');
  const measured = lines.find((l) => l.startsWith('p135-corpus-time '));
  const stderr = lines.filter((l) => !l.startsWith('p135-corpus-time ') && !/^Command exited with non-zero status/.test(l)).join('\n');
  const [, seconds, kib] = measured?.split(' ') ?? [];
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr, seconds: seconds ? Number(seconds) : wall, kib: kib ? Number(kib) : undefined };
}

/** Nothing of the machine in what a person sees: no stack, no absolute path, no module path. */
function leaks(text: string): string[] {
  const found: string[] = [];
  if (hasStack(text)) found.push('a stack trace');
  for (const bit of [ROOT, '/work/', '/home/', '/tmp/', '/root/', 'node_modules', 'file://', '.js:', '.ts:']) if (text.includes(bit)) found.push(bit);
  return found;
}

describe('the hostile corpus through the p135 binary', () => {
  it('has every file of the corpus in its list of cases', () => {
    const files = readdirSync(CORPUS).filter((f) => /^(roster|plan)-/.test(f));
    expect(cases.map((c) => c.file).sort()).toEqual(files.sort());
  });

  it.each(cases)('$file: exit $exit, the refusal it should give, nothing leaked', (c) => {
    const r = run(c.args);
    seen.push({ file: c.file, seconds: r.seconds, ...(r.kib ? { kib: r.kib } : {}) });
    expect(r.signal).toBeNull(); // neither killed by the time-out nor crashed
    expect(r.status).toBe(c.exit);
    expect(r.stderr.split('\n')[0]?.startsWith(c.stderr)).toBe(true);
    expect(leaks(r.stderr)).toEqual([]);
    if (c.exit === 2) {
      expect(r.stdout).toBe(''); // a file that is refused never gives a partial result (exit 1 is a plan read whole, with findings)
      expect(r.stderr).not.toMatch(/lỗi không lường trước|unexpected error/);
    }
  });

  const streamed = cases.filter((c) => c.args[0] === 'decide' && /\.(csv|jsonl)$/.test(c.file) && c.exit !== 0);
  it.each(streamed)('$file to -o FILE: the same refusal, in English too, and no file left', (c) => {
    const dir = tmp();
    const out = join(dir, 'ket-qua.csv');
    const r = run([...c.args, '-o', out, '--lang', 'en']);
    expect(r.status).toBe(c.exit);
    expect(r.stderr).toMatch(/^p135: /);
    expect(leaks(r.stderr.replaceAll(out, 'OUT'))).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  afterAll(() => {
    if (!seen.length) return;
    const worst = seen.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    const heaviest = seen.reduce((a, b) => ((b.kib ?? 0) > (a.kib ?? 0) ? b : a));
    console.log(
      `corpus (CLI): ${seen.length} files; worst time ${worst.seconds.toFixed(2)} s (${worst.file})` +
        (heaviest.kib ? `; peak memory ${(heaviest.kib / 1024).toFixed(0)} MiB (${heaviest.file})` : '; peak memory: GNU time not installed'),
    );
  });
});
