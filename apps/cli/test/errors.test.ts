import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EX, errLines, GOOD_ROW, hasStack, p135, ROOT, rosterCsv, tmp, VI_HEADER } from './helpers.js';

const dir = tmp();
const file = (name: string, data: string | Uint8Array) => {
  writeFileSync(join(dir, name), data);
  return join(dir, name);
};

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(VI_HEADER.split(','));
  ws.addRow(GOOD_ROW.split(','));
  const row = ws.addRow(GOOD_ROW.replace('LS-1', 'LS-2').split(','));
  row.getCell(4).value = new Date(Date.UTC(1985, 4, 1));
  file('date.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
});

/** Each unreadable input: exit 2, exactly one line on stderr naming the place, no stack, nothing on stdout. */
const cases: [name: string, make: () => string, line: RegExp][] = [
  ['an empty CSV', () => file('empty.csv', ''), /^p135: .*empty\.csv: tệp rỗng: không có dòng nào$/],
  ['an empty JSON file', () => file('empty.json', '  \n'), /^p135: .*empty\.json: tệp rỗng/],
  [
    'a wrong column',
    () => file('col.csv', rosterCsv(GOOD_ROW).replace('Chức vụ', 'Chức vụ xã')),
    /^p135: .*col\.csv dòng 1, cột "Chức vụ xã": thiếu cột "Chức vụ" \(role\): .*; cột "Chức vụ xã" có phải là cột này\? hãy sửa tiêu đề thành "Chức vụ"$/,
  ],
  [
    'a list whose header row cannot be found',
    () => file('nohead.csv', `DANH SÁCH HỌC VIÊN\r\n__proto__,constructor,Tên\r\n${'1,2,3\r\n'.repeat(18)}`),
    /^p135: .*nohead\.csv: không tìm thấy dòng tiêu đề: trong 20 dòng đầu có dữ liệu, .*Dòng tiêu đề cần các cột "Mã", "Họ và tên"/,
  ],
  [
    'a bad date in a CSV',
    () => file('date.csv', rosterCsv(GOOD_ROW.replace('1985', '15/05/1985'))),
    /^p135: .*date\.csv dòng 2, cột "Năm sinh": "15\/05\/1985" không phải là năm: cần 4 chữ số, ví dụ 1975$/,
  ],
  ['a date cell in an XLSX', () => join(dir, 'date.xlsx'), /^p135: .*date\.xlsx dòng 3, cột "Năm sinh": "1985-05-01" không phải là năm/],
  [
    'an unknown role',
    () => file('role.csv', rosterCsv(GOOD_ROW.replace('Chủ tịch UBND xã', 'Chủ tịch Hội Phụ lão'))),
    /^p135: .*role\.csv dòng 2, cột "Chức vụ": chức vụ "Chủ tịch Hội Phụ lão" không có trong bộ quy tắc; có phải "Chủ tịch Hội Liên hiệp Phụ nữ xã" \(women_union_chair\) hoặc [^()]+\([a-z_]+\) hoặc [^()]+\([a-z_]+\)\?$/,
  ],
  ['malformed JSON', () => file('bad.json', '[\n  {"id": "LS-1",}\n]'), /^p135: .*bad\.json dòng 2, ký tự 17: JSON không hợp lệ/],
  ['malformed JSON Lines', () => file('bad.jsonl', '{"id": "LS-1"}\n{"id": \n'), /^p135: .*bad\.jsonl dòng 2.*: JSON không hợp lệ/],
  ['a truncated XLSX', () => file('cut.xlsx', readFileSync(`${EX}/candidates-sample.xlsx`).subarray(0, 6000)), /^p135: .*cut\.xlsx: tệp XLSX bị cắt cụt hoặc hỏng; hãy lưu hoặc tải lại tệp$/],
  [
    'binary garbage named .csv',
    () =>
      file(
        'garbage.csv',
        new Uint8Array(2048).map((_, i) => (i * 31) % 256),
      ),
    /^p135: .*garbage\.csv dòng 1: tệp nhị phân/,
  ],
  [
    'UTF-8 text broken by a byte that is not UTF-8',
    () => file('broken.csv', new Uint8Array([...Buffer.from(`${VI_HEADER}\r\nLS-1,Ho`), 0xe0, 0x6e, 0x67])),
    /^p135: .*broken\.csv dòng 2: tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng "CSV UTF-8" hoặc XLSX$/,
  ],
  [
    'a TCVN3 (ABC) CSV',
    () => file('tcvn3.csv', readFileSync(join(ROOT, 'packages/io/test/corpus/official/tcvn3.csv'))),
    /^p135: .*tcvn3\.csv: tệp được gõ bằng bảng mã cũ TCVN3 \(ABC, phông \.VnTime\), không đọc được đúng chữ Việt\. Cách sửa: .*"CSV UTF-8" hoặc Excel \(\.xlsx\)$/,
  ],
  [
    'an unclosed quote',
    () => file('quote.csv', rosterCsv('LS-1,"Hoàng Thị Mai,Nữ,1985,Tày,Người dân,180,05998,Có')),
    /^p135: .*quote\.csv dòng 2, cột "Họ và tên": dấu ngoặc kép \("\) mở mà không đóng$/,
  ],
  ['a repeated id', () => file('dup.csv', rosterCsv(GOOD_ROW, GOOD_ROW)), /^p135: .*dup\.csv dòng 3, cột "Mã": mã "LS-1" trùng với dòng 2$/],
  ['an .xls file', () => file('old.xls', 'whatever'), /^p135: .*old\.xls: tệp XLS \(Excel 97–2003\) không được hỗ trợ/],
  ['a missing file', () => join(dir, 'nope.csv'), /^p135: .*nope\.csv: không tìm thấy tệp$/],
  ['a directory', () => dir, /^p135: .*: là một thư mục, không phải tệp$/],
];

describe('inputs that cannot be read: exit 2, one line naming the place, no stack', () => {
  for (const [name, make, line] of cases) {
    it(name, () => {
      const r = p135(['decide', make()]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(errLines(r)).toHaveLength(1);
      expect(errLines(r)[0]).toMatch(line);
      expect(hasStack(r.stderr)).toBe(false);
    });
  }

  it('says the same in English with --lang en', () => {
    const r = p135(['decide', file('role-en.csv', rosterCsv(GOOD_ROW.replace('Chủ tịch UBND xã', 'Hiệu trưởng'))), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(errLines(r)[0]).toMatch(/^p135: .*role-en\.csv row 2, column "Chức vụ": unknown role "Hiệu trưởng"; no role is near it; the pack has 31 roles/);
  });

  it('lists up to ten problems, one line each, and counts the rest', () => {
    const rows = Array.from({ length: 15 }, (_, i) => GOOD_ROW.replace('LS-1', `LS-${i + 1}`).replace('Nữ', 'X'));
    const r = p135(['decide', file('many.csv', rosterCsv(...rows))]);
    expect(r.code).toBe(2);
    expect(errLines(r)).toHaveLength(11);
    expect(errLines(r)[10]).toBe('p135: … và 5 lỗi khác');
  });

  it('refuses an input over --max-rows or --max-bytes', () => {
    const rows = p135(['decide', `${EX}/candidates.csv`, '--max-rows', '100']);
    expect(rows.code).toBe(2);
    expect(errLines(rows)).toEqual([expect.stringMatching(/candidates\.csv dòng 102: tệp có hơn 100 dòng dữ liệu$/)]);
    const bytes = p135(['decide', `${EX}/candidates.csv`, '--max-bytes', '1000']);
    expect(errLines(bytes)).toEqual([expect.stringMatching(/candidates\.csv: tệp lớn hơn giới hạn 1000 B$/)]);
  });

  it('shows a stack trace only with --debug', () => {
    const r = p135(['decide', file('empty2.csv', ''), '--debug']);
    expect(r.code).toBe(2);
    expect(errLines(r)[0]).toMatch(/tệp rỗng/);
    expect(hasStack(r.stderr)).toBe(true);
  });

  it('treats a wrong command line as exit 2 with one line', () => {
    for (const args of [['decide'], ['decide', 'x.csv', '--format', 'pdf'], ['decide', 'x.csv', '--bogus'], ['frobnicate'], ['rank', 'x.csv', '--capacity', '-3'], []]) {
      const r = p135(args);
      expect(r.code, args.join(' ')).toBe(2);
      if (args.length) expect(errLines(r), args.join(' ')).toHaveLength(1);
      expect(hasStack(r.stderr)).toBe(false);
    }
    expect(errLines(p135(['decide', 'x.csv', '--bogus']))[0]).toBe("p135: tùy chọn --bogus không có / unknown option '--bogus' (xem p135 --help)");
  });
});
