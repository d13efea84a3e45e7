import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/text/width.js';
import { BIN, EX, errLines, GOOD_ROW, p135, readCsv, rosterCsv, tmp } from './helpers.js';

const FORMULA = /^[=+\-@\t\r]/;

describe('p135 decide', () => {
  it('decides the 16,600-person example roster from CSV (Vietnamese headers, BOM) to CSV', () => {
    const r = p135(['decide', `${EX}/candidates.csv`, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect([...r.out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(r.stdout);
    expect(rows).toHaveLength(16_601);
    const header = rows[0] as string[];
    expect(header.slice(0, 4)).toEqual(['Mã', 'Họ và tên', 'Được dự', 'Lớp cán bộ cơ sở xã tổ chức tại tỉnh: được dự']);
    const first = Object.fromEntries(header.map((h, i) => [h, rows[1]?.[i]]));
    expect(first).toMatchObject({
      Mã: 'LS-000001',
      'Họ và tên': 'Mã Đức Hùng',
      'Lớp cán bộ cơ sở xã tổ chức tại tỉnh: được dự': 'Có',
      'Lớp cán bộ cơ sở xã tổ chức tại tỉnh: tiền ăn do ai trả': 'Học viên',
    });
    expect(first['Lớp nâng cao năng lực cộng đồng tổ chức tại tỉnh: lý do không được dự']).toMatch(/^KH\.II\.2\.1\.b: /);
    expect(rows.flat().filter((cell) => FORMULA.test(cell))).toEqual([]);
  });

  it('gives the same decisions from CSV without a BOM (semicolons), JSON, JSON Lines, XLSX and standard input', () => {
    const dir = tmp();
    const csv = readFileSync(`${EX}/candidates.csv`, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, 51);
    writeFileSync(
      join(dir, 'nobom.csv'),
      readCsv(csv.join('\r\n'))
        .map((r) => r.map((c) => (c.includes(';') ? `"${c}"` : c)).join(';'))
        .join('\n'),
    );
    const people = JSON.parse(readFileSync(`${EX}/candidates.json`, 'utf8')).slice(0, 50);
    writeFileSync(join(dir, 'p.json'), JSON.stringify(people));
    writeFileSync(join(dir, 'p.jsonl'), people.map((p: unknown) => JSON.stringify(p)).join('\n'));
    const ids = (r: ReturnType<typeof p135>) => {
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { candidateId: string; eligibleTracks: string[] }[]).map((d) => `${d.candidateId}:${d.eligibleTracks.join('+')}`);
    };
    const expected = ids(p135(['decide', `${EX}/candidates-sample.xlsx`, '--format', 'json']));
    expect(expected).toHaveLength(50);
    expect(ids(p135(['decide', join(dir, 'nobom.csv'), '--format', 'json']))).toEqual(expected);
    expect(ids(p135(['decide', join(dir, 'p.json'), '--format', 'json']))).toEqual(expected);
    expect(ids(p135(['decide', join(dir, 'p.jsonl'), '--format', 'json']))).toEqual(expected);
    expect(ids(p135(['decide', '-', '--format', 'json'], { input: readFileSync(join(dir, 'nobom.csv')) }))).toEqual(expected);
    const jsonl = p135(['decide', join(dir, 'p.jsonl'), '--format', 'jsonl']);
    expect(
      jsonl.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).candidateId),
    ).toEqual(people.map((p: { id: string }) => p.id));
  });

  it('writes XLSX: a header row and text cells only as strings, never formulas', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'hostile.csv'),
      rosterCsv(GOOD_ROW, 'LS-2,"=HYPERLINK(""http://evil"",""bấm"")",Nam,1980,Kinh,Người dân,180,05998,Có', 'LS-3,@SUM(1+1),Nữ,1990,Nùng,Đại diện hộ nghèo,180,05998,Có'),
    );
    const out = join(dir, 'ket-qua.xlsx');
    const r = p135(['decide', join(dir, 'hostile.csv'), '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('Mã');
    expect(ws.getCell('B3').value).toBe('=HYPERLINK("http://evil","bấm")');
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula, cell.address).toBeUndefined();
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number], cell.address).toContain(cell.type);
      }),
    );
    const csv = p135(['decide', join(dir, 'hostile.csv'), '--format', 'csv']);
    expect(readCsv(csv.stdout).map((row) => row[1])).toEqual(['Họ và tên', 'Hoàng Thị Mai', `'=HYPERLINK("http://evil","bấm")`, "'@SUM(1+1)"]);
  });

  it('prints a readable table within 80 columns, Vietnamese by default and English with --lang en', () => {
    const vi = p135(['decide', `${EX}/candidates-sample.xlsx`, '--format', 'table']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('[1] Lớp cán bộ cơ sở xã tổ chức tại tỉnh (province_cadre)');
    expect(vi.stdout).toMatch(/LS-000001 +Mã Đức Hùng +\[1\] +✓ +0 +Học viên trả tiền ăn, tiền ở,/);
    expect(vi.stdout).toContain('Tổng kết (50 người):');
    for (const line of vi.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    const en = p135(['decide', `${EX}/candidates-sample.xlsx`, '--format', 'table', '--lang', 'en']);
    expect(en.stdout).toMatch(/trainee pays meals, lodging,\s+travel/);
    expect(en.stdout).toContain('Summary (50 people):');
  });

  it('exits 1 with --check or --require when someone is not eligible, 0 otherwise', () => {
    const plain = p135(['decide', `${EX}/candidates.json`, '--format', 'jsonl', '-o', join(tmp(), 'd.jsonl')]);
    expect(plain.code).toBe(0);
    const check = p135(['decide', `${EX}/candidates.json`, '--format', 'jsonl', '--check', '-o', join(tmp(), 'd.jsonl')]);
    expect(check.code).toBe(1);
    expect(errLines(check)).toEqual(['p135: 285 người không được dự lớp nào']);
    const require = p135(['decide', `${EX}/candidates-sample.xlsx`, '--format', 'csv', '--require', 'province_cadre', '--require', 'study_tour', '--lang', 'en']);
    expect(require.code).toBe(1);
    expect(errLines(require)).toEqual(['p135: 50 people are not eligible for study_tour']);
    expect(p135(['decide', `${EX}/candidates-sample.xlsx`, '--format', 'csv', '--require', 'province_cadre']).code).toBe(0);
    const unknown = p135(['decide', `${EX}/candidates-sample.xlsx`, '--require', 'nope']);
    expect(unknown.code).toBe(2);
    expect(errLines(unknown)[0]).toMatch(/^p135: --require: lớp "nope" không có; chấp nhận: province_cadre, /);
  });

  it('stops quietly when the reader closes the pipe (p135 decide … | head)', () => {
    const r = spawnSync('bash', ['-c', `"$0" "$1" decide "$2" --format csv | head -n 2 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`, process.execPath, BIN, `${EX}/candidates.csv`]);
    expect(r.stderr.toString()).toBe('status=0\n');
  });
});
