import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatInputError } from '../src/index.js';
import { readRosterFile, readSource } from '../src/node.js';
import { book, EXAMPLES } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'p135-io-'));

describe('@p135/io/node', () => {
  it('says plainly when a file is missing, is a directory or is too large', async () => {
    const missing = await readSource(join(dir, 'nope.csv'));
    expect('error' in missing && formatInputError(missing.error, 'vi')).toBe(`${join(dir, 'nope.csv')}: không tìm thấy tệp`);
    expect(await readSource(dir)).toMatchObject({ error: { code: 'file.directory' } });
    const big = join(dir, 'big.csv');
    writeFileSync(big, 'x'.repeat(100));
    expect(await readSource(big, { limits: { maxBytes: 10 } })).toMatchObject({ error: { code: 'input.too_large', place: { file: big } } });
  });

  it('reads standard input for "-", within the size limit', async () => {
    const ok = await readSource('-', { stdin: Readable.from([Buffer.from('a,b\n'), Buffer.from('1,2\n')]) });
    expect(ok).toMatchObject({ source: { name: 'stdin' } });
    const tooBig = await readSource('-', { stdin: Readable.from([Buffer.alloc(8), Buffer.alloc(8)]), limits: { maxBytes: 10 } });
    expect(tooBig).toMatchObject({ error: { code: 'input.too_large', place: { file: 'stdin' } } });
  });

  it('reads a roster file by path', async () => {
    const r = await readRosterFile(`${EXAMPLES}candidates-sample.xlsx`, book);
    expect(r.errors).toEqual([]);
    expect(r.candidates).toHaveLength(50);
  });
});
