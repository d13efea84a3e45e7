import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../src/csv-read.js';
import { READ_LIMITS } from '../src/limits.js';

const cells = (text: string) => parseCsv(text, READ_LIMITS).rows.map((r) => r.cells);

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes and every line end', () => {
    expect(cells('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,2,3\r4,5,6')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('numbers records as spreadsheet rows: blank lines count, a quoted line break does not', () => {
    const r = parseCsv('h1,h2\n"a\nb",c\n\nd,e\n', READ_LIMITS);
    expect(r.rows.map((x) => x.place.row)).toEqual([1, 2, 3, 4]);
    expect(r.rows[3]?.cells).toEqual(['d', 'e']);
  });

  it('detects a semicolon delimiter (Excel in a Vietnamese locale) and keeps commas inside cells', () => {
    expect(detectDelimiter('Mã;Họ và tên;Năm đã dự lớp tỉnh\n')).toBe(';');
    expect(detectDelimiter('"a;b",c\n')).toBe(',');
    expect(cells('Mã;Tên\nLS-1;Nguyễn, Văn A')).toEqual([
      ['Mã', 'Tên'],
      ['LS-1', 'Nguyễn, Văn A'],
    ]);
  });

  it('keeps empty trailing fields and ignores a final line end', () => {
    expect(cells('a,b,\n1,,\n')).toEqual([
      ['a', 'b', ''],
      ['1', '', ''],
    ]);
  });

  it('reports an unclosed quote with its row and column', () => {
    const r = parseCsv('Mã,Họ và tên\nLS-1,"Nguyễn\nLS-2,Trần', READ_LIMITS);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.code).toBe('csv.unclosed_quote');
    expect(r.errors[0]?.place).toEqual({ row: 2, column: 'Họ và tên' });
  });

  it('reports text after a closing quote', () => {
    const r = parseCsv('a,b\n"x"y,z', READ_LIMITS);
    expect(r.errors[0]?.code).toBe('csv.text_after_quote');
    expect(r.errors[0]?.place).toEqual({ row: 2, column: 'a' });
  });

  it('refuses too many rows, too many columns and huge cells, naming the place', () => {
    const limits = { ...READ_LIMITS, maxRows: 2, maxColumns: 3, maxCellChars: 10 };
    expect(parseCsv('h\n1\n2\n3\n', limits).errors[0]).toMatchObject({ code: 'input.too_many_rows', place: { row: 4 } });
    expect(parseCsv('a,b,c,d\n', limits).errors[0]).toMatchObject({ code: 'input.too_many_columns', place: { row: 1 } });
    expect(parseCsv(`a,b\n1,${'x'.repeat(11)}`, limits).errors[0]).toMatchObject({ code: 'input.cell_too_long', place: { row: 2, column: 'b' } });
    expect(parseCsv(`a\n"${'x'.repeat(11)}"`, limits).errors[0]).toMatchObject({ code: 'input.cell_too_long' });
  });

  it('survives a huge single row of delimiters without hanging', () => {
    const r = parseCsv(','.repeat(1_000_000), READ_LIMITS);
    expect(r.errors[0]?.code).toBe('input.too_many_columns');
  });
});
