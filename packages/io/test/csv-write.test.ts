import { describe, expect, it } from 'vitest';
import { csvCellText, isFormulaLike, parseCsv, READ_LIMITS, type Sheet, toCsv } from '../src/index.js';

const sheet: Sheet = {
  name: 'x',
  columns: [
    { key: 'a', header: 'Họ và tên' },
    { key: 'b', header: 'Số tiền' },
    { key: 'c', header: 'Ghi chú' },
  ],
  rows: [
    ['=HYPERLINK("http://x","bấm")', { money: '8040000000' }, '+1'],
    ['-2+3', { money: '123456789012345678901234' }, '@SUM(A1)'],
    ['\tTab', { money: '-120000000' }, '\rCR'],
    ['Nguyễn, "Văn" A', 7, 'dòng\nhai'],
    [null, null, 'bình thường'],
  ],
};

describe('toCsv', () => {
  it('starts with a BOM and uses CRLF line ends', () => {
    const csv = toCsv(sheet);
    expect(csv.startsWith('\uFEFFHọ và tên,Số tiền,Ghi chú\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(toCsv(sheet, { bom: false }).startsWith('Họ')).toBe(true);
  });

  it('neutralises every text cell a spreadsheet would run as a formula, and keeps money exact', () => {
    const rows = parseCsv(toCsv(sheet).slice(1), READ_LIMITS).rows.slice(1).map((r) => r.cells);
    expect(rows).toEqual([
      [`'=HYPERLINK("http://x","bấm")`, '8040000000', "'+1"],
      ["'-2+3", '123456789012345678901234', "'@SUM(A1)"],
      ["'\tTab", '-120000000', "'\rCR"],
      ['Nguyễn, "Văn" A', '7', 'dòng\nhai'],
      ['', '', 'bình thường'],
    ]);
    for (const row of rows) for (const cell of row) if (!/^-?\d+$/.test(cell)) expect(isFormulaLike(cell), cell).toBe(false);
  });

  it('writes money that is not a whole number as neutralised text, and numbers that are not safe integers as text', () => {
    expect(csvCellText({ money: '=1' })).toBe("'=1");
    expect(csvCellText(1.5)).toBe('1.5');
    expect(csvCellText(-3)).toBe('-3');
  });

  it('can use a semicolon delimiter', () => {
    expect(toCsv({ name: 'x', columns: [{ key: 'a', header: 'a' }, { key: 'b', header: 'b' }], rows: [['x;y', 'z']] }, { delimiter: ';', bom: false })).toBe('a;b\r\n"x;y";z\r\n');
  });
});
