/**
 * The corpus of official-shaped rosters (test/corpus/official, SYNTHETIC, made by make.mjs there):
 * title rows above the header, STT / Số điện thoại / Ghi chú columns, the words officials write,
 * `x` marks and blanks, a footer with signatures; as CSV, XLSX (merged title), UTF-16 "Unicode
 * Text", Windows-1258 — each read whole and as a stream into the same six people, with the same
 * notices placed at the spreadsheet's own rows. TCVN3 and VNI are refused with how to convert.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatInputError, type InputError, readRoster, streamRoster } from '../src/index.js';
import { book } from './helpers.js';

const DIR = fileURLToPath(new URL('./corpus/official/', import.meta.url));
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(DIR, file)));

const PEOPLE = [
  { id: 'TD-001', name: 'Hoàng Văn Thắng', gender: 'male', birthYear: 1975, ethnicity: '02', role: 'committee_chair', listed: true },
  { id: 'TD-002', name: 'Nông Thị Hướng', gender: 'female', birthYear: 1982, ethnicity: '07', role: 'non_specialised_worker', listed: true },
  { id: 'TD-003', name: 'Lý Văn Sử', gender: 'male', birthYear: 1969, ethnicity: '08', role: 'farmers_union_chair', listed: true },
  { id: 'TD-004', name: 'Triệu Thị Mai', gender: 'female', birthYear: 1990, ethnicity: '09', role: 'non_specialised_worker', listed: true },
  { id: 'TD-005', name: 'Vi Văn Bình', gender: 'male', birthYear: 1978, ethnicity: '15', role: 'committee_vice_chair', listed: true },
  { id: 'TD-006', name: 'Lương Thị Hoa', gender: 'female', birthYear: 1986, ethnicity: '01', role: 'non_specialised_worker', listed: false },
];

const READABLE = ['titled.csv', 'titled.xlsx', 'unicode-text.txt', 'unicode-text-be.txt', 'windows-1258.csv'];

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const summary = (c: { id: string; name: string; gender: string; birthYear: number; ethnicity: string; role: string; commune: { p135: { listed: boolean } } }) => ({
  id: c.id,
  name: c.name,
  gender: c.gender,
  birthYear: c.birthYear,
  ethnicity: c.ethnicity,
  role: c.role,
  listed: c.commune.p135.listed,
});

describe('rosters as offices make them (synthetic corpus)', () => {
  it.each(READABLE)('%s: read whole into the six people, with the notices at the spreadsheet rows', async (file) => {
    const r = await readRoster({ name: file, bytes: bytesOf(file) }, book);
    expect(r.errors.map((e) => formatInputError(e, 'vi'))).toEqual([]);
    expect(r.candidates.map(summary)).toEqual(PEOPLE);
    expect(r.candidates.every((c) => c.name === c.name.normalize('NFC'))).toBe(true);
    const said = r.warnings.map((w) => [w.code, w.place.row]);
    expect(said).toEqual([...(file === 'windows-1258.csv' ? [['input.decoded', undefined]] : []), ['roster.header_row', 5], ['roster.ignored_columns', 5], ['roster.footer', 12]]);
    const vi = r.warnings.map((w) => formatInputError(w, 'vi'));
    expect(vi).toContain(`${file} dòng 5: dòng tiêu đề là dòng 5; bỏ qua 3 dòng có chữ phía trên (tên danh sách, ngày tháng: "ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH")`);
    expect(vi).toContain(`${file} dòng 5: bỏ qua 3 cột không dùng đến: "STT", "Số điện thoại", "Ghi chú"; nếu một cột trong số đó là cột cần đọc, hãy sửa tiêu đề của nó`);
    expect(vi.at(-1)).toMatch(new RegExp(`^${file.replace('.', '\\.')} dòng 12: dừng đọc ở dòng cuối bảng \\("Tổng cộng: 06 người"\\)`));
  });

  it.each(READABLE.filter((f) => !f.endsWith('.xlsx')))('%s: read as a stream in pieces of 7 bytes, the same people and notices', async (file) => {
    const whole = await readRoster({ name: file, bytes: bytesOf(file) }, book);
    const people: unknown[] = [];
    const errors: InputError[] = [];
    const warnings: InputError[] = [];
    for await (const piece of streamRoster(chunksOf(bytesOf(file), 7), book, { name: file, format: 'csv' })) {
      people.push(...piece.candidates);
      errors.push(...piece.errors);
      warnings.push(...piece.warnings);
    }
    expect(errors).toEqual([]);
    expect(people).toEqual(whole.candidates);
    expect(warnings).toEqual(whole.warnings);
  });

  it.each([
    ['tcvn3.csv', 'TCVN3 (ABC, phông .VnTime)', 'TCVN3 (ABC)'],
    ['vni.csv', 'VNI (phông VNI-Times)', 'VNI Windows'],
  ])('%s: refused, saying which old encoding and how to save it as UTF-8 (vi first)', async (file, name, from) => {
    for (const read of [
      async () => (await readRoster({ name: file, bytes: bytesOf(file) }, book)).errors,
      async () => {
        const errors: InputError[] = [];
        for await (const piece of streamRoster(chunksOf(bytesOf(file), 64), book, { name: file, format: 'csv' })) errors.push(...piece.errors);
        return errors;
      },
    ]) {
      const errors = await read();
      expect(errors).toHaveLength(1);
      expect(errors[0]?.code).toBe('input.legacy_encoding');
      const vi = formatInputError(errors[0] as InputError, 'vi');
      expect(vi).toContain(`${file}: tệp được gõ bằng bảng mã cũ ${name}`);
      expect(vi).toContain(`nguồn ${from}, đích Unicode) rồi lưu thành "CSV UTF-8" hoặc Excel (.xlsx)`);
      expect(formatInputError(errors[0] as InputError, 'en')).toContain('then save as "CSV UTF-8" or Excel (.xlsx)');
    }
  });
});

describe('a list whose header cannot be found', () => {
  it('is ONE error saying what the header needs, not one per row', async () => {
    const rows = ['DANH SÁCH HỌC VIÊN – HUYỆN TRÀNG ĐỊNH', 'STT,Tên,Phái,Sinh năm', ...Array.from({ length: 18 }, (_, i) => `${i + 1},Người ${i + 1},Nam,1980`)];
    const r = await readRoster({ name: 'ds.csv', bytes: new TextEncoder().encode(rows.join('\r\n')) }, book);
    expect(r.candidates).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.code).toBe('roster.no_header');
    expect(formatInputError(r.errors[0] as InputError, 'vi')).toMatch(
      /^ds\.csv: không tìm thấy dòng tiêu đề: trong 20 dòng đầu có dữ liệu, không dòng nào có ít nhất 2 tiêu đề cột của danh sách\. Dòng tiêu đề cần các cột "Mã", "Họ và tên", "Giới tính", "Năm sinh"/,
    );
    expect(formatInputError(r.errors[0] as InputError, 'en')).toMatch(/^ds\.csv: the header row was not found/);
  });
});
