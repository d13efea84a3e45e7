/**
 * Reading a workbook as an office saves it: what each kind of cell reads as, which row names the
 * columns, where each limit falls (exactly at it is read, one past it is refused), and the words
 * of every refusal of the container, in Vietnamese and English.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { READ_LIMITS, type ReadLimits } from '../src/limits.js';
import { cellText, readXlsx } from '../src/xlsx-read.js';
import { workbookBytes } from './helpers.js';
import { craftZip, deflatedZeros } from './zips.js';

/** A workbook of `rows` rows, each given as its cells. */
const sheetOf = (rows: readonly (readonly ExcelJS.CellValue[])[]) => workbookBytes((ws) => rows.forEach((r) => ws.addRow([...r])));

const read = (bytes: Uint8Array, limits: Partial<ReadLimits> = {}) => readXlsx(bytes, { ...READ_LIMITS, ...limits });

/** The one refusal of a file: its code, its place and its words in both languages. */
async function refusal(bytes: Uint8Array, limits: Partial<ReadLimits> = {}) {
  const r = await read(bytes, limits);
  expect(r.errors).toHaveLength(1);
  const [e] = r.errors;
  return { code: e?.code, place: e?.place, vi: e?.message.vi, en: e?.message.en };
}

describe('a cell reads as what a person sees in it', () => {
  it.each<[string, ExcelJS.CellValue, string]>([
    ['an empty cell', null, ''],
    ['a cell never written', undefined as unknown as ExcelJS.CellValue, ''],
    ['text, as written', '  Hoàng Văn A ', '  Hoàng Văn A '],
    ['a whole number', 1975, '1975'],
    ['a decimal, with no float noise added', 0.1, '0.1'],
    ['zero', 0, '0'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['a date at midnight: the day only', new Date(Date.UTC(1985, 0, 9)), '1985-01-09'],
    ['a date with a time of day', new Date(Date.UTC(2020, 10, 30, 8, 5, 9)), '2020-11-30T08:05:09'],
    ['a date with only minutes', new Date(Date.UTC(2020, 10, 30, 0, 1, 0)), '2020-11-30T00:01:00'],
    ['a date with only seconds', new Date(Date.UTC(2020, 10, 30, 0, 0, 1)), '2020-11-30T00:00:01'],
    ['a date that is not a date', new Date(Number.NaN), ''],
    ['rich text, its runs joined', { richText: [{ text: 'Lộc ' }, { text: 'Bình' }] }, 'Lộc Bình'],
    ['a hyperlink: its text, not its address', { text: 'Cao Lộc', hyperlink: 'http://example.vn' }, 'Cao Lộc'],
    ['a formula: its saved result', { formula: 'A1+1', result: 1976 } as ExcelJS.CellValue, '1976'],
    ['a shared formula: its saved result', { sharedFormula: 'A2', result: 'LS-2' } as ExcelJS.CellValue, 'LS-2'],
    ['a formula whose result is a date', { formula: 'TODAY()', result: new Date(Date.UTC(2020, 6, 1)) } as ExcelJS.CellValue, '2020-07-01'],
    ['a formula whose result is zero', { formula: 'A1-A1', result: 0 } as ExcelJS.CellValue, '0'],
    ['a formula whose result is empty text', { formula: 'TRIM(" ")', result: '' } as ExcelJS.CellValue, ''],
    ['an object of no known kind', { kind: 'checkbox' } as unknown as ExcelJS.CellValue, ''],
  ])('%s', (_, value, text) => {
    expect(cellText(value)).toEqual({ text });
  });

  it('an error value is a problem naming the error; a formula with no saved result is another', () => {
    expect(cellText({ error: '#DIV/0!' } as ExcelJS.CellValue)).toEqual({ problem: 'error_value', detail: '#DIV/0!' });
    expect(cellText({ formula: 'NOW()' } as ExcelJS.CellValue)).toEqual({ problem: 'formula_without_result' });
    expect(cellText({ formula: 'NOW()', result: null } as unknown as ExcelJS.CellValue)).toEqual({ problem: 'formula_without_result' });
    expect(cellText({ sharedFormula: 'B2' } as ExcelJS.CellValue)).toEqual({ problem: 'formula_without_result' });
  });
});

describe('the rows of the first sheet', () => {
  it('each row keeps its spreadsheet number and its cells in order, empty cells as empty text', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.getRow(2).values = ['Mã', 'Họ và tên', 'Năm sinh'];
      ws.getRow(3).values = ['LS-1', null, 1975];
    });
    const r = await read(bytes);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { place: { row: 2 }, cells: ['Mã', 'Họ và tên', 'Năm sinh'] },
      { place: { row: 3 }, cells: ['LS-1', '', '1975'] },
    ]);
  });

  it('a cell error is placed under its column header, trimmed, from the first row that has text', async () => {
    const bytes = await sheetOf([
      ['  ', ' '],
      [' Mã ', ' Năm sinh '],
      ['LS-1', { error: '#N/A' } as ExcelJS.CellValue],
    ]);
    expect(await refusal(bytes)).toEqual({
      code: 'xlsx.error_cell',
      place: { row: 3, column: 'Năm sinh' },
      vi: 'ô có lỗi #N/A; hãy sửa ô trong bảng tính',
      en: 'the cell holds the error #N/A; fix it in the spreadsheet',
    });
  });

  it('a header row may have empty cells: it still names the columns', async () => {
    const bytes = await sheetOf([
      ['Mã', '', 'Năm sinh'],
      ['LS-1', 'x', { error: '#N/A' } as ExcelJS.CellValue],
    ]);
    expect((await refusal(bytes)).place).toEqual({ row: 2, column: 'Năm sinh' });
  });

  it('too many rows, and a workbook with no sheet: nothing read', async () => {
    expect((await read(await sheetOf([['Mã'], ['LS-1'], ['LS-2']]), { maxRows: 1 })).rows).toEqual([]);
    expect((await read(new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer()))).rows).toEqual([]);
  });

  it('a cell past the last header, or under an empty header, is placed by its row alone', async () => {
    const past = await sheetOf([['Mã'], ['LS-1', { formula: 'NOW()' } as ExcelJS.CellValue]]);
    expect(await refusal(past)).toEqual({
      code: 'xlsx.formula_without_result',
      place: { row: 2 },
      vi: 'ô là công thức chưa có giá trị đã tính; hãy mở tệp trong Excel và lưu lại',
      en: 'the cell is a formula with no saved result; open the file in Excel and save it again',
    });
    const blankHeader = await sheetOf([
      ['Mã', ' '],
      ['LS-1', { error: '#REF!' } as ExcelJS.CellValue],
    ]);
    expect((await refusal(blankHeader)).place).toEqual({ row: 2 });
  });

  it('the first bad cell stops the reading: one problem, the rows before it kept', async () => {
    const bytes = await sheetOf([
      ['Mã', 'Năm sinh'],
      ['LS-1', 1975],
      ['LS-2', { error: '#VALUE!' } as ExcelJS.CellValue],
      ['LS-3', { error: '#N/A' } as ExcelJS.CellValue],
    ]);
    const r = await read(bytes);
    expect(r.errors.map((e) => [e.place, e.message.en])).toEqual([[{ row: 3, column: 'Năm sinh' }, 'the cell holds the error #VALUE!; fix it in the spreadsheet']]);
    expect(r.rows.map((x) => x.place.row)).toEqual([1, 2]);
  });
});

describe('each limit: exactly at it is read, one past it is refused, with the limit in the words', () => {
  const rows = (n: number) => [['Mã'], ...Array.from({ length: n }, (_, i) => [`LS-${i + 1}`])];

  it('data rows (the header not counted)', async () => {
    expect((await read(await sheetOf(rows(3)), { maxRows: 3 })).rows).toHaveLength(4);
    expect(await refusal(await sheetOf(rows(4)), { maxRows: 3 })).toEqual({
      code: 'input.too_many_rows',
      place: {},
      vi: 'tệp có hơn 3 dòng dữ liệu',
      en: 'the file has more than 3 data rows',
    });
  });

  it('columns in a row', async () => {
    const bytes = await sheetOf([['a', 'b', 'c']]);
    expect((await read(bytes, { maxColumns: 3 })).errors).toEqual([]);
    expect(await refusal(bytes, { maxColumns: 2 })).toEqual({
      code: 'input.too_many_columns',
      place: { row: 1 },
      vi: 'dòng có hơn 2 cột',
      en: 'the row has more than 2 columns',
    });
  });

  it('characters in a cell', async () => {
    const bytes = await sheetOf([['Họ và tên'], ['x'.repeat(10)]]);
    expect((await read(bytes, { maxCellChars: 10 })).rows[1]?.cells).toEqual(['x'.repeat(10)]);
    expect(await refusal(bytes, { maxCellChars: 9 })).toEqual({
      code: 'input.cell_too_long',
      place: { row: 2, column: 'Họ và tên' },
      vi: 'ô dài hơn 9 ký tự',
      en: 'a cell is longer than 9 characters',
    });
  });

  it('bytes of the file', async () => {
    const bytes = await sheetOf([['Mã']]);
    expect((await read(bytes, { maxBytes: bytes.length })).errors).toEqual([]);
    expect((await refusal(bytes, { maxBytes: bytes.length - 1 })).code).toBe('input.too_large');
  });

  it('bytes the parts declare they unpack to, and bytes they really unpack to', async () => {
    const zeros = { name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(4096), method: 8 as const, declared: 4096 };
    const tooLarge = {
      code: 'xlsx.too_large_unpacked',
      place: {},
      vi: 'tệp XLSX giải nén ra hơn 1000 B',
      en: 'the XLSX file unpacks to more than 1000 B',
    };
    expect(await refusal(craftZip([zeros]), { maxUnpackedBytes: 1000 })).toEqual(tooLarge);
    expect((await refusal(craftZip([zeros]), { maxUnpackedBytes: 4095 })).code).toBe('xlsx.too_large_unpacked');
    // declared within the limit, but unpacking past it
    expect(await refusal(craftZip([{ ...zeros, declared: 10 }]), { maxUnpackedBytes: 1000 })).toEqual(tooLarge);
    // exactly at the limit, both declared and real: past the container checks, to the XML (zeros are not XML)
    expect((await refusal(craftZip([zeros]), { maxUnpackedBytes: 4096 })).en).toMatch(/^the XLSX file is corrupt \(.*\)$/);
  });

  it('parts in the file: at most 10,000', async () => {
    const part = (k: number) => ({ name: `p${k}`, data: new Uint8Array(), method: 0 as const, declared: 0 });
    expect(await refusal(craftZip(Array.from({ length: 10_001 }, (_, k) => part(k))))).toEqual({
      code: 'xlsx.too_many_parts',
      place: {},
      vi: 'tệp XLSX có hơn 10000 phần',
      en: 'the XLSX file has more than 10000 parts',
    });
    expect((await refusal(craftZip(Array.from({ length: 10_000 }, (_, k) => part(k))))).code).toBe('xlsx.no_sheet');
  });
});

describe('a file that is not a readable workbook is refused in words that say what to do', () => {
  it.each<[string, () => Uint8Array, string, string, string]>([
    ['an empty file', () => new Uint8Array(), 'input.empty', 'tệp rỗng: không có dòng nào', 'the file is empty: it has no rows'],
    ['text, not a ZIP', () => new TextEncoder().encode('Mã,Họ và tên\nLS-1,A\n'), 'xlsx.not_xlsx', 'không phải tệp XLSX (Excel 2007 trở lên)', 'not an XLSX file (Excel 2007 or later)'],
    [
      'a ZIP cut short',
      () => craftZip([{ name: 'a.xml', data: new Uint8Array(100), method: 0, declared: 100 }]).slice(0, 60),
      'xlsx.truncated',
      'tệp XLSX bị cắt cụt hoặc hỏng; hãy lưu hoặc tải lại tệp',
      'the XLSX file is truncated or corrupt; save or download it again',
    ],
    [
      'a ZIP64 file (more parts or bytes than ZIP itself can count)',
      () => {
        const zip = craftZip([{ name: 'a.xml', data: new Uint8Array(8), method: 0, declared: 8 }]);
        new DataView(zip.buffer).setUint16(zip.length - 22 + 10, 0xffff, true); // the end record's count of entries
        return zip;
      },
      'xlsx.zip64',
      'tệp XLSX quá lớn (định dạng ZIP64 không được hỗ trợ)',
      'the XLSX file is too large (ZIP64 is not supported)',
    ],
    [
      'parts sharing their data',
      () => craftZip([{ name: 'a.xml', data: deflatedZeros(64), method: 8, declared: 64 }], [{ name: 'b.xml', of: 0 }]),
      'xlsx.overlapping_parts',
      'tệp XLSX có các phần dùng chung dữ liệu (dấu hiệu của tệp độc hại); hãy lưu lại tệp bằng Excel',
      'the XLSX file has parts that share their data (a sign of a hostile file); save it again from Excel',
    ],
    [
      'a compression Excel does not use',
      () => {
        const zip = craftZip([{ name: 'a.xml', data: new Uint8Array(8), method: 8, declared: 8 }]);
        const view = new DataView(zip.buffer);
        view.setUint16(8, 12, true); // local header: bzip2
        view.setUint16(30 + 5 + 8 + 10, 12, true); // central directory record
        return zip;
      },
      'xlsx.unsupported_compression',
      'tệp XLSX dùng kiểu nén không được hỗ trợ; hãy lưu lại tệp bằng Excel',
      'the XLSX file uses an unsupported compression method; save it again from Excel',
    ],
    [
      'deflated data that does not inflate',
      () => craftZip([{ name: 'a.xml', data: new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x12]), method: 8, declared: 5 }]),
      'xlsx.corrupt',
      'tệp XLSX bị hỏng (dữ liệu nén không giải nén được); hãy lưu hoặc tải lại tệp',
      'the XLSX file is corrupt (its compressed data does not unpack); save or download it again',
    ],
  ])('%s', async (_, bytes, code, vi, en) => {
    expect(await refusal(bytes())).toEqual({ code, place: {}, vi, en });
    expect((await read(bytes())).rows).toEqual([]);
  });

  it('a ZIP with no worksheet in it, and a workbook with none', async () => {
    const noSheet = { code: 'xlsx.no_sheet', place: {}, vi: 'tệp XLSX không có trang tính nào', en: 'the XLSX file has no worksheet' };
    const text = new TextEncoder().encode('not a workbook');
    expect(await refusal(craftZip([{ name: 'readme.txt', data: text, method: 0, declared: text.length }]))).toEqual(noSheet);
    expect(await refusal(new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer()))).toEqual(noSheet);
  });

  it('a workbook part that is not XML: corrupt, in one line that says why, the same in both languages', async () => {
    const text = new TextEncoder().encode('<<<not xml');
    const e = await refusal(craftZip([{ name: 'xl/workbook.xml', data: text, method: 0, declared: text.length }]));
    expect(e.code).toBe('xlsx.corrupt');
    const why = /^the XLSX file is corrupt \((.+)\)$/.exec(e.en ?? '')?.[1];
    expect(why).toMatch(/\S/);
    expect(e.vi).toBe(`tệp XLSX bị hỏng (${why})`);
    expect(why).not.toMatch(/\n|at .*\.js:\d+/);
  });
});
