/**
 * Faults in `p135 decide`, each tested: a worker thread that dies mid-job, a file changed between
 * the CLI's readings, a full disk under `-o`, and `-o` naming the input. Never a partial output
 * file, never a stack trace; one Vietnamese-first line and exit 2 when it cannot go on.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRosterInput } from '@p135/io/node';
import { bundledPack, createRulebook } from '@p135/rules';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CliError } from '../src/errors.js';
import { decideStreamed } from '../src/stream/decide-stream.js';
import type { StreamedInput } from '../src/stream/passes.js';
import { BIN, EX, hasStack, p135, tmp } from './helpers.js';

const EXAMPLE = join(EX, 'candidates.csv');

describe('a worker thread dies mid-job', () => {
  it('the run falls back to one thread: exit 0, the same bytes as one thread, no partial or temporary file', () => {
    const dir = tmp();
    const one = join(dir, 'one.csv');
    expect(p135(['decide', EXAMPLE, '-o', one, '--threads', '1']).code).toBe(0);
    const out = join(dir, 'many.csv');
    const r = spawnSync(process.execPath, [BIN, 'decide', EXAMPLE, '-o', out, '--threads', '2', '--block-bytes', '65536', '--debug'], {
      env: { ...process.env, P135_FAULT_WORKER_EXIT_AFTER: '3' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/các luồng phụ gặp một lỗi; đọc lại tệp theo cách thường/);
    expect(readFileSync(out).equals(readFileSync(one))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['many.csv', 'one.csv']);
  });
});

describe('the file changes between the readings', () => {
  const book = createRulebook(bundledPack()!);
  const options = { lang: 'vi' as const, limits: {}, blockBytes: 512 * 1024, threads: 1 };

  /** The example, opened; on its first reading, once `after` chunks are read, a row is added to the file (another program writing). */
  async function changingInput(dir: string, after: number): Promise<StreamedInput> {
    const file = join(dir, 'ds.csv');
    copyFileSync(EXAMPLE, file);
    const opened = await openRosterInput(file);
    if (!('input' in opened) || opened.input.format !== 'csv') throw new Error('not opened');
    const input = opened.input;
    // a valid row (the last one, with a new id): the file is still a good roster, just not the one checked
    const last = readFileSync(file, 'utf8').trimEnd().split('\r\n').at(-1) as string;
    const newRow = `${last.replace(/^[^,]+/, 'LS-999999')}\r\n`;
    let readings = 0;
    const chunks = () => {
      const first = readings++ === 0;
      return (async function* () {
        let n = 0;
        for await (const chunk of input.chunks()) {
          yield chunk;
          if (first && ++n === after) appendFileSync(file, newRow);
        }
      })();
    };
    return { ...input, format: 'csv', chunks };
  }

  it('to standard output (checked, then read again to decide): nothing is written, exit 2, and why', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const input = await changingInput(tmp(), 5);
      const failed = await decideStreamed(input, book, 'csv', options).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(CliError);
      expect((failed as CliError).problems.map((p) => p.code)).toEqual(['file.changed']);
      expect((failed as CliError).problems[0]?.message.vi).toMatch(/^tệp đã thay đổi trong khi đang được đọc; không có kết quả nào được ghi/);
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });

  it('to -o FILE (one reading): the file is not put in place', async () => {
    const dir = tmp();
    const input = await changingInput(dir, 5);
    const output = join(dir, 'ket-qua.csv');
    const failed = await decideStreamed(input, book, 'csv', { ...options, output }).catch((e: unknown) => e);
    expect((failed as CliError).problems.map((p) => p.code)).toEqual(['file.changed']);
    expect(readdirSync(dir)).toEqual(['ds.csv']);
  });

  it('a file left alone is decided as usual', async () => {
    const dir = tmp();
    const input = await changingInput(dir, Number.POSITIVE_INFINITY);
    const output = join(dir, 'ket-qua.csv');
    expect(await decideStreamed(input, book, 'csv', { ...options, output })).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['ds.csv', 'ket-qua.csv']);
  });
});

/** A 128 KiB tmpfs, mounted for this test (as root); undefined with the reason when mounting is not allowed. */
function tinyDisk(): { dir: string } | { skip: string } {
  if (process.platform !== 'linux') return { skip: 'not Linux' };
  if (process.getuid?.() !== 0) return { skip: 'not root: cannot mount a tmpfs' };
  const dir = join(tmp(), 'full');
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `mount not allowed here (${(r.stderr || r.error?.message || '').trim()})` };
  return { dir };
}

describe('the disk fills up under -o', () => {
  // 4,000 people: every format's result is far larger than the disk
  const roster = join(tmp(), 'ds.csv');
  writeFileSync(roster, `${readFileSync(EXAMPLE, 'utf8').split('\r\n').slice(0, 4001).join('\r\n')}\r\n`);
  const disk = tinyDisk();
  const dir = 'dir' in disk ? disk.dir : '';
  if ('skip' in disk) console.warn(`faults.test.ts: the full-disk tests are skipped: ${disk.skip}`);
  afterAll(() => {
    if (!dir) return;
    spawnSync('umount', [dir]);
    rmdirSync(dir);
  });

  it.skipIf(!dir).each([
    ['csv, streamed', 'ket-qua.csv', []],
    ['jsonl, streamed', 'ket-qua.jsonl', []],
    ['json, whole', 'ket-qua.json', []],
    ['xlsx, whole', 'ket-qua.xlsx', []],
    ['csv, in English', 'result.csv', ['--lang', 'en']],
  ] as const)('%s: exit 2, one line saying the disk is full, no file left', (_, name, extra) => {
    const r = p135(['decide', roster, '-o', join(dir, name), ...extra]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    if (extra.length) expect(lines[0]).toBe(`p135: ${join(dir, name)}: cannot write the file: the disk is full (ENOSPC); the file was not created or changed`);
    else expect(lines[0]).toBe(`p135: ${join(dir, name)}: không ghi được tệp: ổ đĩa đã đầy (ENOSPC); tệp không được tạo hay thay đổi`);
    expect(hasStack(r.stderr)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(!dir)('a file already there is left as it was', () => {
    const previous = join(dir, 'cu.csv');
    writeFileSync(previous, 'kết quả cũ\r\n');
    const r = p135(['decide', roster, '-o', previous]);
    expect(r.code).toBe(2);
    expect(readFileSync(previous, 'utf8')).toBe('kết quả cũ\r\n');
    expect(readdirSync(dir)).toEqual(['cu.csv']);
  });
});

describe('-o naming the input', () => {
  it.each([
    ['the same path', (f: string) => f],
    ['another spelling of it', (f: string) => join(f, '..', '.', 'ds.csv')],
    [
      'a hard link to it',
      (f: string) => {
        const link = join(f, '..', 'link.csv');
        if (!existsSync(link)) linkSync(f, link);
        return link;
      },
    ],
  ])('is refused (%s), exit 2, the input untouched', (_, output) => {
    const dir = tmp();
    const file = join(dir, 'ds.csv');
    writeFileSync(file, `${readFileSync(EXAMPLE, 'utf8').split('\r\n').slice(0, 201).join('\r\n')}\r\n`);
    const before = readFileSync(file);
    const out = output(file);
    for (const args of [
      ['decide', file, '-o', out],
      ['decide', file, '-o', out, '--format', 'xlsx'],
      ['rank', file, '--track', 'commune_cadre', '-o', out],
    ]) {
      const r = p135(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`p135: ${out}: -o ${out} là chính tệp đầu vào; ghi ra đó sẽ làm mất tệp. Hãy chọn một tệp khác\n`);
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });
});
