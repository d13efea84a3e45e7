import { readFileSync } from 'node:fs';
import { packWords, parseCandidate } from '@p135/rules';
import { describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS, rosterHeaders } from '../src/roster/columns.js';
import { parseCsv } from '../src/csv-read.js';
import { READ_LIMITS } from '../src/limits.js';
import { rosterFromTable } from '../src/roster/from-table.js';
import { CellProblem, EMPTY, readCell } from '../src/roster/values.js';
import { book, EN_HEADER, EXAMPLES, grid, lines, person, VI_HEADER } from './helpers.js';

/** The headers the bundled pack knows (its `vocabulary.headers`, and each column's key and field). */
const HEADERS = rosterHeaders(packWords(book.pack));
const columnForHeader = (header: string) => HEADERS.columnFor(header);

describe('roster headers', () => {
  it('accepts Vietnamese and English headers, ignoring case, diacritics, spaces and a BOM', () => {
    for (const h of ['Họ và tên', 'HỌ VÀ TÊN', 'ho va ten', '  Họ và tên ', '\uFEFFHọ và tên', 'full_name', 'Full Name', 'fullName', 'name']) {
      expect(columnForHeader(h)?.key, h).toBe('full_name');
    }
    expect(columnForHeader('Xã thuộc CT135')?.key).toBe('commune_listed');
    expect(columnForHeader('xa thuoc ct 135')?.key).toBe('commune_listed');
  });

  it('never matches object keys such as __proto__ or constructor', () => {
    for (const h of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '']) expect(columnForHeader(h), h).toBeUndefined();
  });

  it('reads a roster with Vietnamese headers and labels, and the same with English ones', () => {
    const vi = rosterFromTable(grid(VI_HEADER, person()), book);
    const en = rosterFromTable(grid(EN_HEADER, person({ 2: 'female', 5: 'committee_chair', 10: 'yes' })), book);
    expect(vi.errors).toEqual([]);
    expect(en.errors).toEqual([]);
    expect(vi.candidates).toEqual(en.candidates);
    expect(vi.candidates[0]).toEqual({
      id: 'LS-1',
      name: 'Hoàng Thị Mai',
      gender: 'female',
      birthYear: 1985,
      ethnicity: '02',
      role: 'committee_chair',
      district: { code: '180', name: 'Huyện Tràng Định' },
      commune: { code: '05998', name: 'Xã Khánh Long', p135: { listed: true, struckOff: false } },
      provinceTrainingYears: [],
      planYearClasses: [],
    });
  });

  it('leaves out columns it does not use (STT, Ghi chú, Số điện thoại), all named in one warning, and reads the people', () => {
    const r = rosterFromTable(grid(['STT', ...VI_HEADER, 'Số điện thoại', 'Ghi chú'], ['1', ...person(), '0912345678', 'mới']), book);
    expect(r.errors).toEqual([]);
    expect(r.candidates.map((c) => c.id)).toEqual(['LS-1']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'roster.ignored_columns', place: { row: 1 } });
    expect(lines(r.warnings)[0]).toBe('dòng 1: bỏ qua 3 cột không dùng đến: "STT", "Số điện thoại", "Ghi chú"; nếu một cột trong số đó là cột cần đọc, hãy sửa tiêu đề của nó');
    expect(lines(r.warnings, 'en')[0]).toContain('3 column(s) the toolkit does not use are left out: "STT", "Số điện thoại", "Ghi chú"');
  });

  it('says "did you mean" for a left-out column that looks like a misspelt known one', () => {
    const r = rosterFromTable(grid([...VI_HEADER, 'Nam da du lop tinhh'], [...person(), '2018']), book);
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]?.message.vi).toContain('"Nam da du lop tinhh" (có phải "Năm đã dự lớp tỉnh"?)');
    expect(r.warnings[0]?.message.en).toContain('"Nam da du lop tinhh" (did you mean "Năm đã dự lớp tỉnh"?)');
  });

  it('leaves out __proto__ and constructor headers like any unknown column, without touching any prototype', () => {
    const r = rosterFromTable(grid([...VI_HEADER, '__proto__', 'constructor'], [...person(), '{"polluted":true}', 'x']), book);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((e) => [e.code, e.message.en])).toEqual([['roster.ignored_columns', expect.stringContaining('"__proto__", "constructor"')]]);
    expect(r.candidates[0]).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports a missing required column and a repeated column', () => {
    const missing = rosterFromTable(
      grid(
        VI_HEADER.filter((h) => h !== 'Chức vụ'),
        person(),
      ),
      book,
    );
    expect(missing.errors[0]).toMatchObject({ code: 'roster.missing_column', place: { row: 1 } });
    expect(missing.errors[0]?.message.vi).toContain('thiếu cột "Chức vụ" (role)');
    const twice = rosterFromTable(grid([...VI_HEADER, 'id'], [...person(), 'LS-1']), book);
    expect(twice.errors[0]).toMatchObject({ code: 'roster.duplicate_column', place: { row: 1, column: 'id' } });
  });

  it('reports a file with no rows', () => {
    expect(rosterFromTable(grid([''], ['  ']), book).errors[0]?.code).toBe('input.empty');
  });
});

describe('roster values', () => {
  const one = (over: Partial<Record<number, string>>) => rosterFromTable(grid(VI_HEADER, person(over)), book);

  it('maps Vietnamese role labels, aliases, English labels and codes to the pack codes', () => {
    for (const [text, code] of [
      ['Chủ tịch Ủy ban nhân dân xã', 'committee_chair'],
      ['chu tich ubnd xa', 'committee_chair'],
      ['Bí thư ĐU xã', 'party_secretary'],
      ["Chair of the commune People's Committee", 'committee_chair'],
      ['poor_household_rep', 'poor_household_rep'],
      ['Văn phòng - thống kê', 'office_statistics'],
    ] as const) {
      const r = one({ 5: text });
      expect(r.errors, text).toEqual([]);
      expect(r.candidates[0]?.role, text).toBe(code);
    }
  });

  it('names an unknown role with its row and column and the nearest roles (at most 3), not every role', () => {
    const r = one({ 5: 'Chủ tịch Hội Phụ lão' });
    expect(r.errors).toHaveLength(1);
    const [vi] = lines(r.errors);
    expect(vi).toBe(
      'dòng 2, cột "Chức vụ": chức vụ "Chủ tịch Hội Phụ lão" không có trong bộ quy tắc; có phải "Chủ tịch Hội Liên hiệp Phụ nữ xã" (women_union_chair) hoặc "Chủ tịch Hội Cựu chiến binh xã" (veterans_chair) hoặc "Chủ tịch Hội Nông dân xã" (farmers_union_chair)?',
    );
    expect(lines(r.errors, 'en')[0]).toMatch(/^row 2, column "Chức vụ": unknown role "Chủ tịch Hội Phụ lão"; did you mean "Chair of the commune Women's Union" \(women_union_chair\) or /);
    const far = lines(one({ 5: 'Hiệu trưởng' }).errors)[0];
    expect(far).toContain('không có chức vụ nào gần giống; bộ quy tắc có 31 chức vụ');
    expect(far).not.toContain('party_secretary');
  });

  it('reads gender, ethnic group names or codes, yes/no words, year lists and class levels', () => {
    const header = [...VI_HEADER, 'Xã đã hoàn thành CT135', 'Năm đã dự lớp tỉnh', 'Lớp đã dự năm kế hoạch'];
    const r = rosterFromTable(grid(header, [...person({ 2: 'nam', 4: '7', 10: 'TRUE' }), 'không', '2018; 2019', 'Tỉnh, xã']), book);
    expect(r.errors).toEqual([]);
    expect(r.candidates[0]).toMatchObject({
      gender: 'male',
      ethnicity: '07',
      commune: { p135: { listed: true, struckOff: false } },
      provinceTrainingYears: [2018, 2019],
      planYearClasses: ['province', 'commune'],
    });
  });

  it('gives back leading zeros a spreadsheet dropped from district and commune codes', () => {
    const r = one({ 6: '80', 8: '5998' });
    expect(r.candidates[0]?.district.code).toBe('080');
    expect(r.candidates[0]?.commune.code).toBe('05998');
  });

  it('says which cell is wrong and what is accepted, for every kind of value', () => {
    const cases: [Partial<Record<number, string>>, string, string][] = [
      [{ 2: 'Khác' }, 'Giới tính', 'giới tính "Khác" không hợp lệ; ghi Nữ hoặc Nam'],
      [{ 3: '1985-05-01' }, 'Năm sinh', '"1985-05-01" không phải là năm: cần 4 chữ số, ví dụ 1975'],
      [{ 3: '85' }, 'Năm sinh', 'không phải là năm'],
      [{ 4: 'Klingon' }, 'Dân tộc', 'dân tộc "Klingon" không có trong danh mục 54 dân tộc; ghi tên dân tộc (Tày, Nùng, Dao, Mông…) hoặc mã 01–54'],
      [{ 4: 'Nùngg' }, 'Dân tộc', 'dân tộc "Nùngg" không có trong danh mục 54 dân tộc; có phải "Nùng" (07)'],
      [{ 10: 'maybe' }, 'Xã thuộc CT135', '"maybe" không phải Có/Không; ghi Có hoặc Không (hoặc x cho Có)'],
      [{ 1: '' }, 'Họ và tên', 'thiếu giá trị'],
      [{ 8: '05A98' }, 'Mã xã', 'mã xã gồm 5 chữ số'],
      [{ 0: '=1+1' }, 'Mã', 'mã chỉ gồm chữ, số'],
    ];
    for (const [over, column, text] of cases) {
      const r = one(over);
      expect(r.errors, JSON.stringify(over)).toHaveLength(1);
      expect(r.errors[0]?.place, JSON.stringify(over)).toEqual({ row: 2, column });
      expect(r.errors[0]?.message.vi, JSON.stringify(over)).toContain(text);
      expect(r.candidates).toEqual([]);
    }
  });

  it('maps rule-package validation back to the column (a birth year out of range)', () => {
    const r = one({ 3: '1850' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.place).toEqual({ row: 2, column: 'Năm sinh' });
  });

  it('reports each problem row and keeps the valid ones; skips blank rows; counts them as rows', () => {
    const r = rosterFromTable(grid(VI_HEADER, person({}, 'A'), ['', ''], person({ 5: 'Giám đốc Sở' }, 'B'), person({}, 'C')), book);
    expect(r.candidates.map((c) => c.id)).toEqual(['A', 'C']);
    expect(r.errors.map((e) => e.place)).toEqual([{ row: 4, column: 'Chức vụ' }]);
  });

  it('reports a repeated id with the row of the first one', () => {
    const r = rosterFromTable(grid(VI_HEADER, person({}, 'A'), person({}, 'A')), book);
    expect(lines(r.errors)).toEqual(['dòng 3, cột "Mã": mã "A" trùng với dòng 2']);
  });

  it('needs the village status when a village is named, and ignores village columns otherwise', () => {
    const header = [...VI_HEADER, 'Thôn', 'Thôn thuộc CT135'];
    const named = rosterFromTable(grid([...VI_HEADER, 'Thôn'], [...person(), 'Thôn Nà Pàn']), book);
    expect(named.errors[0]).toMatchObject({ code: 'roster.village_listed_required', place: { row: 2, column: 'Thôn' } });
    // The pack says a blank yes/no cell is "Không" (lists that mark x for yes leave the rest blank).
    const blank = rosterFromTable(grid(header, [...person(), 'Thôn Nà Pàn', '']), book);
    expect(blank.errors).toEqual([]);
    expect(blank.candidates[0]?.village).toEqual({ name: 'Thôn Nà Pàn', p135: { listed: false, struckOff: false } });
    const ok = rosterFromTable(grid(header, [...person(), 'Thôn Nà Pàn', 'Có'], [...person({}, 'LS-2'), '', 'Không']), book);
    expect(ok.errors).toEqual([]);
    expect(ok.candidates[0]?.village).toEqual({ name: 'Thôn Nà Pàn', p135: { listed: true, struckOff: false } });
    expect(ok.candidates[1]?.village).toBeUndefined();
  });

  it('reports data in a column without a header', () => {
    const r = rosterFromTable(grid([...VI_HEADER, ''], [...person(), 'lạ']), book);
    expect(r.errors[0]).toMatchObject({ code: 'roster.cell_without_header', place: { row: 2 } });
    expect(rosterFromTable(grid([...VI_HEADER, ''], [...person(), '']), book).errors).toEqual([]);
  });

  it('stops after maxErrors with a last error saying so', () => {
    const rows = Array.from({ length: 20 }, (_, i) => person({ 5: 'x' }, `P${i}`));
    const r = rosterFromTable(grid(VI_HEADER, ...rows), book, { maxErrors: 5 });
    expect(r.errors).toHaveLength(6);
    expect(r.errors.at(-1)?.code).toBe('input.too_many_errors');
  });

  it('documents every column with a Vietnamese and an English header', () => {
    for (const c of ROSTER_COLUMNS) {
      expect(columnForHeader(HEADERS.vi(c))).toBe(c);
      expect(HEADERS.vi(c), c.key).not.toBe(c.key);
      expect(columnForHeader(c.key)).toBe(c);
    }
  });
});

describe('a misspelt header', () => {
  it('is one error: the unknown column, and the required column it leaves missing', () => {
    const r = rosterFromTable(
      grid(
        VI_HEADER.map((h) => (h === 'Chức vụ' ? 'Chức vụ xã' : h)),
        person(),
      ),
      book,
    );
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.place).toEqual({ row: 1, column: 'Chức vụ xã' });
    expect(r.errors[0]?.message.vi).toMatch(/^thiếu cột "Chức vụ" \(role\): .*; cột "Chức vụ xã" có phải là cột này\? hãy sửa tiêu đề thành "Chức vụ"$/);
    expect(r.errors[0]?.message.en).toMatch(/^missing column "Chức vụ" \(role\): .*; is column "Chức vụ xã" this one\? rename it "Chức vụ"$/);
  });
});

describe('a row becomes the candidate its cells say, however the columns are arranged', () => {
  // The reference: each non-empty cell put at its field's path in a plain object, a village without
  // a name dropped, then the whole schema (parseCandidate). The reader must give the same people
  // and problems in the rows with problems.
  const words = { words: packWords(book.pack), book };
  const reference = (header: readonly string[], cells: readonly string[]) => {
    const input: Record<string, unknown> = {};
    header.forEach((h, k) => {
      const col = columnForHeader(h);
      const text = (cells[k] ?? '').trim();
      if (!col) return;
      // The pack says a blank yes/no cell means "Không".
      const v = text === '' ? (col.kind === 'yes_no' ? false : EMPTY) : readCell(col, text, words);
      if (v === EMPTY) return;
      if (v instanceof CellProblem) throw new Error('the generated cells are valid');
      let o = input;
      for (const part of col.field.slice(0, -1)) o = (o[part] ??= {}) as Record<string, unknown>;
      o[col.field[col.field.length - 1] as string] = v;
    });
    const village = input.village as { name?: string } | undefined;
    if (village && village.name === undefined) delete input.village;
    return parseCandidate(input, book);
  };
  const parsed = parseCsv(readFileSync(`${EXAMPLES}candidates.csv`, 'utf8').replace(/^\uFEFF/, ''), READ_LIMITS);
  const [head, ...body] = (parsed.rows ?? []).map((r) => r.cells);
  let seed = 135;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;

  it('for 3,000 example rows, shuffled columns, dropped optional columns, blank and filled village cells', () => {
    let compared = 0;
    for (let round = 0; round < 30; round++) {
      // a column order of its own, some optional columns left out
      const keep = (head as string[]).map((h, k) => ({ h, k })).filter(({ h }) => columnForHeader(h)?.required || random() < 0.7);
      keep.sort(() => random() - 0.5);
      const header = keep.map((c) => c.h);
      const rows = (body as string[][]).slice(round * 100, round * 100 + 100).map((cells) =>
        keep.map(({ h, k }) => {
          const col = columnForHeader(h);
          if (col?.key === 'village' && random() < 0.3) return 'Thôn Nà Lầu';
          if (col?.key === 'village_listed' && random() < 0.4) return random() < 0.5 ? 'Có' : 'Không';
          if (col?.key === 'village_code' && random() < 0.3) return 'T-07';
          if (col?.key === 'commune_struck_off' && random() < 0.3) return 'Có';
          return cells[k] ?? '';
        }),
      );
      const read = rosterFromTable(grid(header, ...rows), book);
      let at = 0;
      rows.forEach((cells, i) => {
        const expected = reference(header, cells);
        const rowErrors = read.errors.filter((e) => e.place.row === i + 2);
        if (expected.value) {
          expect(rowErrors).toEqual([]);
          expect(read.candidates[at++]).toStrictEqual(expected.value);
          compared++;
        } else expect(rowErrors.length).toBeGreaterThan(0);
      });
      expect(at).toBe(read.candidates.length);
    }
    expect(compared).toBeGreaterThan(1500);
  });
});
