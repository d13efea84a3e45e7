import { describe, expect, it } from 'vitest';
import { type CsvBatch, scanDelimiter } from '../src/csv-parser.js';
import { CsvParser } from '../src/index.js';
import { parseCsv } from '../src/csv-read.js';
import { READ_LIMITS } from '../src/limits.js';
import { LineSplitter } from '../src/lines.js';

/** Limits small enough to reach in a test: 10 characters a cell, 3 columns, 2 data rows. */
const SMALL = { ...READ_LIMITS, maxRows: 2, maxColumns: 3, maxCellChars: 10 };
const cellsOf = (batch: CsvBatch) => batch.rows.map((r) => r.cells);

describe('the delimiter is read from the header line, as Excel writes it', () => {
  it('counts only what is outside quotes: a quoted name full of commas does not make the file comma-separated', () => {
    expect(scanDelimiter('"Họ, tên, đệm";Xã\n')).toEqual({ delimiter: ';', decided: true });
  });

  it('decides at the end of the header line, whatever the lines after it use', () => {
    expect(scanDelimiter('Mã;Tên\nLS-1,a,b,c\n')).toEqual({ delimiter: ';', decided: true });
    expect(scanDelimiter('Mã\tTên\nLS-1,a,b,c\n')).toEqual({ delimiter: '\t', decided: true });
  });

  it('is still undecided while no line with a delimiter has ended', () => {
    expect(scanDelimiter('\n\nMã;Tên')).toEqual({ delimiter: ';', decided: false });
  });

  it('chooses tabs only when there are more tabs than commas and more than semicolons; a tie goes to the comma', () => {
    expect(scanDelimiter('a\tb\tc;d\n').delimiter).toBe('\t');
    expect(scanDelimiter('a\tb,c\n').delimiter).toBe(',');
    expect(scanDelimiter('a\tb;c\n').delimiter).toBe(';');
    expect(scanDelimiter('a\tb;c;d\n').delimiter).toBe(';');
    expect(scanDelimiter('a;b,c\n').delimiter).toBe(',');
  });

  it('names the delimiter it used: tab for Excel "Unicode Text", comma, semicolon', () => {
    expect(parseCsv('Mã\tTên\nLS-1\tA', READ_LIMITS).delimiter).toBe('\t');
    expect(parseCsv('Mã,Tên\nLS-1,A', READ_LIMITS).delimiter).toBe(',');
    for (const [text, delimiter] of [
      ['Mã\tTên\n', '\t'],
      ['Mã,Tên\n', ','],
      ['Mã;Tên\n', ';'],
    ] as const) {
      const parser = new CsvParser(READ_LIMITS);
      parser.push(text);
      expect(parser.delimiter).toBe(delimiter);
    }
  });

  it('takes a delimiter given in advance (a piece of a file whose header was read elsewhere) without looking', () => {
    const parser = new CsvParser(READ_LIMITS, { delimiter: ';' });
    expect(parser.delimiter).toBe(';');
    expect(cellsOf(parser.push('LS-1,2;Nông Văn A\n'))).toEqual([['LS-1,2', 'Nông Văn A']]);
  });

  it('stops waiting for a header line after 4 MiB of text with no delimiter, and reads on with commas', () => {
    // 4 MiB is the parser's bound on undecided text; a file of one 4 MiB line must not be held whole.
    const parser = new CsvParser({ ...READ_LIMITS, maxCellChars: 10 });
    const batch = parser.push(`${' '.repeat(4 * 1024 * 1024 - 1)}\n`);
    expect(batch.error).toMatchObject({ code: 'input.cell_too_long', place: { row: 1 } });
    expect(parser.delimiter).toBe(',');
  });
});

describe('a record is given as soon as it is complete, and held only while it may still grow', () => {
  it('gives a record with quoted cells before end()', () => {
    const parser = new CsvParser(READ_LIMITS);
    expect(cellsOf(parser.push('Mã,Tên\n"LS-1","Hà Thị B"\n'))).toEqual([
      ['Mã', 'Tên'],
      ['LS-1', 'Hà Thị B'],
    ]);
  });

  it('holds the start of the next record as pending text', () => {
    const parser = new CsvParser(READ_LIMITS);
    parser.push('Mã,Tên\nLS-1,"Hà');
    expect(parser.pending).toBe('LS-1,"Hà');
  });

  it('waits for a cell of exactly the limit, quoted or not, until the next piece ends it', () => {
    for (const open of ['', '"']) {
      const parser = new CsvParser(SMALL);
      const first = parser.push(`a,b\nLS-1,${open}${'x'.repeat(10)}`);
      expect(first.error, `${open}cell`).toBeUndefined();
      expect(cellsOf(first)).toEqual([['a', 'b']]);
      const next = parser.push(`${open}\n`);
      expect(next.error).toBeUndefined();
      expect(cellsOf(next)).toEqual([['LS-1', 'x'.repeat(10)]]);
    }
  });

  it('fails as soon as an unquoted cell passes the limit, without waiting for its end', () => {
    const parser = new CsvParser(SMALL);
    const batch = parser.push(`a,b\nLS-1,${'x'.repeat(11)}`);
    expect(batch.error).toMatchObject({ code: 'input.cell_too_long', place: { row: 2, column: 'b' } });
  });

  it('takes cells of exactly the limit and rows of exactly the column limit', () => {
    const r = parseCsv(`a,b,c\n${'x'.repeat(10)},2,3\n`, SMALL);
    expect(r.errors).toEqual([]);
    expect(r.rows[1]?.cells).toEqual(['x'.repeat(10), '2', '3']);
  });
});

describe('after an error or end(), the parser gives nothing more', () => {
  it('gives no rows after the error that stopped it', () => {
    const parser = new CsvParser(SMALL);
    expect(parser.push('a,b\n"x"y,z\n').error).toMatchObject({ code: 'csv.text_after_quote' });
    expect(parser.push('LS-1,2\n')).toEqual({ rows: [] });
    expect(parser.end()).toEqual({ rows: [] });
  });

  it('gives no rows after the row limit', () => {
    const parser = new CsvParser(SMALL);
    expect(parser.push('h,x\n1,a\n2,b\n3,c\n').error).toMatchObject({ code: 'input.too_many_rows' });
    expect(parser.push('4,d\n')).toEqual({ rows: [] });
  });

  it('gives no rows after end()', () => {
    const parser = new CsvParser(READ_LIMITS);
    expect(cellsOf(parser.push('a,b\n1,2'))).toEqual([['a', 'b']]);
    expect(cellsOf(parser.end())).toEqual([['1', '2']]);
    expect(parser.push('3,4\n')).toEqual({ rows: [] });
  });
});

describe('errors name the column by the header, the first row with any text in it', () => {
  it('skips blank rows and rows of spaces before the header', () => {
    const r = parseCsv('\n , \nMã,Tên\nLS-1,"x"y\n', READ_LIMITS);
    expect(r.errors[0]?.place).toEqual({ row: 4, column: 'Tên' });
  });

  it('keeps the header once found: a data row does not rename the columns', () => {
    const r = parseCsv('Mã,Tên\nLS-1,Hà Thị B\nLS-2,"x"y\n', READ_LIMITS);
    expect(r.errors[0]?.place).toEqual({ row: 3, column: 'Tên' });
  });

  it('takes a header with an empty cell in it', () => {
    const r = parseCsv('Mã,,Tên\nLS-1,,"x"y\n', READ_LIMITS);
    expect(r.errors[0]?.place).toEqual({ row: 2, column: 'Tên' });
  });

  it('names the column without the spaces around it in the header', () => {
    const r = parseCsv('Mã, Tên \nLS-1,"x"y\n', READ_LIMITS);
    expect(r.errors[0]?.place).toEqual({ row: 2, column: 'Tên' });
  });
});

describe('each structural error says what is wrong in Vietnamese and English, with the limit', () => {
  const message = (text: string, limits = SMALL) => parseCsv(text, limits).errors[0]?.message;

  it('too many rows, columns, too long a cell', () => {
    expect(message('h\n1\n2\n3\n')).toEqual({ vi: 'tệp có hơn 2 dòng dữ liệu', en: 'the file has more than 2 data rows' });
    expect(message('a,b,c,d\n')).toEqual({ vi: 'dòng có hơn 3 cột', en: 'the row has more than 3 columns' });
    expect(message(`a\n${'x'.repeat(11)}\n`)).toEqual({ vi: 'ô dài hơn 10 ký tự', en: 'a cell is longer than 10 characters' });
  });

  it('a quote never closed, at the end of the file and, while streaming, once the cell is too long', () => {
    expect(message('a\n"x\n', READ_LIMITS)).toEqual({ vi: 'dấu ngoặc kép (") mở mà không đóng', en: 'a quote (") is opened and never closed' });
    const parser = new CsvParser(SMALL);
    expect(parser.push(`a,b\n1,"${'x'.repeat(11)}`).error?.message).toEqual({
      vi: 'ô dài hơn 10 ký tự (có thể do một dấu ngoặc kép (") mở mà không đóng)',
      en: 'a cell is longer than 10 characters (perhaps a quote (") is opened and never closed)',
    });
  });

  it('text after a closing quote, with an example of a cell quoted whole', () => {
    expect(message('a\n"x"y\n')).toEqual({
      vi: 'có ký tự sau dấu ngoặc kép đóng; một ô có dấu ngoặc kép phải được bao trọn, ví dụ "a ""b"" c"',
      en: 'text follows a closing quote; a quoted cell must be quoted whole, e.g. "a ""b"" c"',
    });
  });
});

describe('LineSplitter, as the JSON Lines and roster streams use it', () => {
  it('gives a blank first line when the text starts with a line end', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('\n{"id":"LS-1"}\n')).toEqual([
      { line: 1, text: '' },
      { line: 2, text: '{"id":"LS-1"}' },
    ]);
  });

  it('keeps a CR and an LF together when an empty piece comes between them (a piece that was only part of a letter)', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('a\r')).toEqual([{ line: 1, text: 'a' }]);
    expect(splitter.push('')).toEqual([]);
    expect(splitter.push('\nb\n')).toEqual([{ line: 2, text: 'b' }]);
  });

  it('says how much of a line not yet ended it holds, so a stream can refuse a line too long', () => {
    const splitter = new LineSplitter();
    splitter.push('abc\nde');
    expect(splitter.pendingLength).toBe(2);
    splitter.push('fgh');
    expect(splitter.pendingLength).toBe(5);
  });
});
