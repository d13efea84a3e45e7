/**
 * The synthetic corpus of official-shaped rosters (packages/io/test/corpus/official) through the
 * p135 binary: `p135 decide FILE` reads each readable file into the same six people (exit 0), says
 * on stderr which row the header was, which columns were left out and where the list ended, in
 * Vietnamese or English; TCVN3 and VNI files are refused (exit 2) with how to convert them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errLines, hasStack, p135, ROOT } from './helpers.js';

const DIR = join(ROOT, 'packages/io/test/corpus/official');
const READABLE = ['titled.csv', 'titled.xlsx', 'unicode-text.txt', 'unicode-text-be.txt', 'windows-1258.csv'];

describe('official-shaped rosters through p135 decide', () => {
  it.each(READABLE)('%s: the six people decided, and the notices on stderr', (file) => {
    const r = p135(['decide', file, '--format', 'json'], { cwd: DIR });
    expect(r.code, r.stderr).toBe(0);
    const decided = JSON.parse(r.stdout) as { candidateId: string; name: string; eligibleTracks: string[] }[];
    expect(decided.map((d) => d.candidateId)).toEqual(['TD-001', 'TD-002', 'TD-003', 'TD-004', 'TD-005', 'TD-006']);
    expect(decided[1]?.name).toBe('Nông Thị Hướng');
    // "Trưởng thôn" is the commune community track's trainee (KH.II.2.2.b); TD-006's commune is not on the list (a blank cell)
    expect(decided[1]?.eligibleTracks).toContain('commune_community');
    expect(decided[5]?.eligibleTracks).toEqual([]);
    const lines = errLines(r);
    expect(lines).toContain(`p135: lưu ý: ${file} dòng 5: dòng tiêu đề là dòng 5; bỏ qua 3 dòng có chữ phía trên (tên danh sách, ngày tháng: "ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH")`);
    expect(lines.filter((l) => l.includes('bỏ qua 3 cột không dùng đến: "STT", "Số điện thoại", "Ghi chú"'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/dòng 12: dừng đọc ở dòng cuối bảng \("Tổng cộng: 06 người"\)/);
    expect(hasStack(r.stderr)).toBe(false);
  });

  it('in English with --lang en', () => {
    const r = p135(['decide', 'titled.csv', '--format', 'json', '--lang', 'en'], { cwd: DIR });
    expect(r.code).toBe(0);
    expect(errLines(r)[0]).toBe('p135: note: titled.csv row 5: the header is row 5; 3 row(s) with text above it were skipped (the list\'s title, dates: "ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH")');
  });

  it.each([
    ['tcvn3.csv', 'TCVN3 (ABC, phông .VnTime)'],
    ['vni.csv', 'VNI (phông VNI-Times)'],
  ])('%s: refused with the old encoding named and how to save as UTF-8, nothing on stdout', (file, name) => {
    const r = p135(['decide', file, '--format', 'csv'], { cwd: DIR });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(errLines(r)).toEqual([
      expect.stringMatching(new RegExp(`^p135: ${file.replace('.', '\\.')}: tệp được gõ bằng bảng mã cũ ${name.replace(/[().]/g, '\\$&')}.*lưu thành "CSV UTF-8" hoặc Excel \\(\\.xlsx\\)$`)),
    ]);
  });
});
