import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EX, p135, tmp } from './helpers.js';

/** util-linux `script` runs a command on a pseudo-terminal, as a person's shell would. */
const SCRIPT = '/usr/bin/script';

describe('progress bar', () => {
  it.skipIf(!existsSync(SCRIPT))('is drawn on standard error when it is a terminal, for a large roster', () => {
    const out = join(tmp(), 'd.csv');
    const cmd = `"${process.execPath}" "${BIN}" decide "${EX}/candidates.csv" -o "${out}" --threads 1`;
    const r = spawnSync(SCRIPT, ['-qec', cmd, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\rĐang xét {2}\[[█░]+\] +\d+% {2}\d+\/16600/);
    expect(r.stdout).toContain('\r\x1b[2K');
    expect(existsSync(out)).toBe(true);
  });

  it('is not drawn when standard error is not a terminal', () => {
    const r = p135(['decide', `${EX}/candidates.csv`, '-o', join(tmp(), 'd.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
