import { describe, expect, it } from 'vitest';
import { csvCellText, csvField } from '../src/csv-write.js';
import { csvRows, type Sheet, toCsv } from '../src/index.js';
import { isFormulaLike } from '../src/safety.js';
import { parseCsv } from '../src/csv-read.js';
import { READ_LIMITS } from '../src/limits.js';

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
    const rows = parseCsv(toCsv(sheet).slice(1), READ_LIMITS)
      .rows.slice(1)
      .map((r) => r.cells);
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
    expect(
      toCsv(
        {
          name: 'x',
          columns: [
            { key: 'a', header: 'a' },
            { key: 'b', header: 'b' },
          ],
          rows: [['x;y', 'z']],
        },
        { delimiter: ';', bom: false },
      ),
    ).toBe('a;b\r\n"x;y";z\r\n');
  });
});

describe('one cell as CSV', () => {
  it('is what a row writes for it, for every kind of character at every place', () => {
    // the characters that matter (formula starts, quotes, delimiters, line breaks, spaces of every kind) and plain ones
    const chars = ['a', 'Z', '0', 'ễ', 'Đ', 'À', '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', ' ', '\u00a0', '\u1680', '\u2000', '\u2028', '\u3000', '\ufeff', '\u00bf', '\u1fff', "'", '😀'];
    const whole = (text: string) =>
      csvRows([{ key: 'x', header: 'x' }])
        .row([text])
        .slice(0, -2);
    const texts = [''];
    for (const a of chars) for (const b of chars) texts.push(a + b, `${a}xy${b}`, `${a}${b}${a}`);
    let seed = 7;
    for (let k = 0; k < 3000; k++) {
      let t = '';
      const n = (seed = (seed * 1103515245 + 12345) >>> 0) % 9;
      for (let i = 0; i < n; i++) t += chars[(seed = (seed * 1103515245 + 12345) >>> 0) % chars.length];
      texts.push(t);
    }
    for (const t of texts) expect(csvField(t)).toBe(whole(t));
  });
});
