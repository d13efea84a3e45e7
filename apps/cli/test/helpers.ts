import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../dist/p135.js', import.meta.url));
export const EX = join(ROOT, 'examples/lang-son-2020');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly out: Buffer;
}

/** Runs `p135 …args` as a user would: a separate node process, real files, from `cwd` (the repository root). */
export function p135(args: readonly string[], options: { cwd?: string; input?: string | Buffer } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), out: r.stdout };
}

export const tmp = (): string => mkdtempSync(join(tmpdir(), 'p135-cli-'));

/** Lines of stderr, without the trailing empty one. */
export const errLines = (r: Run): string[] => r.stderr.split('\n').filter((l) => l !== '');

/** No stack trace: no "    at fn (file:line)" frames and no "Error:" dump. */
export const hasStack = (text: string): boolean => /\n\s+at .+[:(]\d+/.test(text) || /^\s+at /m.test(text);

export const exampleJson = <T>(name: string): T => JSON.parse(readFileSync(join(EX, name), 'utf8')) as T;

/** Minimal CSV reader for the tests' own checks (quotes, doubled quotes, CRLF). */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** A CSV roster with Vietnamese headers: the header and rows given. */
export const VI_HEADER = 'Mã,Họ và tên,Giới tính,Năm sinh,Dân tộc,Chức vụ,Mã huyện,Mã xã,Xã thuộc CT135';
export const rosterCsv = (...rows: string[]): string => `${[VI_HEADER, ...rows].join('\r\n')}\r\n`;
export const GOOD_ROW = 'LS-1,Hoàng Thị Mai,Nữ,1985,Tày,Chủ tịch UBND xã,180,05998,Có';
