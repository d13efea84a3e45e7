import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EX, errLines, hasStack, p135, tmp } from './helpers.js';

/** util-linux `script` runs a command on a pseudo-terminal, as a person's shell would. */
const SCRIPT = '/usr/bin/script';

const dir = tmp();
const exampleCsv = readFileSync(`${EX}/candidates.csv`);
/** The example roster's lines (CRLF; the first holds the BOM and the header). */
const exampleLines = exampleCsv.toString('utf8').split('\r\n');
/** The example roster with line `row` (1-based, header = 1) replaced. */
const withRow = (row: number, replace: (line: string) => string) => exampleLines.map((l, i) => (i === row - 1 ? replace(l) : l)).join('\r\n');
/** A bad gender at spreadsheet row 8,002: 8,000 people come before it. */
const badAt8002 = withRow(8002, (l) => l.replace(/,(Nam|Nữ),/, ',X,'));

describe('p135 decide streams CSV and JSON Lines to CSV and JSON Lines', () => {
  it('writes byte for byte what the whole-file path writes (CSV → CSV against JSON and XLSX → CSV)', () => {
    const streamed = join(dir, 'streamed.csv');
    const wholeJson = join(dir, 'whole-json.csv');
    expect(p135(['decide', `${EX}/candidates.csv`, '--format', 'csv', '-o', streamed]).code).toBe(0);
    expect(p135(['decide', `${EX}/candidates.json`, '--format', 'csv', '-o', wholeJson]).code).toBe(0);
    expect(readFileSync(streamed).equals(readFileSync(wholeJson))).toBe(true);

    // The sample workbook holds the first 50 rows of the CSV.
    const first50 = join(dir, 'first50.csv');
    writeFileSync(first50, exampleLines.slice(0, 51).join('\r\n'));
    const fromCsv = p135(['decide', first50, '--format', 'csv']);
    const fromXlsx = p135(['decide', `${EX}/candidates-sample.xlsx`, '--format', 'csv']);
    expect(fromCsv.code).toBe(0);
    expect(fromCsv.out.equals(fromXlsx.out)).toBe(true);
  });

  it('writes the same JSON Lines streamed (CSV or JSON Lines in) as whole (JSON in)', () => {
    const people = JSON.parse(readFileSync(`${EX}/candidates.json`, 'utf8')) as unknown[];
    const jsonl = join(dir, 'people.jsonl');
    writeFileSync(jsonl, people.map((p) => JSON.stringify(p)).join('\n'));
    const whole = p135(['decide', `${EX}/candidates.json`, '--format', 'jsonl']);
    expect(whole.code).toBe(0);
    expect(p135(['decide', `${EX}/candidates.csv`, '--format', 'jsonl']).out.equals(whole.out)).toBe(true);
    expect(p135(['decide', jsonl, '--format', 'jsonl']).out.equals(whole.out)).toBe(true);
  });

  it('reads standard input (-) as a stream, with the same result', () => {
    const file = p135(['decide', `${EX}/candidates.csv`, '--format', 'csv']);
    const stdin = p135(['decide', '-', '--format', 'csv'], { input: exampleCsv });
    expect(stdin.code).toBe(0);
    expect(stdin.stderr).toBe('');
    expect(stdin.out.equals(file.out)).toBe(true);
  });

  it('counts --check and --require over a stream as over the whole roster', () => {
    const r = p135(['decide', `${EX}/candidates.csv`, '--format', 'csv', '--check', '-o', join(dir, 'check.csv')]);
    expect(r.code).toBe(1);
    expect(errLines(r)).toEqual(['p135: 285 người không được dự lớp nào']);
  });
});

describe('a bad row in the middle of a stream', () => {
  it('from standard input: the rows before it are written, then exit 2, its row and column, and a line saying the output is incomplete', () => {
    const r = p135(['decide', '-', '--format', 'csv'], { input: badAt8002 });
    expect(r.code).toBe(2);
    expect(errLines(r)).toEqual([
      'p135: stdin dòng 8002, cột "Giới tính": giới tính "X" không hợp lệ; ghi Nữ hoặc Nam',
      'p135: kết quả đã ghi ra (8.000 người, trước dòng lỗi đầu tiên) là CHƯA ĐẦY ĐỦ',
    ]);
    expect(hasStack(r.stderr)).toBe(false);
    // Exactly the first 8,000 decisions, complete lines, in order.
    const full = p135(['decide', `${EX}/candidates.csv`, '--format', 'csv']).stdout.split('\r\n');
    expect(r.stdout).toBe(`${full.slice(0, 8001).join('\r\n')}\r\n`);
  });

  it('says so in English with --lang en', () => {
    const r = p135(['decide', '-', '--format', 'jsonl', '--lang', 'en'], { input: badAt8002 });
    expect(r.code).toBe(2);
    expect(errLines(r)[1]).toBe('p135: the output written so far (8,000 people, before the first row with an error) is INCOMPLETE');
    expect(r.stdout.trim().split('\n')).toHaveLength(8000);
  });

  it('from a file: checked whole first, so nothing is written, and every problem is listed', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, withRow(16_000, (l) => l.replace(/,(Nam|Nữ),(\d{4}),/, ',$1,85,')).replace(/\r\n$/, '\r\nLS-000001,Mã Đức Hùng,Nam,1972,Tày,Người dân,180,,05998,,Có,,,,,,,\r\n'));
    const r = p135(['decide', file, '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(errLines(r)).toEqual([
      expect.stringMatching(/bad\.csv dòng 16000, cột "Năm sinh": "85" không phải là năm/),
      expect.stringMatching(/bad\.csv dòng 16602, cột "Mã": mã "LS-000001" trùng với dòng 2$/),
    ]);
  });

  it('never leaves a partial -o file (nor its temporary file), from a file or from standard input', () => {
    const out = tmp();
    const bad = join(out, 'bad.csv');
    writeFileSync(bad, badAt8002);
    const fromFile = p135(['decide', bad, '-o', join(out, 'from-file.csv')]);
    expect(fromFile.code).toBe(2);
    // One pass (decided as it is checked), yet the same problems as when checked first.
    expect(errLines(fromFile)).toEqual(errLines(p135(['decide', bad, '--format', 'csv'])));
    const fromStdin = p135(['decide', '-', '-o', join(out, 'from-stdin.csv')], { input: badAt8002 });
    expect(fromStdin.code).toBe(2);
    expect(errLines(fromStdin)).toHaveLength(1); // nothing was shown, so nothing to call incomplete
    expect(readdirSync(out)).toEqual(['bad.csv']);
  });

  it('keeps a previous -o file when the new run fails', () => {
    const out = join(tmp(), 'ket-qua.csv');
    writeFileSync(out, 'previous');
    expect(p135(['decide', '-', '-o', out], { input: badAt8002 }).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous');
  });

  it('applies --max-rows to a stream only when it is given', () => {
    const r = p135(['decide', '-', '--format', 'csv', '--max-rows', '100'], { input: exampleCsv });
    expect(r.code).toBe(2);
    expect(errLines(r)[0]).toBe('p135: stdin dòng 102: tệp có hơn 100 dòng dữ liệu');
  });
});

describe('pipes and terminals', () => {
  it('stops quietly when the reader closes the pipe, from standard input too', () => {
    const r = spawnSync('bash', ['-c', `"$0" "$1" decide - --format csv < "$2" | head -n 1 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`, process.execPath, BIN, `${EX}/candidates.csv`]);
    expect(r.stderr.toString()).toBe('status=0\n');
  });

  it.skipIf(!existsSync(SCRIPT))('shows rows and rows per second (no percentage: the length is unknown) for standard input on a terminal', () => {
    const out = join(tmp(), 'd.csv');
    const cmd = `"${process.execPath}" "${BIN}" decide - -o "${out}" < "${EX}/candidates.csv"`;
    const r = spawnSync(SCRIPT, ['-qec', cmd, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\r\x1b[2KĐang xét  ');
    expect(r.stdout).toMatch(/Đang xét {2}[\d.]+ dòng {2}[\d.]+ dòng\/giây/);
    expect(r.stdout).not.toMatch(/%/);
    expect(readFileSync(out).equals(p135(['decide', `${EX}/candidates.csv`, '--format', 'csv']).out)).toBe(true);
  });

  it.skipIf(!existsSync(SCRIPT))('on one thread: shows the check of a file by bytes, then the decision bar with the total', () => {
    const out = join(tmp(), 'd.csv');
    const cmd = `"${process.execPath}" "${BIN}" decide "${EX}/candidates.csv" -o "${out}" --threads 1`;
    const r = spawnSync(SCRIPT, ['-qec', cmd, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\rĐang kiểm tra {2}\[[█░]+\] +\d+% {2}[\d.]+ dòng/);
    expect(r.stdout).toMatch(/\rĐang xét {2}\[[█░]+\] +\d+% {2}\d+\/16600/);
  });

  it.skipIf(!existsSync(SCRIPT))('on worker threads: no check first; the bar goes by bytes and counts rows', () => {
    const out = join(tmp(), 'd.csv');
    const cmd = `"${process.execPath}" "${BIN}" decide "${EX}/candidates.csv" -o "${out}" --threads 2 --block-bytes 65536`;
    const r = spawnSync(SCRIPT, ['-qec', cmd, '/dev/null'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('Đang kiểm tra');
    expect(r.stdout).toMatch(/\rĐang xét {2}\[[█░]+\] +100% {2}16\.601 dòng/);
  });
});
