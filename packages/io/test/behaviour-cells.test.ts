import { bundledPack, createRulebook } from '@p135/rules';
import { describe, expect, it } from 'vitest';
import { exactNumber, isFormulaLike, isWholeNumberText, neutraliseFormula } from '../src/safety.js';
import { rosterFromTable } from '../src/roster/from-table.js';
import { book, grid, lines, person, VI_HEADER } from './helpers.js';

/**
 * What a commune official's spreadsheet cells become: years, lists of years and class levels,
 * codes that lost their leading zeros, and the exact message (Vietnamese first) when a cell
 * cannot be read — with the row and the column it is in.
 */
const HEADER = [...VI_HEADER, 'Năm đã dự lớp tỉnh', 'Lớp đã dự năm kế hoạch'];
const row = (over: Partial<Record<number, string>> = {}) => person(over).concat([over[11] ?? '', over[12] ?? '']);
const read = (...rows: string[][]) => rosterFromTable(grid(HEADER, ...rows), book);

describe('cells read as values', () => {
  it('a list of years and of class levels, separated by ; , or spaces, in either language', () => {
    const r = read(row({ 11: '2018; 2019,2017  2020', 12: 'tỉnh; district , xã' }));
    expect(r.errors).toEqual([]);
    expect(r.candidates[0]).toMatchObject({ birthYear: 1985, provinceTrainingYears: [2018, 2019, 2017, 2020], planYearClasses: ['province', 'district', 'commune'] });
  });

  it('empty optional cells are empty lists', () => {
    const r = read(row());
    expect(r.candidates[0]).toMatchObject({ provinceTrainingYears: [], planYearClasses: [] });
  });

  it('district and commune codes get back the leading zeros a spreadsheet dropped', () => {
    const r = read(row({ 6: '80', 8: '5998' }));
    expect(r.candidates[0]).toMatchObject({ district: { code: '080' }, commune: { code: '05998' } });
  });

  it('codes that are not all digits, or already long enough, are not padded but refused', () => {
    const r = read(row({ 8: '005998' }), row({ 0: 'LS-2', 8: 'X5998' }));
    expect(r.candidates).toEqual([]);
    expect(lines(r.errors, 'en')).toEqual(['row 2, column "Mã xã": a commune code has 5 digits, e.g. "05995"', 'row 3, column "Mã xã": a commune code has 5 digits, e.g. "05995"']);
  });

  it('names are kept as written, even when they are digits (only codes are padded)', () => {
    const r = read(row({ 7: '12', 9: '5' }));
    expect(r.errors).toEqual([]);
    expect(r.candidates[0]).toMatchObject({ district: { code: '180', name: '12' }, commune: { code: '05998', name: '5' } });
  });

  it('the same word in many rows reads the same every time', () => {
    const rows = Array.from({ length: 5 }, (_, i) => row({ 0: `LS-${i}`, 2: i % 2 ? 'Nam' : 'Nữ', 10: i % 2 ? 'Không' : 'Có' }));
    const r = read(...rows);
    expect(r.errors).toEqual([]);
    expect(r.candidates.map((c) => [c.gender, c.commune.p135.listed])).toEqual([
      ['female', true],
      ['male', false],
      ['female', true],
      ['male', false],
      ['female', true],
    ]);
  });
});

describe('a blank cell', () => {
  /** The bundled pack with its vocabulary's blankYesNo replaced (or removed, for undefined). */
  const withBlankYesNo = (value: 'yes' | 'no' | undefined) => {
    const pack = structuredClone(bundledPack()) as unknown as { vocabulary: Record<string, unknown> };
    if (value === undefined) delete pack.vocabulary.blankYesNo;
    else pack.vocabulary.blankYesNo = { value, assumption: { vi: 'thử', en: 'test' } };
    return createRulebook(pack as unknown as Parameters<typeof createRulebook>[0]);
  };
  const blanks = [row({ 0: 'LS-1', 10: '' }), row({ 0: 'LS-2', 10: '' })];

  it('of a yes/no column is what the pack says a blank means (the bundled pack: Không), and the same on every row', () => {
    const r = read(...blanks);
    expect(r.errors).toEqual([]);
    expect(r.candidates.map((c) => c.commune.p135.listed)).toEqual([false, false]);
    const yes = rosterFromTable(grid(HEADER, ...blanks), withBlankYesNo('yes'));
    expect(yes.candidates.map((c) => c.commune.p135.listed)).toEqual([true, true]);
  });

  it('of a yes/no column is a missing value when the pack says nothing about blanks', () => {
    const r = rosterFromTable(grid(HEADER, ...blanks), withBlankYesNo(undefined));
    expect(r.candidates).toEqual([]);
    expect(lines(r.errors)[0]).toBe('dòng 2, cột "Xã thuộc CT135": thiếu giá trị: Xã thuộc Chương trình 135 (QĐ 900/QĐ-TTg): Có/Không');
    expect(lines(r.errors, 'en')[0]).toBe('row 2, column "Xã thuộc CT135": a value is required: Commune on the Program 135 list (Decision 900/QĐ-TTg): yes/no');
  });

  it('of any other column is a missing value, whatever the pack says of yes/no blanks', () => {
    for (const value of ['yes', 'no'] as const) {
      const r = rosterFromTable(grid(HEADER, row({ 2: '' })), withBlankYesNo(value));
      expect(lines(r.errors), value).toEqual(['dòng 2, cột "Giới tính": thiếu giá trị: Nữ hoặc Nam (female, male)']);
    }
  });
});

describe('cells that cannot be read: the message says what is wrong and what to write', () => {
  it('a birth year that is not 4 digits', () => {
    for (const bad of ['85', '19855', '1985.0', 'năm 1985']) {
      const r = read(row({ 3: bad }));
      expect(r.candidates, bad).toEqual([]);
      expect(lines(r.errors), bad).toEqual([`dòng 2, cột "Năm sinh": "${bad}" không phải là năm: cần 4 chữ số, ví dụ 1975`]);
      expect(lines(r.errors, 'en'), bad).toEqual([`row 2, column "Năm sinh": "${bad}" is not a year: expected 4 digits, e.g. 1975`]);
    }
  });

  it('a list of years with one that is not a year names that one', () => {
    const r = read(row({ 11: '2018; 19' }));
    expect(lines(r.errors)).toEqual(['dòng 2, cột "Năm đã dự lớp tỉnh": "19" không phải là năm; ghi các năm cách nhau bởi dấu ;, ví dụ: 2018; 2019']);
    expect(lines(r.errors, 'en')).toEqual(['row 2, column "Năm đã dự lớp tỉnh": "19" is not a year; write years separated by ;, e.g. 2018; 2019']);
  });

  it('an unknown class level lists the accepted ones', () => {
    const r = read(row({ 12: 'tỉnh; thôn' }));
    expect(r.errors).toHaveLength(1);
    expect(lines(r.errors)[0]).toMatch(/^dòng 2, cột "Lớp đã dự năm kế hoạch": cấp lớp "thôn" không có; chấp nhận: .*tỉnh.*huyện.*xã/);
    expect(lines(r.errors, 'en')[0]).toMatch(/^row 2, column "Lớp đã dự năm kế hoạch": unknown class level "thôn"; accepted: .*province.*district.*commune/);
  });

  it('an unknown ethnic group names the nearest groups, at most 3, each with its code; or, when none is near, how to write one', () => {
    expect(lines(read(row({ 4: 'Ta' })).errors)).toEqual(['dòng 2, cột "Dân tộc": dân tộc "Ta" không có trong danh mục 54 dân tộc; có phải "Mạ" (28) hoặc "Tày" (02) hoặc "Co" (30)?']);
    expect(lines(read(row({ 4: 'Ta' })).errors, 'en')).toEqual(['row 2, column "Dân tộc": unknown ethnic group "Ta" (not one of the 54); did you mean "Mạ" (28) or "Tày" (02) or "Co" (30)?']);
    expect(lines(read(row({ 4: 'Xyzw' })).errors)).toEqual(['dòng 2, cột "Dân tộc": dân tộc "Xyzw" không có trong danh mục 54 dân tộc; ghi tên dân tộc (Tày, Nùng, Dao, Mông…) hoặc mã 01–54']);
    expect(lines(read(row({ 4: 'Xyzw' })).errors, 'en')).toEqual([
      'row 2, column "Dân tộc": unknown ethnic group "Xyzw" (not one of the 54); write the group’s name (Tày, Nùng, Dao, Mông…) or its code 01–54',
    ]);
  });

  it('an unknown gender, yes/no, ethnic group or role each say which word was not understood', () => {
    const r = read(row({ 2: 'Y' }), row({ 0: 'LS-2', 10: 'có lẽ' }), row({ 0: 'LS-3', 4: 'Kinh Tày' }), row({ 0: 'LS-4', 5: 'Hiệu trưởng' }));
    expect(r.candidates).toEqual([]);
    const vi = lines(r.errors);
    const en = lines(r.errors, 'en');
    expect(vi[0]).toBe('dòng 2, cột "Giới tính": giới tính "Y" không hợp lệ; ghi Nữ hoặc Nam');
    expect(en[0]).toBe('row 2, column "Giới tính": unknown gender "Y"; write Nữ or Nam (female, male)');
    expect(vi[1]).toBe('dòng 3, cột "Xã thuộc CT135": "có lẽ" không phải Có/Không; ghi Có hoặc Không (hoặc x cho Có)');
    expect(en[1]).toMatch(/^row 3, column "Xã thuộc CT135": "có lẽ" is not yes or no; write Có or Không/);
    // the nearest groups, at most 3, not the 54
    expect(vi[2]).toMatch(/^dòng 4, cột "Dân tộc": dân tộc "Kinh Tày" không có trong danh mục 54 dân tộc; có phải "(Kinh|Tày)" \((01|02)\)/);
    expect(vi[2]?.match(/\(\d\d\)/g)?.length ?? 0).toBeLessThanOrEqual(3);
    expect(en[2]).toMatch(/^row 4, column "Dân tộc": unknown ethnic group "Kinh Tày" \(not one of the 54\); did you mean /);
    expect(vi[3]).toMatch(/^dòng 5, cột "Chức vụ": chức vụ "Hiệu trưởng" không có trong bộ quy tắc; không có chức vụ nào gần giống/);
    expect(en[3]).toMatch(/^row 5, column "Chức vụ": unknown role "Hiệu trưởng"; no role is near it; the pack has 31 roles/);
  });
});

describe('whole đồng in a spreadsheet: a number only when it is exact', () => {
  it.each([
    ['8040000000', 8040000000],
    ['0', 0],
    ['-120000000', -120000000],
    ['9007199254740991', 9007199254740991],
    ['-9007199254740991', -9007199254740991],
  ])('%s is the number %d', (text, n) => {
    expect(isWholeNumberText(text)).toBe(true);
    expect(exactNumber(text)).toBe(n);
  });

  it.each(['9007199254740992', '999999999999999999'])('%s is whole but past 2^53 − 1: kept as text', (text) => {
    expect(isWholeNumberText(text)).toBe(true);
    expect(exactNumber(text)).toBeUndefined();
  });

  it.each(['', '007', '-0x1', '1.5', '1e3', '8.040.000.000', ' 1', '1 ', '+1', '--1', '-', 'a1', '1a'])('%j is not whole đồng', (text) => {
    expect(isWholeNumberText(text)).toBe(false);
    expect(exactNumber(text)).toBeUndefined();
  });
});

describe('text that a spreadsheet would run as a formula is neutralised', () => {
  it.each(['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('%j gets a leading apostrophe', (text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
  it.each(['Hoàng Thị Mai', 'a=1', '1+1', ' =1', ''])('%j is left as it is', (text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(neutraliseFormula(text)).toBe(text);
  });
});
